/**
 * Full-text search of published releases, and the release list's filters, behind one interface
 * for both databases: SQLite uses an FTS5 index (sqlite.ts), MongoDB a words collection
 * (mongodb.ts). Everything else in the app calls only these functions.
 *
 * The index holds published releases only — the public copy, never a draft — and is kept in step
 * by the release hooks (hooks.ts); `rebuildSearchIndex` builds it from scratch.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { DEFAULT_LOCALE, type Locale } from '@/i18n/locales'
import { turnEventLoop } from '@/lib/eventLoop'

import { searchEntry, type ReleaseAllLocales, type SearchFilters } from './entry'
import { queryAlternatives } from './terms'
import { mongoSearchStore } from './mongodb'
import { sqliteSearchStore } from './sqlite'
import type { SearchPage, SearchStore } from './store'

export type { SearchFilters } from './entry'
export type { SearchPage } from './store'
export { foldForSearch, queryWords } from './fold'

const stores = new WeakMap<Payload, SearchStore>()

function storeOf(payload: Payload): SearchStore {
  let store = stores.get(payload)
  if (!store) {
    store = payload.db.name === 'mongoose' ? mongoSearchStore(payload) : sqliteSearchStore(payload)
    stores.set(payload, store)
  }
  return store
}

/** Published releases whose title, lead or body (as the reader sees it in `locale`) has every word of `q`, in any of its forms (terms.ts). */
export async function searchReleases(
  payload: Payload,
  locale: Locale,
  q: string,
  filters: SearchFilters = {},
  page: { page: number; limit: number } = { page: 1, limit: 10 },
): Promise<SearchPage> {
  const words = queryAlternatives(q, locale)
  if (!words.length) return { ids: [], totalDocs: 0 }
  return storeOf(payload).search(locale, words, filters, { offset: (page.page - 1) * page.limit, limit: page.limit })
}

/** Whether `filterReleases` can answer these filters (it needs a value the index keeps per release). */
export const hasIndexedFilter = (filters: SearchFilters): boolean =>
  Boolean(filters.type || filters.featured || filters.agency || filters.official)

/**
 * Published releases matching the filters, newest first, from the index alone. An agency's releases
 * in a year are counted from the agency's entries in that date range, not by reading the year.
 */
export async function filterReleases(
  payload: Payload,
  filters: SearchFilters,
  page: { page: number; limit: number } = { page: 1, limit: 10 },
): Promise<SearchPage> {
  if (!hasIndexedFilter(filters)) throw new Error('filterReleases needs a type, featured, agency or official filter.')
  return storeOf(payload).search(DEFAULT_LOCALE, [], filters, { offset: (page.page - 1) * page.limit, limit: page.limit })
}

const publicCopy = (payload: Payload, id: string, req?: Partial<PayloadRequest>) =>
  payload
    .findByID({ collection: 'releases', id, locale: 'all', draft: false, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)

/** Brings one release's index entry in line with its public copy: indexed if published, gone otherwise. */
export async function syncSearchEntry(payload: Payload, id: string, req?: Partial<PayloadRequest>): Promise<void> {
  const doc = (await publicCopy(payload, id, req)) as ReleaseAllLocales | null
  if (doc?._status === 'published') await storeOf(payload).upsert([searchEntry(doc)], req)
  else await storeOf(payload).remove(id, req)
}

export async function removeSearchEntry(payload: Payload, id: string, req?: Partial<PayloadRequest>): Promise<void> {
  await storeOf(payload).remove(id, req)
}

const REBUILD_BATCH = 500
const REBUILD_SELECT = { title: true, lead: true, body: true, publishedAt: true, type: true, featured: true, leadAgency: true, supportingAgencies: true, officials: true, _status: true, createdAt: true } as const

type RebuildDoc = { id: string; publishedAt?: string | null; _status?: string | null }

/**
 * Every release's public copy, in batches, in the order of their index keys (publication date,
 * then id; the SQLite index's row ids follow the date). Built in that order, the full-text index
 * only ever appends: in id order (random dates), each insert landed among the rows already indexed,
 * and at 45,000 releases an insert took 120 ms instead of 9 ms and kept growing (a rebuild of
 * 100,000 would have taken hours). Keyset paging: each batch costs the same however deep into the
 * archive it is. Drafts are skipped by the caller rather than in the query, which would make
 * SQLite read every release through the status index and sort them.
 */
async function* releasesInIndexOrder(payload: Payload, req: Partial<PayloadRequest> | undefined, batchSize: number): AsyncGenerator<RebuildDoc[]> {
  const find = async (where: Where, sort: string[]) =>
    (await payload.find({ collection: 'releases', locale: 'all', draft: false, depth: 0, overrideAccess: true, req, where, sort, limit: batchSize, pagination: false, select: REBUILD_SELECT }))
      .docs as unknown as RebuildDoc[]
  // Releases without a date first (publishing sets one, so these are drafts), by id.
  for (let after: string | null = null; ; ) {
    const docs = await find({ and: [{ publishedAt: { exists: false } }, ...(after ? [{ id: { greater_than: after } }] : [])] }, ['id'])
    if (!docs.length) break
    yield docs
    after = docs[docs.length - 1]!.id
  }
  for (let after: RebuildDoc | null = null; ; ) {
    const where: Where = after
      ? // "date ≥ d AND (date > d OR id > i)", not "date > d OR (date = d AND id > i)": SQLite reads the
        // first from the date index and stops at the page's end; the second made it collect and sort
        // every later release for each page (112 ms a page half-way through 100 000).
        { and: [{ publishedAt: { greater_than_equal: after.publishedAt } }, { or: [{ publishedAt: { greater_than: after.publishedAt } }, { id: { greater_than: after.id } }] }] }
      : { publishedAt: { exists: true } }
    const docs = await find(where, ['publishedAt', 'id'])
    if (!docs.length) return
    yield docs
    after = docs[docs.length - 1]!
  }
}

/** Empties the index and indexes every published release again; returns how many. */
export async function rebuildSearchIndex(payload: Payload, req?: Partial<PayloadRequest>, { batchSize = REBUILD_BATCH } = {}): Promise<number> {
  const store = storeOf(payload)
  await store.clear(req)
  let indexed = 0
  for await (const docs of releasesInIndexOrder(payload, req, batchSize)) {
    const published = docs.filter((doc) => doc._status === 'published')
    await store.upsert(published.map((doc) => searchEntry(doc as unknown as ReleaseAllLocales)), req)
    indexed += published.length
    await turnEventLoop()
  }
  await store.optimize(req)
  return indexed
}
