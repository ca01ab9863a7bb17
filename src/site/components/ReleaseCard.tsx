import Link from 'next/link'
import React from 'react'

import { formatDate, type Locale } from '@/i18n'
import type { Release } from '@/payload-types'
import type { Localized } from '@/site/releases'
import { localePath, releasePath } from '@/site/paths'

import { typeLabel } from './labels'
import type { Dictionary } from '@/i18n'

/**
 * "Withdrawn" as text in the page's language (as GOV.UK marks withdrawn pages in lists): never colour
 * alone, and read out with the title's line by screen readers.
 */
export function WithdrawnLabel({ t }: { t: Dictionary }) {
  return <strong className="label-withdrawn">{t.withdrawnHeading}</strong>
}

export function ReleaseCard({ item, locale, t, headingLevel = 3 }: { item: Localized<Release>; locale: Locale; t: Dictionary; headingLevel?: 2 | 3 }) {
  const { doc, lang } = item
  const Heading = `h${headingLevel}` as 'h2' | 'h3'
  const foreign = lang !== locale ? lang : undefined
  return (
    <article className="release-card">
      <p className="meta">
        {doc.withdrawal?.withdrawn && (
          <>
            <WithdrawnLabel t={t} />{' '}
          </>
        )}
        <span>{typeLabel(doc.type, t)}</span>
        {doc.publishedAt && (
          <>
            {' · '}
            <time dateTime={doc.publishedAt}>{formatDate(doc.publishedAt, locale, doc.datePrecision ?? 'date')}</time>
          </>
        )}
      </p>
      <Heading lang={foreign}>
        <Link href={localePath(locale, releasePath(doc.slug ?? doc.id))}>{doc.title}</Link>
      </Heading>
      {doc.lead && <p lang={foreign}>{doc.lead}</p>}
    </article>
  )
}
