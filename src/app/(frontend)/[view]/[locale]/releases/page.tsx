import type { Metadata } from 'next'
import React from 'react'

import { format, LOCALE_CODES } from '@/i18n'
import { RELEASE_TYPE_VALUES, typeLabel } from '@/site/components/labels'
import { ReleaseCard } from '@/site/components/ReleaseCard'
import { SiteChrome } from '@/site/components/SiteChrome'
import { pageContext, type PageParams } from '@/site/context'
import { localePath, releasesPath } from '@/site/paths'
import { site } from '@/site/payload'
import { listReleases, type ReleaseFilters } from '@/site/releases'

// Filters and search come from the query string: rendered per request (the query is indexed and small).
export const dynamic = 'force-dynamic'

type Search = Promise<Record<string, string | string[] | undefined>>

const one = (value: string | string[] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value
  return v?.trim() ? v.trim().slice(0, 200) : undefined
}
const int = (value: string | undefined, min: number, max: number): number | undefined => {
  const n = value && /^\d+$/.test(value) ? Number(value) : Number.NaN
  return n >= min && n <= max ? n : undefined
}

/** Query string → filters; anything malformed is ignored rather than an error. */
function readFilters(search: Record<string, string | string[] | undefined>): ReleaseFilters {
  const type = one(search.type)
  const year = int(one(search.year), 1990, 2100)
  return {
    page: int(one(search.page), 1, 10_000) ?? 1,
    type: type && (RELEASE_TYPE_VALUES as string[]).includes(type) ? type : undefined,
    agency: one(search.agency),
    official: one(search.official),
    year,
    month: year ? int(one(search.month), 1, 12) : undefined,
    q: one(search.q),
  }
}

export async function generateMetadata({ params }: { params: Promise<PageParams> }): Promise<Metadata> {
  const { locale, t } = await pageContext(params)
  return {
    title: t.releases,
    alternates: {
      canonical: localePath(locale, releasesPath),
      languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, localePath(l, releasesPath)])),
    },
  }
}

export default async function ReleasesPage({ params, searchParams }: { params: Promise<PageParams>; searchParams: Search }) {
  const ctx = await pageContext(params)
  const { locale, t } = ctx
  const filters = readFilters(await searchParams)
  const payload = await site()
  const [agencies, officials] = await Promise.all([
    payload.find({ collection: 'agencies', locale, sort: 'name', limit: 200, depth: 0, overrideAccess: false, pagination: false }),
    payload.find({ collection: 'officials', locale, sort: 'name', limit: 200, depth: 0, overrideAccess: false, pagination: false }),
  ])
  // Only ids the reader could have picked; anything else is ignored, never passed to the database.
  if (filters.agency && !agencies.docs.some((a) => a.id === filters.agency)) filters.agency = undefined
  if (filters.official && !officials.docs.some((o) => o.id === filters.official)) filters.official = undefined
  const result = await listReleases(locale, filters)
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: thisYear - 1999 }, (_, i) => thisYear - i)
  const monthName = (m: number) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)))
  const pageLink = (page: number) => {
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries({ ...filters, page })) if (value !== undefined && !(key === 'page' && value === 1)) query.set(key, String(value))
    const qs = query.toString()
    return `${localePath(locale, releasesPath)}${qs ? `?${qs}` : ''}`
  }
  return (
    <SiteChrome ctx={ctx} path={releasesPath}>
      <h1>{t.releases}</h1>
      <form method="get" action={localePath(locale, releasesPath)} className="filters" role="search" aria-label={t.filters}>
        <p>
          <label htmlFor="q">{t.searchLabel}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} maxLength={200} />
        </p>
        <p>
          <label htmlFor="type">{t.type}</label>
          <select id="type" name="type" defaultValue={filters.type ?? ''}>
            <option value="">{t.any}</option>
            {RELEASE_TYPE_VALUES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type, t)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="agency">{t.agency}</label>
          <select id="agency" name="agency" defaultValue={filters.agency ?? ''}>
            <option value="">{t.any}</option>
            {agencies.docs.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="official">{t.official}</label>
          <select id="official" name="official" defaultValue={filters.official ?? ''}>
            <option value="">{t.any}</option>
            {officials.docs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="year">{t.year}</label>
          <select id="year" name="year" defaultValue={filters.year ? String(filters.year) : ''}>
            <option value="">{t.any}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="month">{t.month}</label>
          <select id="month" name="month" defaultValue={filters.month ? String(filters.month) : ''}>
            <option value="">{t.any}</option>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </p>
        <p className="filters__actions">
          <button type="submit">{t.apply}</button> <a href={localePath(locale, releasesPath)}>{t.clearFilters}</a>
        </p>
      </form>
      <p role="status">{format(t.resultsCount, { count: result.totalDocs })}</p>
      {result.items.length ? (
        <ul className="release-list">
          {result.items.map((item) => (
            <li key={item.doc.id}>
              <ReleaseCard item={item} locale={locale} t={t} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noResults}</p>
      )}
      {result.totalPages > 1 && (
        <nav aria-label={t.pagination} className="pagination">
          {result.hasPrevPage && <a href={pageLink(result.page! - 1)} rel="prev">{t.previousPage}</a>}{' '}
          <span aria-current="page">{format(t.pageOf, { page: result.page ?? 1, total: result.totalPages })}</span>{' '}
          {result.hasNextPage && <a href={pageLink(result.page! + 1)} rel="next">{t.nextPage}</a>}
        </nav>
      )}
    </SiteChrome>
  )
}
