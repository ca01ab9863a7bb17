/**
 * Puts the five seed pages into the CMS as published releases, with the agencies, officials,
 * placeholder photos and galleries they name. Every item has a stable key (slug, file name or
 * import key): a rerun finds it and changes nothing. Each item is written in one transaction with
 * its other languages, so a seed killed at any point leaves whole items only and a rerun completes it.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { mediaDir } from '@/config/env'

import type { LocaleCode } from '@/fields/localizedName'
import { parsePressRelease, type KnownAgency, type ParsedRelease } from '@/import/parser'
import { paragraphsToLexical } from '@/import/toLexical'
import { atomically } from '@/lib/atomic'
import { slugify } from '@/lib/transliterate'

import { readSeedDocument } from './documents'
import { AGENCIES, OFFICIALS, RELEASES, type SeedRelease } from './manifest'
import { placeholderJpeg } from './placeholders'

export type Tally = Record<'agencies' | 'officials' | 'media' | 'galleries' | 'releases', { created: number; existing: number }>
type Log = (line: string) => void

const OTHER_LOCALES: LocaleCode[] = ['en', 'ru']

const newTally = (): Tally => ({
  agencies: { created: 0, existing: 0 },
  officials: { created: 0, existing: 0 },
  media: { created: 0, existing: 0 },
  galleries: { created: 0, existing: 0 },
  releases: { created: 0, existing: 0 },
})

async function findId(payload: Payload, collection: 'agencies' | 'officials' | 'galleries' | 'media' | 'releases', field: string, value: string) {
  const { docs } = await payload.find({ collection, where: { [field]: { equals: value } }, limit: 1, depth: 0, draft: true, locale: 'en' })
  return (docs[0]?.id as string | undefined) ?? null
}

export async function seed(payload: Payload, log: Log = () => undefined): Promise<Tally> {
  const tally = newTally()
  const agencyIds = await seedAgencies(payload, tally, log)
  const officialIds = await seedOfficials(payload, agencyIds, tally, log)
  const knownAgencies: KnownAgency[] = AGENCIES.map((a) => ({
    id: a.slug,
    names: [...Object.values(a.name), ...Object.values(a.shortName ?? {}), ...(a.aliases ?? [])],
  }))
  for (const entry of RELEASES) {
    const parsed = parsePressRelease(await readSeedDocument(entry.file), { fileName: entry.file, knownAgencies })
    await seedRelease(payload, entry, parsed, { agencyIds, officialIds }, tally, log)
  }
  return tally
}

async function seedAgencies(payload: Payload, tally: Tally, log: Log): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const agency of AGENCIES) {
    const existing = await findId(payload, 'agencies', 'slug', agency.slug)
    if (existing) {
      ids.set(agency.slug, existing)
      tally.agencies.existing++
      continue
    }
    const created = await atomically(payload, async (req) => {
      const doc = await payload.create({
        req,
        collection: 'agencies',
        locale: 'az',
        data: {
          name: agency.name.az ?? agency.name.en,
          shortName: agency.shortName?.az,
          slug: agency.slug,
          kind: agency.kind,
          parent: agency.parent ? ids.get(agency.parent) : undefined,
          website: agency.website,
          _status: 'published',
        },
      })
      for (const locale of OTHER_LOCALES) {
        await payload.update({
          req,
          collection: 'agencies',
          id: doc.id,
          locale,
          data: { name: agency.name[locale] ?? agency.name.en, shortName: agency.shortName?.[locale], _status: 'published' },
        })
      }
      return doc
    })
    ids.set(agency.slug, created.id)
    tally.agencies.created++
    log(`  agency    ${agency.name.en}`)
  }
  return ids
}

async function seedOfficials(payload: Payload, agencyIds: Map<string, string>, tally: Tally, log: Log): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const official of OFFICIALS) {
    const existing = await findId(payload, 'officials', 'slug', official.slug)
    if (existing) {
      ids.set(official.slug, existing)
      tally.officials.existing++
      continue
    }
    const positions = (locale: LocaleCode) =>
      official.positions.map((p) => ({
        title: p.title[locale] ?? p.title.en,
        agency: agencyIds.get(p.agency)!,
        startDate: p.startDate,
        endDate: p.endDate,
        headOfAgency: p.headOfAgency ?? false,
      }))
    const created = await atomically(payload, async (req) => {
      const doc = await payload.create({
        req,
        collection: 'officials',
        locale: 'az',
        data: { name: official.name.az ?? official.name.en, slug: official.slug, rank: official.rank?.az, positions: positions('az'), _status: 'published' },
      })
      for (const locale of OTHER_LOCALES) {
        await payload.update({
          req,
          collection: 'officials',
          id: doc.id,
          locale,
          data: {
            name: official.name[locale] ?? official.name.en,
            rank: official.rank?.[locale],
            // Same rows (by id), this locale's titles.
            positions: positions(locale).map((row, i) => ({ ...row, id: doc.positions?.[i]?.id })),
            _status: 'published',
          },
        })
      }
      return doc
    })
    ids.set(official.slug, created.id)
    tally.officials.created++
    log(`  official  ${official.name.en}`)
  }
  return ids
}

/**
 * A file with this name but no record is left over from a database that was reset while `media/`
 * was kept. Payload would save the new upload under another name (`…-1.jpg`) and the next run would
 * not find it; remove the orphan (and its resized copies) so the name stays stable.
 */
async function removeOrphanFiles(filename: string): Promise<void> {
  const dir = mediaDir()
  const base = filename.replace(/\.[a-z]+$/i, '')
  const names = await fs.readdir(dir).catch(() => [] as string[])
  const isSizeOf = (name: string) => name.startsWith(`${base}-`) && /^\d+x\d+\.[a-z]+$/i.test(name.slice(base.length + 1))
  const orphans = names.filter((name) => name === filename || isSizeOf(name))
  await Promise.all(orphans.map((name) => fs.rm(path.join(dir, name), { force: true })))
}

const altText = (photo: string, subject: string): Record<LocaleCode, string> => ({
  az: `Yer tutucu şəkil: orijinal foto (“${photo}”) mövcud deyil. Mövzu: ${subject}.`,
  en: `Placeholder image: the original photo (“${photo}”) of ${subject} is not available.`,
  ru: `Изображение-заглушка: оригинальное фото («${photo}») недоступно. Тема: ${subject}.`,
})

async function seedPhotos(payload: Payload, entry: SeedRelease, photos: string[], tally: Tally, log: Log): Promise<string[]> {
  const ids: string[] = []
  for (const [index, photo] of photos.entries()) {
    const filename = `${entry.key}-${slugify(photo.replace(/\.(jpe?g|png|gif|webp)$/i, '')) || `photo-${index + 1}`}.jpg`
    const existing = await findId(payload, 'media', 'filename', filename)
    if (existing) {
      ids.push(existing)
      tally.media.existing++
      continue
    }
    await removeOrphanFiles(filename)
    const data = await placeholderJpeg(photo, index)
    const alt = altText(photo, entry.photoSubject)
    // Killed half-way, this leaves at most the files, which the rerun removes (above) before writing them again.
    const created = await atomically(payload, async (req) => {
      const doc = await payload.create({
        req,
        collection: 'media',
        locale: 'az',
        data: { alt: alt.az, credit: 'Placeholder — original not available' },
        file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
      })
      for (const locale of OTHER_LOCALES) {
        await payload.update({ req, collection: 'media', id: doc.id, locale, data: { alt: alt[locale] } })
      }
      return doc
    })
    ids.push(created.id)
    tally.media.created++
    log(`  photo     ${filename}`)
  }
  return ids
}

async function seedRelease(
  payload: Payload,
  entry: SeedRelease,
  parsed: ParsedRelease,
  refs: { agencyIds: Map<string, string>; officialIds: Map<string, string> },
  tally: Tally,
  log: Log,
): Promise<void> {
  const title = entry.title ?? parsed.title
  if (!title) throw new Error(`${entry.file}: no title in the page and none in the manifest`)
  const agency = (slug: string) => {
    const id = refs.agencyIds.get(slug)
    if (!id) throw new Error(`${entry.file}: the manifest names agency "${slug}", which is not in AGENCIES`)
    return id
  }

  const photoIds = await seedPhotos(payload, entry, parsed.photos, tally, log)
  let galleryId: string | null = null
  if (photoIds.length) {
    const gallerySlug = slugify(title)
    galleryId = await findId(payload, 'galleries', 'slug', gallerySlug)
    if (galleryId) tally.galleries.existing++
    else {
      const gallery = await payload.create({
        collection: 'galleries',
        locale: 'en',
        data: {
          title,
          slug: gallerySlug,
          date: entry.publishedAt,
          agency: agency(entry.leadAgency),
          photos: photoIds,
          cover: photoIds[0],
          _status: 'published',
        },
      })
      galleryId = gallery.id
      tally.galleries.created++
    }
  }

  if (await findId(payload, 'releases', 'importSource.key', entry.key)) {
    tally.releases.existing++
    return
  }

  await payload.create({
    collection: 'releases',
    locale: 'en',
    data: {
      title,
      type: entry.type,
      lead: parsed.lead,
      body: paragraphsToLexical(parsed.paragraphs),
      publishedAt: entry.publishedAt,
      publishedAt_tz: 'Asia/Baku',
      datePrecision: entry.datePrecision,
      place: entry.place,
      leadAgency: agency(entry.leadAgency),
      supportingAgencies: (entry.supportingAgencies ?? []).map(agency),
      officials: entry.officials.map((slug) => refs.officialIds.get(slug)!),
      heroImage: photoIds[0],
      gallery: galleryId,
      source: entry.source
        ? {
            outlet: agency(entry.source.outlet),
            byline: entry.source.byline,
            originalUrl: entry.source.originalUrl,
            originalDate: entry.source.originalDate,
          }
        : undefined,
      importSource: { key: entry.key, file: entry.file },
      _status: 'published',
    },
  })
  tally.releases.created++
  log(`  release   ${title}`)
}
