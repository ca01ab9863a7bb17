/**
 * What the public pages read about releases. Every query runs with `overrideAccess: false` and no
 * user, so it can only ever see published documents — the same rule as the public API.
 */
import type { PaginatedDocs, Payload, Where } from 'payload'

import { LOCALE_CODES, type Locale } from '@/i18n/locales'
import type { Release } from '@/payload-types'
import { filterReleases, hasIndexedFilter, searchReleases } from '@/search'

import { site } from './payload'

export const PAGE_SIZE = 10

export interface ReleaseFilters {
  page?: number
  type?: string
  agency?: string
  official?: string
  year?: number
  month?: number
  q?: string
  featured?: boolean
}

/** A release in the reader's language, or in the first language it exists in (marked for `lang`). */
export interface Localized<T> {
  doc: T
  lang: Locale
}

const publicRead = { overrideAccess: false, draft: false } as const

/** The publication dates a year (and month) filter covers, in Baku time (UTC+4). */
export function dateRange(filters: Pick<ReleaseFilters, 'year' | 'month'>): { from: Date; to: Date } | null {
  if (!filters.year) return null
  const from = new Date(Date.UTC(filters.year, (filters.month ?? 1) - 1, 1) - 4 * 3600_000)
  const to = filters.month
    ? new Date(Date.UTC(filters.year, filters.month, 1) - 4 * 3600_000)
    : new Date(Date.UTC(filters.year + 1, 0, 1) - 4 * 3600_000)
  return { from, to }
}

/** The list filters as a Payload query (lists filtered by year only, or not at all, are read this way). */
export function filtersWhere(filters: Omit<ReleaseFilters, 'q'>): Where {
  const and: Where[] = []
  if (filters.type) and.push({ type: { equals: filters.type } })
  if (filters.featured) and.push({ featured: { equals: true } })
  if (filters.agency) and.push({ or: [{ leadAgency: { equals: filters.agency } }, { supportingAgencies: { in: [filters.agency] } }] })
  if (filters.official) and.push({ officials: { in: [filters.official] } })
  const range = dateRange(filters)
  if (range) and.push({ publishedAt: { greater_than_equal: range.from.toISOString() } }, { publishedAt: { less_than: range.to.toISOString() } })
  return and.length ? { and } : {}
}

/** Releases for a list page, each in the reader's language where it has one. */
export async function listReleases(locale: Locale, filters: ReleaseFilters = {}, limit = PAGE_SIZE) {
  const payload = await site()
  const result: PaginatedDocs<Release> =
    filters.q || hasIndexedFilter(filters)
      ? await indexedPage(payload, locale, filters, limit)
      : await payload.find({
          collection: 'releases',
          locale,
          fallbackLocale: false,
          where: filtersWhere(filters),
          sort: '-publishedAt',
          page: filters.page ?? 1,
          limit,
          depth: 1,
          ...publicRead,
        })
  const localized = await Promise.all(result.docs.map((doc) => inBestLocale(doc, locale)))
  return { ...result, items: localized }
}

const isWithdrawn = (item: Localized<Release>): boolean => Boolean(item.doc.withdrawal?.withdrawn)

/**
 * The home page's feature: the newest release an editor marked as featured that is not withdrawn,
 * else the newest release that is not withdrawn. A withdrawn release is never featured, whatever its
 * `featured` box says. Withdrawals are rare, so a page of ten almost always holds the answer; the
 * pages go on until one does (or the list ends).
 */
export async function featuredRelease(locale: Locale): Promise<Localized<Release> | null> {
  for (const filters of [{ featured: true }, {}] as ReleaseFilters[]) {
    for (let page = 1; ; page++) {
      const { items, hasNextPage } = await listReleases(locale, { ...filters, page })
      const found = items.find((item) => !isWithdrawn(item))
      if (found) return found
      if (!hasNextPage) break
    }
  }
  return null
}

/**
 * One page of a text search, or of a list filtered by type, agency or official: the search index
 * finds the page's ids and the total with every filter applied (counting an agency's releases in
 * a year from the index, not by reading the year); the documents are then read like any list —
 * published only — in the index's order. Without these, a list is one indexed query (above).
 */
async function indexedPage(payload: Payload, locale: Locale, filters: ReleaseFilters, limit: number): Promise<PaginatedDocs<Release>> {
  const page = filters.page ?? 1
  const { type, featured, agency, official } = filters
  const indexed = { type, featured, agency, official, ...dateRange(filters) }
  const found = filters.q
    ? await searchReleases(payload, locale, filters.q, indexed, { page, limit })
    : await filterReleases(payload, indexed, { page, limit })
  const { docs } = found.ids.length
    ? await payload.find({
        collection: 'releases',
        locale,
        fallbackLocale: false,
        where: { id: { in: found.ids } },
        // Reordered below; sorting by id lets SQLite read just these rows by primary key.
        sort: 'id',
        limit: found.ids.length,
        pagination: false,
        depth: 1,
        ...publicRead,
      })
    : { docs: [] as Release[] }
  const byId = new Map(docs.map((doc) => [doc.id, doc]))
  const totalPages = Math.ceil(found.totalDocs / limit)
  return {
    docs: found.ids.map((id) => byId.get(id)).filter((doc): doc is Release => Boolean(doc)),
    totalDocs: found.totalDocs,
    limit,
    page,
    totalPages,
    pagingCounter: (page - 1) * limit + 1,
    hasPrevPage: page > 1,
    hasNextPage: page < totalPages,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
  }
}

/**
 * A document fetched in `locale` without fallback: if it has no title there, its texts come from the
 * first language that has one, while agencies, people and images stay in the reader's language.
 */
async function inBestLocale(doc: Release, locale: Locale): Promise<Localized<Release>> {
  if (doc.title) return { doc, lang: locale }
  const payload = await site()
  for (const other of LOCALE_CODES) {
    if (other === locale) continue
    const found = await payload.findByID({ collection: 'releases', id: doc.id, locale: other, fallbackLocale: false, depth: 0, ...publicRead })
    if (found.title) {
      const texts = { title: found.title, slug: found.slug, lead: found.lead, body: found.body, place: found.place, changeHistory: found.changeHistory }
      const withdrawal = { ...doc.withdrawal, explanation: doc.withdrawal?.explanation ?? found.withdrawal?.explanation }
      return { doc: { ...doc, ...texts, withdrawal }, lang: other }
    }
  }
  return { doc, lang: locale }
}

/** The release whose slug (in any language) is `slug`, in the reader's language where it exists. */
export async function releaseBySlug(locale: Locale, slug: string): Promise<Localized<Release> | null> {
  const payload = await site()
  for (const candidate of [locale, ...LOCALE_CODES.filter((l) => l !== locale)]) {
    const { docs } = await payload.find({
      collection: 'releases',
      locale: candidate,
      fallbackLocale: false,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      ...publicRead,
    })
    if (docs[0]) {
      const inReaderLocale = await payload.findByID({ collection: 'releases', id: docs[0].id, locale, fallbackLocale: false, depth: 2, ...publicRead })
      return inBestLocale(inReaderLocale, locale)
    }
  }
  return null
}

/** The slug a release has in each language (its own, or the one it is published under). */
export async function releaseSlugs(id: string): Promise<Partial<Record<Locale, string>>> {
  const payload = await site()
  const doc = await payload.findByID({ collection: 'releases', id, locale: 'all', depth: 0, ...publicRead })
  return (doc.slug ?? {}) as unknown as Partial<Record<Locale, string>>
}
