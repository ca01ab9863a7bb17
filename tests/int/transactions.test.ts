/**
 * Every write operation is atomic (a failure half-way leaves nothing written) and concurrent writes
 * of one process queue for SQLite's single writer instead of failing with SQLITE_BUSY
 * (src/config/sqliteWrites.ts). What a SIGKILL does to the same operations: `npm run bench:faults`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import type { CollectionAfterChangeHook, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '@/config/env'
import { afterCommit } from '@/lib/afterCommit'
import { removeOrphanUploads } from '@/media/orphanUploads'

import { draftRelease, makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let dbFile: string
let contributor: TestUser
let editor: TestUser
let agencyId: string

beforeAll(async () => {
  ;({ payload, cleanup, dbFile } = await startPayload())
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  agencyId = (await makeAgency(payload)).id
})
afterAll(async () => cleanup())

/** Adds an afterChange hook to a collection for one test: it runs after the rows are written, before the commit. */
function withAfterChange(collection: 'releases' | 'agencies', hook: CollectionAfterChangeHook) {
  const hooks = payload.collections[collection].config.hooks.afterChange
  hooks.push(hook)
  added.push(() => hooks.splice(hooks.indexOf(hook), 1))
}
const added: (() => void)[] = []
afterEach(() => added.splice(0).forEach((remove) => remove()))

async function submittedRelease(title: string) {
  const draft = await draftRelease(payload, contributor, agencyId, title)
  await payload.update({ collection: 'releases', id: draft.id, data: { workflow: { state: 'in_review' } }, draft: true, user: contributor, overrideAccess: false })
  return draft.id
}

interface LibsqlReader {
  execute: (statement: { sql: string; args: string[] }) => Promise<{ rows: Record<string, unknown>[] }>
  rollback: () => Promise<void>
}

const versionsOf = (id: string) =>
  payload.findVersions({ collection: 'releases', where: { parent: { equals: id } }, sort: '-updatedAt', pagination: false, depth: 0 }).then((r) => r.docs)

describe('a publish that fails after its rows are written', () => {
  it('leaves the release exactly as it was: not public, its latest version still the submission', async () => {
    const id = await submittedRelease('Publish that fails half-way')
    const before = await versionsOf(id)
    withAfterChange('releases', ({ doc }) => {
      if (doc._status === 'published') throw new Error('failure after the publish was written')
    })
    await expect(payload.update({ collection: 'releases', id, data: { _status: 'published' }, user: editor, overrideAccess: false })).rejects.toThrow(
      /failure after the publish/,
    )
    const doc = await payload.findByID({ collection: 'releases', id, depth: 0, draft: false })
    expect(doc._status).toBe('draft')
    expect(doc.workflow?.firstPublishedAt ?? null).toBeNull()
    const after = await versionsOf(id)
    expect(after.map((v) => v.id)).toEqual(before.map((v) => v.id))
    expect(after[0]?.version.workflow?.state).toBe('in_review')
    expect(after.filter((v) => v.version._status === 'published')).toHaveLength(0)
    expect((await payload.find({ collection: 'releases', where: { id: { equals: id } }, overrideAccess: false })).docs).toHaveLength(0)
  })

  it('publishes normally once the hook no longer fails', async () => {
    const id = await submittedRelease('Publish that succeeds')
    const published = await payload.update({ collection: 'releases', id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    expect(published._status).toBe('published')
    expect((await versionsOf(id))[0]?.version._status).toBe('published')
  })
})

describe('a create that fails after its rows are written', () => {
  it('leaves no document and no version behind', async () => {
    withAfterChange('agencies', () => {
      throw new Error('failure after the agency was written')
    })
    await expect(
      payload.create({ collection: 'agencies', data: { name: 'Half-written agency', slug: 'half-written-agency', kind: 'ministry', _status: 'published' } }),
    ).rejects.toThrow(/failure after the agency/)
    const found = await payload.find({ collection: 'agencies', where: { slug: { equals: 'half-written-agency' } }, draft: true, depth: 0 })
    expect(found.docs).toHaveLength(0)
    const versions = await payload.findVersions({ collection: 'agencies', where: { 'version.slug': { equals: 'half-written-agency' } }, depth: 0 })
    expect(versions.docs).toHaveLength(0)
  })
})

describe('a long read elsewhere (a backup’s VACUUM INTO)', () => {
  it('does not hold up saves, and keeps reading the state it started with', async () => {
    const agency = await payload.create({ collection: 'agencies', data: { name: 'Saved during a backup', kind: 'ministry', _status: 'published' } })
    const client = (payload.db as unknown as { client: { transaction: (mode: string) => Promise<LibsqlReader> } }).client
    // Its own connection, holding a read transaction open as a backup does while it copies.
    const reader = await client.transaction('deferred')
    const websiteSeen = async () =>
      (await reader.execute({ sql: 'SELECT website FROM agencies WHERE id = ?', args: [agency.id] })).rows[0]?.website ?? null
    try {
      expect(await websiteSeen()).toBeNull()
      // In rollback-journal mode this COMMIT would wait for the reader, then fail with SQLITE_BUSY.
      const saved = await payload.update({ collection: 'agencies', id: agency.id, data: { website: 'https://example.org/during-backup' } })
      expect(saved.website).toBe('https://example.org/during-backup')
      expect(await websiteSeen()).toBeNull()
    } finally {
      await reader.rollback()
    }
    expect((await payload.findByID({ collection: 'agencies', id: agency.id, depth: 0 })).website).toBe('https://example.org/during-backup')
  }, 30_000)
})

describe('concurrent writes in one process', () => {
  it('all succeed: twenty saves started at once, each in its own transaction', async () => {
    const agencies = await Promise.all(
      Array.from({ length: 4 }, (_, i) => payload.create({ collection: 'agencies', data: { name: `Concurrent ${i}`, kind: 'ministry', _status: 'published' } })),
    )
    const saves = Array.from({ length: 20 }, (_, i) =>
      payload.update({ collection: 'agencies', id: agencies[i % 4]!.id, data: { website: `https://example.org/${i}` }, draft: i % 2 === 0 }),
    )
    const results = await Promise.allSettled(saves)
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([])
  })

  it('an operation a hook starts without `req` joins the hook’s transaction instead of waiting for it forever', async () => {
    const other = await payload.create({ collection: 'agencies', data: { name: 'Touched by a hook', kind: 'ministry', _status: 'published' } })
    withAfterChange('releases', async ({ doc }) => {
      if (doc.title !== 'Hook writes elsewhere') return doc
      // No `req`: Payload starts an independent transaction for it.
      await payload.update({ collection: 'agencies', id: other.id, data: { website: 'https://example.org/from-a-hook' } })
      return doc
    })
    const draft = await draftRelease(payload, contributor, agencyId, 'Hook writes elsewhere')
    expect(draft.id).toBeTruthy()
    const touched = await payload.findByID({ collection: 'agencies', id: other.id, depth: 0 })
    expect(touched.website).toBe('https://example.org/from-a-hook')
  }, 20_000)

  it('a failing operation releases the write lock: the next save goes through', async () => {
    withAfterChange('agencies', ({ doc }) => {
      if (doc.name === 'Fails') throw new Error('refused')
      return doc
    })
    await expect(payload.create({ collection: 'agencies', data: { name: 'Fails', kind: 'ministry' } })).rejects.toThrow(/refused/)
    const saved = await payload.create({ collection: 'agencies', data: { name: 'Goes through', kind: 'ministry' } })
    expect(saved.id).toBeTruthy()
  })

  it('a job update that fails does not keep the write lock (Payload leaves that transaction open): the next save goes through', async () => {
    const within = <T>(work: Promise<T>) =>
      Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still waiting for the write lock after 10 s')), 10_000).unref())])
    const client = (payload.db as unknown as { client: { execute(sql: string): Promise<unknown> } }).client
    const id = await submittedRelease('Its job fails to update')
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'releases', value: id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    // What a full disk does to the runner's claim of the job (an UPDATE of payload_jobs).
    await client.execute("CREATE TRIGGER fail_job_updates BEFORE UPDATE ON payload_jobs BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END")
    try {
      await expect(payload.jobs.run()).rejects.toThrow(/Failed query: update "payload_jobs"/)
    } finally {
      await within(client.execute('DROP TRIGGER fail_job_updates'))
    }
    const saved = await within(payload.create({ collection: 'agencies', data: { name: 'Saved after the failed job update', kind: 'ministry' } }))
    expect(saved.id).toBeTruthy()
  }, 30_000)
})

describe('work after the commit (src/lib/afterCommit.ts)', () => {
  const readAgency = async (id: string) =>
    (await payload.find({ collection: 'agencies', where: { id: { equals: id } }, depth: 0, draft: false })).docs[0] as { name?: string } | undefined

  it('runs once the write is stored: read from outside the transaction, it sees the change', async () => {
    let seen: { name?: string } | undefined | 'not run' = 'not run'
    withAfterChange('agencies', async ({ doc, req }) => {
      if (doc.name === 'Seen after the commit') await afterCommit(req, async () => void (seen = await readAgency(doc.id)))
      return doc
    })
    await payload.create({ collection: 'agencies', data: { name: 'Seen after the commit', kind: 'ministry', _status: 'published' } })
    expect(seen).toMatchObject({ name: 'Seen after the commit' })
  })

  it('never runs when the write is rolled back', async () => {
    let ran = false
    withAfterChange('agencies', async ({ doc, req }) => {
      if (doc.name !== 'Rolled back') return doc
      await afterCommit(req, () => void (ran = true))
      throw new Error('refused after registering')
    })
    await expect(payload.create({ collection: 'agencies', data: { name: 'Rolled back', kind: 'ministry' } })).rejects.toThrow(/refused after registering/)
    expect(ran).toBe(false)
  })

  it('the page purge of a published change reaches the server only once the change is readable, however long the hooks after it take', async () => {
    const agency = await payload.create({ collection: 'agencies', data: { name: 'Before the purge', kind: 'ministry', _status: 'published' } })
    const purges: (string | undefined)[] = []
    const server = http.createServer((request, response) => {
      if (request.url?.endsWith('/revalidate-public-pages')) void readAgency(agency.id).then((doc) => purges.push(doc?.name))
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const savedPort = process.env.PORT
    process.env.PORT = String((server.address() as { port: number }).port)
    try {
      // A slow hook after the purge's own (Payload commits after every hook has run).
      withAfterChange('agencies', async ({ doc }) => {
        if (doc.name === 'After the purge') await new Promise((resolve) => setTimeout(resolve, 300))
        return doc
      })
      await payload.update({ collection: 'agencies', id: agency.id, data: { name: 'After the purge' } })
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(purges.length).toBeGreaterThan(0)
      expect(purges).toEqual(purges.map(() => 'After the purge'))
    } finally {
      if (savedPort === undefined) delete process.env.PORT
      else process.env.PORT = savedPort
      server.close()
    }
  })
})

describe('files an upload cut off by a crash left behind', () => {
  it('are removed at start, however new; files a record names stay', async () => {
    const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#246' } }).jpeg().toBuffer()
    const upload = await payload.create({
      collection: 'media',
      data: { alt: 'A photo with its record' },
      file: { data, name: 'kept-photo.jpg', mimetype: 'image/jpeg', size: data.length },
    })
    const named = upload.filename!
    // Its own folder: the suite's MEDIA_DIR is shared by test files running in parallel.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orphans-'))
    try {
      fs.writeFileSync(path.join(dir, 'cut-off-upload.jpg'), 'x')
      fs.writeFileSync(path.join(dir, 'cut-off-upload-400x300.jpg'), 'x')
      fs.writeFileSync(path.join(dir, named), 'x')
      const removed = await removeOrphanUploads(payload, dir)
      expect(removed.sort()).toEqual(['cut-off-upload-400x300.jpg', 'cut-off-upload.jpg'])
      expect(fs.readdirSync(dir)).toEqual([named])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('a migration that fails', () => {
  it('is rolled back whole and said in one line, also at LOG_LEVEL=fatal (Payload itself only logs it, then exits)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'half-migrated-'))
    try {
      const db = path.join(dir, 'db.sqlite')
      // What an older version of the app left after being killed during its first migration.
      const make = spawnSync(process.execPath, ['-e', `require('@libsql/client').createClient({ url: 'file:${db}' }).execute('CREATE TABLE payload_preferences_rels (id text)')`], { cwd: projectRoot })
      expect(make.status).toBe(0)
      const seed = () =>
        spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/seed/cli.ts'], {
          cwd: projectRoot,
          env: { ...process.env, DATABASE_URI: `file:${db}`, MEDIA_DIR: path.join(dir, 'media'), LOG_LEVEL: 'fatal', DEMO_PASSWORD: 'pass-12345' },
          encoding: 'utf8',
          timeout: 90_000,
        })
      const run = seed()
      expect(run.status).toBe(1)
      const lines = run.stderr.trim().split('\n').filter((line) => !line.startsWith('npm warn'))
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^error: Error running migration 20261121_232816_initial .*table `payload_preferences_rels` already exists\. Each migration runs in one transaction/)
      // Rolled back: none of the tables the migration created before failing is left.
      const tables = spawnSync(
        process.execPath,
        ['-e', `require('@libsql/client').createClient({ url: 'file:${db}' }).execute("SELECT name FROM sqlite_master WHERE type = 'table'").then((r) => console.log(r.rows.map((x) => x.name).join(',')))`],
        { cwd: projectRoot, encoding: 'utf8' },
      )
      expect(tables.stdout.trim()).toBe('payload_preferences_rels')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('connections', () => {
  /** Descriptors this process holds on the database file and its WAL. */
  const openOnDatabase = () =>
    fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(dbFile)
      } catch {
        return false
      }
    }).length

  it.runIf(fs.existsSync('/proc/self/fd'))('saves leave no connection behind (libsql never closed a transaction’s own)', async () => {
    await payload.update({ collection: 'agencies', id: agencyId, data: { name: 'Warm-up save' } })
    const before = openOnDatabase()
    for (let i = 0; i < 100; i++) await payload.update({ collection: 'agencies', id: agencyId, data: { name: `Save ${i}` } })
    expect(openOnDatabase()).toBe(before)
  })
})

