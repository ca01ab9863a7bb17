/** bench/lib/report.ts: a row of docs/BENCHMARKS.md names the settings its figures were measured with. */
import { describe, expect, it } from 'vitest'

import { commandAsRun } from '../../bench/lib/report'

describe('the command a benchmark row records', () => {
  it('carries every BENCH_ setting it ran with, in a fixed order, and nothing else from the environment', () => {
    const env = { PATH: '/usr/bin', BENCH_TRIALS: '12', HOME: '/root', BENCH_DIST_DIR: '.next-bench' }
    expect(commandAsRun('npx tsx bench/publish-live.ts', env)).toBe('BENCH_DIST_DIR=.next-bench BENCH_TRIALS=12 npx tsx bench/publish-live.ts')
  })

  it('is the bare command when none is set, and quotes a value the shell would split', () => {
    expect(commandAsRun('npx tsx bench/throughput.ts', { PATH: '/usr/bin' })).toBe('npx tsx bench/throughput.ts')
    expect(commandAsRun('npx tsx bench/load.ts', { BENCH_TMP: "/tmp/my bench's" })).toBe(`BENCH_TMP='/tmp/my bench'\\''s' npx tsx bench/load.ts`)
  })
})
