import Link from 'next/link'
import React from 'react'

import { format, type Dictionary, type Locale } from '@/i18n'
import type { Release } from '@/payload-types'
import type { Localized } from '@/site/releases'

import { ReleaseCard } from './ReleaseCard'

/** The newest releases about an official or an agency, with a link to all of them in the filtered list. */
export function RelatedReleases({
  heading,
  items,
  totalDocs,
  moreHref,
  locale,
  t,
}: {
  heading: React.ReactNode
  items: Localized<Release>[]
  totalDocs: number
  moreHref: string
  locale: Locale
  t: Dictionary
}) {
  return (
    <section aria-labelledby="releases-heading">
      <h2 id="releases-heading">{heading}</h2>
      {items.length ? (
        <ul className="release-list">
          {items.map((item) => (
            <li key={item.doc.id}>
              <ReleaseCard item={item} locale={locale} t={t} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noReleasesYet}</p>
      )}
      {totalDocs > items.length && (
        <p>
          <Link href={moreHref}>{format(t.allReleasesCount, { count: totalDocs })}</Link>
        </p>
      )}
    </section>
  )
}
