import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { format, LOCALE_CODES } from '@/i18n'
import { RELEASE_TYPE_VALUES, typeLabel } from '@/site/components/labels'
import { ReleaseCard } from '@/site/components/ReleaseCard'
import { SiteChrome } from '@/site/components/SiteChrome'
import { pageContext, type PageParams } from '@/site/context'
import { localePath, releasesPath } from '@/site/paths'
import { hasBracketKeys, INVALID, single, wholeNumber, type SearchParams } from '@/site/query'
import { site } from '@/site/payload'
import { listReleases, type ReleaseFilters } from '@/site/releases'

// The list's page. Readers reach it through releases-index (no query string) and releases-query/{query}
// (src/proxy.ts sends every `/{locale}/releases` to one of them); as a route of its own it renders per request.
export const dynamic = 'force-dynamic'

type Search = Promise<SearchParams>

const FILTERS = ['page', 'type', 'agency', 'official', 'year', 'month', 'q'] as const

/** Query string → filters, or null when a value is one no link or form of the site produces (→ 404). */
function readFilters(search: SearchParams): ReleaseFilters | null {
  if (hasBracketKeys(search, FILTERS)) return null
  const [page, type, agency, official, year, month, q] = [
    wholeNumber(search.page, 1, 10_000),
    single(search.type),
    single(search.agency),
    single(search.official),
    wholeNumber(search.year, 1990, 2100),
    wholeNumber(search.month, 1, 12),
    single(search.q),
  ]
  if ([page, type, agency, official, year, month, q].includes(INVALID)) return null
  if (type !== undefined && !(RELEASE_TYPE_VALUES as unknown[]).includes(type)) return null
  return {
    page: (page as number | undefined) ?? 1,
    type: type as string | undefined,
    agency: (agency as string | undefined)?.slice(0, 200),
    official: (official as string | undefined)?.slice(0, 200),
    year: year as number | undefined,
    month: year ? (month as number | undefined) : undefined,
    q: (q as string | undefined)?.slice(0, 200),
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

/** One labelled filter: a plain select whose first option means "any". */
function FilterSelect({
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  name: string
  label: string
  anyLabel: string
  value: string | number | undefined
  options: { value: string | number; label: string }[]
}) {
  return (
    <p>
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value === undefined ? '' : String(value)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </p>
  )
}

export default async function ReleasesPage({ params, searchParams }: { params: Promise<PageParams>; searchParams: Search }) {
  const ctx = await pageContext(params)
  const { locale, t } = ctx
  const filters = readFilters(await searchParams)
  if (!filters) notFound()
  const payload = await site()
  const [agencies, officials] = await Promise.all([
    payload.find({ collection: 'agencies', locale, sort: 'name', limit: 200, depth: 0, overrideAccess: false, pagination: false }),
    payload.find({ collection: 'officials', locale, sort: 'name', limit: 200, depth: 0, overrideAccess: false, pagination: false }),
  ])
  // Only ids the reader could have picked; anything else is ignored, never passed to the database.
  if (filters.agency && !agencies.docs.some((a) => a.id === filters.agency)) filters.agency = undefined
  if (filters.official && !officials.docs.some((o) => o.id === filters.official)) filters.official = undefined
  const result = await listReleases(locale, filters)
  if ((filters.page ?? 1) > Math.max(result.totalPages, 1)) notFound()
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
        <FilterSelect
          name="type"
          label={t.type}
          anyLabel={t.any}
          value={filters.type}
          options={RELEASE_TYPE_VALUES.map((type) => ({ value: type, label: typeLabel(type, t) }))}
        />
        <FilterSelect
          name="agency"
          label={t.agency}
          anyLabel={t.any}
          value={filters.agency}
          options={agencies.docs.map((a) => ({ value: a.id, label: a.name }))}
        />
        <FilterSelect
          name="official"
          label={t.official}
          anyLabel={t.any}
          value={filters.official}
          options={officials.docs.map((o) => ({ value: o.id, label: o.name }))}
        />
        <FilterSelect name="year" label={t.year} anyLabel={t.any} value={filters.year} options={years.map((y) => ({ value: y, label: String(y) }))} />
        <FilterSelect
          name="month"
          label={t.month}
          anyLabel={t.any}
          value={filters.month}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(i + 1) }))}
        />
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
