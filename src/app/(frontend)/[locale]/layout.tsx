import type { Metadata } from 'next'
import React from 'react'

import { htmlClassNames } from '@/a11y/classes'
import { decodeView, MAIN_VIEW } from '@/a11y/settings'
import { DEFAULT_LOCALE, dictionary, isLocale } from '@/i18n'
import type { PageParams } from '@/site/context'
import { siteURL } from '@/site/paths'
import '@/site/site.css'
// After the site's styles: the view's rules build on them.
import '@/a11y/a11y.css'

/** Nothing is pre-rendered at build time; each page is rendered on first request, then cached. */
export function generateStaticParams(): PageParams[] {
  return []
}

export async function generateMetadata({ params }: { params: Promise<PageParams> }): Promise<Metadata> {
  const { locale } = await params
  const t = dictionary(isLocale(locale) ? locale : DEFAULT_LOCALE)
  return {
    metadataBase: new URL(siteURL()),
    title: { default: t.siteName, template: `%s · ${t.siteName}` },
    description: t.siteTagline,
    alternates: {
      types: { 'application/rss+xml': [{ url: `/feed/${isLocale(locale) ? locale : DEFAULT_LOCALE}.xml`, title: t.feed }] },
    },
  }
}

export default async function FrontendLayout({ children, params }: { children: React.ReactNode; params: Promise<PageParams> }) {
  const { view = MAIN_VIEW, locale } = await params
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE
  const settings = view === MAIN_VIEW ? null : decodeView(view)
  return (
    <html lang={lang} className={htmlClassNames(settings) || undefined}>
      <body>{children}</body>
    </html>
  )
}
