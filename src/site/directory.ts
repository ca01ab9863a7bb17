/**
 * What the public pages read about officials, agencies and galleries. Like releases.ts, every query
 * runs with `overrideAccess: false` and `draft: false`: only published documents, the rule of the
 * public API. A related document that is not published is left out (no link to a page that 404s).
 *
 * Texts are read in all languages at once (`locale: 'all'`) and each is shown in the reader's
 * language where it exists, else in the first language that has it — with that language returned
 * beside it, so the page can mark it with `lang` (the same rule as `inBestLocale` for releases,
 * field by field: a name may be translated while a biography is not).
 */
import { cache } from 'react'
import type { Where } from 'payload'

import { LOCALE_CODES, LOCALE_TAGS, type Locale } from '@/i18n/locales'
import { isCurrent } from '@/lib/positions'
import type { Media } from '@/payload-types'

import { site } from './payload'

const publicRead = { overrideAccess: false, draft: false } as const

/** A text in the reader's language (`lang` unset) or, failing that, in `lang`. */
export interface Text {
  text: string
  lang?: Locale
}

/** A link target: a published official or agency. */
export interface Ref {
  id: string
  slug: string
  name: Text
}

export interface AgencyRef extends Ref {
  shortName: Text | null
}

/** An image with its alt text and caption each in the best language available. */
export interface LocalMedia {
  /** The media document, its `alt` already in the best language (`altLang`). */
  media: Media
  altLang?: Locale
  caption: Text | null
  credit: string | null
}

const readerFirst = (locale: Locale): Locale[] => [locale, ...LOCALE_CODES.filter((l) => l !== locale)]

function pickBy<T>(value: unknown, locale: Locale, usable: (v: unknown) => v is T): { value: T; lang?: Locale } | null {
  if (usable(value)) return { value } // a field that is not localized
  if (!value || typeof value !== 'object') return null
  const byLocale = value as Partial<Record<Locale, unknown>>
  for (const l of readerFirst(locale)) {
    const v = byLocale[l]
    if (usable(v)) return l === locale ? { value: v } : { value: v, lang: l }
  }
  return null
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

/** A localized text (as read with `locale: 'all'`) in the reader's language, else the first that has it. */
export function pick(value: unknown, locale: Locale): Text | null {
  const found = pickBy(value, locale, isText)
  return found ? { text: found.value, ...(found.lang ? { lang: found.lang } : {}) } : null
}

type RichData = { root: { children: unknown[] } }
const isRichText = (v: unknown): v is RichData =>
  typeof v === 'object' && v !== null && 'root' in v && Array.isArray((v as RichData).root?.children) && (v as RichData).root.children.length > 0

/** Reads a relationship value at depth 0 (an id) or populated (an object with an id). */
const idOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'object' && value !== null && 'id' in value ? String((value as { id: unknown }).id) : null

const compareText = (locale: Locale) => (a: { name: Text }, b: { name: Text }) =>
  a.name.text.localeCompare(b.name.text, LOCALE_TAGS[locale])

const time = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN)

/** "%" and "_" are not special in slugs, but a malformed escape must be a 404, never a 500. */
export function decodeSlug(raw: string): string | null {
  try {
    const slug = decodeURIComponent(raw)
    return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : null
  } catch {
    return null
  }
}

// ---------------------------------------------------------------- raw shapes (locale: 'all', depth 0)

interface RawAgency {
  id: string
  name: unknown
  shortName?: unknown
  slug?: string | null
  kind?: string | null
  parent?: unknown
  website?: string | null
  logo?: unknown
  description?: unknown
  contacts?: { address?: unknown; phone?: string | null; email?: string | null } | null
  updatedAt: string
}

interface RawPosition {
  id?: string | null
  title?: unknown
  agency?: unknown
  startDate?: string | null
  endDate?: string | null
  headOfAgency?: boolean | null
}

interface RawOfficial {
  id: string
  name: unknown
  slug?: string | null
  rank?: unknown
  portrait?: unknown
  biography?: unknown
  positions?: RawPosition[] | null
  updatedAt: string
}

interface RawGallery {
  id: string
  title: unknown
  slug?: unknown
  date?: string | null
  agency?: unknown
  photos?: unknown[] | null
  cover?: unknown
  updatedAt: string
}

interface RawMedia extends Omit<Media, 'alt' | 'caption'> {
  alt?: unknown
  caption?: unknown
}

// ---------------------------------------------------------------- shared look-ups

async function findAll<T>(collection: 'agencies' | 'officials' | 'galleries' | 'media', where: Where, sort?: string): Promise<T[]> {
  const payload = await site()
  const { docs } = await payload.find({ collection, locale: 'all', where, sort, depth: 0, pagination: false, ...publicRead })
  return docs as unknown as T[]
}

function toAgencyRef(raw: RawAgency, locale: Locale): AgencyRef | null {
  const name = pick(raw.name, locale)
  if (!raw.slug || !name) return null
  return { id: raw.id, slug: raw.slug, name, shortName: pick(raw.shortName, locale) }
}

function toOfficialRef(raw: RawOfficial, locale: Locale): Ref | null {
  const name = pick(raw.name, locale)
  if (!raw.slug || !name) return null
  return { id: raw.id, slug: raw.slug, name }
}

/** Published agencies by id, as link targets; ids of unpublished ones are simply absent. */
export async function agencyRefs(ids: readonly string[], locale: Locale): Promise<Map<string, AgencyRef>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const docs = await findAll<RawAgency>('agencies', { id: { in: unique } })
  return new Map(docs.map((d) => [d.id, toAgencyRef(d, locale)] as const).filter((e): e is [string, AgencyRef] => e[1] !== null))
}

/** Published officials by id, as link targets. */
export async function officialRefs(ids: readonly string[], locale: Locale): Promise<Map<string, Ref>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const docs = await findAll<RawOfficial>('officials', { id: { in: unique } })
  return new Map(docs.map((d) => [d.id, toOfficialRef(d, locale)] as const).filter((e): e is [string, Ref] => e[1] !== null))
}

function toLocalMedia(raw: RawMedia, locale: Locale): LocalMedia {
  const alt = pick(raw.alt, locale)
  return {
    media: { ...raw, alt: alt?.text ?? '', caption: null } as Media,
    altLang: alt?.lang,
    caption: pick(raw.caption, locale),
    credit: raw.credit ?? null,
  }
}

async function mediaByIds(ids: readonly string[], locale: Locale): Promise<Map<string, LocalMedia>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const docs = await findAll<RawMedia>('media', { id: { in: unique } })
  return new Map(docs.filter((d) => d.url).map((d) => [d.id, toLocalMedia(d, locale)]))
}

/**
 * Images a page already holds (populated in the reader's language without fallback, e.g. a
 * release's hero and gallery), each with its alt text in the best language there is, marked with
 * `altLang` when it is another one — never an image without alt text on the English or Russian page
 * when it is described only in Azerbaijani. Only the texts of these ids are read, without access
 * control: whoever populated them could already read them (the public copy, or staff in preview).
 */
export async function localizedImages(images: readonly Media[], locale: Locale): Promise<Map<string, LocalMedia>> {
  const unique = [...new Map(images.map((m) => [m.id, m])).values()]
  if (!unique.length) return new Map()
  const payload = await site()
  const { docs } = await payload.find({
    collection: 'media',
    locale: 'all',
    where: { id: { in: unique.map((m) => m.id) } },
    select: { alt: true, caption: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const texts = new Map((docs as unknown as Pick<RawMedia, 'id' | 'alt' | 'caption'>[]).map((d) => [d.id, d]))
  return new Map(
    unique.map((media) => {
      const own = texts.get(media.id)
      return [media.id, toLocalMedia({ ...media, alt: own?.alt ?? media.alt, caption: own?.caption ?? media.caption } as RawMedia, locale)]
    }),
  )
}

// ---------------------------------------------------------------- officials

export interface PositionView {
  id: string
  title: Text | null
  agency: AgencyRef | null
  startDate: string
  endDate: string | null
  current: boolean
}

export interface OfficialPage {
  id: string
  slug: string
  name: Text
  rank: Text | null
  portrait: LocalMedia | null
  biography: { data: RichData; lang?: Locale } | null
  current: PositionView[]
  past: PositionView[]
}

/** Current posts, most recently started first; then past posts, most recently ended first. */
function splitPositions<P extends { startDate: string; endDate: string | null; current: boolean }>(positions: P[]) {
  const current = positions.filter((p) => p.current).sort((a, b) => time(b.startDate) - time(a.startDate))
  const past = positions
    .filter((p) => !p.current)
    .sort((a, b) => (time(b.endDate) || Infinity) - (time(a.endDate) || Infinity) || time(b.startDate) - time(a.startDate))
  return { current, past }
}

/** The published official with this slug, or null. */
export const officialBySlug = cache(async (locale: Locale, rawSlug: string): Promise<OfficialPage | null> => {
  const slug = decodeSlug(rawSlug)
  if (!slug) return null
  const [raw] = await findAll<RawOfficial>('officials', { slug: { equals: slug } })
  const name = raw && pick(raw.name, locale)
  if (!raw || !name) return null
  const rows = (raw.positions ?? []).filter((p): p is RawPosition & { startDate: string } => Boolean(p.startDate))
  const portraitId = idOf(raw.portrait)
  const [agencies, media] = await Promise.all([
    agencyRefs(rows.map((p) => idOf(p.agency)).filter((id): id is string => Boolean(id)), locale),
    mediaByIds(portraitId ? [portraitId] : [], locale),
  ])
  const positions: PositionView[] = rows.map((p, i) => ({
    id: p.id ?? String(i),
    title: pick(p.title, locale),
    agency: agencies.get(idOf(p.agency) ?? '') ?? null,
    startDate: p.startDate,
    endDate: p.endDate ?? null,
    current: isCurrent({ startDate: p.startDate, endDate: p.endDate }),
  }))
  const biography = pickBy(raw.biography, locale, isRichText)
  return {
    id: raw.id,
    slug,
    name,
    rank: pick(raw.rank, locale),
    portrait: (portraitId && media.get(portraitId)) || null,
    biography: biography ? { data: biography.value, lang: biography.lang } : null,
    ...splitPositions(positions),
  }
})

// ---------------------------------------------------------------- agencies

export interface AgencyOfficial {
  official: Ref
  /** The post shown: the one held now, else the last one held at this agency. */
  title: Text | null
  startDate: string
  endDate: string | null
  current: boolean
}

export interface AgencyPage {
  id: string
  slug: string
  name: Text
  shortName: Text | null
  kind: string | null
  parent: AgencyRef | null
  website: string | null
  logo: LocalMedia | null
  description: Text | null
  contacts: { address: Text | null; phone: string | null; email: string | null }
  units: AgencyRef[]
  officials: AgencyOfficial[]
}

/** The published agency with this slug, its units and the people who hold or held posts there. */
export const agencyBySlug = cache(async (locale: Locale, rawSlug: string): Promise<AgencyPage | null> => {
  const slug = decodeSlug(rawSlug)
  if (!slug) return null
  const [raw] = await findAll<RawAgency>('agencies', { slug: { equals: slug } })
  const name = raw && pick(raw.name, locale)
  if (!raw || !name) return null
  const parentId = idOf(raw.parent)
  const logoId = idOf(raw.logo)
  const [parent, units, people, logo] = await Promise.all([
    parentId ? agencyRefs([parentId], locale) : Promise.resolve(new Map<string, AgencyRef>()),
    findAll<RawAgency>('agencies', { parent: { equals: raw.id } }),
    findAll<RawOfficial>('officials', { 'positions.agency': { equals: raw.id } }),
    mediaByIds(logoId ? [logoId] : [], locale),
  ])

  const officials: AgencyOfficial[] = []
  for (const person of people) {
    const official = toOfficialRef(person, locale)
    if (!official) continue
    const here = (person.positions ?? [])
      .filter((p): p is RawPosition & { startDate: string } => Boolean(p.startDate) && idOf(p.agency) === raw.id)
      .map((p) => ({ title: pick(p.title, locale), startDate: p.startDate, endDate: p.endDate ?? null, current: isCurrent({ startDate: p.startDate, endDate: p.endDate }) }))
    const { current, past } = splitPositions(here)
    const shown = current[0] ?? past[0]
    if (shown) officials.push({ official, ...shown })
  }
  const byTenure = splitPositions(officials)

  return {
    id: raw.id,
    slug,
    name,
    shortName: pick(raw.shortName, locale),
    kind: raw.kind ?? null,
    parent: (parentId && parent.get(parentId)) || null,
    website: raw.website || null,
    logo: (logoId && logo.get(logoId)) || null,
    description: pick(raw.description, locale),
    contacts: {
      address: pick(raw.contacts?.address, locale),
      phone: raw.contacts?.phone || null,
      email: raw.contacts?.email || null,
    },
    units: units
      .map((u) => toAgencyRef(u, locale))
      .filter((u): u is AgencyRef => u !== null)
      .sort(compareText(locale)),
    officials: [...byTenure.current, ...byTenure.past],
  }
})

// ---------------------------------------------------------------- galleries

export const GALLERY_PAGE_SIZE = 12

export interface GallerySummary {
  id: string
  /** The slug for the reader's language, else the first one the gallery has. */
  slug: string
  title: Text
  date: string | null
  cover: LocalMedia | null
  photoCount: number
}

export interface GalleryPhoto {
  id: string
  image: LocalMedia
}

export interface GalleryPage extends Omit<GallerySummary, 'cover'> {
  /** Its address in each language (the language's own slug, else the one found). */
  slugs: Record<Locale, string>
  agency: AgencyRef | null
  photos: GalleryPhoto[]
}

const gallerySlug = (raw: RawGallery, locale: Locale): string | null => pick(raw.slug, locale)?.text ?? null

/** Published galleries, newest first, each with its cover (or first photo). */
export async function listGalleries(locale: Locale, page = 1, limit = GALLERY_PAGE_SIZE) {
  const payload = await site()
  const result = await payload.find({
    collection: 'galleries',
    locale: 'all',
    sort: ['-date', '-createdAt'],
    page,
    limit,
    depth: 0,
    select: { title: true, slug: true, date: true, cover: true, photos: true },
    ...publicRead,
  })
  const docs = result.docs as unknown as RawGallery[]
  const coverId = (g: RawGallery) => idOf(g.cover) ?? idOf(g.photos?.[0])
  const covers = await mediaByIds(docs.map(coverId).filter((id): id is string => Boolean(id)), locale)
  const items: GallerySummary[] = []
  for (const raw of docs) {
    const title = pick(raw.title, locale)
    const slug = gallerySlug(raw, locale)
    if (!title || !slug) continue
    const cover = coverId(raw)
    items.push({
      id: raw.id,
      slug,
      title,
      date: raw.date ?? null,
      cover: (cover && covers.get(cover)) || null,
      photoCount: raw.photos?.length ?? 0,
    })
  }
  return {
    items,
    page: result.page ?? page,
    totalPages: result.totalPages,
    totalDocs: result.totalDocs,
    hasPrevPage: result.hasPrevPage,
    hasNextPage: result.hasNextPage,
  }
}

/** The published gallery whose slug (in any language) is `slug`, with its photos in order. */
export const galleryBySlug = cache(async (locale: Locale, rawSlug: string): Promise<GalleryPage | null> => {
  const slug = decodeSlug(rawSlug)
  if (!slug) return null
  const payload = await site()
  let id: string | null = null
  for (const candidate of readerFirst(locale)) {
    const { docs } = await payload.find({
      collection: 'galleries',
      locale: candidate,
      fallbackLocale: false,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      select: { slug: true },
      ...publicRead,
    })
    if (docs[0]) {
      id = docs[0].id
      break
    }
  }
  if (!id) return null
  const [raw] = await findAll<RawGallery>('galleries', { id: { equals: id } })
  const title = raw && pick(raw.title, locale)
  if (!raw || !title) return null

  const photoIds = (raw.photos ?? []).map(idOf).filter((id): id is string => Boolean(id))
  const agencyId = idOf(raw.agency)
  const [media, agency] = await Promise.all([
    mediaByIds(photoIds, locale),
    agencyId ? agencyRefs([agencyId], locale) : Promise.resolve(new Map<string, AgencyRef>()),
  ])
  const photos: GalleryPhoto[] = []
  photoIds.forEach((photoId, i) => {
    const image = media.get(photoId)
    // A photo deleted while in use (an admin's decision) is simply left out.
    if (image) photos.push({ id: `${i}-${photoId}`, image })
  })
  const own = (raw.slug ?? {}) as Partial<Record<Locale, string | null>>
  const slugs = Object.fromEntries(LOCALE_CODES.map((l) => [l, own[l] || slug])) as Record<Locale, string>
  return {
    id: raw.id,
    slug: slugs[locale],
    slugs,
    title,
    date: raw.date ?? null,
    agency: (agencyId && agency.get(agencyId)) || null,
    photos,
    photoCount: photos.length,
  }
})

/** The address of a published gallery (for a release's gallery section), or null. */
export async function galleryPathSlug(id: string, locale: Locale): Promise<string | null> {
  const [raw] = await findAll<RawGallery>('galleries', { id: { equals: id } })
  return raw ? gallerySlug(raw, locale) : null
}

// ---------------------------------------------------------------- sitemap

/** Every published official, agency and gallery with its slug(s). */
export async function directoryForSitemap() {
  const payload = await site()
  const common = { depth: 0, limit: 0, pagination: false, ...publicRead } as const
  const [officials, agencies, galleries] = await Promise.all([
    payload.find({ collection: 'officials', ...common, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: 'agencies', ...common, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: 'galleries', ...common, locale: 'all', select: { slug: true, updatedAt: true } }),
  ])
  const withSlug = <D extends { slug?: string | null; updatedAt: string }>(docs: D[]) =>
    docs.filter((d): d is D & { slug: string } => Boolean(d.slug)).map((d) => ({ slug: d.slug, updatedAt: d.updatedAt }))
  return {
    officials: withSlug(officials.docs),
    agencies: withSlug(agencies.docs),
    galleries: galleries.docs
      .map((d) => {
        const own = (d.slug ?? {}) as unknown as Partial<Record<Locale, string | null>>
        const any = own.az || own.en || own.ru
        if (!any) return null
        const slugs = Object.fromEntries(LOCALE_CODES.map((l) => [l, own[l] || any])) as Record<Locale, string>
        return { slugs, updatedAt: d.updatedAt }
      })
      .filter((g): g is { slugs: Record<Locale, string>; updatedAt: string } => g !== null),
  }
}
