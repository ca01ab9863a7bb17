/**
 * The session cookie (`payload-token`) as production sends it: `Secure` (never over plain http but to
 * localhost), `HttpOnly` (no script reads it), `SameSite=Lax`, for the whole site — on sign-in, on a
 * refreshed session and on sign-out (the expired cookie that replaces it). Run with production's
 * NODE_ENV, set before the app's configuration is imported.
 */
import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestUser } from './helpers/payload'

const saved = { NODE_ENV: process.env.NODE_ENV, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET }
// Production refuses a secret that looks like a placeholder.
Object.assign(process.env, { NODE_ENV: 'production', PAYLOAD_SECRET: randomBytes(32).toString('hex') })

const PASSWORD = 'correct horse battery staple'
let payload: Payload
let cleanup: () => Promise<void>
let user: TestUser
let SITE: string
let restPost: (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

async function post(path: string, headers: Record<string, string> = {}, body?: unknown) {
  const url = new URL(`${SITE}/api/${path}`)
  const request = new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', origin: SITE, ...headers },
    body: JSON.stringify(body ?? {}),
  })
  return restPost(request, { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) })
}

/** The `payload-token` cookie a response sets, as its attributes (lower-cased names). */
function sessionCookie(response: Response): Map<string, string> {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
  expect(cookie, `Set-Cookie: ${response.headers.getSetCookie().join(' | ')}`).toBeDefined()
  return new Map(
    cookie!
      .split(';')
      .slice(1)
      .map((part) => {
        const [name, ...value] = part.trim().split('=')
        return [name!.toLowerCase(), value.join('=')] as const
      }),
  )
}

function expectProductionFlags(attributes: Map<string, string>) {
  expect(attributes.has('secure'), 'Secure').toBe(true)
  expect(attributes.has('httponly'), 'HttpOnly').toBe(true)
  expect(attributes.get('samesite')?.toLowerCase()).toBe('lax')
  expect(attributes.get('path')).toBe('/')
}

beforeAll(async () => {
  const { makeUser, startPayload } = await import('./helpers/payload')
  ;({ payload, cleanup } = await startPayload())
  const { default: config } = await import('@payload-config')
  const { REST_POST } = await import('@payloadcms/next/routes')
  restPost = REST_POST(config)
  SITE = new URL(payload.config.serverURL).origin
  user = await makeUser(payload, ['editor'])
})

afterAll(async () => {
  await cleanup?.()
  Object.assign(process.env, saved)
})

describe('the session cookie in production', () => {
  it('is configured Secure, SameSite=Lax on the users collection', () => {
    const auth = payload.collections.users.config.auth
    expect(auth.cookies).toMatchObject({ secure: true, sameSite: 'Lax' })
  })

  let token = ''

  it('sign-in through the REST API sets it Secure, HttpOnly, SameSite=Lax', async () => {
    const response = await post('users/login', {}, { email: user.email, password: PASSWORD })
    expect(response.status).toBe(200)
    token = ((await response.json()) as { token: string }).token
    expectProductionFlags(sessionCookie(response))
  })

  it('a refreshed session sets it with the same flags', async () => {
    const response = await post('users/refresh-token', { cookie: `payload-token=${token}` })
    expect(response.status).toBe(200)
    expectProductionFlags(sessionCookie(response))
  })

  it('sign-out replaces it with an expired cookie with the same flags', async () => {
    const response = await post('users/logout', { cookie: `payload-token=${token}` })
    expect(response.status).toBe(200)
    const attributes = sessionCookie(response)
    expectProductionFlags(attributes)
    expect(new Date(attributes.get('expires') ?? '').getTime()).toBeLessThan(Date.now())
  })
})
