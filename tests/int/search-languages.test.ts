/**
 * Search in three languages (src/search): word endings (Russian Snowball stemming, English
 * Snowball/Porter2, conservative Azerbaijani case and plural endings), names across scripts
 * (Алиев ↔ Aliyev ↔ Əliyev, Шура ↔ Şura ↔ Shura) and Azerbaijani letters typed as digraphs
 * (sh, ch, kh, gh), and the migration that rebuilds an index made before these rules.
 * Index and query go through the same functions (src/search/terms.ts), which the MongoDB store
 * uses too.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Locale } from '@/i18n/locales'
import * as upgrade from '@/migrations/sqlite/20261207_190557_search_languages'
import { foldForSearch, searchReleases } from '@/search'
import { sortKey } from '@/search/sqlite'
import { nameKey, stemAz, stemsAz, stemWord } from '@/search/terms'

import { makeAgency, paragraph } from './helpers/fixtures'
import { startPayload } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let agencyId: string

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  agencyId = (await makeAgency(payload)).id
})
afterAll(async () => cleanup())

const ids = async (locale: Locale, q: string) => (await searchReleases(payload, locale, q, {}, { page: 1, limit: 50 })).ids

interface Texts {
  title: string
  lead?: string
  body?: string
}

async function publish(texts: Partial<Record<Locale, Texts>>, extra: Record<string, unknown> = {}) {
  const [first, ...others] = Object.entries(texts) as [Locale, Texts][]
  const data = (t: Texts) => ({ title: t.title, lead: t.lead, body: paragraph(t.body ?? '') })
  const doc = await payload.create({
    collection: 'releases',
    locale: first![0],
    data: { ...data(first![1]), type: 'press-release', leadAgency: agencyId, _status: 'published', ...extra },
  })
  for (const [locale, t] of others) {
    await payload.update({ collection: 'releases', id: doc.id, locale, data: { ...data(t), _status: 'published' } })
  }
  return doc.id
}

describe('the word forms the index and the query share', () => {
  it('stems Russian with Snowball, ё and й kept until the stem is made', () => {
    expect(stemWord('заседания')).toBe(stemWord('заседание'))
    expect(stemWord('заседании')).toBe(stemWord('заседание'))
    expect(stemWord('миграция')).toBe(stemWord('миграции'))
    expect(stemWord('ЁЛОЧНЫЙ')).toBe(stemWord('елочная'))
    expect(stemWord('вода')).not.toBe(stemWord('водитель'))
  })

  it('stems English with Snowball', () => {
    expect(stemWord('meetings', 'en')).toBe(stemWord('meeting', 'en'))
    expect(stemWord('ministries', 'en')).toBe(stemWord('ministry', 'en'))
  })

  it('strips common Azerbaijani case, possessive and plural endings, and nothing from short words', () => {
    const same = (a: string, b: string) => expect(stemAz(foldForSearch(a)), `${a} ~ ${b}`).toBe(stemAz(foldForSearch(b)))
    same('nazirliyin', 'nazirlikdən')
    same('nazirliyə', 'nazirlik')
    same('Şurasının', 'Şura')
    same('Şuranın', 'Şurada')
    same('hesabatları', 'hesabat')
    same('iclasın', 'iclasda')
    same('Bakıda', 'Bakı')
    same('Gəncəyə', 'Gəncə')
    same('iştirakçılığı', 'iştirakçılıq')
    // "-sı" after a vowel or "-ı" after an s: both readings.
    expect(stemsAz(foldForSearch('iclası'))).toContain(stemAz(foldForSearch('iclasda')))
    expect(stemsAz(foldForSearch('Şurası'))).toContain(stemAz(foldForSearch('Şura')))
    expect(stemAz(foldForSearch('Gəncə'))).not.toBe(stemAz(foldForSearch('gənc')))
    expect(stemAz('ata')).toBe('ata')
  })

  it('gives a name one Latin key whatever the script or spelling', () => {
    const key = (w: string) => nameKey(w)
    expect(key('Алиев')).toBe(key('Aliyev'))
    expect(key('Əliyev')).toBe(key('Aliyev'))
    expect(key('Шура')).toBe(key('Şura'))
    expect(key('Shura')).toBe(key('Şura'))
    expect(key('Гянджа')).toBe(key('Gəncə'))
    expect(key('Ильхам')).toBe(key('İlham'))
    expect(key('Хачмаз')).toBe(key('Xaçmaz'))
    expect(key('Khachmaz')).toBe(key('Xaçmaz'))
    expect(key('Алиев')).not.toBe(key('Əlizadə'))
  })
})

describe('what readers find', () => {
  let council: string // Azerbaijani and English
  let cabinet: string // Russian only
  let drivers: string // Russian only
  let ganja: string // Azerbaijani only

  beforeAll(async () => {
    council = await publish({
      az: {
        title: 'Təhlükəsizlik Şurasının iclası keçirilib',
        lead: 'Prezident İlham Əliyev Şuranın üzvləri ilə görüşüb.',
        body: 'Görüşdə nazirliyin hesabatı dinlənilib, Xankəndi şəhərində tikinti işləri müzakirə olunub.',
      },
      en: {
        title: 'Ilham Aliyev chaired the meeting of the Security Council',
        body: 'The ministries presented their reports on construction in Khankendi.',
      },
    })
    cabinet = await publish({
      ru: {
        title: 'Состоялось заседание Кабинета министров',
        lead: 'На заседании обсуждались вопросы миграции.',
        body: 'Президент Ильхам Алиев выступил с речью. Государственная миграционная служба представила отчёт.',
      },
    })
    drivers = await publish({ ru: { title: 'Водители общественного транспорта прошли обучение', body: 'Занятия прошли в Баку.' } })
    ganja = await publish({ az: { title: 'Gəncədə yeni məktəb açılıb', body: 'Məktəbin açılışında gənc müəllimlər iştirak ediblər.' } })
  })

  it('finds Russian words whatever their ending', async () => {
    for (const q of ['заседания', 'заседанию', 'ЗАСЕДАНИЕ', 'миграция', 'миграцию', 'кабинет министра', 'отчёты', 'речи']) {
      expect(await ids('ru', q), q).toEqual([cabinet])
    }
    expect(await ids('ru', 'водителей')).toEqual([drivers])
    expect(await ids('ru', 'обучения водителя')).toEqual([drivers])
    // A stem is matched whole: "вода" is not the start of "водитель".
    expect(await ids('ru', 'вода')).toEqual([])
    // Every word still counts.
    expect(await ids('ru', 'заседания водителей')).toEqual([])
  })

  it('finds English words whatever their ending', async () => {
    for (const q of ['meetings', 'ministry', 'report', 'chairs', 'councils']) {
      expect(await ids('en', q), q).toEqual([council])
    }
  })

  it('finds Azerbaijani words with other case endings', async () => {
    for (const q of ['nazirlikdən', 'nazirliyə', 'hesabatlar', 'iclasda', 'şuranın', 'üzvlər']) {
      expect(await ids('az', q), q).toEqual([council])
    }
    expect(await ids('az', 'Gəncə')).toEqual([ganja])
    expect(await ids('az', 'məktəblər')).toEqual([ganja])
    // "gənc" (young) is in the school's text, but the council's is not found by it, nor is the
    // school's by the city's name turned into "young".
    expect(await ids('az', 'gənc')).toEqual([ganja])
    expect(await ids('az', 'gəncə iclas')).toEqual([])
  })

  it('finds Azerbaijani letters typed as digraphs: Shura → Şura, Khankendi → Xankəndi', async () => {
    for (const q of ['Shura', 'shurasinin', 'Şura', 'sura', 'Khankendi', 'sheherinde']) {
      expect(await ids('az', q), q).toEqual([council])
    }
  })

  it('finds a name across scripts: Алиев ↔ Aliyev ↔ Əliyev, Ильхам ↔ İlham', async () => {
    // The council's Azerbaijani text (Əliyev, Şura), English text (Aliyev) and — for Russian readers,
    // as it has no Russian text — its Azerbaijani text again; the cabinet's Russian text (Алиев),
    // which readers of every language see, as it is only in Russian. The name typed in any script.
    for (const locale of ['az', 'en', 'ru'] as const) {
      for (const q of ['Алиев', 'Aliyev', 'Əliyev', 'aliyev', 'Ильхам Алиев', 'Ilham Aliyev']) {
        expect((await ids(locale, q)).sort(), `${locale} ${q}`).toEqual([cabinet, council].sort())
      }
    }
    for (const q of ['Шура', 'Şura', 'Shura']) expect(await ids('ru', q), `ru ${q}`).toEqual([council])
    // Other names are not caught by the key.
    expect(await ids('az', 'Əlizadə')).toEqual([])
    expect(await ids('ru', 'Гусейнов')).toEqual([])
  })
})

describe('the upgrade', () => {
  it('rebuilds an index made with the old rules once', async () => {
    const id = await publish({ ru: { title: 'Заседание комиссии по миграции', body: 'Итоги года.' } }, { publishedAt: '2015-02-03T04:05:06.000Z' })
    expect(await ids('ru', 'комиссия')).toEqual([id])
    // The entry as the code before this change indexed it: folded words only.
    const db = (payload.db as unknown as { drizzle: Parameters<typeof upgrade.up>[0]['db'] }).drizzle
    const [row] = await db.all<{ id: number }>(sql`SELECT id FROM release_search WHERE release_id = ${id}`)
    const old = foldForSearch('Заседание комиссии по миграции\nИтоги года.')
    await db.run(sql`DELETE FROM release_search_fts WHERE rowid = ${row!.id}`)
    await db.run(sql`INSERT INTO release_search_fts (rowid, facets, text_az, text_en, text_ru) VALUES (${row!.id}, '', ${old}, ${old}, ${old})`)
    expect(await ids('ru', 'комиссия')).toEqual([])

    await upgrade.up({ db, payload, req: {} } as Parameters<typeof upgrade.up>[0])
    expect(await ids('ru', 'комиссия')).toEqual([id])
    expect(await ids('ru', 'заседания')).toEqual(expect.arrayContaining([id, (await ids('ru', 'кабинета'))[0]]))
    expect(await ids('az', 'Shura')).toHaveLength(1)
    // Keys as the sort order needs them: the release's row id is its publication time.
    const [after] = await db.all<{ id: number }>(sql`SELECT id FROM release_search WHERE release_id = ${id}`)
    expect(Math.floor(after!.id / 16) * 16).toBe(sortKey(new Date('2015-02-03T04:05:06.000Z')))
  })
})
