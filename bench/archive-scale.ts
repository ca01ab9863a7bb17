/**
 * How the public site and API hold up as the archive grows: for each archive size N, a fresh
 * SQLite database is migrated, seeded and filled with N synthetic published releases, then
 *
 * - the real server (`next start` on the production build) is timed over HTTP: the release list
 *   (`?page=1`, rendered per request; without a query string it is a cached page), the list filtered by agency and year, a text
 *   search, a release page, and the REST list `/api/releases?limit=10&locale=az`. Release pages are
 *   ISR-cached after their first render, so each sample asks for a release never requested before:
 *   every figure is a full uncached render, as the first reader after a purge gets it;
 * - the same list, filter and search queries are timed in-process (src/site/releases.ts), without
 *   rendering: the database's share of the page.
 *
 * p50/p95 over SAMPLES requests each, after WARMUP. One row per N in docs/BENCHMARKS.md.
 *
 *   npx tsx bench/archive-scale.ts                      # N = 1,000, 10,000, 100,000
 *   npx tsx bench/archive-scale.ts --sizes=1000         # a quick run (or SCALE_SIZES=1000)
 *   options: --samples=50 --mode=db|local --port=3500 --reuse[=100000] (keep archives already generated)
 *            --skip-build (use the existing build in NEXT_DIST_DIR)
 *            --data-only (no build, no server: only the in-process figures; its rows have no HTTP columns)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Locale } from '@/i18n/locales'

import { recordBenchmark } from './lib/report'
import { vocabulary } from './lib/vocabulary'

const root = path.resolve(import.meta.dirname, '..')
const args = new Map(
  process.argv.slice(2).flatMap((arg) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg)
    return m ? [[m[1]!, m[2] ?? 'true'] as const] : []
  }),
)
const opt = (name: string, fallback: string) => args.get(name) ?? process.env[`SCALE_${name.toUpperCase()}`] ?? fallback

const SIZES = opt('sizes', '1000,10000,100000').split(',').map(Number)
const SAMPLES = Number(opt('samples', '50'))
const WARMUP = 5
const MODE = opt('mode', 'db')
const PORT = Number(opt('port', '3500'))
const WORK = path.join(root, '.tmp/scale')
const DIST = process.env.NEXT_DIST_DIR || '.next-scale'
const SECRET = process.env.PAYLOAD_SECRET || 'archive-scale-secret-0123456789abcdef0123456789'

const tail = (locale: Locale, rank: number) => vocabulary(locale).words[rank]!

/**
 * Queries a reader types. Half are words in most releases (the costly end: every match is counted);
 * half are words in 2–20 % of them (generated words, at set ranks of the vocabulary), one in capitals.
 */
export const SEARCHES: [Locale, string][] = [
  ['az', 'nazirlik'],
  ['az', 'İlham Əliyev'],
  ['az', 'təhlükəsizlik tədbir'],
  ['en', 'security cooperation'],
  ['ru', 'министерство'],
  ['az', tail('az', 400).toLocaleUpperCase('az')],
  ['az', tail('az', 2000)],
  ['en', tail('en', 1000)],
  ['ru', tail('ru', 3500)],
  ['az', `${tail('az', 1000)} ${tail('az', 150)}`],
]

interface Prepared {
  releases: number
  generate: { seconds: number; perSecond: number; indexSeconds: number; mode: string } | null
  seedSeconds: number | null
  slugs: string[]
  agencies: string[]
  direct: Record<string, { p50: number; p95: number }>
}

// ——— statistics ———

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function timeSamples(count: number, run: (i: number) => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await run(-1 - i)
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    await run(i)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

const YEARS = Array.from({ length: 20 }, (_, i) => new Date().getFullYear() - i)

// ——— child: prepare one archive and time the data functions in-process ———

async function prepare(size: number, reuse: boolean): Promise<void> {
  const { openPayload } = await import('@/scripts/openPayload')
  const { runMigrations } = await import('@/config/database')
  const { seed } = await import('@/seed/seed')
  const { generateReleases } = await import('./lib/generate')
  const payload = await openPayload()
  await runMigrations(payload)
  let releases = (await payload.count({ collection: 'releases' })).totalDocs
  let generate: Prepared['generate'] = null
  let seedSeconds: number | null = null
  if (!reuse || releases < size) {
    const started = performance.now()
    await seed(payload)
    seedSeconds = (performance.now() - started) / 1000
    const result = await generateReleases(payload, { count: size, mode: MODE as 'db' | 'local', seed: size, log: (l) => process.stderr.write(`${l}\n`) })
    generate = { seconds: result.seconds, perSecond: result.perSecond, indexSeconds: result.indexSeconds, mode: result.mode }
    releases = (await payload.count({ collection: 'releases' })).totalDocs
  }
  // As `npm start` does before serving: pending migrations, then fresh table statistics.
  await runMigrations(payload)
  // Releases to open once each over HTTP, spread over the archive.
  const slugs: string[] = []
  for (let i = 0; slugs.length < SAMPLES + WARMUP && i < 4 * (SAMPLES + WARMUP); i++) {
    const page = 1 + ((i * 7919) % releases) // deterministic, spread out
    const { docs } = await payload.find({ collection: 'releases', locale: 'az', page, limit: 1, depth: 0, sort: '-publishedAt', select: { slug: true } })
    if (docs[0]?.slug && !slugs.includes(docs[0].slug)) slugs.push(docs[0].slug)
  }
  const agencies = (await payload.find({ collection: 'agencies', limit: 100, depth: 0, pagination: false })).docs.map((a) => a.id)

  const { listReleases, releaseBySlug } = await import('@/site/releases')
  const direct: Prepared['direct'] = {
    list: await timeSamples(SAMPLES, async () => void (await listReleases('az'))),
    filtered: await timeSamples(SAMPLES, async (i) => {
      const k = Math.abs(i)
      await listReleases('az', { agency: agencies[k % agencies.length], year: YEARS[k % YEARS.length] })
    }),
    search: await timeSamples(SAMPLES, async (i) => {
      const [locale, q] = SEARCHES[Math.abs(i) % SEARCHES.length]!
      await listReleases(locale, { q })
    }),
    release: await timeSamples(SAMPLES, async (i) => void (await releaseBySlug('az', slugs[Math.abs(i) % slugs.length]!))),
  }
  const prepared: Prepared = { releases, generate, seedSeconds, slugs, agencies, direct }
  process.stdout.write(`\nPREPARED ${JSON.stringify(prepared)}\n`)
  process.exit(0)
}

// ——— parent ———

function envFor(size: number): NodeJS.ProcessEnv {
  const dir = path.join(WORK, `archive-${size}`)
  return {
    ...process.env,
    DATABASE_URI: `file:${path.join(dir, 'db.sqlite')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    NEXT_DIST_DIR: DIST,
    PAYLOAD_SECRET: SECRET,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(PORT),
  }
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, argv, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (${result.status}):\n${result.stdout?.slice(-2000)}`)
  return result.stdout
}

function build(env: NodeJS.ProcessEnv): number {
  const started = performance.now()
  run('npm', ['run', 'build'], env)
  spawnSync('git', ['checkout', '--', 'tsconfig.json'], { cwd: root }) // next build rewrites it
  return (performance.now() - started) / 1000
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // Something already answering would be measured instead (e.g. a server left by an interrupted run).
  if (await fetch(`http://127.0.0.1:${PORT}/`).then(() => true, () => false)) throw new Error(`port ${PORT} is in use: stop that server first`)
  const next = path.join(root, 'node_modules/next/dist/bin/next')
  const server = spawn(process.execPath, [next, 'start', '--port', String(PORT)], {
    cwd: root,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  // The server has its own process group (to stop it with its workers): stop it if this run is interrupted.
  const stop = () => stopServer(server)
  process.once('exit', stop)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/releases?limit=1`).then((r) => r.ok, () => false)
    if (ok) return server
    await new Promise((r) => setTimeout(r, 500))
  }
  stopServer(server)
  throw new Error(`next start did not answer on port ${PORT} within 60 s`)
}

function stopServer(server: ChildProcess): void {
  try {
    process.kill(-server.pid!, 'SIGTERM')
  } catch {
    // already gone
  }
}

/** Responses Next served from its page cache (x-nextjs-cache: HIT); a release sample must never be one. */
let cacheHits = 0

async function get(urlPath: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${PORT}${urlPath}`, { redirect: 'manual' })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`GET ${urlPath}: ${response.status}`)
  if (response.headers.get('x-nextjs-cache') === 'HIT') cacheHits++
}

function fileSize(file: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0)
}

const ms = (x: number) => Math.round(x * 10) / 10

async function measure(size: number): Promise<void> {
  const env = envFor(size)
  const dir = path.join(WORK, `archive-${size}`)
  // --reuse keeps every archive already generated; --reuse=100000 only that size.
  const reuseArg = args.get('reuse')
  const reuse = reuseArg === 'true' || (reuseArg ?? '').split(',').map(Number).includes(size)
  if (!reuse) fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })

  console.log(`\n[N=${size}] preparing (migrate, seed, generate ${MODE}) and timing the data functions…`)
  const out = run('npx', ['tsx', 'bench/archive-scale.ts', `--prepare=${size}`, ...(reuse ? ['--reuse'] : []), `--samples=${SAMPLES}`, `--mode=${MODE}`], env)
  const prepared = JSON.parse(out.split('\nPREPARED ').pop()!) as Prepared
  const dbFile = env.DATABASE_URI!.slice('file:'.length)

  console.log(`[N=${size}] ${prepared.releases} releases${args.has('data-only') ? '' : `; timing the server on :${PORT}…`}`)
  // Release pages cached by an earlier run (same build, same archive) would not be renders: Next 16
  // keeps ISR output under <dist>/server/route-cache.
  fs.rmSync(path.join(root, DIST, 'server/route-cache'), { recursive: true, force: true })
  const dataOnly = args.has('data-only')
  const server = dataOnly ? null : await startServer(env)
  let http: Record<string, { p50: number; p95: number }> = {}
  let releaseHits = 0
  if (server) try {
    const { agencies, slugs } = prepared
    let slug = 0
    http = {
      // `?page=1`: the same first page, rendered per request (without a query string the list is a
      // cached page, releases-index, and would time a cache hit).
      list: await timeSamples(SAMPLES, () => get('/az/releases?page=1')),
      filtered: await timeSamples(SAMPLES, (i) => {
        const k = Math.abs(i)
        return get(`/az/releases?agency=${agencies[k % agencies.length]}&year=${YEARS[k % YEARS.length]}`)
      }),
      search: await timeSamples(SAMPLES, (i) => {
        const [locale, q] = SEARCHES[Math.abs(i) % SEARCHES.length]!
        return get(`/${locale}/releases?q=${encodeURIComponent(q)}`)
      }),
      // Each sample a release never requested before: a full (uncached) render.
      release: await timeSamples(SAMPLES, async () => {
        const hitsBefore = cacheHits
        await get(`/az/releases/${slugs[slug++ % slugs.length]}`)
        if (cacheHits > hitsBefore) releaseHits++
      }),
      rest: await timeSamples(SAMPLES, () => get('/api/releases?limit=10&locale=az')),
    }
  } finally {
    stopServer(server)
  }

  const figures: Record<string, number | string> = {
    N: size,
    releases: prepared.releases,
    'db MB': Math.round(fileSize(dbFile) / 1024 / 102.4) / 10,
    // Empty when --reuse kept an archive generated earlier.
    'generate /s': prepared.generate ? Math.round(prepared.generate.perSecond) : '',
    'generate s': prepared.generate ? Math.round(prepared.generate.seconds) : '',
    'of which search index s': prepared.generate ? Math.round(prepared.generate.indexSeconds) : '',
  }
  for (const [name, t] of Object.entries(http)) {
    figures[`${name} p50 ms`] = ms(t.p50)
    figures[`${name} p95 ms`] = ms(t.p95)
  }
  for (const [name, t] of Object.entries(prepared.direct)) {
    figures[`data ${name} p50 ms`] = ms(t.p50)
    figures[`data ${name} p95 ms`] = ms(t.p95)
  }
  if (!dataOnly) figures['release cache hits'] = releaseHits
  figures.samples = SAMPLES
  figures.mode = MODE
  results.push(figures)
  const command = `npx tsx bench/archive-scale.ts --sizes=${size} --samples=${SAMPLES} --mode=${MODE}${reuse ? ' --reuse' : ''}${dataOnly ? ' --data-only' : ''}`
  recordBenchmark('archive-scale', command, figures)
}

const results: Record<string, number | string>[] = []

function printTable(): void {
  if (!results.length) return
  const keys = Object.keys(results[0]!).filter((k) => / ms$|db MB|generate \/s/.test(k))
  console.log(`\n${'figure'.padEnd(24)}${results.map((r) => `N=${r.N}`.padStart(12)).join('')}`)
  for (const key of keys) console.log(`${key.padEnd(24)}${results.map((r) => String(r[key] ?? '').padStart(12)).join('')}`)
}

async function main(): Promise<void> {
  const prepareSize = args.get('prepare')
  if (prepareSize) return prepare(Number(prepareSize), args.has('reuse'))

  if (!args.has('skip-build') && !args.has('data-only')) {
    // The build prerenders the home page: it needs a migrated, seeded database.
    const env = envFor(0)
    fs.rmSync(path.join(WORK, 'archive-0'), { recursive: true, force: true })
    fs.mkdirSync(path.join(WORK, 'archive-0'), { recursive: true })
    run('npx', ['tsx', 'src/seed/cli.ts'], env)
    console.log(`Building (${DIST})…`)
    console.log(`  next build: ${build(env).toFixed(0)} s (timed by bench/seed-build.ts)`)
  }
  for (const size of SIZES) await measure(size)
  printTable()
}

// Run as a script, not when imported (the queries above are reused by diagnostics).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
