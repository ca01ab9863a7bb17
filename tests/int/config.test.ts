/** Production refuses to start on a missing or weak secret, with one readable line. */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'

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

describe('database unavailable at start', () => {
  it('npm start says in one line that the SQLite file is locked, and stops', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-locked-'))
    const file = path.join(dir, 'locked.db')
    const locker = createClient({ url: `file:${file}` })
    try {
      await locker.execute('CREATE TABLE t (x)')
      await locker.execute('PRAGMA locking_mode = EXCLUSIVE')
      await locker.execute('BEGIN EXCLUSIVE')
      await locker.execute('INSERT INTO t VALUES (1)')
      const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/scripts/start.ts'], {
        cwd: projectRoot,
        env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: '3f9a1c7e5b2d8f0a6c4e1b9d7f3a5c8e0b2d4f6a', DATABASE_URI: `file:${file}`, PORT: '3998' },
      })
      let stderr = ''
      child.stderr.on('data', (chunk) => (stderr += chunk))
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
      expect(code).toBe(1)
      const lines = stderr.trim().split('\n').filter((line) => !line.startsWith('npm warn'))
      expect(lines).toEqual([`error: the SQLite file ${file} is locked by another process (a seed, an import, a restore, an sqlite3 shell?). Start again once it has finished.`])
    } finally {
      locker.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

