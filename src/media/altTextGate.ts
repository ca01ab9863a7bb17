/**
 * Nothing is published with an image that lacks alt text in the default language. The check runs in
 * `beforeChange`, so it holds for every route that publishes: the admin, REST, GraphQL, the local
 * API and scheduled jobs. The error names each image (and, in its data, the field that shows it).
 */
import type { CollectionBeforeChangeHook } from 'payload'

import { DEFAULT_LOCALE } from '@/fields/localizedName'
import { PublicError } from '@/lib/errors'
import { inOwnLocale } from '@/lib/reqLocale'
import { idOf, type Rel } from '@/lib/relations'

import { IMAGE_FIELDS } from './usage'

const LANGUAGE_NAMES: Record<string, string> = { az: 'Azerbaijani', en: 'English', ru: 'Russian' }
const defaultLanguage = LANGUAGE_NAMES[DEFAULT_LOCALE] ?? DEFAULT_LOCALE

const idsIn = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).map((v) => idOf(v as Rel)).filter((id) => id != null).map(String)

/** For every collection listed in `IMAGE_FIELDS`: the fields named there are checked. */
export const requireAltTextToPublish: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection }) => {
  const fields: readonly string[] = IMAGE_FIELDS[collection.slug as keyof typeof IMAGE_FIELDS] ?? []
  if (data?._status !== 'published' || !fields.length) return data
  const byField = fields.map((field) => ({ field, ids: idsIn(field in data ? data[field] : originalDoc?.[field]) }))
  const ids = [...new Set(byField.flatMap((f) => f.ids))]
  if (!ids.length) return data
  const { docs } = await inOwnLocale(req, () =>
    req.payload.find({
      collection: 'media',
      where: { id: { in: ids } },
      locale: DEFAULT_LOCALE,
      fallbackLocale: false,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { alt: true, filename: true },
    }),
  )
  const missing = new Map(docs.filter((m) => !m.alt?.trim()).map((m) => [String(m.id), m.filename ?? String(m.id)]))
  if (!missing.size) return data
  const errors = byField
    .map(({ field, ids: fieldIds }) => ({ field, names: [...new Set(fieldIds.filter((id) => missing.has(id)).map((id) => missing.get(id)!))] }))
    .filter(({ names }) => names.length)
    .map(({ field, names }) => ({
      path: field,
      message: `${names.map((n) => `“${n}”`).join(', ')} ${names.length === 1 ? 'has' : 'have'} no alt text in ${defaultLanguage}`,
    }))
  throw new PublicError(
    'MissingAltText',
    `Cannot publish: ${errors.map((e) => e.message).join('; ')}. Describe ${missing.size === 1 ? 'it' : 'them'} in Media first.`,
    400,
    { collection: collection.slug, errors },
  )
}
