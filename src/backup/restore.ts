/**
 * `npm run restore -- <backup-dir>`: checks the whole backup against its manifest before touching
 * anything, stages every file next to its destination, then swaps them in with renames (the
 * database last, in one atomic rename). The CLI then opens Payload and compares the counts.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'

import { isStaging, STAGING_PREFIX } from './backup'
import { copyFileDurable, fsyncPath, insideDir, listFiles, sha256File } from './files'
import { BackupError, DATABASE_FILE, readManifest, type Manifest } from './manifest'
import { processesHolding, SIDECAR_SUFFIXES } from './sqlite'

/** Every byte of the backup checked against the manifest; throws a one-line BackupError otherwise. */
export async function verifyBackup(dir: string, knownMigrations: readonly string[]): Promise<Manifest> {
  const manifest = readManifest(dir)
  const db = path.join(dir, DATABASE_FILE)
  if (!fs.existsSync(db)) throw new BackupError(`${db} is missing: the backup is incomplete`)
  if ((await sha256File(db)) !== manifest.database.sha256) throw new BackupError(`${db} does not match the checksum in the manifest: the backup is damaged`)
  const unknown = manifest.database.migrations.filter((name) => !knownMigrations.includes(name))
  if (unknown.length) {
    throw new BackupError(`the backup has migrations this version of the app does not know (${unknown.join(', ')}): restore it with the version that made it (${manifest.app.version}${manifest.app.commit ? `, ${manifest.app.commit.slice(0, 10)}` : ''})`)
  }
  const mediaRoot = path.join(dir, manifest.media.dir)
  const listed = new Set<string>()
  for (const file of manifest.media.files) {
    let where: string
    try {
      where = insideDir(mediaRoot, file.path)
    } catch {
      throw new BackupError(`the manifest names a media file outside the backup (${file.path}): refusing it`)
    }
    if (!fs.existsSync(where)) throw new BackupError(`media file ${file.path} is missing from the backup`)
    if (fs.statSync(where).size !== file.bytes || (await sha256File(where)) !== file.sha256) {
      throw new BackupError(`media file ${file.path} does not match its checksum in the manifest: the backup is damaged`)
    }
    listed.add(file.path)
  }
  const extra = listFiles(mediaRoot).filter((file) => !listed.has(file))
  if (extra.length) throw new BackupError(`the backup's media folder has files the manifest does not list (${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ', …' : ''})`)
  return manifest
}

export interface RestoreOptions {
  dbFile: string
  mediaDir: string
  knownMigrations: readonly string[]
  /** Restore even though another process has the database open (its later writes would be lost). */
  force?: boolean
}

export interface RestoreResult {
  manifest: Manifest
  warnings: string[]
  mediaReplaced: number
  mediaRemoved: number
}

export async function restoreBackup(dir: string, options: RestoreOptions): Promise<RestoreResult> {
  const { dbFile, mediaDir, force = false } = options
  const manifest = await verifyBackup(dir, options.knownMigrations)
  const warnings: string[] = []

  const holders = processesHolding(dbFile)
  if (holders === null) {
    warnings.push('cannot tell whether a server has the database open (no /proc here): make sure it is stopped')
  } else {
    const others = holders.map(({ pid, command }) => `${pid} (${command})`).join(', ')
    if (holders.length && !force) throw new BackupError(`${dbFile} is open by process ${others}: stop the server first`)
    if (holders.length) warnings.push(`restored although ${others} had the database open (--force): restart it now`)
  }

  // Stage everything next to its destination (same file system, so the swaps below are renames).
  fs.mkdirSync(path.dirname(dbFile), { recursive: true })
  fs.mkdirSync(mediaDir, { recursive: true })
  const stagedDb = `${dbFile}.restore-${process.pid}.tmp`
  const staging = path.join(mediaDir, `${STAGING_PREFIX}${process.pid}`)
  const mediaRoot = path.join(dir, manifest.media.dir)
  try {
    copyFileDurable(path.join(dir, DATABASE_FILE), stagedDb)
    if ((await sha256File(stagedDb)) !== manifest.database.sha256) throw new BackupError(`copying the database to ${path.dirname(dbFile)} changed it (disk full or failing?)`)
    for (const file of manifest.media.files) {
      const staged = insideDir(staging, file.path)
      copyFileDurable(insideDir(mediaRoot, file.path), staged)
      if ((await sha256File(staged)) !== file.sha256) throw new BackupError(`copying ${file.path} to ${mediaDir} changed it (disk full or failing?)`)
    }
  } catch (error) {
    fs.rmSync(stagedDb, { force: true })
    fs.rmSync(staging, { recursive: true, force: true })
    if (error instanceof BackupError) throw error
    throw new BackupError(`could not stage the restore, nothing was changed: ${(error as Error).message}`)
  }

  // The swap. Interrupted here, rerunning the restore finishes it.
  const keep = new Set(manifest.media.files.map((file) => file.path))
  let mediaRemoved = 0
  for (const file of manifest.media.files) {
    const destination = insideDir(mediaDir, file.path)
    fs.mkdirSync(path.dirname(destination), { recursive: true })
    fs.renameSync(insideDir(staging, file.path), destination)
  }
  for (const file of listFiles(mediaDir, isStaging)) {
    if (keep.has(file)) continue
    fs.rmSync(path.join(mediaDir, file))
    mediaRemoved++
  }
  fs.rmSync(staging, { recursive: true, force: true })
  fsyncPath(mediaDir)
  for (const suffix of SIDECAR_SUFFIXES) fs.rmSync(dbFile + suffix, { force: true })
  fs.renameSync(stagedDb, dbFile)
  fsyncPath(path.dirname(dbFile))
  return { manifest, warnings, mediaReplaced: manifest.media.files.length, mediaRemoved }
}

/** Differences between the restored database, as Payload sees it, and the manifest's counts. */
export async function compareCounts(payload: Payload, manifest: Manifest): Promise<string[]> {
  const differences: string[] = []
  for (const [slug, expected] of Object.entries(manifest.counts)) {
    if (!payload.collections[slug as CollectionSlug]) {
      differences.push(`${slug}: not a collection of this app`)
      continue
    }
    const collection = slug as CollectionSlug
    const docs = (await payload.count({ collection, overrideAccess: true })).totalDocs
    if (docs !== expected.docs) differences.push(`${slug}: ${docs} documents, the backup had ${expected.docs}`)
    if (expected.versions !== undefined) {
      const versions = (await payload.countVersions({ collection, overrideAccess: true })).totalDocs
      if (versions !== expected.versions) differences.push(`${slug}: ${versions} versions, the backup had ${expected.versions}`)
    }
  }
  return differences
}
