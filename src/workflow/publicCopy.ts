import type { CollectionSlug, PayloadRequest } from 'payload'

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
