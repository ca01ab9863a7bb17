/**
 * The app as a bench sees it: its own throw-away database and media folder, `npm run seed`, the
 * production build, `npm start` in its own process group (so SIGKILL takes the whole server), the
 * server's memory from /proc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../..')
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'bench-demo-password-123'

export interface AppEnv {
  dir: string
  port: number
  env: NodeJS.ProcessEnv
}

/** A fresh instance folder under .tmp/hardening/<name> (emptied first). */
export function appEnv(name: string, port: number): AppEnv {
  const dir = path.join(root, '.tmp/hardening', name)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  return {
    dir,
    port,
    env: {
      ...process.env,
      DATABASE_URI: `file:${path.join(dir, 'db.sqlite')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      NEXT_DIST_DIR: process.env.BENCH_BUILD_DIR || process.env.NEXT_DIST_DIR || '.next-hardening',
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'hardening-bench-secret-0123456789abcdef0123456789',
      DEMO_PASSWORD,
      // The benches sign in as the demo accounts with a password (production mode would require two-factor).
      REQUIRE_2FA_ROLES: process.env.REQUIRE_2FA_ROLES ?? '',
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
    },
  }
}

export const mediaDirOf = (app: AppEnv) => app.env.MEDIA_DIR!

/** Runs an npm script to completion; throws with its output's tail on failure. */
export function npmRun(app: AppEnv, script: string, extraEnv: Record<string, string> = {}): string {
  const result = spawnSync('npm', ['run', '-s', script], { cwd: root, env: { ...app.env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const output = `${result.stdout}${result.stderr}`
  if (result.status !== 0) throw new Error(`npm run ${script} exited ${result.status ?? result.signal}:\n${output.slice(-2000)}`)
  return output
}

/** The production build in NEXT_DIST_DIR: reused when BENCH_BUILD_DIR names an existing build, else built now. */
export function ensureBuild(app: AppEnv): { built: boolean; seconds: number } {
  const dist = path.join(root, app.env.NEXT_DIST_DIR!)
  if (process.env.BENCH_BUILD_DIR && fs.existsSync(path.join(dist, 'BUILD_ID'))) return { built: false, seconds: 0 }
  const started = Date.now()
  npmRun(app, 'build')
  // `next build` rewrites tsconfig.json's includes; keep the checkout clean.
  spawnSync('git', ['checkout', '--', 'tsconfig.json'], { cwd: root, stdio: 'ignore' })
  return { built: true, seconds: (Date.now() - started) / 1000 }
}

/** Spawns a command in its own process group, output to a log file. */
export function spawnGroup(app: AppEnv, command: string, args: string[], logName: string): ChildProcess {
  const log = fs.openSync(path.join(app.dir, logName), 'a')
  const child = spawn(command, args, { cwd: root, env: app.env, detached: true, stdio: ['ignore', log, log] })
  fs.closeSync(log)
  return child
}

/** SIGKILL to the whole process group: npm, tsx, `next start` and its workers, at once. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid!, signal)
    } catch {
      resolve()
    }
  })
}

export async function waitForHttp(url: string, timeoutMs = 120_000, accept = (status: number) => status < 500): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (accept(response.status)) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${last})`)
}

export interface Server {
  child: ChildProcess
  baseURL: string
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

/** `npm start` (migrations, then `next start`), ready once /api/health answers 200. */
export async function startServer(app: AppEnv): Promise<Server> {
  const child = spawnGroup(app, 'npm', ['start'], 'server.log')
  const baseURL = `http://127.0.0.1:${app.port}`
  try {
    await waitForHttp(`${baseURL}/api/health`, 180_000, (status) => status === 200)
  } catch (error) {
    await killGroup(child)
    throw new Error(`${(error as Error).message}\n${fs.readFileSync(path.join(app.dir, 'server.log'), 'utf8').slice(-1500)}`)
  }
  return { child, baseURL, stop: (signal = 'SIGTERM') => killGroup(child, signal) }
}

/** Every process below `pid` (children, grandchildren, …) from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = []
  const walk = (p: number) => {
    for (const child of children.get(p) ?? []) {
      out.push(child)
      walk(child)
    }
  }
  walk(pid)
  return out
}

export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : 0
  } catch {
    return 0
  }
}

const commandOf = (pid: number): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch {
    return ''
  }
}

/** The process that serves HTTP: `next-server` in the server's tree. */
export function serverProcess(server: Server): number {
  const pid = descendants(server.child.pid!).find((p) => commandOf(p).startsWith('next-server'))
  if (!pid) throw new Error('no next-server process below npm start')
  return pid
}

/** The tree's processes with their resident memory (MB), named by their command. */
export function treeMemory(server: Server): { pid: number; command: string; rss: number }[] {
  return [server.child.pid!, ...descendants(server.child.pid!)].map((pid) => ({ pid, command: commandOf(pid).slice(0, 60), rss: rssMb(pid) }))
}

/** Logs in through REST; returns the `Authorization` header value. */
export async function login(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await response.json()) as { token?: string; errors?: { message: string }[] }
  if (!response.ok || !body.token) throw new Error(`login as ${email}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`)
  return `JWT ${body.token}`
}
