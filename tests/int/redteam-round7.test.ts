/**
 * Red-team round 7 (issue "Nothing reaches readers without review"; issue "Staff accounts"): a
 * password reset's note on the request let a later sign-in in the same request skip its second factor.
 * GraphQL now takes one change per request, and the note holds only for the reset itself.
 */
import { generate } from 'otplib'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clients, PASSWORD, type Clients } from './helpers/channels'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let admin: TestUser

const json = { 'Content-Type': 'application/json' }

/** Signs in with the password only, sets up a second factor and turns it on. */
async function enrol(user: TestUser) {
  const login = await http.rest.post('users/login', JSON.stringify({ email: user.email, password: PASSWORD }), json)
  const { token } = (await login.json()) as { token: string }
  const auth = { Authorization: `JWT ${token}` }
  const { secret } = (await (await http.rest.post('users/two-factor/setup', null, auth)).json()) as { secret: string }
  const enable = await http.rest.post('users/two-factor/enable', JSON.stringify({ code: await generate({ secret }) }), { ...auth, ...json })
  expect(enable.status).toBe(200)
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  admin = await makeUser(payload, ['admin'])
  await enrol(admin)
})
afterAll(async () => cleanup?.())

describe('a password reset does not carry a sign-in past its second factor', () => {
  it('GraphQL: reset (any token) and loginUser in one request give no token', async () => {
    const body = await http.graphql(
      `mutation ($email: String!, $password: String!) {
        a: resetPasswordUser(token: "bogus", password: "Whatever-12345678") { token }
        b: loginUser(email: $email, password: $password) { token }
      }`,
      { email: admin.email, password: PASSWORD },
    )
    expect((body.data?.b as { token?: string } | null | undefined)?.token ?? null, JSON.stringify(body)).toBeNull()
    expect(body.errors?.length).toBeGreaterThan(0)
  })

  it('local API: a refused reset on a shared request, then a sign-in without a code, is refused', async () => {
    const req = await createLocalReq({}, payload)
    await payload.resetPassword({ collection: 'users', data: { token: 'bogus', password: 'Whatever-12345678' }, overrideAccess: true, req }).catch(() => undefined)
    await expect(payload.login({ collection: 'users', data: { email: admin.email, password: PASSWORD }, req })).rejects.toThrow(/two-factor code/i)
  })
})

describe('red-team round 8', () => {
  it('a GraphQL subscription is refused with a sentence, not a 500', async () => {
    for (const body of [{ query: 'subscription { __typename }' }, { query: 'query A { __typename } subscription B { __typename }', operationName: 'B' }]) {
      // The app's own route, as requests reach it.
      const { POST } = await import('@/app/(payload)/api/graphql/route')
      const response = await (POST as unknown as (request: Request) => Promise<Response>)(
        new Request('http://localhost:3000/api/graphql', { method: 'POST', headers: json, body: JSON.stringify(body) }),
      )
      expect(response.status, JSON.stringify(body)).toBeLessThan(500)
      expect(((await response.json()) as { errors?: { message: string }[] }).errors?.[0]?.message).toMatch(/subscription/i)
    }
  })
})
