import fs from 'node:fs'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'

import { isStaging } from './backup'
import { listFiles } from './files'

export interface MediaReport {
  records: number
  files: number
  /** Files that a media record names (original or a size) but the media folder lacks. */
  missing: { id: string; file: string }[]
  /** Files in the media folder that no media record names, oldest first, with their age. */
  orphans: { file: string; bytes: number; modified: string }[]
}

/**
 * Media records against the media folder, through Payload's API only. An upload writes its files
 * first and its record last, so a server killed in between leaves files without a record; on a
 * running server a file younger than a minute may be an upload still in progress. `req`: read
 * inside that request's transaction (see removeOrphanUploads).
 */
export async function checkMedia(payload: Payload, dir: string, req?: PayloadRequest): Promise<MediaReport> {
  const { docs } = await payload.find({ collection: 'media', pagination: false, depth: 0, overrideAccess: true, req })
  const named = new Map<string, string>()
  for (const doc of docs) {
    if (doc.filename) named.set(doc.filename, doc.id)
    for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) named.set(size.filename, doc.id)
  }
  const onDisk = listFiles(dir, isStaging)
  const present = new Set(onDisk)
  const missing = [...named].filter(([file]) => !present.has(file)).map(([file, id]) => ({ id, file }))
  const orphans = onDisk
    .filter((file) => !named.has(file) && !path.basename(file).startsWith('.'))
    .map((file) => {
      const stat = fs.statSync(path.join(dir, file))
      return { file, bytes: stat.size, modified: stat.mtime.toISOString() }
    })
    .sort((a, b) => a.modified.localeCompare(b.modified))
  return { records: docs.length, files: onDisk.length, missing, orphans }
}
