/**
 * Search of published releases (src/search): folding, what is indexed (published public copies
 * only, in the reader's language), that publish/edit/unpublish/delete keep it in step, filters,
 * the release list page's search, and the migration that indexes releases published before it.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Locale } from '@/i18n/locales'
import * as searchMigration from '@/migrations/sqlite/20261122_020317_release_search'
import { foldForSearch, queryWords, rebuildSearchIndex, searchReleases, type SearchFilters } from '@/search'
import { lexicalText } from '@/search/text'

import { makeAgency, paragraph } from './helpers/fixtures'
import { startPayload } from './helpers/payload'

let payload: Payload
// Imported once the test database is configured: it loads the Payload config.
let listReleases: typeof import('@/site/releases').listReleases
let filtersWhere: typeof import('@/site/releases').filtersWhere
let cleanup: () => Promise<void>
let agencyId: string
let otherAgencyId: string

/** The full-text table's definition, as SQLite keeps it (without quotes and spaces). */
async function indexTableDefinition(): Promise<string> {
  const { client } = payload.db as unknown as { client: { execute(sql: string): Promise<{ rows: { sql: string }[] }> } }
  const { rows } = await client.execute(`SELECT sql FROM sqlite_master WHERE name = 'release_search_fts'`)
  return rows[0]!.sql.replace(/[`\s]/g, '').toLowerCase()
}
// As the migration made it: read before any test rebuilds the index.
let migratedIndexTable: string

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  migratedIndexTable = await indexTableDefinition()
  ;({ listReleases, filtersWhere } = await import('@/site/releases'))
  agencyId = (await makeAgency(payload)).id
  otherAgencyId = (await makeAgency(payload, 'Ministry of Emergency Situations')).id
})
afterAll(async () => cleanup())

const ids = async (locale: Locale, q: string, filters: SearchFilters = {}) => (await searchReleases(payload, locale, q, filters, { page: 1, limit: 50 })).ids

interface Texts {
  title: string
  lead?: string
  body?: string
}

/** A release published through the local API (trusted server write), with its own text per language. */
async function publish(texts: Partial<Record<Locale, Texts>>, extra: Record<string, unknown> = {}) {
  const [first, ...others] = Object.entries(texts) as [Locale, Texts][]
  const data = (t: Texts) => ({ title: t.title, lead: t.lead, body: paragraph(t.body ?? 'Text.') })
  const doc = await payload.create({
    collection: 'releases',
    locale: first![0],
    data: { ...data(first![1]), type: 'press-release', leadAgency: agencyId, _status: 'published', ...extra },
  })
  for (const [locale, t] of others) {
    await payload.update({ collection: 'releases', id: doc.id, locale, data: { ...data(t), _status: 'published' } })
  }
  return doc
}

describe('folding', () => {
  it('treats Azerbaijani İ/I/ı/i as one letter, drops marks and reads ə as e', () => {
    expect(foldForSearch('İLHAM ƏLİYEV')).toBe('ilham eliyev')
    expect(foldForSearch('Işıq IŞIQ işıq')).toBe('isiq isiq isiq')
    expect(foldForSearch('ŞƏKİ Gəncə Göyçay Ağdam Üçüncü')).toBe('seki gence goycay agdam ucuncu')
    expect(foldForSearch('International')).toBe('international')
  })

  it('lower-cases Cyrillic, ё as е', () => {
    expect(foldForSearch('МИНИСТЕРСТВО Ёлки')).toBe('министерство елки')
  })

  it('splits a query into distinct words, punctuation ignored', () => {
    expect(queryWords('  "Şəki", ŞƏKİ — nazir!  ')).toEqual(['seki', 'nazir'])
    expect(queryWords('— !')).toEqual([])
  })

  it('reads every text node of a Lexical document', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', children: [{ type: 'text', text: 'Heading' }] },
          { type: 'list', children: [{ type: 'listitem', children: [{ type: 'link', children: [{ type: 'text', text: 'linked' }] }] }] },
          { type: 'paragraph', children: [{ type: 'text', text: 'one' }, { type: 'linebreak' }, { type: 'text', text: 'two' }] },
        ],
      },
    }
    expect(lexicalText(body).split(/\s+/)).toEqual(['Heading', 'linked', 'one', 'two'])
  })
})

describe('what is found', () => {
  let azRelease: string
  let ruRelease: string

  beforeAll(async () => {
    azRelease = (
      await publish({
        az: { title: 'İLHAM ƏLİYEV Şəkidə yeni xəstəxananın açılışında', lead: 'Işıq sistemləri quraşdırılıb.', body: 'Nazirliyin əməkdaşları görüşdə iştirak etdilər.' },
        en: { title: 'Ilham Aliyev opens a new hospital in Sheki', body: 'Staff of the ministry attended.' },
      })
    ).id
    ruRelease = (await publish({ ru: { title: 'Министерство провело ЁЛОЧНЫЙ фестиваль', lead: 'Жители Гянджи', body: 'Ремонт дорог завершён.' } })).id
  })

  it('finds by words of the title, the lead and the body, in the reader’s language', async () => {
    expect(await ids('az', 'xəstəxananın')).toEqual([azRelease])
    expect(await ids('az', 'quraşdırılıb')).toEqual([azRelease])
    expect(await ids('az', 'əməkdaşları görüşdə')).toEqual([azRelease])
    expect(await ids('en', 'hospital Sheki')).toEqual([azRelease])
    // English text is not searched for Azerbaijani readers when the release has Azerbaijani text.
    expect(await ids('az', 'hospital')).toEqual([])
    expect(await ids('en', 'xəstəxana')).toEqual([])
  })

  it('folds Azerbaijani case and letters both ways', async () => {
    for (const q of ['ilham', 'İlham', 'ILHAM', 'ılham', 'Əliyev', 'eliyev', 'ƏLİYEV', 'şəkidə', 'ŞƏKİDƏ', 'sekide', 'işıq', 'IŞIQ', 'isiq']) {
      expect(await ids('az', q), q).toEqual([azRelease])
    }
  })

  it('matches a longer word by its start, a short one only whole', async () => {
    expect(await ids('az', 'nazir')).toEqual([azRelease]) // nazirliyin
    expect(await ids('az', 'xəstə')).toEqual([azRelease])
    expect(await ids('az', 'ye')).toEqual([]) // "yeni" is not found by two letters
    // A longer word is not found by a shorter one's start: "yeni" is in the text, "yenilik" is not.
    expect(await ids('az', 'yenilik')).toEqual([])
    // "nazirlikdən" is another case of the same noun as "nazirliyin": found by their common stem
    // (src/search/terms.ts; before stemming it found nothing).
    expect(await ids('az', 'nazirlikdən')).toEqual([azRelease])
  })

  it('finds Cyrillic in any case, ё as е, and the reader’s fallback language', async () => {
    for (const q of ['министерство', 'МИНИСТЕРСТВО', 'елочный', 'ёлочный', 'гянджи', 'ремонт дорог']) {
      expect(await ids('ru', q), q).toEqual([ruRelease])
    }
    // A release with no Azerbaijani text is shown to Azerbaijani readers in Russian: its Russian words find it.
    expect(await ids('az', 'министерство')).toEqual([ruRelease])
  })

  it('needs every word', async () => {
    expect(await ids('az', 'ilham gəncə')).toEqual([])
    expect(await ids('az', '!!!')).toEqual([])
  })
})

describe('only the public copy of published releases', () => {
  it('does not find a draft, nor a draft scheduled for later', async () => {
    await payload.create({
      collection: 'releases',
      locale: 'az',
      data: { title: 'Embarqo altında xəbər', type: 'news', leadAgency: agencyId, publishedAt: new Date(Date.now() + 86_400_000).toISOString() },
      draft: true,
    })
    expect(await ids('az', 'embarqo')).toEqual([])
  })

  it('keeps showing the published text while a draft of a change is saved, and the change once published', async () => {
    const doc = await publish({ az: { title: 'Birinci variant sərgisi' } })
    await payload.update({ collection: 'releases', id: doc.id, locale: 'az', data: { title: 'İkinci variant sərgisi' }, draft: true })
    expect(await ids('az', 'birinci')).toEqual([doc.id])
    expect(await ids('az', 'ikinci')).toEqual([])

    await payload.update({ collection: 'releases', id: doc.id, locale: 'az', data: { title: 'İkinci variant sərgisi', _status: 'published' } })
    expect(await ids('az', 'birinci')).toEqual([])
    expect(await ids('az', 'ikinci')).toEqual([doc.id])
  })

  it('forgets a release when it is unpublished or deleted', async () => {
    const unpublished = await publish({ az: { title: 'Geri çəkilən bəyanat' } })
    const deleted = await publish({ az: { title: 'Silinən bəyanat' } })
    expect(await ids('az', 'bəyanat')).toHaveLength(2)

    await payload.update({ collection: 'releases', id: unpublished.id, data: { _status: 'draft' } })
    await payload.delete({ collection: 'releases', id: deleted.id })
    expect(await ids('az', 'bəyanat')).toEqual([])
  })
})

describe('filters and order', () => {
  let old: string
  let recent: string
  let other: string

  beforeAll(async () => {
    old = (await publish({ az: { title: 'Futbol turniri keçirildi' } }, { publishedAt: '2011-05-10T08:00:00.000Z' })).id
    recent = (await publish({ az: { title: 'Futbol turniri yenə keçirildi' } }, { publishedAt: '2024-03-01T08:00:00.000Z', type: 'news' })).id
    other = (
      await publish(
        { az: { title: 'Futbol üzrə dəstək' } },
        { publishedAt: '2024-01-01T03:00:00.000Z', leadAgency: otherAgencyId, supportingAgencies: [agencyId], type: 'statement' },
      )
    ).id
  })

  it('lists newest first, and pages', async () => {
    expect(await ids('az', 'futbol')).toEqual([recent, other, old])
    const second = await searchReleases(payload, 'az', 'futbol', {}, { page: 2, limit: 2 })
    expect(second).toEqual({ ids: [old], totalDocs: 3 })
  })

  it('narrows by type, agency (lead or supporting) and date range', async () => {
    expect(await ids('az', 'futbol', { type: 'news' })).toEqual([recent])
    expect(await ids('az', 'futbol', { agency: otherAgencyId })).toEqual([other])
    expect(await ids('az', 'futbol', { agency: agencyId })).toEqual([recent, other, old])
    expect(await ids('az', 'futbol', { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-02-01T00:00:00Z') })).toEqual([other])
    expect(await ids('az', 'futbol', { from: new Date('2011-01-01T00:00:00Z'), to: new Date('2012-01-01T00:00:00Z') })).toEqual([old])
  })

  it('is what the release list shows for ?q=, with the page’s filters', async () => {
    const list = await listReleases('az', { q: 'FUTBOL', year: 2024 }, 1)
    expect(list.totalDocs).toBe(2)
    expect(list.totalPages).toBe(2)
    expect(list.hasNextPage).toBe(true)
    expect(list.items.map((i) => i.doc.id)).toEqual([recent])
    const page2 = await listReleases('az', { q: 'FUTBOL', year: 2024, page: 2 }, 1)
    expect(page2.items.map((i) => i.doc.id)).toEqual([other])
    expect(page2.hasPrevPage).toBe(true)
  })

  it('answers lists filtered by type, agency or featured from the index: the releases a Payload query finds', async () => {
    const featured = await publish({ en: { title: 'Featured item' } }, { featured: true, publishedAt: '2024-06-01T08:00:00.000Z' })
    const cases = [
      { agency: agencyId },
      { agency: otherAgencyId },
      { type: 'news' },
      { type: 'statement', agency: agencyId },
      { agency: agencyId, year: 2024 },
      { agency: agencyId, year: 2024, month: 3 },
      { type: 'press-release', year: 2011 },
      { featured: true },
    ]
    for (const filters of cases) {
      const viaIndex = await listReleases('az', filters, 50)
      const viaQuery = await payload.find({ collection: 'releases', where: filtersWhere(filters), sort: '-publishedAt', limit: 50, draft: false, overrideAccess: false })
      expect(viaIndex.items.map((i) => i.doc.id), JSON.stringify(filters)).toEqual(viaQuery.docs.map((d) => d.id))
      expect(viaIndex.totalDocs, JSON.stringify(filters)).toBe(viaQuery.totalDocs)
    }
    expect((await listReleases('az', { featured: true }, 1)).items.map((i) => i.doc.id)).toEqual([featured.id])
    expect((await listReleases('az', { agency: otherAgencyId })).items.map((i) => i.doc.id)).toEqual([other])
  })
})

describe('building the index', () => {
  it('rebuilds to the same answers', async () => {
    const before = await ids('az', 'futbol')
    expect(await rebuildSearchIndex(payload)).toBeGreaterThan(3)
    expect(await ids('az', 'futbol')).toEqual(before)
  })

  it('makes the index table afresh exactly as the migration made it', async () => {
    expect(migratedIndexTable).toContain('contentless_delete=1')
    await rebuildSearchIndex(payload)
    expect(await indexTableDefinition()).toBe(migratedIndexTable)
  })

  it('pages through releases by date then id, none skipped or twice, also when dates are equal across a page boundary', async () => {
    const when = '2019-03-04T05:06:07.000Z'
    for (let i = 0; i < 5; i++) await publish({ en: { title: `Same minute ${i}`, body: 'Ties tiebreak.' } }, { publishedAt: when })
    const all = await rebuildSearchIndex(payload)
    const tiesBefore = await ids('en', 'tiebreak')
    const othersBefore = await ids('az', 'futbol')
    expect(tiesBefore).toHaveLength(5)
    // Pages of two: the five equal dates span three pages.
    expect(await rebuildSearchIndex(payload, undefined, { batchSize: 2 })).toBe(all)
    expect((await ids('en', 'tiebreak')).sort()).toEqual([...tiesBefore].sort())
    expect(await ids('az', 'futbol')).toEqual(othersBefore)
  })

  it('lets the event loop turn between batches (libsql frees statements only then; requests wait otherwise)', async () => {
    let turned = false
    setImmediate(() => (turned = true))
    const rebuilt = rebuildSearchIndex(payload).then(() => turned)
    expect(await rebuilt).toBe(true)
  })

  it('the migration indexes releases published before it, and no drafts', async () => {
    const db = (payload.db as unknown as { drizzle: Parameters<typeof searchMigration.up>[0]['db'] }).drizzle
    const args = { db, payload, req: {} } as Parameters<typeof searchMigration.up>[0]
    await searchMigration.down(args)
    await searchMigration.up(args)
    expect(await ids('az', 'futbol', { type: 'news' })).toHaveLength(1)
    expect(await ids('az', 'ŞƏKİDƏ')).toHaveLength(1)
    expect(await ids('az', 'embarqo')).toEqual([])
    expect(await ids('az', 'ikinci')).toHaveLength(1)
  })
})
