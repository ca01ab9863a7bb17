/**
 * Withdrawn releases on the public site, and alt text in the reader's language:
 *
 * - a withdrawn release is never the home page's featured item, and is marked "Withdrawn" (in the
 *   page's language, as text) wherever releases are listed, and in the RSS feeds;
 * - every image on a release page has alt text: in the page's language, else in another one marked
 *   with `lang` (as the gallery viewer does);
 * - publishing checks alt text in every language the release is published in (has a title in).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Locale } from '@/i18n'
import type { Media, Release } from '@/payload-types'

import { makeAgency, paragraph } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

// This file's own media folder: other test files clean theirs up while this one runs.
const MEDIA = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-withdrawn-alt-'))
process.env.MEDIA_DIR = MEDIA

let payload: Payload
let cleanup: () => Promise<void>
let contributor: TestUser
let editor: TestUser
let agencyId: string

const LOCALES: Locale[] = ['az', 'en', 'ru']
const LABEL: Record<Locale, string> = { az: 'Geri çağırılıb', en: 'Withdrawn', ru: 'Отозвано' }
const as = (user: TestUser) => ({ user, overrideAccess: false as const })

let counter = 0
async function upload(alt: Partial<Record<Locale, string>>, name = 'photo.jpg'): Promise<Media> {
  counter += 1
  const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#375' } }).jpeg().toBuffer()
  const [first, ...rest] = Object.entries(alt) as [Locale, string][]
  const doc = await payload.create({
    collection: 'media',
    locale: first[0],
    data: { alt: first[1] },
    file: { data, mimetype: 'image/jpeg', name: `${counter}-${name}`, size: data.length },
    ...as(editor),
  })
  for (const [locale, text] of rest) await payload.update({ collection: 'media', id: doc.id, locale, data: { alt: text }, ...as(editor) })
  return doc
}

/** A release written by the contributor in `locale`, submitted, published by the editor. */
async function published(title: string, { locale = 'az', featured = false, heroImage }: { locale?: Locale; featured?: boolean; heroImage?: string } = {}) {
  const doc = await payload.create({
    collection: 'releases',
    locale,
    data: { title, lead: `Lead of ${title}`, type: 'press-release', leadAgency: agencyId, featured, heroImage, body: paragraph(`Body of ${title}.`) },
    draft: true,
    ...as(contributor),
  })
  await payload.update({ collection: 'releases', id: doc.id, locale, data: { workflow: { state: 'in_review' } }, draft: true, ...as(contributor) })
  await payload.update({ collection: 'releases', id: doc.id, locale, data: { _status: 'published' }, ...as(editor) })
  return doc.id
}

const withdraw = (id: string, explanation: string, locale: Locale = 'az') =>
  payload.update({ collection: 'releases', id, locale, data: { _status: 'published', withdrawal: { withdrawn: true, explanation } }, ...as(editor) })

const ids = {} as Record<'olderFeatured' | 'withdrawnFeatured' | 'plain' | 'newestWithdrawn', string>

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  agencyId = (await makeAgency(payload)).id

  ids.olderFeatured = await published('Older featured release', { featured: true })
  ids.plain = await published('Plain release')
  ids.withdrawnFeatured = await published('Newer featured release, later withdrawn', { featured: true })
  await withdraw(ids.withdrawnFeatured, 'Published in error: the meeting was postponed.')
  ids.newestWithdrawn = await published('Newest release, later withdrawn')
  await withdraw(ids.newestWithdrawn, 'Yanlışlıqla dərc olunub.')
})

afterAll(async () => {
  await payload?.delete({ collection: 'media', where: { id: { exists: true } }, context: { confirmInUse: true } }).catch(() => undefined)
  await cleanup?.()
  fs.rmSync(MEDIA, { recursive: true, force: true })
})

describe('a withdrawn release is never featured', () => {
  it('the home page features the newest featured release that is not withdrawn', async () => {
    const { featuredRelease } = await import('@/site/releases')
    for (const locale of LOCALES) expect((await featuredRelease(locale))?.doc.id, locale).toBe(ids.olderFeatured)
  })

  it('with no featured release left, the newest release that is not withdrawn stands in', async () => {
    const { featuredRelease } = await import('@/site/releases')
    await payload.update({ collection: 'releases', id: ids.olderFeatured, data: { _status: 'published', withdrawal: { withdrawn: true, explanation: 'Gone.' } }, ...as(editor) })
    try {
      expect((await featuredRelease('az'))?.doc.id).toBe(ids.plain)
    } finally {
      // Put back for the other tests: unpublish and publish it again (a withdrawal cannot be undone in place).
      const fresh = await published('Older featured release, again', { featured: true })
      ids.olderFeatured = fresh
    }
  })
})

describe('withdrawn releases are marked where they are listed', () => {
  const render = async (item: { doc: Release; lang: Locale }, locale: Locale) => {
    const { ReleaseCard } = await import('@/site/components/ReleaseCard')
    const { dictionary } = await import('@/i18n')
    return renderToStaticMarkup(createElement(ReleaseCard, { item, locale, t: dictionary(locale) }))
  }

  it('a release card says "Withdrawn" in the page’s language, as text; others say nothing', async () => {
    const { listReleases } = await import('@/site/releases')
    for (const locale of LOCALES) {
      const { items } = await listReleases(locale, {}, 20)
      const withdrawn = items.find((i) => i.doc.id === ids.newestWithdrawn)!
      const plain = items.find((i) => i.doc.id === ids.plain)!
      const html = await render(withdrawn, locale)
      expect(html, locale).toContain(`>${LABEL[locale]}<`)
      // The label is in the page's language even when the release is shown in another one.
      expect(html).toMatch(new RegExp(`<[^>]*class="[^"]*withdrawn[^"]*"[^>]*>${LABEL[locale]}<`))
      expect(await render(plain, locale)).not.toContain(LABEL[locale])
    }
  })

  it('search results and filtered lists carry the withdrawal, so their cards are marked', async () => {
    const { listReleases } = await import('@/site/releases')
    const searched = await listReleases('en', { q: 'withdrawn' })
    expect(searched.items.map((i) => i.doc.id)).toContain(ids.newestWithdrawn)
    for (const list of [searched, await listReleases('ru', { type: 'press-release' }, 20), await listReleases('az', { agency: agencyId }, 20)]) {
      const item = list.items.find((i) => i.doc.id === ids.newestWithdrawn)!
      expect(item.doc.withdrawal?.withdrawn).toBe(true)
    }
  })
})

describe('the RSS feeds say so', () => {
  it('a withdrawn item’s title starts with "[Withdrawn] " in the feed’s language, its description with the explanation', async () => {
    const { releasesFeed } = await import('@/site/feed')
    for (const locale of LOCALES) {
      const feed = await releasesFeed(locale)
      const items = feed.split('<item>').slice(1)
      const withdrawn = items.find((i) => i.includes('Newest release, later withdrawn'))!
      expect(withdrawn, locale).toMatch(new RegExp(`<title><!\\[CDATA\\[\\[${LABEL[locale]}\\] Newest release, later withdrawn\\]\\]></title>`))
      expect(withdrawn).toMatch(/<description><!\[CDATA\[Yanlışlıqla dərc olunub\./)
      const plain = items.find((i) => i.includes('Plain release'))!
      expect(plain).toMatch(/<title><!\[CDATA\[Plain release\]\]><\/title>/)
    }
  })
})

describe('every image on a release page has alt text', () => {
  it('a hero described only in Azerbaijani gets that text on the English and Russian pages, marked lang="az"', async () => {
    const { localizedImages } = await import('@/site/directory')
    const hero = await upload({ az: 'Nazir iclasda çıxış edir' }, 'hero.jpg')
    const described = await upload({ az: 'İclas zalı', en: 'The meeting room', ru: 'Зал заседаний' }, 'room.jpg')
    for (const locale of ['en', 'ru'] as const) {
      // As the release page reads it: in the reader's language, without fallback.
      const populated = await payload.findByID({ collection: 'media', id: hero.id, locale, fallbackLocale: false, depth: 0 })
      const images = await localizedImages([populated, await payload.findByID({ collection: 'media', id: described.id, locale, fallbackLocale: false })], locale)
      expect(images.get(hero.id)).toMatchObject({ media: { alt: 'Nazir iclasda çıxış edir' }, altLang: 'az' })
      expect(images.get(described.id)?.media.alt).toBe(locale === 'en' ? 'The meeting room' : 'Зал заседаний')
      expect(images.get(described.id)?.altLang).toBeUndefined()
    }
  })

  it('the image element always has an alt attribute, and the fallback is marked with lang', async () => {
    const { ResponsiveImage } = await import('@/site/components/ResponsiveImage')
    const media = { id: 'x', url: '/api/media/file/x.jpg', width: 10, height: 10, alt: 'Nazir', filename: 'x.jpg', updatedAt: '', createdAt: '' } as Media
    const html = renderToStaticMarkup(createElement(ResponsiveImage, { media, lang: 'az' }))
    expect(html).toMatch(/<img [^>]*alt="Nazir"[^>]*lang="az"/)
    // Never a missing alt, even for an image that somehow has none in any language.
    const bare = renderToStaticMarkup(createElement(ResponsiveImage, { media: { ...media, alt: undefined as unknown as string } }))
    expect(bare).toMatch(/<img [^>]*alt=""/)
  })
})

describe('publishing checks alt text in every language the release is published in', () => {
  it('an English release whose hero is described only in Azerbaijani is refused, naming the photo and English', async () => {
    const hero = await upload({ az: 'Nazir çıxış edir' }, 'minister.jpg')
    const draft = await payload.create({
      collection: 'releases',
      locale: 'en',
      data: { title: 'The minister spoke', type: 'press-release', leadAgency: agencyId, heroImage: hero.id, body: paragraph('Text.') },
      draft: true,
      ...as(contributor),
    })
    await payload.update({ collection: 'releases', id: draft.id, locale: 'en', data: { workflow: { state: 'in_review' } }, draft: true, ...as(contributor) })
    const publish = () => payload.update({ collection: 'releases', id: draft.id, locale: 'en', data: { _status: 'published' }, ...as(editor) })
    await expect(publish()).rejects.toMatchObject({
      message: expect.stringMatching(/^Cannot publish: “\d+-minister\.jpg” has no alt text in English\. Describe it in Media first\.$/),
      data: { errors: [{ path: 'heroImage', message: expect.stringMatching(/“\d+-minister\.jpg” has no alt text in English/) }] },
    })

    // Publishing from another language's screen is refused the same way: the English title is there.
    await expect(
      payload.update({ collection: 'releases', id: draft.id, locale: 'az', data: { _status: 'published' }, ...as(editor) }),
    ).rejects.toThrow(/has no alt text in English/)

    await payload.update({ collection: 'media', id: hero.id, locale: 'en', data: { alt: 'The minister speaks' }, ...as(editor) })
    await publish()
    const doc = await payload.findByID({ collection: 'releases', id: draft.id, locale: 'en' })
    expect(doc._status).toBe('published')
  })

  it('a release in Azerbaijani only needs no English or Russian alt text', async () => {
    const hero = await upload({ az: 'Yalnız azərbaycanca' }, 'az-only.jpg')
    const id = await published('Yalnız Azərbaycan dilində', { heroImage: hero.id })
    expect((await payload.findByID({ collection: 'releases', id }))._status).toBe('published')
  })

  it('a release in Russian and Azerbaijani names every missing language', async () => {
    const hero = await upload({ az: 'Şəkil', en: 'Picture' }, 'no-russian.jpg')
    const draft = await payload.create({
      collection: 'releases',
      locale: 'az',
      data: { title: 'İki dildə', type: 'press-release', leadAgency: agencyId, heroImage: hero.id, body: paragraph('Mətn.') },
      draft: true,
      ...as(contributor),
    })
    await payload.update({ collection: 'releases', id: draft.id, locale: 'ru', data: { title: 'На двух языках', workflow: { state: 'in_review' } }, draft: true, ...as(contributor) })
    await expect(
      payload.update({ collection: 'releases', id: draft.id, locale: 'az', data: { _status: 'published' }, ...as(editor) }),
    ).rejects.toThrow(/“\d+-no-russian\.jpg” has no alt text in Russian\./)
  })
})
