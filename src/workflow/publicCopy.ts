import type { CollectionSlug, PayloadRequest } from 'payload'

import { inOwnLocale } from '@/lib/reqLocale'

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
      'This release has unpublished changes. A withdrawal changes only the notice: publish the changes first, or restore the published version, then withdraw it.',
    )
  }
  const own = await read(false, req.locale)
  return Object.fromEntries(Object.entries(own).filter(([key]) => !NOT_CONTENT.has(key)))
}
