/**
 * MongoDB: a `release_search` collection, one document per published release with its index
 * terms per reader language (`words.az`, …: folded words, stems, name keys — the same terms the
 * SQLite store indexes, from terms.ts) and the filter values, indexed for "these words, newest
 * first". A query word matches when one of its alternatives does, whole or as a term's start (an
 * anchored regular expression, which uses the index) — the same rule as the SQLite store.
 *
 * UNTESTED: no MongoDB server runs where this was written. It uses only the driver's documented
 * collection methods (createIndex, replaceOne with upsert, deleteOne, deleteMany, bulkWrite, find,
 * countDocuments) through the adapter's mongoose connection, in the request's session if any.
 */
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload, PayloadRequest } from 'payload'

import { LOCALE_CODES, type Locale } from '@/i18n/locales'

import type { SearchEntry } from './entry'
import type { SearchStore } from './store'

const COLLECTION = 'release_search'

interface SearchDocument {
  _id: string
  publishedAt: Date
  type: string | null
  featured: boolean
  agencies: string[]
  officials: string[]
  words: Record<Locale, string[]>
}

let indexesReady: Promise<unknown> | null = null

export function mongoSearchStore(payload: Payload): SearchStore {
  const adapter = payload.db as unknown as MongooseAdapter
  const collection = () => adapter.connection.collection<SearchDocument>(COLLECTION)
  const ensureIndexes = () =>
    (indexesReady ??= Promise.all([
      ...LOCALE_CODES.map((l) => collection().createIndex({ [`words.${l}`]: 1, publishedAt: -1 })),
      collection().createIndex({ publishedAt: -1 }),
      collection().createIndex({ agencies: 1, publishedAt: -1 }),
      collection().createIndex({ officials: 1, publishedAt: -1 }),
    ]))
  const sessionOf = async (req?: Partial<PayloadRequest>) => {
    const id = req?.transactionID ? await req.transactionID : undefined
    return id !== undefined ? adapter.sessions?.[id] : undefined
  }
  const toDocument = (entry: SearchEntry): SearchDocument => ({
    _id: entry.id,
    publishedAt: entry.publishedAt,
    type: entry.type,
    featured: entry.featured,
    agencies: entry.agencies,
    officials: entry.officials,
    words: Object.fromEntries(LOCALE_CODES.map((l) => [l, entry.text[l] ? entry.text[l].split(' ') : []])) as Record<Locale, string[]>,
  })

  return {
    async upsert(entries, req) {
      await ensureIndexes()
      if (!entries.length) return
      const session = await sessionOf(req)
      await collection().bulkWrite(
        entries.map((entry) => ({ replaceOne: { filter: { _id: entry.id }, replacement: toDocument(entry), upsert: true } })),
        { session },
      )
    },
    async remove(id, req) {
      await collection().deleteOne({ _id: id }, { session: await sessionOf(req) })
    },
    async clear(req) {
      await collection().deleteMany({}, { session: await sessionOf(req) })
    },
    async optimize() {
      // MongoDB maintains its indexes as it writes.
    },
    async search(locale, words, filters, { offset, limit }) {
      await ensureIndexes()
      // Each query word: any of its alternatives (terms.ts), a term whole or, as an anchored regular
      // expression (which uses the index), as a term's start. Terms are letters and digits only.
      const query: Record<string, unknown> = words.length
        ? { $and: words.map((alts) => ({ [`words.${locale}`]: { $in: alts.map((a) => (a.prefix ? new RegExp(`^${a.term}`) : a.term)) } })) }
        : {}
      if (filters.type) query.type = filters.type
      if (filters.featured) query.featured = true
      if (filters.agency) query.agencies = filters.agency
      if (filters.official) query.officials = filters.official
      if (filters.from || filters.to) query.publishedAt = { ...(filters.from && { $gte: filters.from }), ...(filters.to && { $lt: filters.to }) }
      const [docs, totalDocs] = await Promise.all([
        collection().find(query, { projection: { _id: 1 } }).sort({ publishedAt: -1 }).skip(offset).limit(limit).toArray(),
        collection().countDocuments(query),
      ])
      return { ids: docs.map((d) => String(d._id)), totalDocs }
    },
  }
}
