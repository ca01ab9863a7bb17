import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugField } from '@/fields/slug'
import { MAX_SLUG_LENGTH, slugify, transliterate } from '@/lib/transliterate'

import { makeAgency, paragraph } from './helpers/fixtures'
import { startPayload } from './helpers/payload'

describe('transliterate', () => {
  it.each([
    ['ə ğ ı ö ş ç ü', 'e g i o sh ch u'],
    ['Ə Ğ I İ Ö Ş Ç Ü', 'e g i i o sh ch u'],
    ['Şəki', 'sheki'],
    ['Министерство', 'ministerstvo'],
    ['щука ёж юла объект', 'shchuka yozh yula obekt'],
    ['Baku 2026', 'Baku 2026'],
  ])('%s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected)
  })
})

describe('slugify', () => {
  it.each([
    ['Daxili İşlər Nazirliyi', 'daxili-ishler-nazirliyi'],
    ['Görmə çətinliyi olanlar üçün', 'gorme-chetinliyi-olanlar-uchun'],
    ['ŞƏHƏR İCRA HAKİMİYYƏTİ', 'sheher-icra-hakimiyyeti'],
    ['Ağdam, Ölkə, Üzeyir, Çinar, Işıq', 'agdam-olke-uzeyir-chinar-ishiq'],
    ['Министерство внутренних дел', 'ministerstvo-vnutrennikh-del'],
    ['Объявление о съезде', 'obyavlenie-o-sezde'],
    ['Щёлково, Жуков и Цой', 'shchyolkovo-zhukov-i-tsoy'],
    ['Minister’s "urgent" statement: road closures!', 'ministers-urgent-statement-road-closures'],
    ['«Polis günü» — 2 iyul', 'polis-gunu-2-iyul'],
    ["Nazir'in açıqlaması", 'nazirin-achiqlamasi'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['COVID-19: 2020/2021', 'covid-19-2020-2021'],
    ['!!! ???', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('always produces a valid slug (lower-case latin, digits, single dashes)', () => {
    for (const input of ['A  --  B', 'x__y', 'Ə-ə-Ə', 'Ёлка / Елка']) {
      expect(slugify(input)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    }
  })

  it(`caps a long title at ${MAX_SLUG_LENGTH} characters, cutting at a word boundary`, () => {
    const title =
      'Azərbaycan Respublikası Daxili İşlər Nazirliyinin "Polis günü" münasibətilə keçirilən təntənəli tədbir haqqında məlumat'
    const full = 'azerbaycan-respublikasi-daxili-ishler-nazirliyinin-polis-gunu-munasibetile-kechirilen-tenteneli-tedbir-haqqinda-melumat'
    const slug = slugify(title)
    expect(MAX_SLUG_LENGTH).toBe(96)
    expect(slug).toBe('azerbaycan-respublikasi-daxili-ishler-nazirliyinin-polis-gunu-munasibetile-kechirilen-tenteneli')
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(full.startsWith(`${slug}-`)).toBe(true)
  })

  it('cuts a single overlong word at exactly the limit', () => {
    expect(slugify('a'.repeat(150))).toBe('a'.repeat(MAX_SLUG_LENGTH))
  })

  it('does not leave a trailing dash when the cut falls right after a word', () => {
    // 95 letters, a space, then more words: the 96-character cut ends on the dash.
    const slug = slugify(`${'b'.repeat(95)} cdef ghij`)
    expect(slug).toBe('b'.repeat(95))
  })
})

describe('slug field validator', () => {
  const validate = slugField().validate as (value: unknown, options: Record<string, unknown>) => Promise<string | true>

  it.each(['Has Spaces', 'UPPER', 'double--dash', '-leading', 'trailing-', 'şəhər', 'a_b'])('refuses %j', async (value) => {
    await expect(validate(value, { req: {}, collectionSlug: undefined })).resolves.toBe(
      'A slug may contain only lower-case latin letters, digits and single dashes.',
    )
  })

  it.each(['abc', 'a-1-b', '2026'])('accepts %j', async (value) => {
    await expect(validate(value, { req: {}, collectionSlug: undefined })).resolves.toBe(true)
  })
})

describe('slugs through Payload', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let agencyId: string

  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayload())
    agencyId = (await makeAgency(payload)).id
  })
  afterAll(async () => cleanup())

  /** Published by trusted server code (no user): the publish path, so field validation runs. */
  const publish = (data: { title: string; slug?: string }, locale?: 'az' | 'en' | 'ru') =>
    payload.create({
      collection: 'releases',
      data: { type: 'press-release', leadAgency: agencyId, body: paragraph('Text.'), _status: 'published', ...data },
      ...(locale ? { locale } : {}),
    })

  it('makes the slug from the title when it is left empty', async () => {
    const release = await publish({ title: 'Daxili İşlər Nazirliyində kollegiya iclası keçirilib' })
    expect(release.slug).toBe('daxili-ishler-nazirliyinde-kollegiya-iclasi-kechirilib')
  })

  it('numbers a second and a third release with the same title', async () => {
    const first = await publish({ title: 'Görmə çətinliyi olanlar üçün yeni xidmət' })
    const second = await publish({ title: 'Görmə çətinliyi olanlar üçün yeni xidmət' })
    const third = await publish({ title: 'Görmə çətinliyi olanlar üçün yeni xidmət' })
    expect(first.slug).toBe('gorme-chetinliyi-olanlar-uchun-yeni-xidmet')
    expect(second.slug).toBe('gorme-chetinliyi-olanlar-uchun-yeni-xidmet-2')
    expect(third.slug).toBe('gorme-chetinliyi-olanlar-uchun-yeni-xidmet-3')
  })

  it('keeps its own slug when the release is saved again', async () => {
    const release = await publish({ title: 'Slug kept on save' })
    const saved = await payload.update({ collection: 'releases', id: release.id, data: { lead: 'Changed lead' } })
    expect(saved.slug).toBe('slug-kept-on-save')
  })

  it('refuses a hand-typed slug already used in the same language', async () => {
    await publish({ title: 'First owner', slug: 'taken-slug' })
    await expect(publish({ title: 'Second owner', slug: 'taken-slug' })).rejects.toMatchObject({
      name: 'ValidationError',
      data: { errors: [{ path: 'slug', message: 'The slug "taken-slug" is already used by another document in this language.' }] },
    })
    const { docs } = await payload.find({ collection: 'releases', where: { slug: { equals: 'taken-slug' } } })
    expect(docs.map((d) => d.title)).toEqual(['First owner'])
  })

  it('refuses to move an existing release onto a taken slug', async () => {
    await publish({ title: 'Holder', slug: 'held-slug' })
    const other = await publish({ title: 'Mover' })
    await expect(
      payload.update({ collection: 'releases', id: other.id, data: { slug: 'held-slug' } }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'slug', message: 'The slug "held-slug" is already used by another document in this language.' }] } })
  })

  it('allows the same slug in another language (slugs are unique per locale)', async () => {
    const az = await publish({ title: 'Bakıda görüş', slug: 'shared-slug' }, 'az')
    const en = await publish({ title: 'Meeting in Baku', slug: 'shared-slug' }, 'en')
    expect(az.slug).toBe('shared-slug')
    expect(en.slug).toBe('shared-slug')
    expect(en.id).not.toBe(az.id)
    const inEnglish = await payload.find({ collection: 'releases', locale: 'en', where: { slug: { equals: 'shared-slug' } } })
    expect(inEnglish.docs.map((d) => d.title)).toEqual(['Meeting in Baku'])
  })

  it('gives a translation its own slug, made from the translated title and numbered within its language', async () => {
    const release = await publish({ title: 'Bakıda görüş keçirildi' })
    const english = await payload.update({
      collection: 'releases',
      id: release.id,
      locale: 'en',
      data: { title: 'Meeting held in Baku', _status: 'published', updateType: 'minor' },
    })
    expect(english.slug).toBe('meeting-held-in-baku')
    const all = await payload.findByID({ collection: 'releases', id: release.id, locale: 'all' })
    expect(all.slug).toEqual({ az: 'bakida-gorush-kechirildi', en: 'meeting-held-in-baku' })
    const another = await publish({ title: 'Meeting held in Baku' }, 'en')
    expect(another.slug).toBe('meeting-held-in-baku-2')
  })

  it('normalises a hand-typed slug with invalid characters instead of storing it as typed', async () => {
    const release = await publish({ title: 'Typed slug', slug: 'Bakı Şəhəri: Yeni Xəbər!' })
    expect(release.slug).toBe('baki-sheheri-yeni-xeber')
  })

  it('does not store an empty slug when a hand-typed one has no usable characters', async () => {
    const outcome = await publish({ title: 'Punctuation only slug', slug: '!!!' }).then(
      (doc) => doc.slug,
      (e: { data?: { errors?: { path: string }[] } }) => `refused:${e.data?.errors?.map((x) => x.path).join(',')}`,
    )
    expect(['punctuation-only-slug', 'refused:slug']).toContain(outcome)
  })
})
