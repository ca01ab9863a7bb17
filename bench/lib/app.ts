/**
 * The app as the benchmarks run it: a fresh SQLite database and media folder under .tmp/bench/<name>,
 * the seed content, a production build (or one given by BENCH_DIST_DIR), and `npm start`.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { portIsFree, processTreeCpuSeconds, run, startProcess, stopProcess, waitForHttp, type Env } from './system'

export interface BenchApp {
  name: string
  dir: string
  port: number
  url: string
  env: Env
  demoPassword: string
  distDir: string
  /** CPU time of the server's processes so far, in seconds. */
  cpuSeconds: () => number
  stop: () => Promise<void>
}

const root = process.cwd()

export function benchDir(name: string): string {
  return path.resolve(root, process.env.BENCH_TMP || '.tmp/bench', name)
}

/**
 * Seeds, builds (unless BENCH_DIST_DIR names an existing build, e.g. `.next-bench` from an earlier
 * run), starts. SITE_URL is the address readers use (the nginx recipe when there is one), so the
 * HTML Next serves is the same whichever way it is fetched.
 */
export async function startApp(name: string, options: { port: number; siteUrl?: string; env?: Record<string, string> }): Promise<BenchApp> {
  const dir = benchDir(name)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  if (!(await portIsFree(options.port))) throw new Error(`Port ${options.port} is in use (set BENCH_PORT to another one)`)

  const demoPassword = `bench-${crypto.randomBytes(9).toString('base64url')}`
  const givenBuild = process.env.BENCH_DIST_DIR
  const distDir = givenBuild || '.next-bench'
  // No NODE_ENV: the seed creates the demo accounts only outside production; `npm start` sets it.
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env
  const env: Env = {
    ...inherited,
    DATABASE_URI: `file:${dir}/db.sqlite`,
    MEDIA_DIR: `${dir}/media`,
    NEXT_DIST_DIR: distDir,
    PAYLOAD_SECRET: `bench-${crypto.randomBytes(24).toString('hex')}`,
    DEMO_PASSWORD: demoPassword,
    PORT: String(options.port),
    SITE_URL: options.siteUrl ?? `http://127.0.0.1:${options.port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
    ...options.env,
  }

  console.log(`Seeding a fresh database in ${path.relative(root, dir)}…`)
  await run('npm', ['run', 'seed'], { env, log: `${dir}/seed.log` })

  if (givenBuild && fs.existsSync(path.join(root, givenBuild, 'BUILD_ID'))) {
    console.log(`Reusing the build in ${givenBuild} (BENCH_DIST_DIR)`)
    // Pages an earlier run cached (ISR, kept on disk across restarts) come from another database.
    fs.rmSync(path.join(root, givenBuild, 'server/route-cache'), { recursive: true, force: true })
  } else {
    console.log(`Building into ${distDir} (set BENCH_DIST_DIR=${distDir} to reuse it next time)…`)
    await buildKeepingTsconfig(env, `${dir}/build.log`)
  }

  const server = startProcess('npm', ['start'], { env, log: `${dir}/server.log` })
  const url = `http://127.0.0.1:${options.port}`
  try {
    await waitForHttp(`${url}/az`, 120_000, server)
  } catch (error) {
    await stopProcess(server)
    throw error
  }
  return { name, dir, port: options.port, url, env, demoPassword, distDir, cpuSeconds: () => processTreeCpuSeconds(server.pid!), stop: () => stopProcess(server) }
}

/** `next build` rewrites tsconfig.json's include list for its build folder; the bench puts it back. */
async function buildKeepingTsconfig(env: Env, log: string): Promise<void> {
  const tsconfig = path.join(root, 'tsconfig.json')
  const before = fs.readFileSync(tsconfig, 'utf8')
  try {
    await run('npm', ['run', 'build'], { env, log })
  } finally {
    fs.writeFileSync(tsconfig, before)
  }
}

/** The slugs of the published releases, newest first, from the public REST API (the seed writes them in English). */
export async function releaseSlugs(app: BenchApp): Promise<string[]> {
  const res = await fetch(`${app.url}/api/releases?limit=20&sort=-publishedAt&depth=0&locale=en`)
  const body = (await res.json()) as { docs: { slug: string }[] }
  if (!body.docs?.length) throw new Error('The seeded database has no published release')
  return body.docs.map((d) => d.slug)
}
