import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { format, LOCALE_CODES, type Locale } from '@/i18n'
import { GalleryCard } from '@/site/components/GalleryCard'
import { SiteChrome } from '@/site/components/SiteChrome'
import { pageContext, type PageParams } from '@/site/context'
import { listGalleries } from '@/site/directory'
import { galleriesPath, localePath } from '@/site/paths'
import { hasBracketKeys, INVALID, wholeNumber, type SearchParams } from '@/site/query'

// The list's page. Readers reach it through galleries-index (no query string) and galleries-query/{query}
// (src/proxy.ts sends every `/{locale}/galleries` to one of them); as a route of its own it renders per request.
export const dynamic = 'force-dynamic'

type Search = Promise<SearchParams>

/** `?page=N` (1 when absent), or null when malformed (→ 404). */
function readPage(search: SearchParams): number | null {
  if (hasBracketKeys(search, ['page'])) return null
  const page = wholeNumber(search.page, 1, 100_000)
  return page === INVALID ? null : (page ?? 1)
}

const pageHref = (locale: Locale, page: number): string => `${localePath(locale, galleriesPath)}${page > 1 ? `?page=${page}` : ''}`

export async function generateMetadata({ params, searchParams }: { params: Promise<PageParams>; searchParams: Search }): Promise<Metadata> {
  const { locale, t } = await pageContext(params)
  const page = readPage(await searchParams) ?? 1
  return {
    title: t.galleries,
    alternates: {
      canonical: pageHref(locale, page),
      languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, pageHref(l, page)])),
    },
  }
}

export default async function GalleriesPage({ params, searchParams }: { params: Promise<PageParams>; searchParams: Search }) {
  const ctx = await pageContext(params)
  const { locale, t } = ctx
  const page = readPage(await searchParams)
  if (page === null) notFound()
  const result = await listGalleries(locale, page)
  if (page > 1 && result.items.length === 0) notFound()

  return (
    <SiteChrome ctx={ctx} path={galleriesPath}>
      <h1>{t.galleries}</h1>
      {result.items.length ? (
        <ul className="release-list gallery-list">
          {result.items.map((gallery) => (
            <li key={gallery.id}>
              <GalleryCard gallery={gallery} locale={locale} t={t} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noGalleries}</p>
      )}
      {result.totalPages > 1 && (
        <nav aria-label={t.pagination} className="pagination">
          {result.hasPrevPage && (
            <a href={pageHref(locale, result.page - 1)} rel="prev">
              {t.previousPage}
            </a>
          )}{' '}
          <span aria-current="page">{format(t.pageOf, { page: result.page, total: result.totalPages })}</span>{' '}
          {result.hasNextPage && (
            <a href={pageHref(locale, result.page + 1)} rel="next">
              {t.nextPage}
            </a>
          )}
        </nav>
      )}
    </SiteChrome>
  )
}
