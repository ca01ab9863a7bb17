import { readFile } from 'node:fs/promises'

import type { CollectionBeforeOperationHook } from 'payload'

import { mediaMaxFileBytes, mediaMaxPixels } from '@/config/env'
import { inspectUpload } from '@/media/inspect'
import { normalizeImage } from '@/media/normalize'

/**
 * Runs before Payload touches the upload: refuses what must not be stored (wrong type, too big,
 * damaged) and swaps the file for its upright, metadata-free copy. Throwing here means nothing has
 * been written: no file on disk, no record. Date taken and photographer come from the EXIF that is
 * about to be stripped, unless the editor gave them.
 */
export const prepareUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const file = req.file
  if ((operation !== 'create' && operation !== 'update') || !file) return args
  const data = file.data?.length ? file.data : file.tempFilePath ? await readFile(file.tempFilePath) : file.data
  const maxPixels = mediaMaxPixels()
  const { type, metadata } = await inspectUpload({ data, name: file.name, mimetype: file.mimetype }, { maxBytes: mediaMaxFileBytes(), maxPixels })
  const image = await normalizeImage(data, { type, name: file.name, maxPixels, metadata })
  req.file = { ...file, data: image.data, size: image.data.length, mimetype: type, tempFilePath: undefined }

  const incoming = (args as { data?: Record<string, unknown> }).data
  if (incoming) {
    if (!incoming.dateTaken && image.facts.takenAt) incoming.dateTaken = image.facts.takenAt
    if (!incoming.credit && image.facts.artist) incoming.credit = image.facts.artist
  }
  return args
}
