import Link from 'next/link'
import React from 'react'

import { dictionary, DEFAULT_LOCALE } from '@/i18n'

/**
 * The 404 page in the site's design. Next does not give not-found pages their route params, so it
 * speaks the default language with links to all three.
 */
export default function NotFound() {
  const t = dictionary(DEFAULT_LOCALE)
  const en = dictionary('en')
  const ru = dictionary('ru')
  return (
    <main id="main" className="error-page">
      <h1 lang="az">{t.notFoundTitle}</h1>
      <p lang="az">{t.notFoundText}</p>
      <p lang="en">{en.notFoundTitle}. {en.notFoundText}</p>
      <p lang="ru">{ru.notFoundTitle}. {ru.notFoundText}</p>
      <ul>
        <li lang="az">
          <Link href="/az">{t.home}</Link>
        </li>
        <li lang="en">
          <Link href="/en">{en.home}</Link>
        </li>
        <li lang="ru">
          <Link href="/ru">{ru.home}</Link>
        </li>
      </ul>
    </main>
  )
}
