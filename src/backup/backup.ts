/**
 * `npm run backup`: a consistent copy of the SQLite database (taken while the server runs), every
 * media file, and a manifest with what a restore checks (hashes, counts, migrations).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { projectRoot } from '@/config/env'

import { copyFileDurable, listFiles, sha256File } from './files'
import { BackupError, DATABASE_FILE, MANIFEST_FILE, MEDIA_SUBDIR, type Manifest } from './manifest'
import { readSnapshotFacts, snapshotDatabase } from './sqlite'

/** Staging folders a restore makes inside the media folder; never part of a backup. */
export const STAGING_PREFIX = '.restore-staging-'
export const isStaging = (name: string) => name.startsWith(STAGING_PREFIX)

export const defaultBackupDir = (now = new Date()) => path.join(projectRoot, 'backups', now.toISOString().replace(/[:.]/g, '-'))

function appInfo(): Manifest['app'] {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string }
  let commit: string | null = null
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null
  } catch {
    // not a git checkout (a deployed copy)
  }
  return { name: pkg.name, version: pkg.version, commit }
}

export interface BackupResult {
  dir: string
  manifest: Manifest
  /** Files named by media records of the snapshot but absent from the media folder. */
  missingFiles: string[]
}

export async function createBackup(payload: Payload, outDir: string, media: string): Promise<BackupResult> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length) throw new BackupError(`${outDir} exists and is not empty; choose a new folder`)
  fs.mkdirSync(outDir, { recursive: true })
  const dbCopy = path.join(outDir, DATABASE_FILE)
  const mediaCopy = path.join(outDir, MEDIA_SUBDIR)
  try {
    let attempt = 0
    for (;;) {
      attempt++
      fs.rmSync(dbCopy, { force: true })
      fs.rmSync(mediaCopy, { recursive: true, force: true })
      fs.mkdirSync(mediaCopy)
      const createdAt = new Date().toISOString()
      await snapshotDatabase(payload, dbCopy)
      const facts = await readSnapshotFacts(payload, dbCopy)
      // Media after the database: an upload finishing meanwhile leaves a file without a record in
      // the backup (harmless); a delete meanwhile leaves a record without its file, retried once.
      const files: Manifest['media']['files'] = []
      for (const relative of listFiles(media, isStaging)) {
        const to = path.join(mediaCopy, relative)
        try {
          copyFileDurable(path.join(media, relative), to)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue // deleted while we copied
          throw error
        }
        files.push({ path: relative, bytes: fs.statSync(to).size, sha256: await sha256File(to) })
      }
      const copied = new Set(files.map((file) => file.path))
      const missingFiles = facts.referencedFiles.filter((name) => !copied.has(name))
      if (missingFiles.length && attempt < 2) continue
      const manifest: Manifest = {
        format: 'press-office-backup',
        formatVersion: 1,
        createdAt,
        app: appInfo(),
        database: { kind: 'sqlite', file: DATABASE_FILE, bytes: fs.statSync(dbCopy).size, sha256: await sha256File(dbCopy), migrations: facts.migrations },
        counts: facts.counts,
        media: { dir: MEDIA_SUBDIR, files },
      }
      const manifestFile = path.join(outDir, MANIFEST_FILE)
      fs.writeFileSync(`${manifestFile}.tmp`, JSON.stringify(manifest, null, 2) + '\n')
      fs.renameSync(`${manifestFile}.tmp`, manifestFile)
      return { dir: outDir, manifest, missingFiles }
    }
  } catch (error) {
    fs.rmSync(outDir, { recursive: true, force: true })
    throw error
  }
}
