/**
 * Load benchmark: the seeded production server under wrk, 64 connections for 60 s, against a mix of
 * public pages (home, release, releases list, gallery, English, the view for visually impaired
 * readers by its cookie) and the REST API, with the server's memory sampled every second.
 *
 *   npm run bench:load                         seed, build into NEXT_DIST_DIR (.next-hardening), start, load
 *   BENCH_BUILD_DIR=.next-hardening npm run bench:load    reuse an existing build
 *   LOAD_DURATION_S=10 npm run bench:load      a short run
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { appEnv, descendants, ensureBuild, npmRun, rssMb, serverProcess, startServer, treeMemory } from './lib/app-process'
import { recordBenchmark } from './lib/report'
import { runBench } from './lib/run'

const DURATION_S = Number(process.env.LOAD_DURATION_S || 60)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 64)
const THREADS = 2
const PORT = Number(process.env.LOAD_PORT || 3710)
const COMMAND = `${DURATION_S === 60 ? '' : `LOAD_DURATION_S=${DURATION_S} `}npm run bench:load`

function ensureWrk(): void {
  if (spawnSync('wrk', ['--version']).error === undefined) return
  console.log('wrk is missing: apt-get install -y wrk')
  const install = spawnSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'inherit' })
  if (install.status !== 0) throw new Error('could not install wrk (apt-get install -y wrk)')
}

interface Target {
  name: string
  path: string
  headers?: Record<string, string>
}

/** A wrk script that cycles through the targets and prints its figures as JSON at the end. */
function wrkScript(targets: Target[]): string {
  const lua = (value: string) => JSON.stringify(value)
  const entries = targets
    .map((t) => `    wrk.format("GET", ${lua(t.path)}, { ${Object.entries(t.headers ?? {}).map(([k, v]) => `[${lua(k)}] = ${lua(v)}`).join(', ')} })`)
    .join(',\n')
  return `-- Formatted in init(): wrk knows the Host header only once the threads start.
local requests = {}
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end
function init(args)
  requests = {
${entries}
  }
  i = tonumber(offset) or 0
end
function request()
  i = i + 1
  return requests[(i % #requests) + 1]
end
function done(summary, latency, requests)
  io.write(string.format('WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%f}\\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
`
}

async function main() {
  ensureWrk()
  const app = appEnv('load', PORT)
  console.log(`Seeding ${app.dir} …`)
  npmRun(app, 'seed')
  const build = ensureBuild(app)
  console.log(build.built ? `Built into ${app.env.NEXT_DIST_DIR} in ${build.seconds.toFixed(0)} s` : `Reusing the build in ${app.env.NEXT_DIST_DIR}`)
  const server = await startServer(app)
  try {
    const api = async (query: string) => ((await (await fetch(`${server.baseURL}/api/${query}`)).json()) as { docs: { slug: string }[] }).docs
    // Seed content is written in English: its slugs are the English ones, which every language's pages use.
    const [release] = await api('releases?limit=1&depth=0&locale=en&sort=-publishedAt')
    const [gallery] = await api('galleries?limit=1&depth=0&locale=en')
    const [englishRelease] = await api('releases?limit=1&depth=0&locale=en&sort=publishedAt')
    const targets: Target[] = [
      { name: 'home', path: '/az' },
      { name: 'release', path: `/az/releases/${release!.slug}` },
      { name: 'releases list', path: '/az/releases' },
      { name: 'gallery', path: `/az/galleries/${gallery!.slug}` },
      { name: 'English release', path: `/en/releases/${englishRelease!.slug}` },
      { name: 'English home', path: '/en' },
      { name: 'a11y view', path: '/az', headers: { Cookie: 'a11y=v1-1-0-0-0-0' } },
      { name: 'a11y release', path: `/az/releases/${release!.slug}`, headers: { Cookie: 'a11y=v2-2-2-1-1-1' } },
      { name: 'REST releases', path: '/api/releases?limit=10' },
    ]
    // Warm-up: each page once, so the load measures cached pages rather than the first render.
    for (const target of targets) {
      const response = await fetch(`${server.baseURL}${target.path}`, { headers: target.headers, redirect: 'manual' })
      await response.arrayBuffer()
      if (response.status >= 400) throw new Error(`${target.name} ${target.path}: HTTP ${response.status}`)
      console.log(`  ${String(response.status).padEnd(4)}${target.name.padEnd(16)} ${target.path}`)
    }

    const scriptDir = fs.mkdtempSync(path.join(app.dir, 'wrk-'))
    const script = path.join(scriptDir, 'mix.lua')
    fs.writeFileSync(script, wrkScript(targets))

    const pid = serverProcess(server)
    const treeRss = () => [server.child.pid!, ...descendants(server.child.pid!)].reduce((sum, p) => sum + rssMb(p), 0)
    const samples: { t: number; rss: number; tree: number }[] = []
    const started = Date.now()
    // What a load balancer sees meanwhile: /api/health once a second, its time and status.
    const healthChecks: { ms: number; status: number }[] = []
    const checkHealth = async () => {
      const begun = performance.now()
      try {
        const response = await fetch(`${server.baseURL}/api/health`, { signal: AbortSignal.timeout(15_000) })
        await response.arrayBuffer()
        healthChecks.push({ ms: performance.now() - begun, status: response.status })
      } catch {
        healthChecks.push({ ms: performance.now() - begun, status: 0 })
      }
    }
    const sample = () => {
      samples.push({ t: (Date.now() - started) / 1000, rss: rssMb(pid), tree: treeRss() })
      void checkHealth()
    }
    sample()
    const sampler = setInterval(sample, 1000)
    console.log(`wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION_S}s (${targets.length} URLs in turn), server pid ${pid} …`)
    const wrk = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${DURATION_S}s`, '--timeout', '10s', '-s', script, server.baseURL])
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
      child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`wrk exited ${code}: ${stderr}`))))
    }).finally(() => {
      clearInterval(sampler)
      sample()
    })
    const json = wrk.split('\n').find((line) => line.startsWith('WRK_JSON '))
    if (!json) throw new Error(`no figures from wrk:\n${wrk}`)
    const w = JSON.parse(json.slice('WRK_JSON '.length)) as Record<string, number>
    console.log(wrk.replace(/^WRK_JSON .*$/m, '').trim())

    const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.round((samples.length - 1) * fraction))]!
    const peak = Math.max(...samples.map((s) => s.rss))
    const health = await fetch(`${server.baseURL}/api/health`)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const healthMs = healthChecks.map((h) => h.ms).sort((a, b) => a - b)
    const healthSlow = healthChecks.filter((h) => h.ms > 2000 || h.status !== 200).length
    console.log('Memory of the server\'s process tree after the run:')
    for (const p of treeMemory(server)) console.log(`  ${p.rss.toFixed(0).padStart(5)} MB  ${p.pid}  ${p.command}`)
    console.log(`RSS of next-server every ~${Math.max(1, Math.round(samples.length / 12))} s: ${samples.filter((_, i) => i % Math.max(1, Math.round(samples.length / 12)) === 0).map((s) => s.rss.toFixed(0)).join(' ')}`)
    recordBenchmark('Load (wrk, seeded production server)', COMMAND, {
      'duration s': DURATION_S,
      connections: CONNECTIONS,
      urls: targets.length,
      'requests/s': w.requests! / (w.duration_us! / 1e6),
      requests: w.requests!,
      'latency p50 ms': w.p50_us! / 1000,
      'latency p99 ms': w.p99_us! / 1000,
      'latency max ms': w.max_us! / 1000,
      'non-2xx/3xx': w.status!,
      'socket errors (connect/read/write/timeout)': `${w.connect}/${w.read}/${w.write}/${w.timeout}`,
      'server RSS MB start/middle/end/peak': `${at(0).rss.toFixed(0)}/${at(0.5).rss.toFixed(0)}/${at(1).rss.toFixed(0)}/${peak.toFixed(0)}`,
      'process tree RSS MB start/end': `${at(0).tree.toFixed(0)}/${at(1).tree.toFixed(0)}`,
      'health checks during load': healthChecks.length,
      'health p50/max ms': `${healthMs[Math.floor(healthMs.length / 2)]!.toFixed(0)}/${healthMs.at(-1)!.toFixed(0)}`,
      'health checks >2 s or not 200': healthSlow,
      'health after': health.status,
    })
    fs.writeFileSync(path.join(app.dir, 'rss-samples.json'), JSON.stringify(samples))
  } finally {
    await server.stop('SIGTERM')
  }
}

runBench('bench:load', main)
