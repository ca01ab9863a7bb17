/**
 * Nothing is published with an image that lacks alt text in the default language, nor — for a
 * release — in any language the release is published in (has a title in): its readers there would
 * get an image with no description. The check runs in `beforeChange`, so it holds for every route
 * that publishes: the admin, REST, GraphQL, the local API and scheduled jobs. The error names each
 * image and language (and, in its data, the field that shows it).
 */
import type { CollectionBeforeChangeHook } from 'payload'

import { DEFAULT_LOCALE, LOCALES } from '@/fields/localizedName'
import { PublicError } from '@/lib/errors'
import { inOwnLocale } from '@/lib/reqLocale'
import { idOf, type Rel } from '@/lib/relations'

import { IMAGE_FIELDS } from './usage'

const LANGUAGE_NAMES: Record<string, string> = { az: 'Azerbaijani', en: 'English', ru: 'Russian' }
const CODES: string[] = LOCALES.map((l) => l.code)

const idsIn = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).map((v) => idOf(v as Rel)).filter((id) => id != null).map(String)

const hasText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== ''

/**
 * The languages a document is published in: the default one always; for a release, also every
 * language it has a title in — in this write (`data`, in the request's language, or all of them) or
 * in its latest saved version (a publish from one language's screen publishes them all).
 */
async function publishedLanguages({ data, originalDoc, req, collection }: Parameters<CollectionBeforeChangeHook>[0]): Promise<string[]> {
  if (collection.slug !== 'releases') return [DEFAULT_LOCALE]
  const titles: Record<string, unknown> = {}
  const id = originalDoc?.id
  if (id != null) {
    const saved = await inOwnLocale(req, () =>
      req.payload
        .findByID({ collection: 'releases', id, locale: 'all', draft: true, depth: 0, overrideAccess: true, req, select: { title: true } })
        .catch(() => null),
    )
    if (saved?.title && typeof saved.title === 'object') Object.assign(titles, saved.title)
  }
  if (data && 'title' in data) {
    if (data.title && typeof data.title === 'object') Object.assign(titles, data.title)
    else if (req.locale && CODES.includes(req.locale)) titles[req.locale] = data.title
  }
  return CODES.filter((code) => code === DEFAULT_LOCALE || hasText(titles[code]))
}

const list = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`)

/** For every collection listed in `IMAGE_FIELDS`: the fields named there are checked. */
export const requireAltTextToPublish: CollectionBeforeChangeHook = async (args) => {
  const { data, originalDoc, req, collection, context } = args
  const fields: readonly string[] = IMAGE_FIELDS[collection.slug as keyof typeof IMAGE_FIELDS] ?? []
  // A withdrawal keeps the reviewed public text and photos and changes only the notice (enforceWorkflow).
  if (data?._status !== 'published' || !fields.length || context?.withdrawalOnly) return data
  const byField = fields.map((field) => ({ field, ids: idsIn(field in data ? data[field] : originalDoc?.[field]) }))
  const ids = [...new Set(byField.flatMap((f) => f.ids))]
  if (!ids.length) return data
  const languages = await publishedLanguages(args)
  const { docs } = await inOwnLocale(req, () =>
    req.payload.find({
      collection: 'media',
      where: { id: { in: ids } },
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { alt: true, filename: true },
    }),
  )
  // Per image without alt text in a language it needs: its name and what it lacks ("English and Russian").
  const missing = new Map<string, { name: string; lacking: string }>()
  for (const m of docs) {
    const alt = (m.alt && typeof m.alt === 'object' ? m.alt : {}) as Record<string, unknown>
    const lacking = languages.filter((code) => !hasText(alt[code]))
    if (lacking.length) missing.set(String(m.id), { name: m.filename ?? String(m.id), lacking: list(lacking.map((code) => LANGUAGE_NAMES[code] ?? code)) })
  }
  if (!missing.size) return data
  const errors = byField.flatMap(({ field, ids: fieldIds }) => {
    const byLacking = new Map<string, Set<string>>()
    for (const id of fieldIds) {
      const found = missing.get(id)
      if (found) byLacking.set(found.lacking, (byLacking.get(found.lacking) ?? new Set()).add(found.name))
    }
    if (!byLacking.size) return []
    const parts = [...byLacking].map(
      ([lacking, names]) => `${[...names].map((n) => `“${n}”`).join(', ')} ${names.size === 1 ? 'has' : 'have'} no alt text in ${lacking}`,
    )
    return [{ path: field, message: parts.join('; ') }]
  })
  throw new PublicError(
    'MissingAltText',
    `Cannot publish: ${errors.map((e) => e.message).join('; ')}. Describe ${missing.size === 1 ? 'it' : 'them'} in Media first.`,
    400,
    { collection: collection.slug, errors },
  )
}
