/**
 * Backup and restore on a seeded database: a backup taken, the data changed (documents created and
 * deleted, a media file deleted, a stray one added), the backup restored into the same place, and
 * then every document of every collection (all locales, every version) and every media file is
 * byte-for-byte what it was. A damaged backup and a database still in use are refused, changing nothing.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import v8 from 'node:v8'
import vm from 'node:vm'

import type { Client } from '@libsql/client'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createBackup, type BackupResult } from '@/backup/backup'
import { listFiles } from '@/backup/files'
import { BackupError } from '@/backup/manifest'
import { checkMedia } from '@/backup/mediaCheck'
import { compareCounts, restoreBackup } from '@/backup/restore'
import { migrations } from '@/migrations/sqlite'
import { ensureDemoUsers } from '@/seed/demoUsers'
import { seed } from '@/seed/seed'

import { startPayload } from './helpers/payload'

// This file's own media folder: the seed test deletes the shared one while this file runs.
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-backup-'))
const MEDIA = path.join(WORK, 'media')
process.env.MEDIA_DIR = MEDIA
const BACKUP = path.join(WORK, 'backup')

let payload: Payload
let dbFile: string
let cleanup: () => Promise<void>
let backup: BackupResult
let before: State

type State = { docs: Record<string, unknown>; media: Map<string, Buffer> }

/** Every document of every collection in every locale, with its versions, and every media file's bytes. */
async function state(): Promise<State> {
  const docs: Record<string, unknown> = {}
  for (const collection of payload.config.collections) {
    const slug = collection.slug as CollectionSlug
    const common = { collection: slug, locale: 'all' as const, depth: 0, pagination: false as const, overrideAccess: true, showHiddenFields: true, sort: 'id' }
    docs[slug] = (await payload.find(common)).docs
    if (collection.versions) docs[`${slug} versions`] = (await payload.findVersions(common)).docs
  }
  return { docs, media: new Map(listFiles(MEDIA).map((file) => [file, fs.readFileSync(path.join(MEDIA, file))])) }
}

function expectSameMedia(actual: Map<string, Buffer>, expected: Map<string, Buffer>) {
  expect([...actual.keys()]).toEqual([...expected.keys()])
  for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), `${file} byte for byte`).toBe(true)
}

/** Paths of this process's open files under `file` (the database and its journal). */
const openHere = (file: string) =>
  fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`)
      } catch {
        return ''
      }
    })
    .filter((link) => link.startsWith(file))

/**
 * What a stopped server is: nobody has the database file open. libsql's close() lets go of the file
 * only when the connection object is garbage-collected, so drop every reference and collect.
 */
async function closeDatabase() {
  const db = payload.db as unknown as { client?: Client; drizzle?: unknown }
  db.client!.close()
  db.client = undefined
  db.drizzle = undefined
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  for (let i = 0; i < 5 && openHere(dbFile).length; i++) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  expect(openHere(dbFile)).toEqual([])
}
async function reopenDatabase() {
  await payload.db.connect!()
}

const restore = (dir: string) => restoreBackup(dir, { dbFile, mediaDir: MEDIA, knownMigrations: migrations.map((m) => m.name) })

const fingerprint = () => ({ db: fs.readFileSync(dbFile), media: new Map(listFiles(MEDIA).map((f) => [f, fs.readFileSync(path.join(MEDIA, f))])) })

beforeAll(async () => {
  ;({ payload, dbFile, cleanup } = await startPayload())
  await seed(payload)
  await ensureDemoUsers(payload, 'a-test-password-123')
  // A pending draft on top of a published release, so versions hold more than published copies.
  const { docs } = await payload.find({ collection: 'releases', limit: 1, depth: 0 })
  await payload.update({ collection: 'releases', id: docs[0]!.id, data: { title: 'A draft title not yet published' }, draft: true, locale: 'en' })
  before = await state()
  backup = await createBackup(payload, BACKUP, MEDIA)
})
afterAll(async () => {
  await cleanup()
  fs.rmSync(WORK, { recursive: true, force: true })
})

describe('backup', () => {
  it('holds the database, every media file with its hash, the migrations and the counts', () => {
    const { manifest, missingFiles } = backup
    expect(missingFiles).toEqual([])
    expect(manifest.database.migrations).toEqual(migrations.map((m) => m.name))
    expect(manifest.media.files.map((f) => f.path)).toEqual([...before.media.keys()])
    expect(manifest.media.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true)
    expect(manifest.counts).toMatchObject({ releases: { docs: 5, versions: 6 }, media: { docs: 14 }, galleries: { docs: 3 }, users: { docs: 3 } })
    expect(fs.readdirSync(BACKUP).sort()).toEqual(['database.sqlite', 'manifest.json', 'media'])
  })

  it('refuses a folder that is not empty', async () => {
    await expect(createBackup(payload, BACKUP, MEDIA)).rejects.toThrow(/not empty/)
  })
})

describe('restore', () => {
  it('refuses while the database is open, changing nothing', async () => {
    const untouched = fingerprint()
    await expect(restore(BACKUP)).rejects.toThrow(new RegExp(`open by process ${process.pid}\\b.*stop the server first`))
    const now = fingerprint()
    expect(now.db.equals(untouched.db)).toBe(true)
    expectSameMedia(now.media, untouched.media)
  })

  it('after changes, puts back every document, version and media file exactly', async () => {
    // Change everything a restore must undo.
    await payload.create({ collection: 'agencies', data: { name: 'An agency created after the backup', kind: 'ministry', _status: 'published' } })
    const { docs: releases } = await payload.find({ collection: 'releases', limit: 1, depth: 0, sort: 'slug' })
    await payload.delete({ collection: 'releases', id: releases[0]!.id })
    const { docs: media } = await payload.find({ collection: 'media', limit: 1, depth: 0 })
    await payload.update({ collection: 'media', id: media[0]!.id, data: { alt: 'Changed after the backup' }, locale: 'az' })
    const deleted = [...before.media.keys()][3]!
    fs.rmSync(path.join(MEDIA, deleted))
    fs.writeFileSync(path.join(MEDIA, 'stray-after-backup.jpg'), 'not in the backup')
    const changed = await state()
    expect(changed.docs).not.toEqual(before.docs)
    expect(changed.media.has(deleted)).toBe(false)
    const check = await checkMedia(payload, MEDIA)
    expect(check.missing.map((m) => m.file)).toEqual([deleted])
    expect(check.orphans.map((o) => o.file)).toEqual(['stray-after-backup.jpg'])

    await closeDatabase()
    const result = await restore(BACKUP)
    await reopenDatabase()

    expect(result.warnings).toEqual([])
    expect(result.mediaRemoved).toBe(1)
    expect(await compareCounts(payload, backup.manifest)).toEqual([])
    const after = await state()
    expect(after.docs).toEqual(before.docs)
    expectSameMedia(after.media, before.media)
    expect(await checkMedia(payload, MEDIA)).toMatchObject({ records: 14, missing: [], orphans: [] })
    expect(fs.readdirSync(path.dirname(dbFile)).filter((f) => f.includes('.restore-'))).toEqual([])
  })

  it('compareCounts names a collection whose count differs', async () => {
    const manifest = structuredClone(backup.manifest)
    manifest.counts.releases = { docs: 99, versions: 6 }
    expect(await compareCounts(payload, manifest)).toEqual(['releases: 5 documents, the backup had 99'])
  })

  it('refuses a backup with one flipped byte in a media file, changing nothing', async () => {
    const damaged = path.join(WORK, 'damaged')
    fs.cpSync(BACKUP, damaged, { recursive: true })
    const victim = backup.manifest.media.files[5]!.path
    const bytes = fs.readFileSync(path.join(damaged, 'media', victim))
    bytes[bytes.length >> 1] ^= 0x01
    fs.writeFileSync(path.join(damaged, 'media', victim), bytes)
    // A change since the restore, which a refused restore must keep.
    fs.writeFileSync(path.join(MEDIA, 'kept.txt'), 'kept')
    await closeDatabase()
    const untouched = fingerprint()
    try {
      await expect(restore(damaged)).rejects.toThrow(new BackupError(`media file ${victim} does not match its checksum in the manifest: the backup is damaged`))
      const now = fingerprint()
      expect(now.db.equals(untouched.db)).toBe(true)
      expectSameMedia(now.media, untouched.media)
      expect(fs.readdirSync(MEDIA).filter((f) => f.startsWith('.restore'))).toEqual([])
    } finally {
      fs.rmSync(path.join(MEDIA, 'kept.txt'))
      await reopenDatabase()
    }
  })

  it('refuses a damaged database file and a manifest that lists files outside the backup', async () => {
    const damaged = path.join(WORK, 'damaged-db')
    fs.cpSync(BACKUP, damaged, { recursive: true })
    fs.appendFileSync(path.join(damaged, 'database.sqlite'), 'x')
    await expect(restore(damaged)).rejects.toThrow(/database.sqlite does not match the checksum in the manifest/)

    const escaping = path.join(WORK, 'escaping')
    fs.cpSync(BACKUP, escaping, { recursive: true })
    const manifest = JSON.parse(fs.readFileSync(path.join(escaping, 'manifest.json'), 'utf8'))
    manifest.media.files[0].path = '../../etc/passwd'
    fs.writeFileSync(path.join(escaping, 'manifest.json'), JSON.stringify(manifest))
    await expect(restore(escaping)).rejects.toThrow(/outside the backup/)
  })

  it('the command line says what is wrong in one line and exits 1: bad path, damaged backup', async () => {
    const run = (arg: string) =>
      promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/backup/cli.ts', 'restore', arg], {
        env: { ...process.env, DATABASE_URI: `file:${dbFile}`, MEDIA_DIR: MEDIA },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      )
    const missing = await run(path.join(WORK, 'no-such-backup'))
    expect(missing).toEqual({ code: 1, stderr: `error: ${path.join(WORK, 'no-such-backup')} is not a folder\n` })
    const damaged = await run(path.join(WORK, 'damaged'))
    expect(damaged.code).toBe(1)
    expect(damaged.stderr).toMatch(/^error: media file .+ does not match its checksum in the manifest: the backup is damaged\n$/)
  })
})
