import type { CollectionSlug, PayloadRequest, TextField, Where } from 'payload'

import { commonLabels } from '@/i18n/fieldLabels'
import { slugify } from '@/lib/transliterate'

type SlugOptions = { from?: string; localized?: boolean }

async function slugTaken(
  req: PayloadRequest,
  collection: CollectionSlug,
  slug: string,
  id: string | number | undefined,
): Promise<boolean> {
  const where: Where = id === undefined ? { slug: { equals: slug } } : { and: [{ slug: { equals: slug } }, { id: { not_equals: id } }] }
  const { totalDocs } = await req.payload.count({
    collection,
    where,
    locale: typeof req.locale === 'string' && req.locale !== 'all' ? req.locale : undefined,
    req,
    overrideAccess: true,
  })
  return totalDocs > 0
}

/**
 * A URL slug, unique per locale. Left empty, it is made from the title (transliterated from
 * Azerbaijani or Russian letters) and numbered `-2`, `-3`… if that slug is taken; typed by hand, a
 * taken slug is refused with a message instead of being silently changed.
 */
export function slugField({ from = 'title', localized = true }: SlugOptions = {}): TextField {
  return {
    name: 'slug',
    label: commonLabels.slug,
    type: 'text',
    localized,
    index: true,
    admin: {
      position: 'sidebar',
      description: commonLabels.slugDescription,
    },
    hooks: {
      beforeValidate: [
        async ({ value, data, originalDoc, req, collection }) => {
          const typed = typeof value === 'string' ? slugify(value) : ''
          if (typed) return typed
          const source = data?.[from] ?? originalDoc?.[from]
          if (typeof source !== 'string' || !source.trim() || !collection) return value
          const base = slugify(source)
          if (!base) return value
          const id = originalDoc?.id ?? data?.id
          let candidate = base
          for (let n = 2; await slugTaken(req, collection.slug as CollectionSlug, candidate, id); n++) {
            candidate = `${base}-${n}`
          }
          return candidate
        },
      ],
    },
    validate: async (value, { req, collectionSlug, id }) => {
      if (value == null || value === '') return true
      if (typeof value !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) {
        return 'A slug may contain only lower-case latin letters, digits and single dashes.'
      }
      if (collectionSlug && (await slugTaken(req, collectionSlug as CollectionSlug, value, id))) {
        return `The slug "${value}" is already used by another document in this language.`
      }
      return true
    },
  }
}
