/**
 * SQLite: an FTS5 full-text index (created by the `release_search` migration).
 *
 * `release_search_fts` is contentless (it keeps the index, not a second copy of the text) with one
 * column per reader language plus `facets`, the filter values as tokens. Its rowid is the sort
 * key — publishedAt in ms × 16 plus a free slot — so "newest first, 10 per page" walks the index
 * backwards and stops, and a year/month filter is a rowid range. `release_search` maps rowids to
 * release ids.
 */
import { sql, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import { LOCALE_CODES, type Locale } from '@/i18n/locales'

import type { SearchEntry, SearchFilters } from './entry'
import type { SearchStore } from './store'
import type { Alternative } from './terms'

/** Releases published in the same millisecond get different rowids: up to this many per ms before moving on. */
export const SORT_SLOTS = 16

type Db = SQLiteAdapter['drizzle']

/** The write connection of the request's transaction when there is one (Payload's, if enabled). */
async function dbFor(payload: Payload, req?: Partial<PayloadRequest>): Promise<Db> {
  const adapter = payload.db as unknown as SQLiteAdapter
  const id = req?.transactionID ? await req.transactionID : undefined
  return ((id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle) as Db
}

const token = (prefix: string, value: string) => `${prefix}${Buffer.from(value).toString('hex')}`

/** The filter values of a release as tokens of the `facets` column. */
export function searchFacets(entry: SearchEntry): string {
  return [
    entry.type ? token('t', entry.type) : '',
    entry.featured ? 'featured' : '',
    ...entry.agencies.map((id) => token('a', id)),
    ...entry.officials.map((id) => token('o', id)),
  ]
    .filter(Boolean)
    .join(' ')
}

function matchExpression(locale: Locale, words: Alternative[][], filters: SearchFilters): string {
  // Terms are letters and digits only (see terms.ts), so quoting them is enough.
  const text = words.map((alts) => `(${alts.map((a) => (a.prefix ? `"${a.term}"*` : `"${a.term}"`)).join(' OR ')})`).join(' AND ')
  const facets = [
    filters.type ? token('t', filters.type) : '',
    filters.featured ? 'featured' : '',
    filters.agency ? token('a', filters.agency) : '',
    filters.official ? token('o', filters.official) : '',
  ].filter(Boolean)
  const parts = [
    ...(facets.length ? [`facets : (${facets.map((f) => `"${f}"`).join(' ')})`] : []),
    ...(words.length ? [`text_${locale} : (${text})`] : []),
  ]
  if (!parts.length) throw new Error('A search needs words or a filter value.')
  return parts.join(' AND ')
}

/** The lowest rowid for a release published at `date`. */
export const sortKey = (date: Date) => Math.floor(date.getTime()) * SORT_SLOTS

async function removeRow(db: Db, id: string): Promise<void> {
  const rows = await db.all<{ id: number }>(sql`SELECT id FROM release_search WHERE release_id = ${id}`)
  for (const row of rows) {
    await db.run(sql`DELETE FROM release_search_fts WHERE rowid = ${row.id}`)
    await db.run(sql`DELETE FROM release_search WHERE id = ${row.id}`)
  }
}

async function freeKey(db: Db, date: Date): Promise<number> {
  for (let base = sortKey(date); ; base += SORT_SLOTS) {
    const taken = new Set(
      (await db.all<{ id: number }>(sql`SELECT id FROM release_search WHERE id >= ${base} AND id < ${base + SORT_SLOTS}`)).map((r) => Number(r.id)),
    )
    for (let key = base; key < base + SORT_SLOTS; key++) if (!taken.has(key)) return key
  }
}

/** BEGIN … COMMIT around bulk writes, unless a transaction is already open (then it is part of that). */
async function inTransaction(db: Db, write: () => Promise<void>): Promise<void> {
  const began = await db.run(sql`BEGIN`).then(
    () => true,
    () => false,
  )
  try {
    await write()
    if (began) await db.run(sql`COMMIT`)
  } catch (error) {
    if (began) await db.run(sql`ROLLBACK`)
    throw error
  }
}

const TEXT_COLUMNS = LOCALE_CODES.map((l) => `text_${l}`).join(', ')

/**
 * The index table as the `release_search` migration creates it. `clear` makes it afresh rather than
 * emptying it with FTS5's 'delete-all': refilled after a 'delete-all' on an archive of 100 000
 * releases, each insert read more of the new index back than the one before (1 ms per insert at
 * first, 13 ms by the 20 000th; why, inside FTS5, was not pinned down). Into a table made afresh in
 * the same file they stay at 1 ms: the whole rebuild of 100 000, final merge included, took 5 minutes.
 */
const CREATE_INDEX_TABLE = sql.raw(
  `CREATE VIRTUAL TABLE release_search_fts USING fts5(facets, ${TEXT_COLUMNS}, content='', contentless_delete=1, detail=column, tokenize='unicode61 remove_diacritics 0')`,
)

export function sqliteSearchStore(payload: Payload): SearchStore {
  return {
    async upsert(entries, req) {
      const db = await dbFor(payload, req)
      const write = async () => {
        for (const entry of entries) {
          await removeRow(db, entry.id)
          const key = await freeKey(db, entry.publishedAt)
          await db.run(sql`INSERT INTO release_search (id, release_id) VALUES (${key}, ${entry.id})`)
          const values = sql.join(
            LOCALE_CODES.map((l) => sql`${entry.text[l]}`),
            sql`, `,
          )
          await db.run(sql`INSERT INTO release_search_fts (rowid, facets, ${sql.raw(TEXT_COLUMNS)}) VALUES (${key}, ${searchFacets(entry)}, ${values})`)
        }
      }
      if (entries.length > 1) await inTransaction(db, write)
      else await write()
    },
    async remove(id, req) {
      await removeRow(await dbFor(payload, req), id)
    },
    async clear(req) {
      const db = await dbFor(payload, req)
      await inTransaction(db, async () => {
        await db.run(sql`DROP TABLE release_search_fts`)
        await db.run(CREATE_INDEX_TABLE)
        await db.run(sql`DELETE FROM release_search`)
      })
    },
    async optimize(req) {
      // Merges the index's segments into one: a bulk load leaves many, and each query reads them all.
      await (await dbFor(payload, req)).run(sql`INSERT INTO release_search_fts (release_search_fts) VALUES ('optimize')`)
    },
    async search(locale, words, filters, { offset, limit }) {
      const db = await dbFor(payload)
      const match = matchExpression(locale, words, filters)
      const from = filters.from ? sortKey(filters.from) : Number.MIN_SAFE_INTEGER
      const to = filters.to ? sortKey(filters.to) : Number.MAX_SAFE_INTEGER
      const inRange = sql`release_search_fts MATCH ${match} AND rowid >= ${from} AND rowid < ${to}`
      const [rows, [count]] = await Promise.all([
        db.all<{ release_id: string }>(sql`
          SELECT s.release_id FROM release_search s
          WHERE s.id IN (SELECT rowid FROM release_search_fts WHERE ${inRange} ORDER BY rowid DESC LIMIT ${limit} OFFSET ${offset})
          ORDER BY s.id DESC`),
        db.all<{ total: number }>(sql`SELECT count(*) AS total FROM release_search_fts WHERE ${inRange}`),
      ])
      return { ids: rows.map((r) => r.release_id), totalDocs: Number(count?.total ?? 0) }
    },
  }
}
