/**
 * Synthetic published releases for scale benchmarks: realistic lengths (title 60–120 characters,
 * lead ~300, a Lexical body of several paragraphs, 3–6 KB), each language with its own text,
 * agencies and officials from the seeded ones, dates spread over 20 years.
 *
 * Two ways to write them, both through Payload:
 * - `local`: the local API (`payload.create` in Azerbaijani, then `payload.update` in English and
 *   Russian) — every hook, validation and version, as an editor's publish would;
 * - `db`: the database adapter (`payload.db.create` with all three languages at once, and one
 *   `payload.db.createVersion`, as Payload stores a publish) — no hooks, so the search index is
 *   rebuilt at the end. Same rows, many times faster; for 100,000 releases.
 * Both commit in batches (one transaction per batch) and skip the page purges (`skipRevalidate`).
 */
import { randomUUID } from 'node:crypto'

import { sql, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { RELEASE_TYPES } from '@collections/Releases/fields'
import { LOCALE_CODES, type Locale } from '@/i18n/locales'
import { paragraphsToLexical } from '@/import/toLexical'
import type { Release } from '@/payload-types'
import { slugify } from '@/lib/transliterate'
import { turnEventLoop } from '@/lib/eventLoop'
import { rebuildSearchIndex } from '@/search'

import { randomSource, vocabulary, type Vocabulary } from './vocabulary'

export type GenerateMode = 'local' | 'db'

export interface GenerateOptions {
  count: number
  mode?: GenerateMode
  /** Different seeds give different titles (and slugs). */
  seed?: number
  batchSize?: number
  log?: (line: string) => void
}

export interface GenerateResult {
  mode: GenerateMode
  count: number
  seconds: number
  perSecond: number
  /** Of `seconds`, the search index rebuild (`db` mode). */
  indexSeconds: number
}

interface Named {
  id: string
  name: Record<Locale, string>
}

interface Texts {
  title: string
  lead: string
  body: ReturnType<typeof paragraphsToLexical>
  place: string
}

export interface SyntheticRelease {
  type: Release['type']
  featured: boolean
  publishedAt: string
  leadAgency: string
  supportingAgencies: string[]
  officials: string[]
  texts: Record<Locale, Texts>
}

const YEARS = 20
const PLACES: Record<Locale, string[]> = {
  az: ['Bakı', 'Gəncə', 'Şəki', 'Sumqayıt', 'Lənkəran', 'Şuşa'],
  en: ['Baku', 'Ganja', 'Sheki', 'Sumgait', 'Lankaran', 'Shusha'],
  ru: ['Баку', 'Гянджа', 'Шеки', 'Сумгайыт', 'Ленкорань', 'Шуша'],
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)

function words(vocab: Vocabulary, random: () => number, minLength: number, maxLength: number): string {
  const target = minLength + Math.floor(random() * (maxLength - minLength))
  let text = vocab.word(random)
  while (text.length < target) text += ` ${vocab.word(random)}`
  return text.length > maxLength ? text.slice(0, text.lastIndexOf(' ', maxLength)) : text
}

const sentence = (vocab: Vocabulary, random: () => number) => `${capitalize(words(vocab, random, 60, 160))}.`

function paragraph(vocab: Vocabulary, random: () => number): string {
  const count = 4 + Math.floor(random() * 4)
  return Array.from({ length: count }, () => sentence(vocab, random)).join(' ')
}

const pick = <T>(items: T[], random: () => number): T => items[Math.floor(random() * items.length)]!

function pickSome<T>(items: T[], max: number, random: () => number, except?: T): T[] {
  const chosen = new Set<T>()
  const count = Math.floor(random() * (max + 1))
  for (let i = 0; i < count * 3 && chosen.size < count; i++) {
    const item = pick(items, random)
    if (item !== except) chosen.add(item)
  }
  return [...chosen]
}

/** One release's content; deterministic for (seed, index). */
export function syntheticRelease(
  index: number,
  seed: number,
  refs: { agencies: Named[]; officials: Named[] },
  vocabs: Record<Locale, Vocabulary>,
  now = Date.now(),
): SyntheticRelease {
  const random = randomSource(seed * 1_000_003 + index)
  const agency = pick(refs.agencies, random)
  const officials = pickSome(refs.officials, 3, random)
  const publishedAt = new Date(now - Math.floor(random() * YEARS * 365.25 * 86_400_000)).toISOString()
  const placeIndex = Math.floor(random() * PLACES.az.length)
  const paragraphCount = 5 + Math.floor(random() * 4)
  const texts = Object.fromEntries(
    LOCALE_CODES.map((locale) => {
      const vocab = vocabs[locale]
      const mention = officials[0] ? `${officials[0].name[locale]}, ${agency.name[locale]}` : agency.name[locale]
      const lead = `${mention}: ${words(vocab, random, 120, 160)}. ${capitalize(words(vocab, random, 100, 150))}.`
      const body = paragraphsToLexical(Array.from({ length: paragraphCount }, () => paragraph(vocab, random)))
      return [locale, { title: capitalize(words(vocab, random, 60, 120)), lead, body, place: PLACES[locale][placeIndex]! }]
    }),
  ) as Record<Locale, Texts>
  return {
    type: pick(RELEASE_TYPES.map((t) => t.value), random),
    featured: random() < 0.005,
    publishedAt,
    leadAgency: agency.id,
    supportingAgencies: pickSome(refs.agencies, 2, random, agency).map((a) => a.id),
    officials: officials.map((o) => o.id),
    texts,
  }
}

async function namedRefs(payload: Payload, collection: 'agencies' | 'officials'): Promise<Named[]> {
  const { docs } = await payload.find({ collection, locale: 'all', depth: 0, limit: 1000, pagination: false })
  return docs.map((doc) => ({ id: doc.id, name: doc.name as unknown as Record<Locale, string> }))
}

const context = { skipRevalidate: true }

async function writeLocal(payload: Payload, release: SyntheticRelease, req: PayloadRequest): Promise<void> {
  const { texts, ...shared } = release
  const created = await payload.create({
    collection: 'releases',
    locale: 'az',
    data: { ...shared, ...texts.az, publishedAt_tz: 'Asia/Baku', datePrecision: 'datetime', _status: 'published' },
    req,
    context,
  })
  for (const locale of ['en', 'ru'] as const) {
    await payload.update({ collection: 'releases', id: created.id, locale, data: { ...texts[locale], _status: 'published' }, req, context })
  }
}

async function writeDb(payload: Payload, release: SyntheticRelease, serial: string, req: PayloadRequest): Promise<void> {
  const { texts, ...shared } = release
  const byLocale = <K extends keyof Texts>(key: K) => Object.fromEntries(LOCALE_CODES.map((l) => [l, texts[l][key]]))
  const now = new Date().toISOString()
  const data = {
    ...shared,
    title: byLocale('title'),
    lead: byLocale('lead'),
    body: byLocale('body'),
    place: byLocale('place'),
    slug: Object.fromEntries(LOCALE_CODES.map((l) => [l, `${slugify(texts[l].title).slice(0, 80).replace(/-+$/, '')}-${serial}`])),
    publishedAt_tz: 'Asia/Baku',
    datePrecision: 'datetime',
    withdrawal: { withdrawn: false },
    workflow: { state: 'published', firstPublishedAt: shared.publishedAt },
    _status: 'published',
    createdAt: now,
    updatedAt: now,
  }
  const id = randomUUID()
  await payload.db.create({ collection: 'releases', customID: id, data, req, returning: false })
  await payload.db.createVersion({
    collectionSlug: 'releases',
    parent: id,
    versionData: { ...data, id },
    autosave: false,
    createdAt: now,
    updatedAt: now,
    req,
    returning: false,
  })
}

/**
 * Runs a batch of writes as one transaction. The SQLite adapter here has Payload transactions off
 * (no `transactionOptions`), so every statement would commit — and sync to disk — on its own: the
 * batch opens one on the adapter's single connection instead.
 */
async function inOneTransaction(payload: Payload, write: (req: PayloadRequest) => Promise<void>): Promise<void> {
  const req = await createLocalReq({ context }, payload)
  const id = await payload.db.beginTransaction()
  const sqlite = !id && payload.db.name === 'sqlite' ? (payload.db as unknown as SQLiteAdapter).drizzle : null
  if (id) req.transactionID = id
  if (sqlite) await sqlite.run(sql`BEGIN`)
  try {
    await write(req)
    if (id) await payload.db.commitTransaction(id)
    if (sqlite) await sqlite.run(sql`COMMIT`)
  } catch (error) {
    if (id) await payload.db.rollbackTransaction(id)
    if (sqlite) await sqlite.run(sql`ROLLBACK`)
    throw error
  }
}

/** Creates `count` published releases; returns the rate. */
export async function generateReleases(payload: Payload, options: GenerateOptions): Promise<GenerateResult> {
  const { count, mode = 'db', seed = 1, log = () => undefined } = options
  const batchSize = options.batchSize ?? (mode === 'db' ? 500 : 50)
  const refs = { agencies: await namedRefs(payload, 'agencies'), officials: await namedRefs(payload, 'officials') }
  if (!refs.agencies.length) throw new Error('No agencies: seed the database first (npm run seed).')
  const vocabs = Object.fromEntries(LOCALE_CODES.map((l) => [l, vocabulary(l)])) as Record<Locale, Vocabulary>
  const now = Date.now()
  const started = performance.now()
  let lastLog = started

  for (let from = 0; from < count; from += batchSize) {
    await inOneTransaction(payload, async (req) => {
      for (let i = from; i < Math.min(count, from + batchSize); i++) {
        const release = syntheticRelease(i, seed, refs, vocabs, now)
        if (mode === 'local') await writeLocal(payload, release, req)
        else await writeDb(payload, release, `${seed.toString(36)}${i.toString(36)}`, req)
      }
    })
    await turnEventLoop()
    const done = Math.min(count, from + batchSize)
    if (performance.now() - lastLog > 10_000 || done === count) {
      lastLog = performance.now()
      const seconds = (lastLog - started) / 1000
      log(`  ${done} / ${count} releases (${mode}), ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)}/s`)
    }
  }

  let indexSeconds = 0
  if (mode === 'db') {
    const indexStarted = performance.now()
    await rebuildSearchIndex(payload)
    indexSeconds = (performance.now() - indexStarted) / 1000
    log(`  search index rebuilt in ${indexSeconds.toFixed(1)} s`)
  }
  const seconds = (performance.now() - started) / 1000
  return { mode, count, seconds, perSecond: count / seconds, indexSeconds }
}
