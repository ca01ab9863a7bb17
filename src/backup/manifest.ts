import fs from 'node:fs'
import path from 'node:path'

/** What a backup folder holds, written last (its presence means the backup completed). */
export interface Manifest {
  format: 'press-office-backup'
  formatVersion: 1
  createdAt: string
  app: { name: string; version: string; commit: string | null }
  database: { kind: 'sqlite'; file: string; bytes: number; sha256: string; migrations: string[] }
  /** Documents per collection, and versions for collections that keep them, as the backed-up database holds them. */
  counts: Record<string, { docs: number; versions?: number }>
  media: { dir: string; files: { path: string; bytes: number; sha256: string }[] }
}

export const MANIFEST_FILE = 'manifest.json'
export const DATABASE_FILE = 'database.sqlite'
export const MEDIA_SUBDIR = 'media'

/** A refusal with a message meant to be printed as one line. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0
const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)

export function readManifest(dir: string): Manifest {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new BackupError(`${dir} is not a folder`)
  const file = path.join(dir, MANIFEST_FILE)
  if (!fs.existsSync(file)) throw new BackupError(`${dir} has no ${MANIFEST_FILE}: not a backup, or one that did not complete`)
  let manifest: Manifest
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
  } catch {
    throw new BackupError(`${file} is not valid JSON: the backup is damaged`)
  }
  const valid =
    manifest?.format === 'press-office-backup' &&
    manifest.formatVersion === 1 &&
    manifest.database?.kind === 'sqlite' &&
    manifest.database.file === DATABASE_FILE &&
    isHash(manifest.database.sha256) &&
    isCount(manifest.database.bytes) &&
    Array.isArray(manifest.database.migrations) &&
    manifest.database.migrations.every((name) => typeof name === 'string') &&
    manifest.counts !== null &&
    typeof manifest.counts === 'object' &&
    Object.values(manifest.counts).every((c) => isCount(c?.docs) && (c.versions === undefined || isCount(c.versions))) &&
    manifest.media?.dir === MEDIA_SUBDIR &&
    Array.isArray(manifest.media.files) &&
    manifest.media.files.every((f) => typeof f?.path === 'string' && isCount(f.bytes) && isHash(f.sha256))
  if (!valid) throw new BackupError(`${file} is not a manifest this version understands: the backup is damaged or from another tool`)
  return manifest
}
