/**
 * Only the site's own origin may use a signed-in user's cookie (CSRF) or read API answers from a
 * script (CORS). Another site's page gets what an anonymous reader gets, and no CORS grant.
 */
import { REST_GET, REST_OPTIONS, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeUser, startPayload } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let token: string
let restGet: ReturnType<typeof REST_GET>
let restPost: ReturnType<typeof REST_POST>
let restOptions: ReturnType<typeof REST_OPTIONS>

let SITE: string
const EVIL = 'https://evil.example'

const slugOf = (url: URL) => url.pathname.replace(/^\/api\//, '').split('/')

async function call(method: 'GET' | 'POST' | 'OPTIONS', path: string, headers: Record<string, string>, body?: unknown) {
  const url = new URL(`${SITE}/api/${path}`)
  const request = new Request(url, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const handler = method === 'GET' ? restGet : method === 'POST' ? restPost : restOptions
  const response = await handler(request, { params: Promise.resolve({ slug: slugOf(url) }) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const { default: config } = await import('@payload-config')
  restGet = REST_GET(config)
  restPost = REST_POST(config)
  restOptions = REST_OPTIONS(config)
  SITE = new URL(payload.config.serverURL).origin
  const editor = await makeUser(payload, ['editor'])
  const login = await payload.login({ collection: 'users', data: { email: editor.email, password: 'correct horse battery staple' } })
  token = login.token!
})

afterAll(async () => {
  await cleanup?.()
})

describe('CSRF: the session cookie counts only for the site itself', () => {
  const cookie = () => `payload-token=${token}`

  it('the site origin is signed in', async () => {
    const me = await call('GET', 'users/me', { cookie: cookie(), origin: SITE })
    expect((me.body.user as { email?: string } | null)?.email).toMatch(/@test\.example$/)
  })

  it('another origin is anonymous with the same cookie', async () => {
    const me = await call('GET', 'users/me', { cookie: cookie(), origin: EVIL })
    expect(me.body.user).toBeNull()
  })

  it('a cross-site request without Origin is anonymous; a same-origin one is not', async () => {
    expect((await call('GET', 'users/me', { cookie: cookie(), 'sec-fetch-site': 'cross-site' })).body.user).toBeNull()
    expect((await call('GET', 'users/me', { cookie: cookie(), 'sec-fetch-site': 'same-origin' })).body.user).not.toBeNull()
  })

  it('another origin cannot write with the cookie, and nothing is stored', async () => {
    const before = await payload.count({ collection: 'agencies' })
    const write = await call('POST', 'agencies', { cookie: cookie(), origin: EVIL }, { name: 'Planted agency', slug: 'planted' })
    expect(write.status).toBe(403)
    expect(JSON.stringify(write.body)).toMatch(/not allowed/i)
    expect((await payload.count({ collection: 'agencies' })).totalDocs).toBe(before.totalDocs)
  })

  it('a bearer token (API clients, not browsers) is not a CSRF risk and works from anywhere', async () => {
    const me = await call('GET', 'users/me', { authorization: `JWT ${token}`, origin: EVIL })
    expect(me.body.user).not.toBeNull()
  })
})

describe('CORS: only the site origin is granted', () => {
  it('answers the site origin with its own origin and credentials', async () => {
    const response = await call('GET', 'releases?limit=1', { origin: SITE })
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('grants nothing to another origin, on a read or a preflight', async () => {
    const read = await call('GET', 'releases?limit=1', { origin: EVIL })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await call('OPTIONS', 'releases', { origin: EVIL, 'access-control-request-method': 'POST' })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})
