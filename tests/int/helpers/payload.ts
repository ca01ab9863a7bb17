import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Role } from '@/access/roles'
import { runMigrations } from '@/config/database'
import type { User } from '@/payload-types'

export type TestUser = User & { collection: 'users' }

/**
 * A Payload instance on a fresh SQLite file, migrated with the committed migrations — the same
 * path production takes. Call once per test file (in beforeAll).
 */
export async function startPayload(): Promise<{ payload: Payload; dbFile: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-test-'))
  const dbFile = path.join(dir, 'test.db')
  process.env.DATABASE_URI = `file:${dbFile}`
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  await runMigrations(payload)
  return {
    payload,
    dbFile,
    cleanup: async () => {
      await payload.destroy().catch(() => undefined)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

let counter = 0
export async function makeUser(payload: Payload, roles: Role[], name = roles.join('+')): Promise<TestUser> {
  counter += 1
  const user = await payload.create({
    collection: 'users',
    data: { email: `${name}-${counter}@test.example`, password: 'correct horse battery staple', name, roles },
  })
  return { ...user, collection: 'users' } as TestUser
}
