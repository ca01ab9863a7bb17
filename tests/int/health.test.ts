/**
 * GET /api/health through the app's REST route handler: 200 when the database answers and the job
 * runner ticks (or is disabled on purpose), 503 when the database is locked or gone or the runner
 * stopped — never a stack trace or a path, never cached.
 */
import { createClient, type Client } from '@libsql/client'
import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkDatabase, checkJobs, JOBS_BUSY_STALE_MS, JOBS_TICK_STALE_MS, type CronLike } from '@/health/checks'

import { startPayload } from './helpers/payload'

let payload: Payload
let dbFile: string
let cleanup: () => Promise<void>
let restGet: ReturnType<typeof REST_GET>

type Health = { status: string; database: string; jobs: string; uptime: number; jobsLastTick: string | null; checked: Record<string, string> }

async function health() {
  const response = await restGet(new Request('http://localhost:3000/api/health'), { params: Promise.resolve({ slug: ['health'] }) })
  const text = await response.text()
  return { status: response.status, cacheControl: response.headers.get('cache-control'), text, body: JSON.parse(text) as Health }
}

const env = process.env as Record<string, string | undefined>

beforeAll(async () => {
  ;({ payload, dbFile, cleanup } = await startPayload())
  const { default: config } = await import('@payload-config')
  restGet = REST_GET(config)
})
afterAll(async () => {
  env.DISABLE_JOB_AUTORUN = 'true'
  await cleanup()
})

describe('GET /api/health', () => {
  it('answers 200 with the database ok and the runner disabled on an instance told not to run jobs', async () => {
    expect(env.DISABLE_JOB_AUTORUN).toBe('true')
    const { status, cacheControl, body } = await health()
    expect(status).toBe(200)
    expect(cacheControl).toBe('no-store')
    expect(body).toMatchObject({ status: 'ok', database: 'ok', jobs: 'disabled' })
    expect(typeof body.uptime).toBe('number')
    expect(body.checked.database).toMatch(/count/)
    expect(body.checked.jobs).toMatch(/DISABLE_JOB_AUTORUN/)
  })

  it('reports the job runner ok once it has ticked (every second), with the time of its last tick', async () => {
    delete env.DISABLE_JOB_AUTORUN
    // The REST request above started Payload's runner (cron: true); give it a tick.
    expect(payload.crons.length).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 2200))
    const { status, body } = await health()
    expect(body).toMatchObject({ status: 'ok', database: 'ok', jobs: 'ok' })
    expect(status).toBe(200)
    expect(Date.now() - Date.parse(body.jobsLastTick!)).toBeLessThan(JOBS_TICK_STALE_MS)
  })

  it('keeps answering 200 while another connection holds the write lock (WAL: a writer never blocks readers)', async () => {
    const other: Client = createClient({ url: `file:${dbFile}` })
    try {
      await other.execute('BEGIN EXCLUSIVE')
      const { status, body } = await health()
      expect(status).toBe(200)
      expect(body).toMatchObject({ status: 'ok', database: 'ok' })
      await other.execute('ROLLBACK')
    } finally {
      other.close()
    }
  })

  it('answers 503 when the job runner has stopped, though the database answers', async () => {
    for (const cron of payload.crons) cron.stop()
    const { status, body } = await health()
    expect(status).toBe(503)
    expect(body).toMatchObject({ status: 'error', database: 'ok', jobs: 'stopped' })
  })

  it('answers 503 with the database unreachable once its connection is closed, without a path or a stack', async () => {
    ;(payload.db as unknown as { client: Client }).client.close()
    const { status, body, text } = await health()
    expect(status).toBe(503)
    expect(body).toMatchObject({ status: 'error', database: 'unreachable' })
    expect(text).not.toContain(dbFile)
    expect(text).not.toMatch(/\bat .+:\d+:\d+|Error:/)
  })
})

const fakeCron = (state: { previous?: number | null; busySince?: number; stopped?: boolean }): CronLike => ({
  isStopped: () => state.stopped ?? false,
  isBusy: () => state.busySince !== undefined,
  currentRun: () => (state.busySince !== undefined ? new Date(state.busySince) : null),
  previousRun: () => (state.previous != null ? new Date(state.previous) : null),
})

describe('the checks', () => {
  const now = Date.parse('2025-01-24T12:00:00Z')

  it('job runner: ok after a recent tick, stalled after a silence, stuck in a long run, stopped, absent', () => {
    expect(checkJobs([fakeCron({ previous: now - 1000 })], true, now).status).toBe('ok')
    expect(checkJobs([fakeCron({ previous: now - JOBS_TICK_STALE_MS - 1 })], true, now).status).toBe('stalled')
    expect(checkJobs([fakeCron({ previous: now - 60_000, busySince: now - 5000 })], true, now).status).toBe('ok')
    expect(checkJobs([fakeCron({ previous: now - 600_000, busySince: now - JOBS_BUSY_STALE_MS - 1 })], true, now).status).toBe('stalled')
    expect(checkJobs([fakeCron({ previous: now - 1000, stopped: true })], true, now).status).toBe('stopped')
    expect(checkJobs([], true, now).status).toBe('not-started')
    expect(checkJobs([fakeCron({ previous: now - 600_000 })], false, now).status).toBe('disabled')
  })

  it('job runner: a new runner is starting until it has had time to tick', () => {
    const fresh = fakeCron({ previous: null })
    expect(checkJobs([fresh], true, now).status).toBe('starting')
    expect(checkJobs([fresh], true, now + JOBS_TICK_STALE_MS + 1).status).toBe('stalled')
  })

  it('database: a query that does not answer in time is a timeout, a failing one unreachable', async () => {
    const never = { count: () => new Promise<never>(() => undefined) } as unknown as Pick<Payload, 'count'>
    expect((await checkDatabase(never, 50)).status).toBe('timeout')
    const failing = { count: () => Promise.reject(new Error('SQLITE_CANTOPEN: /secret/path.db')) } as unknown as Pick<Payload, 'count'>
    expect((await checkDatabase(failing, 50)).status).toBe('unreachable')
  })
})
