import type { CollectionBeforeDeleteHook } from 'payload'

import { PublicError } from '@/lib/errors'
import { namesOf } from '@/media/fileNames'

/**
 * Payload deletes every file a deleted record names (deleteAssociatedFiles), whoever else names it.
 * Uploads get names no other record's files share (src/media/fileNames.ts); a record stored before
 * that (`X.webp` next to `X.jpg`, which shared their WebP sizes) is not deleted while another record
 * names one of its files: deleting it would take the other photo's pictures with it.
 */
export const guardSharedFiles: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.db.findOne<{ id: number | string; filename?: string | null; sizes?: unknown }>({ collection: 'media', where: { id: { equals: id } }, req })
  if (!doc) return
  const own = new Set(namesOf(doc).map((name) => name.toLowerCase()))
  if (!own.size) return
  const { docs } = await req.payload.db.find<{ id: number | string; filename?: string | null; sizes?: unknown }>({
    collection: 'media',
    where: { id: { not_equals: id } },
    pagination: false,
    limit: 0,
    req,
    select: { filename: true, sizes: true },
  })
  const sharing = docs.filter((other) => namesOf(other).some((name) => own.has(name.toLowerCase())))
  if (!sharing.length) return
  throw new PublicError(
    'MediaFilesShared',
    `This image's files are also the files of ${sharing.map((other) => namesOf(other)[0] ?? `image ${other.id}`).join(', ')}: ` +
      'deleting it would delete those too. Ask the site administrator to separate them first.',
    409,
    { sharedWith: sharing.map((other) => other.id) },
  )
}
