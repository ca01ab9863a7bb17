import crypto from 'node:crypto'

import type { Payload } from 'payload'

import type { Role } from '@/access/roles'

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@example.com', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@example.com', name: 'Demo Editor', role: 'editor' },
  { email: 'contributor@example.com', name: 'Demo Contributor', role: 'contributor' },
]

export interface DemoUsersResult {
  created: string[]
  existing: string[]
  /** Set only when this run created accounts with a password it generated: shown once, never stored. */
  generatedPassword: string | null
}

/** Demo accounts for trying the CMS. Never in production. */
export async function ensureDemoUsers(payload: Payload, password = process.env.DEMO_PASSWORD): Promise<DemoUsersResult> {
  if (process.env.NODE_ENV === 'production') throw new Error('demo accounts are not created in production')
  const generated = password ? null : crypto.randomBytes(12).toString('base64url')
  const result: DemoUsersResult = { created: [], existing: [], generatedPassword: null }
  for (const account of DEMO_ACCOUNTS) {
    const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: account.email } } })
    if (totalDocs) {
      result.existing.push(account.email)
      continue
    }
    await payload.create({
      collection: 'users',
      data: { email: account.email, name: account.name, roles: [account.role], password: password ?? generated! },
    })
    result.created.push(account.email)
  }
  if (result.created.length && generated) result.generatedPassword = generated
  return result
}
