/**
 * `npm run bench:sign-in`: how long a refused sign-in takes for an unknown address, a wrong password
 * and a locked account (issue 22: within ~20 % of each other, so timing tells no account apart).
 * REST logins through the app's route handler on a fresh SQLite file, interleaved, each from an
 * address of its own; medians over BENCH_SAMPLES (default 20) after two warm-up rounds. The test
 * (tests/int/sign-in.test.ts) proves the same work is done; this measures what it costs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { recordBenchmark } from './lib/report'

const SAMPLES = Number(process.env.BENCH_SAMPLES || 20)

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sign-in-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
  process.env.LOGIN_MAX_ATTEMPTS = String(SAMPLES * 4)
  process.env.PAYLOAD_SECRET ||= 'bench-sign-in-secret-bench-sign-in-secret'
  const { openPayload } = await import('@/scripts/openPayload')
  const { runMigrations } = await import('@/config/database')
  const { REST_POST } = await import('@payloadcms/next/routes')
  const payload = await openPayload()
  await runMigrations(payload)
  const post = REST_POST(payload.config)
  const password = 'correct horse battery staple'
  const user = (name: string) =>
    payload.create({ collection: 'users', data: { email: `${name}@bench.example`, password, name, roles: ['editor'] } })
  const known = await user('known')
  const locked = await user('locked')
  await payload.db.updateOne({ collection: 'users', id: locked.id, data: { lockUntil: new Date(Date.now() + 3_600_000).toISOString(), loginAttempts: 99 } })

  let address = 0
  const attempt = async (email: string) => {
    const url = new URL('http://localhost:3000/api/users/login')
    const started = performance.now()
    const response = await post(
      new Request(url, {
        method: 'POST',
        body: JSON.stringify({ email, password: 'not the password' }),
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${1 + (address++ % 250)}` },
      }),
      { params: Promise.resolve({ slug: ['users', 'login'] }) },
    )
    await response.text()
    return performance.now() - started
  }
  const kinds = { unknown: () => attempt(`nobody-${address}@bench.example`), wrong: () => attempt(known.email), locked: () => attempt(locked.email) }
  for (let i = 0; i < 2; i++) for (const run of Object.values(kinds)) await run()
  const times: Record<keyof typeof kinds, number[]> = { unknown: [], wrong: [], locked: [] }
  const orders = [['unknown', 'wrong', 'locked'], ['wrong', 'locked', 'unknown'], ['locked', 'unknown', 'wrong']] as const
  for (let i = 0; i < SAMPLES; i++) for (const kind of orders[i % 3]!) times[kind].push(await kinds[kind]())
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  const [unknown, wrong, lockedMs] = [median(times.unknown), median(times.wrong), median(times.locked)]
  const spread = (a: number, b: number) => Math.round((Math.abs(a - b) / Math.max(a, b)) * 100)
  recordBenchmark('Sign-in timing (no enumeration)', 'npm run bench:sign-in', {
    samples: SAMPLES,
    'unknown p50 ms': Math.round(unknown),
    'wrong password p50 ms': Math.round(wrong),
    'locked p50 ms': Math.round(lockedMs),
    'max spread %': Math.max(spread(unknown, wrong), spread(lockedMs, wrong)),
    'target %': 20,
  })
  await payload.destroy().catch(() => undefined)
  fs.rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}

void main()
