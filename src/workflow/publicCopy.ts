import type { CollectionSlug, PayloadRequest } from 'payload'

import { inOwnLocale } from '@/lib/reqLocale'
import { idOf, type Rel } from '@/lib/relations'

import { WorkflowError } from './releaseWorkflow'

/**
 * Whether the copy of a document readers see is published. A write's `originalDoc` is the latest
 * version, which may be a newer draft; only the public copy says whether a write would unpublish.
 */
export async function publicCopyIsPublished(req: PayloadRequest, collection: CollectionSlug, id: string | number): Promise<boolean> {
  const publicCopy = await req.payload.findByID({
    collection,
    id,
    draft: false,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  return (publicCopy as { _status?: string } | null)?._status === 'published'
}

/** What a release write may need to know about its public copy, read once. */
export async function readPublicCopy(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string | number,
): Promise<{ published: boolean; withdrawn: boolean }> {
  const doc = (await inOwnLocale(req, () =>
    req.payload.findByID({ collection, id, draft: false, depth: 0, overrideAccess: true, req, disableErrors: true }),
  )) as { _status?: string; withdrawal?: { withdrawn?: boolean | null } | null } | null
  return { published: doc?._status === 'published', withdrawn: Boolean(doc?.withdrawal?.withdrawn) }
}

/** Fields a withdrawal never changes: everything but the notice and the server's own bookkeeping. */
const NOT_CONTENT = new Set(['id', '_status', 'createdAt', 'updatedAt', 'workflow', 'withdrawal', 'updateType', 'changeNote'])
const contentOf = (doc: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([key]) => !NOT_CONTENT.has(key)).sort(([a], [b]) => a.localeCompare(b))))

/**
 * A withdrawal puts up the notice and changes nothing else. Returns the public copy's content in the
 * write's language, to be written instead of whatever the write sent; refuses while the latest
 * draft differs from the public copy in any language (publishing with the notice would publish it).
 */
export async function publicContentForWithdrawal(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string | number,
): Promise<Record<string, unknown>> {
  const read = (draft: boolean, locale: 'all' | typeof req.locale) =>
    inOwnLocale(req, () =>
      req.payload.findByID({ collection, id, draft, depth: 0, locale: locale ?? undefined, fallbackLocale: false, overrideAccess: true, req }),
    ) as Promise<unknown> as Promise<Record<string, unknown>>
  const [latest, published] = await Promise.all([read(true, 'all'), read(false, 'all')])
  if (contentOf(latest) !== contentOf(published)) {
    throw new WorkflowError(
      'This release has unpublished changes. A withdrawal or a review confirmation changes only the notice or the record: publish the changes first, or restore the published version, then do it.',
    )
  }
  const own = await read(false, req.locale)
  return { ...Object.fromEntries(Object.entries(own).filter(([key]) => !NOT_CONTENT.has(key))), withdrawal: own.withdrawal }
}

/**
 * A value as stored: dates as instants and empties as one, nothing else folded (a client could
 * otherwise dress a changed value as an unchanged one). Relations are ids on both sides (depth 0).
 */
function normal(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.length ? value.map(normal) : null
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString()
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>
    return Object.fromEntries(
      Object.entries(object)
        .map(([key, inner]) => [key, normal(inner)] as const)
        .filter(([, inner]) => inner !== null)
        .sort(([a], [b]) => a.localeCompare(b)),
    )
  }
  return value
}

/**
 * Whether a write changes the text of the version it is written over (what it sends, field by
 * field, against that version in the same language). A publish request that does is written by its
 * sender, like a draft save.
 */
export function changesContent(data: Record<string, unknown>, latest: Record<string, unknown> | null | undefined): boolean {
  if (!latest) return true
  return Object.keys(data)
    .filter((key) => !NOT_CONTENT.has(key))
    .some((key) => JSON.stringify(normal(data[key])) !== JSON.stringify(normal(latest[key])))
}

/**
 * A scheduled publish runs as the editor who scheduled it (Payload's schedulePublish job, marked as
 * processing while it runs). It publishes only what that editor reviewed: a release changed after
 * the job was queued is refused, and an editor must look again and schedule anew.
 */
export async function changedSinceScheduled(req: PayloadRequest, id: string | number, latest: Record<string, unknown>): Promise<boolean> {
  const latestUpdatedAt = latest.updatedAt
  if (typeof latestUpdatedAt !== 'string') return false
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { processing: { equals: true } }] },
    depth: 0,
    limit: 100,
    overrideAccess: true,
    req,
  })
  const job = docs.find((doc) => {
    const input = (doc as { input?: { type?: string; doc?: { relationTo?: string; value?: unknown } } }).input
    return input?.type !== 'unpublish' && input?.doc?.relationTo === 'releases' && String(input.doc.value) === String(id)
  })
  if (!job) return false
  const scheduledAt = Date.parse(String((job as { createdAt?: string }).createdAt))
  if (Date.parse(latestUpdatedAt) > scheduledAt) return true
  // Photos it shows that only staff could see until now: contributors may still change those.
  const photoIds = await photosShownBy(req, latest)
  if (!photoIds.length) return false
  const { totalDocs } = await req.payload.count({
    collection: 'media',
    where: { and: [{ id: { in: photoIds } }, { updatedAt: { greater_than: new Date(scheduledAt).toISOString() } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/** The hero image and the gallery's photos of a release (ids). */
async function photosShownBy(req: PayloadRequest, release: Record<string, unknown>): Promise<(string | number)[]> {
  const ids = [idOf(release.heroImage as Rel)]
  const galleryId = idOf(release.gallery as Rel)
  if (galleryId != null) {
    const gallery = (await req.payload.findByID({ collection: 'galleries', id: galleryId, depth: 0, draft: true, overrideAccess: true, req, disableErrors: true })) as {
      photos?: unknown[] | null
    } | null
    ids.push(...(gallery?.photos ?? []).map((photo) => idOf(photo as Rel)))
  }
  return ids.filter((id): id is string | number => id != null)
}
