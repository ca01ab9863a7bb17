/**
 * Who may see a photo. Staff see every photo; anyone else sees a photo only once a published
 * release, gallery, official or agency shows it. A photo uploaded for a draft (an embargoed
 * announcement, an unannounced appointee's portrait) stays private until that draft is published,
 * and becomes private again when the last published document showing it is unpublished or deleted.
 *
 * The answer is stored on the photo (`inPublishedUse`) so media read access is a plain Where query on
 * any database. The hooks below keep it in step with every write to the documents that show photos;
 * `refreshMediaVisibility` recomputes it from scratch (migrations).
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  Payload,
  PayloadRequest,
  Where,
} from 'payload'

import { IMAGE_FIELDS, type ImageUsingCollection } from './usage'
import { isDraftSave } from '@/workflow/draftArg'

export const VISIBILITY_FIELD = 'inPublishedUse'
export const MEDIA_FILE_PREFIX = '/api/media/file/'

const idOf = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : value && typeof value === 'object' && 'id' in value
      ? String((value as { id: unknown }).id)
      : null

/** The photo ids a document's image fields hold (at any depth). */
export function imageIdsOf(collection: ImageUsingCollection, doc: Record<string, unknown> | null | undefined): string[] {
  if (!doc) return []
  const ids = IMAGE_FIELDS[collection].flatMap((field) => {
    const value = doc[field]
    return (Array.isArray(value) ? value : [value]).map(idOf)
  })
  return [...new Set(ids.filter((id): id is string => Boolean(id)))]
}

/** Is the photo shown by at least one published document (its public copy, not a newer draft)? */
async function shownPublicly(payload: Payload, mediaId: string, req?: PayloadRequest): Promise<boolean> {
  for (const [collection, fields] of Object.entries(IMAGE_FIELDS) as [ImageUsingCollection, readonly string[]][]) {
    const where: Where = {
      and: [{ _status: { equals: 'published' } }, { or: fields.map((field) => ({ [field]: { in: [mediaId] } })) }],
    }
    const { totalDocs } = await payload.count({ collection, where, overrideAccess: true, req })
    if (totalDocs > 0) return true
  }
  return false
}

/** Recomputes the flag of these photos; writes only the ones that changed. Returns how many changed. */
export async function refreshMediaVisibility(payload: Payload, ids?: readonly string[], req?: PayloadRequest): Promise<number> {
  if (!ids) return refreshAllMediaVisibility(payload, req)
  if (!ids.length) return 0
  const { docs } = await payload.find({
    collection: 'media',
    where: { id: { in: [...ids] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { [VISIBILITY_FIELD]: true },
  })
  let changed = 0
  for (const doc of docs as unknown as { id: string; inPublishedUse?: boolean | null }[]) {
    const visible = await shownPublicly(payload, String(doc.id), req)
    if (visible === Boolean(doc.inPublishedUse)) continue
    // Payload merges a local call's `context` into the request's for the rest of the request: put it
    // back, or the document write that brought us here would skip its own page purge.
    const outer = req?.context
    try {
      await payload.update({
        collection: 'media',
        id: doc.id,
        data: { [VISIBILITY_FIELD]: visible },
        depth: 0,
        overrideAccess: true,
        req,
        // The write that changed the document purges the public pages itself.
        context: { skipRevalidate: true },
      })
    } finally {
      if (req && outer) req.context = outer
    }
    changed += 1
  }
  return changed
}

const BATCH = 500

/**
 * Every photo at once (the migration that introduced the flag; a repair): the published documents are
 * read once, and the flags written in bulk through the database adapter — a per-photo update costs
 * about 0.1 s, far too slow for an archive.
 */
async function refreshAllMediaVisibility(payload: Payload, req?: PayloadRequest): Promise<number> {
  const shown = new Set<string>()
  for (const collection of Object.keys(IMAGE_FIELDS) as ImageUsingCollection[]) {
    const { docs } = await payload.find({
      collection,
      where: { _status: { equals: 'published' } },
      draft: false,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: Object.fromEntries(IMAGE_FIELDS[collection].map((field) => [field, true])),
    })
    for (const doc of docs) for (const id of imageIdsOf(collection, doc as unknown as Record<string, unknown>)) shown.add(id)
  }
  const { docs } = await payload.find({
    collection: 'media',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { [VISIBILITY_FIELD]: true },
  })
  const wrong = (docs as unknown as { id: string; inPublishedUse?: boolean | null }[]).filter(
    (doc) => shown.has(String(doc.id)) !== Boolean(doc.inPublishedUse),
  )
  for (const visible of [true, false]) {
    const ids = wrong.filter((doc) => shown.has(String(doc.id)) === visible).map((doc) => doc.id)
    for (let i = 0; i < ids.length; i += BATCH) {
      await payload.db.updateMany({
        collection: 'media',
        where: { id: { in: ids.slice(i, i + BATCH) } },
        data: { [VISIBILITY_FIELD]: visible },
        req,
      })
    }
  }
  return wrong.length
}

const PUBLISHED_IMAGES = 'mediaVisibility.publishedImages'

/**
 * Before a write that changes the public copy: remember which photos the public copy showed, since
 * the write may drop them (the latest draft, which Payload hands the hooks, may differ from it).
 */
export const rememberPublishedImages: CollectionBeforeChangeHook = async ({ collection, originalDoc, operation, context, data, req }) => {
  if (operation !== 'update' || !originalDoc?.id || isDraftSave(context, data)) return data
  const slug = collection.slug as ImageUsingCollection
  const published = await req.payload
    .findByID({ collection: slug, id: originalDoc.id, draft: false, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)
  // On req.context, not `context`: the read above gave the request a new context object, which the
  // afterChange hooks will get.
  req.context[PUBLISHED_IMAGES] = published?._status === 'published' ? imageIdsOf(slug, published as unknown as Record<string, unknown>) : []
  return data
}

export const syncMediaVisibilityAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, context, req }) => {
  // A draft save leaves the public copy, and so which photos it shows, as it was.
  if (isDraftSave(context, doc)) return doc
  const slug = collection.slug as ImageUsingCollection
  const ids = new Set([
    ...imageIdsOf(slug, doc),
    ...imageIdsOf(slug, previousDoc),
    ...((req.context[PUBLISHED_IMAGES] as string[] | undefined) ?? []),
  ])
  await refreshMediaVisibility(req.payload, [...ids], req)
  return doc
}

export const syncMediaVisibilityAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await refreshMediaVisibility(req.payload, imageIdsOf(collection.slug as ImageUsingCollection, doc), req)
  return doc
}

export const mediaVisibilityHooks = {
  beforeChange: [rememberPublishedImages],
  afterChange: [syncMediaVisibilityAfterChange],
  afterDelete: [syncMediaVisibilityAfterDelete],
}
