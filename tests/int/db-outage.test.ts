/**
 * The database stops answering while the app runs, then comes back: a clear 503 sentence through the
 * API (never Payload's "Something went wrong." 500), nothing half-saved, and the app recovers by
 * itself. On SQLite (WAL) another process holding the write lock is what an outage looks like to a
 * running server: reads go on, writes wait `busyTimeout` (5 s) and then fail.
 */
import { createClient, type Client } from '@libsql/client'
import { REST_GET, REST_PATCH } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/api/databaseErrors'

import { makeAgency } from './helpers/fixtures'
import { makeUser, startPayload } from './helpers/payload'

let payload: Payload
let dbFile: string
let cleanup: () => Promise<void>
let restGet: ReturnType<typeof REST_GET>
let restPatch: ReturnType<typeof REST_PATCH>
let token: string
let agencyId: string

const BASE = 'http://localhost:3000'

async function call(handler: typeof restGet, method: string, path: string, body?: unknown) {
  const url = new URL(`${BASE}/api/${path}`)
  const response = await handler(
    new Request(url, {
      method,
      headers: { authorization: `JWT ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }),
    { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) },
  )
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as { errors?: { message: string }[]; doc?: { name?: string }; name?: string } }
}

beforeAll(async () => {
  ;({ payload, dbFile, cleanup } = await startPayload())
  const { default: config } = await import('@payload-config')
  restGet = REST_GET(config)
  restPatch = REST_PATCH(config)
  const admin = await makeUser(payload, ['admin'])
  token = (await payload.login({ collection: 'users', data: { email: admin.email, password: 'correct horse battery staple' } })).token!
  agencyId = String((await makeAgency(payload, 'Outage Test Agency')).id)
}, 60_000)

afterAll(async () => {
  await cleanup?.()
})

describe('the database stops answering mid-run', () => {
  it('a save while another process holds the lock: 503 with a sentence, nothing changed; reads go on; the next save works', async () => {
    const other: Client = createClient({ url: `file:${dbFile}` })
    try {
      await other.execute('BEGIN IMMEDIATE')
      await other.execute("UPDATE agencies SET updated_at = updated_at WHERE 0") // takes the write lock now

      const refused = await call(restPatch, 'PATCH', `agencies/${agencyId}`, { name: 'Renamed during the outage' })
      expect(refused.status).toBe(503)
      expect(refused.body.errors?.[0]?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE)
      expect(refused.text).not.toMatch(/SQLITE|\bat .+:\d+:\d+|\/work\/|node_modules/)

      const read = await call(restGet, 'GET', `agencies/${agencyId}`)
      expect(read.status).toBe(200)
      expect(read.body.name).toBe('Outage Test Agency')
    } finally {
      await other.execute('ROLLBACK').catch(() => undefined)
      other.close()
    }

    // Back without a restart.
    const saved = await call(restPatch, 'PATCH', `agencies/${agencyId}`, { name: 'Renamed after the outage' })
    expect(saved.status, saved.text).toBe(200)
    expect((await payload.findByID({ collection: 'agencies', id: agencyId })).name).toBe('Renamed after the outage')
  }, 30_000)

  it('recognises "the database did not answer" on both adapters, through error causes', () => {
    const busy = Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' })
    expect(isDatabaseUnavailable(busy)).toBe(true)
    expect(isDatabaseUnavailable(new Error('Failed query: update …', { cause: busy }))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:27017'), { name: 'MongoServerSelectionError' }))).toBe(true)
    expect(isDatabaseUnavailable(new Error('title must be a string'))).toBe(false)
    const loop: Error & { cause?: unknown } = new Error('loop')
    loop.cause = loop
    expect(isDatabaseUnavailable(loop)).toBe(false)
  })
})
