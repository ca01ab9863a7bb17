/**
 * The MongoDB search store (src/search/mongodb.ts) over an in-memory stand-in for its collection:
 * no MongoDB server runs here. This checks what the store writes (the same index terms as the
 * SQLite store, from src/search/terms.ts) and that the queries it builds find what the SQLite
 * store finds for stems, digraphs and names — evaluated by a small matcher of the operators it
 * uses ($and, $in with strings and anchored regular expressions, $gte/$lt), not by MongoDB.
 */
import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { searchEntry } from '@/search/entry'
import { mongoSearchStore } from '@/search/mongodb'
import { queryAlternatives } from '@/search/terms'

import { paragraph } from './helpers/fixtures'

type Doc = Record<string, unknown> & { _id: string; publishedAt: Date }

function matches(doc: Doc, query: Record<string, unknown>): boolean {
  return Object.entries(query).every(([key, condition]) => {
    if (key === '$and') return (condition as Record<string, unknown>[]).every((q) => matches(doc, q))
    const value = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc)
    const values = Array.isArray(value) ? value : [value]
    if (condition && typeof condition === 'object' && !(condition instanceof Date)) {
      const ops = condition as Record<string, unknown>
      if ('$in' in ops) return (ops.$in as unknown[]).some((c) => values.some((v) => (c instanceof RegExp ? typeof v === 'string' && c.test(v) : v === c)))
      if ('$gte' in ops || '$lt' in ops) return (!ops.$gte || (value as Date) >= (ops.$gte as Date)) && (!ops.$lt || (value as Date) < (ops.$lt as Date))
      throw new Error(`operator not handled: ${JSON.stringify(ops)}`)
    }
    return values.includes(condition)
  })
}

function fakeMongo() {
  const docs = new Map<string, Doc>()
  const collection = {
    createIndex: async () => 'ok',
    bulkWrite: async (ops: { replaceOne: { filter: { _id: string }; replacement: Doc } }[]) => {
      for (const { replaceOne } of ops) docs.set(replaceOne.filter._id, replaceOne.replacement)
    },
    deleteOne: async ({ _id }: { _id: string }) => void docs.delete(_id),
    deleteMany: async () => void docs.clear(),
    find: (query: Record<string, unknown>) => {
      let found = [...docs.values()].filter((d) => matches(d, query))
      const cursor = {
        sort: () => ((found = found.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())), cursor),
        skip: (n: number) => ((found = found.slice(n)), cursor),
        limit: (n: number) => ((found = found.slice(0, n)), cursor),
        toArray: async () => found,
      }
      return cursor
    },
    countDocuments: async (query: Record<string, unknown>) => [...docs.values()].filter((d) => matches(d, query)).length,
  }
  const payload = { db: { name: 'mongoose', connection: { collection: () => collection } } } as unknown as Payload
  return { store: mongoSearchStore(payload), docs }
}

const release = (id: string, date: string, texts: Partial<Record<'az' | 'en' | 'ru', string>>) =>
  searchEntry({
    id,
    _status: 'published',
    publishedAt: date,
    title: Object.fromEntries(Object.entries(texts).map(([l, t]) => [l, t.split('.')[0]])),
    body: Object.fromEntries(Object.entries(texts).map(([l, t]) => [l, paragraph(t)])),
  })

describe('the MongoDB store, on the same terms as the SQLite store', () => {
  it('keeps the index terms of each reader language and finds by stems, digraphs and names', async () => {
    const { store, docs } = fakeMongo()
    await store.upsert(
      [
        release('council', '2024-05-01T10:00:00Z', { az: 'Təhlükəsizlik Şurasının iclası. Prezident İlham Əliyev nazirliyin hesabatını dinləyib.' }),
        release('cabinet', '2024-06-01T10:00:00Z', { ru: 'Состоялось заседание. Президент Ильхам Алиев обсудил вопросы миграции.' }),
        release('drivers', '2024-07-01T10:00:00Z', { ru: 'Водители прошли обучение.' }),
      ],
      {},
    )
    const words = (docs.get('cabinet') as unknown as { words: Record<string, string[]> }).words
    expect(words.ru).toEqual(release('cabinet', '2024-06-01T10:00:00Z', { ru: 'Состоялось заседание. Президент Ильхам Алиев обсудил вопросы миграции.' }).text.ru.split(' '))
    expect(words.ru).toEqual(expect.arrayContaining(['заседание', 'заседан', '0aliav']))

    const find = async (locale: 'az' | 'en' | 'ru', q: string) => (await store.search(locale, queryAlternatives(q, locale), {}, { offset: 0, limit: 10 })).ids
    expect(await find('ru', 'заседания')).toEqual(['cabinet'])
    expect(await find('ru', 'миграция')).toEqual(['cabinet'])
    expect(await find('ru', 'вода')).toEqual([])
    expect(await find('az', 'nazirlikdən')).toEqual(['council'])
    expect(await find('az', 'Shura')).toEqual(['council'])
    expect(await find('az', 'Алиев')).toEqual(['cabinet', 'council'])
    expect(await find('ru', 'Aliyev')).toEqual(['cabinet', 'council'])
    expect(await find('ru', 'заседания водителей')).toEqual([])
    expect((await store.search('ru', queryAlternatives('Aliyev', 'ru'), {}, { offset: 1, limit: 1 })).totalDocs).toBe(2)
  })
})
