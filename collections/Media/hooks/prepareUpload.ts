import { readFile } from 'node:fs/promises'

import type { CollectionBeforeOperationHook } from 'payload'

import { mediaMaxFileBytes, mediaMaxPixels } from '@/config/env'
import { uniqueUploadName } from '@/media/fileNames'
import { inspectUpload } from '@/media/inspect'
import { normalizeImage } from '@/media/normalize'

/**
 * Runs before Payload touches the upload: refuses what must not be stored (wrong type, too big,
 * damaged) and swaps the file for its upright, metadata-free copy. Throwing here means nothing has
 * been written: no file on disk, no record. Date taken and photographer come from the EXIF that is
 * about to be stripped, unless the editor gave them. The copy gets a name none of whose files another
 * record names (src/media/fileNames.ts): Payload would otherwise cut its sizes over another photo's.
 */
export const prepareUpload: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const file = req.file
  if ((operation !== 'create' && operation !== 'update') || !file) return args
  const data = file.data?.length ? file.data : file.tempFilePath ? await readFile(file.tempFilePath) : file.data
  const maxPixels = mediaMaxPixels()
  const { type, metadata } = await inspectUpload({ data, name: file.name, mimetype: file.mimetype }, { maxBytes: mediaMaxFileBytes(), maxPixels })
  const image = await normalizeImage(data, { type, name: file.name, maxPixels, metadata })
  const name = await uniqueUploadName(req, file.name, {
    staticDir: collection.upload?.staticDir,
    sizeNames: (collection.upload?.imageSizes ?? []).map((size) => size.name),
  })
  req.file = { ...file, name, data: image.data, size: image.data.length, mimetype: type, tempFilePath: undefined }

  const incoming = (args as { data?: Record<string, unknown> }).data
  if (incoming) {
    if (!incoming.dateTaken && image.facts.takenAt) incoming.dateTaken = image.facts.takenAt
    if (!incoming.credit && image.facts.artist) incoming.credit = image.facts.artist
  }
  return args
}
