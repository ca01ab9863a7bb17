import Link from 'next/link'
import React from 'react'

import { A11yToolbar } from '@/a11y/A11yToolbar'
import { LOCALE_CODES, LOCALE_NAMES, type Locale } from '@/i18n/locales'
import type { PageContext } from '@/site/context'
import { galleriesPath, localePath, releasesPath } from '@/site/paths'

/**
 * Header, language switcher, navigation and footer around every public page. `path` is this page's
 * address after the language; `alternates` gives it in other languages when it differs (a slug).
 */
export function SiteChrome({
  ctx,
  path,
  alternates,
  children,
}: {
  ctx: PageContext
  path: string
  alternates?: Partial<Record<Locale, string>>
  children: React.ReactNode
}) {
  const { locale, t, settings } = ctx
  const here = localePath(locale, path)
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header__top">
          <A11yToolbar locale={locale} settings={settings} returnPath={here} />
          <nav aria-label={t.languageSwitcher} className="language-switcher">
            <ul>
              {LOCALE_CODES.map((code) => (
                <li key={code}>
                  <a
                    href={localePath(code, alternates?.[code] ?? path)}
                    hrefLang={code}
                    lang={code}
                    aria-current={code === locale ? 'true' : undefined}
                  >
                    {LOCALE_NAMES[code]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <p className="site-name">
          <Link href={localePath(locale)}>{t.siteName}</Link>
        </p>
        <nav aria-label={t.mainNavigation} className="main-nav">
          <ul>
            <li>
              <Link href={localePath(locale)} aria-current={path === '' ? 'page' : undefined}>
                {t.home}
              </Link>
            </li>
            <li>
              <Link href={localePath(locale, releasesPath)} aria-current={path === releasesPath ? 'page' : undefined}>
                {t.releases}
              </Link>
            </li>
            <li>
              <Link href={localePath(locale, galleriesPath)} aria-current={path === galleriesPath ? 'page' : undefined}>
                {t.galleries}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          <a href={`/feed/${locale}.xml`}>{t.feed}</a>
        </p>
        <p>© {t.siteName}</p>
      </footer>
    </>
  )
}
