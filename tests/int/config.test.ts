/** Production refuses to start on a missing or weak secret, with one readable line. */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { projectRoot, secretWeakness } from '@/config/env'

describe('PAYLOAD_SECRET strength', () => {
  it.each([
    [undefined, /not set/],
    ['', /not set/],
    ['short-but-random-9f8e7d', /too short \(23 characters/],
    ['a'.repeat(64), /placeholder or a pattern/],
    ['abcabcabcabcabcabcabcabcabcabcabcabc', /placeholder or a pattern/],
    ['changeme-changeme-changeme-changeme-0123', /placeholder or a pattern/],
    ['dev-only-insecure-secret-change-me-0123456789', /placeholder or a pattern/],
  ])('refuses %j', (secret, reason) => {
    expect(secretWeakness(secret)).toMatch(reason)
  })

  it('accepts a random secret', () => {
    expect(secretWeakness('3f9a1c7e5b2d8f0a6c4e1b9d7f3a5c8e0b2d4f6a8c1e3b5d')).toBeNull()
  })

  it('npm start in production stops at once with one line, before touching the database', () => {
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/scripts/start.ts'], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', DATABASE_URI: 'file:/nonexistent/dir/x.db', PORT: '3999' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(1)
    const lines = run.stderr.trim().split('\n').filter((line) => !line.startsWith('npm warn'))
    expect(lines).toEqual(['error: PAYLOAD_SECRET looks like a placeholder or a pattern, not a random secret. Generate one with: openssl rand -hex 32'])
  })
})
