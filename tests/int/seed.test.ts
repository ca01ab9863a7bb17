/**
 * `npm run seed` content: the five seed pages as published releases with their agencies, officials,
 * placeholder photos and galleries, on one fresh database, seeded twice (the second run changes nothing).
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDir } from '@/config/env'
import { lexicalToParagraphs } from '@/import/toLexical'
import type { Agency, Gallery, Media, Official, Release } from '@/payload-types'
import { ensureDemoUsers } from '@/seed/demoUsers'
import { RELEASES } from '@/seed/manifest'
import { seed, type Tally } from '@/seed/seed'

import { startPayload } from './helpers/payload'

// Each run of this file uploads into its own folder under the suite's MEDIA_DIR: Payload renames an
// upload whose file name is already on disk, so files left by an earlier run would change the names.
const runMediaDir = path.join('.tmp/media-int', `seed-${process.pid}-${Date.now()}`)
process.env.MEDIA_DIR = runMediaDir

const COLLECTIONS = ['agencies', 'officials', 'media', 'galleries', 'releases'] as const

let payload: Payload
let cleanup: () => Promise<void>
let firstTally: Tally
let secondTally: Tally
const countsAfter: Record<'first' | 'second', Record<string, number>> = { first: {}, second: {} }

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {}
  for (const collection of COLLECTIONS) {
    result[collection] = (await payload.count({ collection })).totalDocs
    if (collection !== 'media') result[`${collection} versions`] = (await payload.countVersions({ collection })).totalDocs
  }
  return result
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  firstTally = await seed(payload)
  countsAfter.first = await counts()
  secondTally = await seed(payload)
  countsAfter.second = await counts()
})
afterAll(async () => {
  await cleanup()
  fs.rmSync(path.resolve(mediaDir()), { recursive: true, force: true })
})

const byKey = async (key: string, depth = 0): Promise<Release> => {
  const { docs } = await payload.find({ collection: 'releases', where: { 'importSource.key': { equals: key } }, locale: 'en', depth, limit: 2 })
  expect(docs).toHaveLength(1)
  return docs[0]!
}

const idOf = (rel: unknown): string | null => (rel == null ? null : typeof rel === 'object' ? (rel as { id: string }).id : String(rel))
const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : value)

async function slugsOf(collection: 'agencies' | 'officials', rels: unknown[] | null | undefined): Promise<string[]> {
  const slugs: string[] = []
  for (const rel of rels ?? []) {
    const doc = await payload.findByID({ collection, id: idOf(rel)!, depth: 0 })
    slugs.push(doc.slug!)
  }
  return slugs
}

const agencyBySlug = async (slug: string, locale: 'az' | 'en' | 'ru' = 'en'): Promise<Agency> => {
  const { docs } = await payload.find({ collection: 'agencies', where: { slug: { equals: slug } }, locale, fallbackLocale: false, depth: 0 })
  expect(docs).toHaveLength(1)
  return docs[0]!
}

const officialBySlug = async (slug: string, locale: 'az' | 'en' | 'ru' = 'en'): Promise<Official> => {
  const { docs } = await payload.find({ collection: 'officials', where: { slug: { equals: slug } }, locale, fallbackLocale: false, depth: 0 })
  expect(docs).toHaveLength(1)
  return docs[0]!
}

describe('seed tally and idempotence', () => {
  it('creates everything on the first run', () => {
    expect(firstTally).toEqual({
      agencies: { created: 10, existing: 0 },
      officials: { created: 4, existing: 0 },
      media: { created: 14, existing: 0 },
      galleries: { created: 3, existing: 0 },
      releases: { created: 5, existing: 0 },
    })
  })

  it('creates nothing on the second run and finds everything', () => {
    expect(secondTally).toEqual({
      agencies: { created: 0, existing: 10 },
      officials: { created: 0, existing: 4 },
      media: { created: 0, existing: 14 },
      galleries: { created: 0, existing: 3 },
      releases: { created: 0, existing: 5 },
    })
  })

  it('leaves the document and version counts unchanged on the second run', () => {
    expect(countsAfter.first).toMatchObject({ agencies: 10, officials: 4, media: 14, galleries: 3, releases: 5 })
    expect(countsAfter.second).toEqual(countsAfter.first)
  })
})

const EXPECTED = {
  'seed-000': {
    title:
      'Minister of Internal Affairs Ramil Usubov received the new UN Resident Coordinator and the Head of the UNHCR Office in Azerbaijan',
    publishedAt: '2017-02-05T20:00:00.000Z',
    datePrecision: 'date',
    type: 'press-release',
    lead: 'mia',
    officials: ['ramil-usubov', 'ilham-aliyev'],
    supporting: ['un-azerbaijan', 'unhcr-azerbaijan'],
  },
  'seed-001': {
    title: 'A Board meeting was held at the Ministry of Internal Affairs',
    publishedAt: '2025-01-23T20:00:00.000Z',
    datePrecision: 'date',
    type: 'press-release',
    lead: 'mia',
    officials: ['vilayat-eyvazov', 'ilham-aliyev'],
    supporting: [],
  },
  'seed-002': {
    title: 'The Collegium meeting was held at the Ministry of Internal Affairs',
    publishedAt: '2024-04-18T20:00:00.000Z',
    datePrecision: 'date',
    type: 'press-release',
    lead: 'mia',
    officials: ['vilayat-eyvazov', 'ilham-aliyev'],
    supporting: [],
  },
  'seed-003': {
    title: 'The meeting held at the State Migration Service with representatives of the International Committee of the Red Cross',
    publishedAt: '2016-12-31T20:00:00.000Z',
    datePrecision: 'year',
    type: 'press-release',
    lead: 'sms',
    officials: ['firudin-nabiyev', 'ilham-aliyev'],
    supporting: ['icrc'],
  },
  'seed-004': {
    title: 'President Aliyev: Situation in Azerbaijan is stable, there are no internal risks and potential threats',
    publishedAt: '2017-10-19T05:58:00.000Z',
    datePrecision: 'datetime',
    type: 'media-coverage',
    lead: 'azernews',
    officials: ['ilham-aliyev'],
    supporting: ['president', 'cis-border-troops-council'],
  },
} as const

describe('releases', () => {
  it('the expectations cover exactly the manifest’s releases, at the manifest’s instants', () => {
    expect(RELEASES.map((r) => r.key)).toEqual(Object.keys(EXPECTED))
    for (const entry of RELEASES) {
      expect(new Date(entry.publishedAt).toISOString()).toBe(EXPECTED[entry.key as keyof typeof EXPECTED].publishedAt)
    }
  })

  it.each(Object.entries(EXPECTED))('%s has its title, date, type, agencies and officials, published', async (key, expected) => {
    const release = await byKey(key, 1)
    const manifest = RELEASES.find((r) => r.key === key)!
    expect(release.title).toBe(expected.title)
    expect(release._status).toBe('published')
    expect(release.workflow?.state).toBe('published')
    expect(iso(release.publishedAt)).toBe(new Date(manifest.publishedAt).toISOString())
    expect(iso(release.publishedAt)).toBe(expected.publishedAt)
    expect(release.datePrecision).toBe(expected.datePrecision)
    expect(release.type).toBe(expected.type)
    expect((release.leadAgency as Agency).slug).toBe(expected.lead)
    expect(await slugsOf('officials', release.officials)).toEqual(expected.officials)
    expect(await slugsOf('agencies', release.supportingAgencies)).toEqual(expected.supporting)
    expect(release.importSource?.file).toBe(manifest.file)
  })

  it('anonymous readers can read all five', async () => {
    const { docs } = await payload.find({ collection: 'releases', overrideAccess: false, locale: 'en', depth: 0, limit: 10 })
    expect(docs.every((d) => d._status === 'published')).toBe(true)
    // Which source each came from is editorial data: readers do not get it (staff do).
    expect(docs.every((d) => d.importSource === undefined)).toBe(true)
    const ids = docs.map((d) => d.id)
    const staffView = await payload.find({ collection: 'releases', where: { id: { in: ids } }, locale: 'en', depth: 0, limit: 10 })
    expect(staffView.docs.map((d) => d.importSource?.key).sort()).toEqual(Object.keys(EXPECTED))
  })
})

const CHROME = [
  'Useful links',
  'For the visually impaired:',
  'Görmə çətinliyi olanlar üçün:',
  'Paylaş',
  'Back',
  'Slider Image 1',
  'Loading...',
  'Follow us on Twitter',
  'Most recent press releases',
  'Websites of the structural units',
  '© 2024',
  'Gallery Image',
  'Azernews.Az',
  'Virtual Karabakh',
]

describe('release bodies', () => {
  it('contain no page chrome', async () => {
    for (const key of Object.keys(EXPECTED)) {
      const paragraphs = lexicalToParagraphs((await byKey(key)).body)
      expect(paragraphs.length, key).toBeGreaterThan(0)
      const text = paragraphs.join('\n')
      for (const chrome of CHROME) expect(text.includes(chrome), `${key} body contains "${chrome}"`).toBe(false)
    }
  })

  it('seed 001 starts and ends with the page’s first and last paragraphs', async () => {
    const paragraphs = lexicalToParagraphs((await byKey('seed-001')).body)
    expect(paragraphs).toHaveLength(20)
    expect(paragraphs[0]).toBe(
      'On January 24, a General Board meeting was held at the Ministry of Internal Affairs, dedicated to the results of activities in 2024 regarding the fight against crime, the protection of public order, and ensuring public safety, as well as the tasks ahead for the current year.',
    )
    expect(paragraphs.at(-1)).toBe(
      'Minister Vilayat Eyvazov expressed deep gratitude to the President of the Republic of Azerbaijan, Mr. Ilham Aliyev, for his high attention and care for the Ministry, as well as for the trust he has placed in the personnel. He assured that the Ministry will continue its efforts with great determination and resolve in ensuring the rule of law, public order, and the safety and satisfaction of citizens.',
    )
  })

  it('seed 004’s last paragraph has lost the scrape’s trailing backslash', async () => {
    const paragraphs = lexicalToParagraphs((await byKey('seed-004')).body)
    expect(paragraphs.at(-1)).toBe(
      'The Russian Border Service deputy command added that the parties discussed organized crime, drug trafficking, migration processes at borders and other issues. The parties also raised the issue of training military officers in educational facilities in the CIS region.',
    )
    expect(paragraphs.some((p) => p.endsWith('\\'))).toBe(false)
  })
})

describe('source attribution', () => {
  it('000 was republished by Virtual Karabakh from the MIA press service', async () => {
    const release = await byKey('seed-000', 1)
    expect((release.source?.outlet as Agency | null)?.slug).toBe('virtual-karabakh')
    expect(release.source?.byline).toBe('Press Service of the Ministry of Internal Affairs')
    expect(release.source?.originalDate ?? null).toBeNull()
  })

  it('004 is Amina Nazarli’s Azernews article of 19 October 2017, 09:58 Baku time', async () => {
    const release = await byKey('seed-004', 1)
    expect((release.source?.outlet as Agency | null)?.slug).toBe('azernews')
    expect(release.source?.byline).toBe('Amina Nazarli')
    expect(iso(release.source?.originalDate)).toBe('2017-10-19T05:58:00.000Z')
  })

  it.each(['seed-001', 'seed-002', 'seed-003'])('%s has no outlet', async (key) => {
    const release = await byKey(key)
    expect(release.source?.outlet ?? null).toBeNull()
    expect(release.source?.byline ?? null).toBeNull()
  })
})

describe('galleries and photos', () => {
  const GALLERY_SIZES = { 'seed-000': 0, 'seed-001': 2, 'seed-002': 1, 'seed-003': 0, 'seed-004': 11 } as const

  it.each(Object.entries(GALLERY_SIZES))('%s has a gallery of %i images, the first one its hero image', async (key, size) => {
    const release = await byKey(key)
    if (size === 0) {
      expect(release.gallery ?? null).toBeNull()
      expect(release.heroImage ?? null).toBeNull()
      return
    }
    const gallery: Gallery = await payload.findByID({ collection: 'galleries', id: idOf(release.gallery)!, depth: 0, locale: 'en' })
    expect(gallery._status).toBe('published')
    expect(gallery.title).toBe(release.title)
    const imageIds = (gallery.photos ?? []).map((photo) => idOf(photo))
    expect(imageIds).toHaveLength(size)
    expect(new Set(imageIds).size).toBe(size)
    expect(idOf(release.heroImage)).toBe(imageIds[0])
    expect(idOf(gallery.cover)).toBe(imageIds[0])
  })

  it('every gallery image has alt text in all three languages, its file and its sizes', async () => {
    const { docs: galleries } = await payload.find({ collection: 'galleries', depth: 0, limit: 10 })
    const ids = galleries.flatMap((g) => (g.photos ?? []).map((photo) => idOf(photo)!))
    expect(ids).toHaveLength(14)
    const dir = mediaDir()
    expect(path.resolve(dir)).toBe(path.resolve(runMediaDir))
    for (const id of ids) {
      const alts: string[] = []
      for (const locale of ['az', 'en', 'ru'] as const) {
        const media: Media = await payload.findByID({ collection: 'media', id, locale, fallbackLocale: false, depth: 0 })
        expect(typeof media.alt, `${id} alt in ${locale}`).toBe('string')
        expect(media.alt.trim().length, `${id} alt in ${locale}`).toBeGreaterThan(0)
        alts.push(media.alt)
      }
      // Three different texts, not one copied into every locale.
      expect(new Set(alts).size).toBe(3)
      expect(alts[0]).toMatch(/^Yer tutucu şəkil/)
      expect(alts[1]).toMatch(/^Placeholder image/)
      expect(alts[2]).toMatch(/^Изображение-заглушка/)

      const media = await payload.findByID({ collection: 'media', id, depth: 0 })
      expect(media.mimeType).toBe('image/jpeg')
      expect(media.filename).toMatch(/^seed-00[0-4]-.+\.jpg$/)
      expect(fs.existsSync(path.join(dir, media.filename!))).toBe(true)
      for (const size of ['thumbnail', 'card', 'og'] as const) {
        const file = media.sizes?.[size]?.filename
        expect(file, `${media.filename} ${size}`).toBeTruthy()
        expect(fs.existsSync(path.join(dir, file!)), `${file} on disk`).toBe(true)
      }
      expect(media.sizes?.og?.width).toBe(1200)
      expect(media.sizes?.og?.height).toBe(630)
      expect(media.sizes?.thumbnail?.width).toBe(400)
      expect(media.sizes?.thumbnail?.height).toBe(300)
    }
  })
})

describe('officials and agencies', () => {
  it('Ramil Usubov left office on 15 July 2019 and has no current title', async () => {
    const usubov = await officialBySlug('ramil-usubov')
    expect(usubov.positions).toHaveLength(1)
    expect(iso(usubov.positions![0]!.endDate)?.slice(0, 10)).toBe('2019-07-15')
    expect(iso(usubov.positions![0]!.startDate)?.slice(0, 10)).toBe('1994-04-01')
    expect(usubov.currentTitle).toBeNull()
  })

  it('Vilayat Eyvazov is the current minister, in English and Azerbaijani', async () => {
    expect((await officialBySlug('vilayat-eyvazov', 'en')).currentTitle).toBe('Minister of Internal Affairs')
    expect((await officialBySlug('vilayat-eyvazov', 'az')).currentTitle).toBe('Daxili işlər naziri')
    expect((await officialBySlug('vilayat-eyvazov', 'ru')).currentTitle).toBe('Министр внутренних дел')
    expect((await officialBySlug('vilayat-eyvazov', 'az')).name).toBe('Vilayət Eyvazov')
  })

  it('agencies are named in az, en and ru', async () => {
    expect((await agencyBySlug('mia', 'az')).name).toBe('Daxili İşlər Nazirliyi')
    expect((await agencyBySlug('mia', 'en')).name).toBe('Ministry of Internal Affairs')
    expect((await agencyBySlug('mia', 'ru')).name).toBe('Министерство внутренних дел')
    expect((await agencyBySlug('mia', 'ru')).shortName).toBe('МВД')
    expect((await agencyBySlug('virtual-karabakh', 'az')).name).toBe('Virtual Qarabağ')
    const { docs } = await payload.find({ collection: 'agencies', locale: 'ru', fallbackLocale: false, limit: 20, depth: 0 })
    expect(docs).toHaveLength(10)
    for (const agency of docs) expect(agency.name, agency.slug ?? '').toBeTruthy()
  })

  it('the Baku City Main Police Department belongs to the MIA', async () => {
    const { docs } = await payload.find({
      collection: 'agencies',
      where: { slug: { equals: 'baku-city-main-police-department' } },
      locale: 'en',
      depth: 1,
    })
    expect((docs[0]?.parent as Agency | null)?.slug).toBe('mia')
    expect(docs[0]?.kind).toBe('structural-unit')
  })
})

describe('demo users', () => {
  const PASSWORD = 'a-test-password-123'

  it('creates the three accounts once, with their roles, and they can log in', async () => {
    const first = await ensureDemoUsers(payload, PASSWORD)
    expect(first).toEqual({
      created: ['admin@example.com', 'editor@example.com', 'contributor@example.com'],
      existing: [],
      generatedPassword: null,
    })
    const second = await ensureDemoUsers(payload, PASSWORD)
    expect(second).toEqual({
      created: [],
      existing: ['admin@example.com', 'editor@example.com', 'contributor@example.com'],
      generatedPassword: null,
    })
    const { docs } = await payload.find({ collection: 'users', where: { email: { like: '@example.com' } }, depth: 0, sort: 'email' })
    expect(docs.map((u) => [u.email, u.roles])).toEqual([
      ['admin@example.com', ['admin']],
      ['contributor@example.com', ['contributor']],
      ['editor@example.com', ['editor']],
    ])
    const login = await payload.login({ collection: 'users', data: { email: 'editor@example.com', password: PASSWORD } })
    expect(login.token).toBeTruthy()
    expect(login.user?.email).toBe('editor@example.com')
    await expect(payload.login({ collection: 'users', data: { email: 'editor@example.com', password: 'wrong-password-123' } })).rejects.toThrow()
  })

  it('without a password, shows no generated password when every account already exists', async () => {
    const env = process.env as Record<string, string | undefined>
    const before = env.DEMO_PASSWORD
    try {
      delete env.DEMO_PASSWORD
      expect(await ensureDemoUsers(payload)).toEqual({
        created: [],
        existing: ['admin@example.com', 'editor@example.com', 'contributor@example.com'],
        generatedPassword: null,
      })
    } finally {
      if (before === undefined) delete env.DEMO_PASSWORD
      else env.DEMO_PASSWORD = before
    }
    // The accounts keep the password they were created with.
    const login = await payload.login({ collection: 'users', data: { email: 'admin@example.com', password: PASSWORD } })
    expect(login.user?.roles).toEqual(['admin'])
  })

  it('refuses to run in production', async () => {
    const before = process.env.NODE_ENV
    const env = process.env as Record<string, string | undefined>
    try {
      env.NODE_ENV = 'production'
      await expect(ensureDemoUsers(payload, PASSWORD)).rejects.toThrow('demo accounts are not created in production')
    } finally {
      env.NODE_ENV = before
    }
    expect(process.env.NODE_ENV).toBe(before)
  })
})

describe('a database reset while media/ was kept', () => {
  it('replaces the orphan file under the same name, so the next run finds the photo and creates nothing', async () => {
    const filename = 'seed-002-img-8788-2.jpg'
    const { docs } = await payload.find({ collection: 'media', where: { filename: { equals: filename } } })
    await payload.delete({ collection: 'media', id: docs[0]!.id, context: { confirmInUse: true } })
    fs.writeFileSync(path.join(mediaDir(), filename), 'left over from an older database')

    const rerun = await seed(payload)
    expect(rerun.media).toEqual({ created: 1, existing: 13 })
    const recreated = await payload.find({ collection: 'media', where: { filename: { equals: filename } } })
    expect(recreated.totalDocs).toBe(1)
    expect(recreated.docs[0]!.mimeType).toBe('image/jpeg')

    const again = await seed(payload)
    expect(again.media).toEqual({ created: 0, existing: 14 })
  })
})
