import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { checkMedia } from '@/backup/mediaCheck'
import { s3Settings } from '@/config/plugins'
import { atomically } from '@/lib/atomic'

/** On MongoDB an upload may be between its files and its record for this long (see below). */
const MONGODB_MIN_AGE_MS = 10 * 60_000

/**
 * Removes files in the media folder that no media record names: left by an upload whose process
 * was killed after Payload wrote the files and before its transaction committed the record.
 * Runs at `npm start` (src/scripts/start.ts), before the server serves.
 *
 * Payload writes an upload's files inside its operation's transaction. On SQLite that transaction
 * holds the database's write lock from its start (BEGIN IMMEDIATE), and so does this one while it
 * lists records and files: no upload of any process can be half-way meanwhile, so any orphan,
 * however new, is garbage. On MongoDB transactions do not exclude each other: only files older
 * than any upload still in progress go. Media on S3: nothing to do here.
 */
export async function removeOrphanUploads(payload: Payload, dir: string, now = Date.now()): Promise<string[]> {
  if (s3Settings() || !fs.existsSync(dir)) return []
  const minAge = payload.db.name === 'sqlite' ? 0 : MONGODB_MIN_AGE_MS
  return atomically(payload, async (req) => {
    const { orphans } = await checkMedia(payload, dir, req)
    const removed: string[] = []
    for (const orphan of orphans) {
      if (now - Date.parse(orphan.modified) < minAge) continue
      fs.rmSync(path.join(dir, orphan.file), { force: true })
      removed.push(orphan.file)
    }
    return removed
  })
}
