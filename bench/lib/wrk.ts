/** Runs wrk and reads its report. */
import { execFile } from 'node:child_process'

export interface LoadResult {
  url: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Non-2xx/3xx responses plus socket errors (connect, read, write, timeout). */
  errors: number
}

export interface LoadOptions {
  seconds: number
  connections: number
  threads: number
  headers?: Record<string, string>
}

export function wrkCommand(url: string, { seconds, connections, threads, headers = {} }: LoadOptions): string[] {
  const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`])
  return ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--latency', ...headerArgs, url]
}

export function runWrk(url: string, options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile('wrk', wrkCommand(url, options), { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`wrk failed: ${stderr || error.message}`))
      try {
        resolve(parseWrk(url, stdout))
      } catch (parseError) {
        reject(parseError)
      }
    })
  })
}

const toMs = (value: string, unit: string): number => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? NaN)

export function parseWrk(url: string, out: string): LoadResult {
  const latency = (pct: string) => {
    const m = out.match(new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'))
    if (!m) throw new Error(`wrk output has no ${pct}% latency:\n${out}`)
    return toMs(m[1], m[2])
  }
  const rps = out.match(/Requests\/sec:\s+([\d.]+)/)
  const total = out.match(/(\d+) requests in/)
  if (!rps || !total) throw new Error(`Unexpected wrk output:\n${out}`)
  const socket = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0
  const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0)
  return {
    url,
    requestsPerSecond: Number(rps[1]),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    requests: Number(total[1]),
    errors: non2xx + socketErrors,
  }
}
