/** Debian packages, child processes and ports for the benchmarks. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'

/** An environment for a child process (Next's types make NODE_ENV required in NodeJS.ProcessEnv). */
export type Env = Record<string, string | undefined>

/** Installs Debian packages whose command is missing (the benchmarks run as root on Debian). */
export function ensureDebianPackages(commands: Record<string, string>): void {
  const missing = Object.entries(commands).filter(([command]) => !onPath(command))
  if (missing.length === 0) return
  const packages = missing.map(([, pkg]) => pkg)
  if (process.getuid?.() !== 0) throw new Error(`Missing ${packages.join(', ')}: run  sudo apt-get install -y ${packages.join(' ')}`)
  console.log(`Installing ${packages.join(', ')} from Debian…`)
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => fs.existsSync(`${dir}/${command}`))
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the server exited with code ${child.exitCode}`)
    try {
      const res = await fetch(url, { redirect: 'manual' })
      await res.arrayBuffer()
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts a long-running process in its own process group, output to a log file. */
export function startProcess(command: string, args: string[], options: { env?: Env; log: string; cwd?: string }): ChildProcess {
  const out = fs.openSync(options.log, 'a')
  const child = spawn(command, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv | undefined, stdio: ['ignore', out, out], detached: true })
  fs.closeSync(out)
  return child
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100

/** utime + stime of a process and all its descendants, in clock ticks, from /proc. */
function processTreeTicks(pid: number): number {
  let ticks = 0
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    ticks += Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15 of stat)
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    for (const child of children) ticks += processTreeTicks(Number(child))
  } catch {
    // a process that just exited
  }
  return ticks
}

/** CPU time (user + system) of a process and all its descendants so far, in seconds. */
export const processTreeCpuSeconds = (pid: number): number => processTreeTicks(pid) / CLOCK_TICKS

/** Ends a process started by startProcess and everything it started (its own group, by id). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }, 10_000)
  await exited
  clearTimeout(timer)
}

/** Runs a command to completion; throws with the tail of its output when it fails. */
export function run(command: string, args: string[], options: { env?: Env; cwd?: string; log: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startProcess(command, args, options)
    child.on('exit', (code) => {
      if (code === 0) return resolve()
      const tail = fs.readFileSync(options.log, 'utf8').split('\n').slice(-15).join('\n')
      reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}); see ${options.log}:\n${tail}`))
    })
  })
}
