/**
 * How long a fresh machine waits: `npm run seed` on a fresh database (cold: migrations, the five
 * seed pages with their photos, demo accounts), `npm run seed` again (a rerun changes nothing), and
 * `npm run build` (from an empty build folder, then again). Each seed figure is the median of RUNS runs of the whole command, process start
 * to exit, as a person typing it would wait.
 *
 *   npx tsx bench/seed-build.ts [--runs=3] [--skip-build]
 *
 * Targets (2 cores): cold seed < 15 s, rerun < 5 s.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { recordBenchmark } from './lib/report'

const root = path.resolve(import.meta.dirname, '..')
const args = new Set(process.argv.slice(2))
const RUNS = Number([...args].find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3)
const dir = path.join(root, '.tmp/scale/seed-build')
const dbFile = path.join(dir, 'db.sqlite')
const env = {
  ...process.env,
  DATABASE_URI: `file:${dbFile}`,
  MEDIA_DIR: path.join(dir, 'media'),
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next-scale',
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'seed-build-secret-0123456789abcdef0123456789abcdef',
  DEMO_PASSWORD: process.env.DEMO_PASSWORD || 'pass-12345',
  NEXT_TELEMETRY_DISABLED: '1',
}

function timed(command: string, argv: string[]): number {
  const started = performance.now()
  const result = spawnSync(command, argv, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (${result.status}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`)
  return seconds
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const round = (x: number) => Math.round(x * 10) / 10

const cold: number[] = []
const rerun: number[] = []
for (let i = 0; i < RUNS; i++) {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  cold.push(timed('npm', ['run', 'seed']))
  rerun.push(timed('npm', ['run', 'seed']))
  console.log(`run ${i + 1}: cold ${cold[i]!.toFixed(1)} s, rerun ${rerun[i]!.toFixed(1)} s`)
}

// Cold: an empty build folder, as on a fresh clone or in CI; again: the same build rerun, with the
// compiler's cache from the first.
let buildCold: number | string = 'skipped'
let buildAgain: number | string = 'skipped'
if (!args.has('--skip-build')) {
  fs.rmSync(path.join(root, env.NEXT_DIST_DIR), { recursive: true, force: true })
  buildCold = timed('npm', ['run', 'build'])
  buildAgain = timed('npm', ['run', 'build'])
  spawnSync('git', ['checkout', '--', 'tsconfig.json'], { cwd: root }) // next build rewrites it
  console.log(`next build: cold ${buildCold.toFixed(0)} s, again ${buildAgain.toFixed(0)} s`)
}

recordBenchmark('seed-build', `npx tsx bench/seed-build.ts --runs=${RUNS}${args.has('--skip-build') ? ' --skip-build' : ''}`, {
  'seed cold s (median)': round(median(cold)),
  'seed cold s (max)': round(Math.max(...cold)),
  'seed rerun s (median)': round(median(rerun)),
  'seed rerun s (max)': round(Math.max(...rerun)),
  'next build cold s': typeof buildCold === 'number' ? Math.round(buildCold) : buildCold,
  'next build again s': typeof buildAgain === 'number' ? Math.round(buildAgain) : buildAgain,
  runs: RUNS,
})
