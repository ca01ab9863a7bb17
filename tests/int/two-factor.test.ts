/**
 * Two-factor sign-in (issue 22): TOTP (RFC 6238) codes from an authenticator app, enrolled with a QR
 * code, recovery codes shown once, required of the roles in REQUIRE_2FA_ROLES, and enforced on every
 * way in: REST, GraphQL, the local API, the admin (which signs in over REST). Codes here are made with
 * otplib, as the user's phone would make them.
 *
 * A code is accepted once (replay protection): each user below enrols with the code of this time
 * step and signs in with the next step's (the server accepts one step either side), or a recovery code.
 */
process.env.REQUIRE_2FA_ROLES = 'editor,admin'

import { generate } from 'otplib'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { requiredTwoFactorRoles } from '@/auth/twoFactorPolicy'

import { clients, PASSWORD, testClientAddress, type Clients } from './helpers/channels'
import { minifyPayloadErrorNames } from './helpers/minified'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients

const json = { 'Content-Type': 'application/json' }
const CODE_NEEDED = /two-factor code/i
const PENDING = /two-factor sign-in is required/i

/** The code an authenticator shows now, or `steps` time steps (of 30 s) later. */
const codeFor = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 })

type SignIn = { status: number; token?: string; message?: string; cookie: string | null }

async function restSignIn(email: string, code?: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<SignIn> {
  const response = await http.rest.post('users/login', JSON.stringify({ email, password, ...(code === undefined ? {} : { code }) }), { 'X-Forwarded-For': testClientAddress(), ...json, ...headers })
  const body = (await response.json()) as { token?: string; errors?: { message: string }[] }
  return { status: response.status, token: body.token, message: body.errors?.[0]?.message, cookie: response.headers.get('set-cookie') }
}

async function graphqlSignIn(email: string, code?: string): Promise<{ token?: string; message?: string }> {
  const body = await http.graphql(
    'mutation ($email: String!, $password: String!, $code: String) { loginUser(email: $email, password: $password, code: $code) { token } }',
    { email, password: PASSWORD, code },
    { 'X-Forwarded-For': testClientAddress() },
  )
  return { token: (body.data?.loginUser as { token?: string } | null)?.token ?? undefined, message: body.errors?.[0]?.message }
}

const bearer = (token: string) => ({ Authorization: `JWT ${token}` })

/** Signs in with the password only (allowed while no second factor is set), then enrols. */
async function enrol(user: TestUser): Promise<{ secret: string; recoveryCodes: string[]; token: string }> {
  const first = await restSignIn(user.email)
  expect(first.status, first.message).toBe(200)
  const token = first.token!
  const setup = await http.rest.post('users/two-factor/setup', null, bearer(token))
  expect(setup.status).toBe(200)
  const { secret, qr, uri } = (await setup.json()) as { secret: string; qr: string; uri: string }
  expect(qr).toMatch(/^data:image\/png;base64,/)
  expect(uri).toMatch(/^otpauth:\/\/totp\//)
  expect(uri).toContain(`secret=${secret}`)
  const enable = await http.rest.post('users/two-factor/enable', JSON.stringify({ code: await codeFor(secret) }), { ...bearer(token), ...json })
  const body = (await enable.json()) as { recoveryCodes?: string[]; errors?: { message: string }[] }
  expect(enable.status, body.errors?.[0]?.message).toBe(200)
  return { secret, recoveryCodes: body.recoveryCodes!, token }
}

type Row = { id: string } & Record<string, unknown>
const stored = (id: string) => payload.db.findOne<Row>({ collection: 'users', where: { id: { equals: id } } })

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
})
afterAll(async () => cleanup?.())

describe('REQUIRE_2FA_ROLES', () => {
  it('defaults to editor and admin in production, nobody in development; empty means nobody', () => {
    expect(requiredTwoFactorRoles({ NODE_ENV: 'production' })).toEqual(['editor', 'admin'])
    expect(requiredTwoFactorRoles({ NODE_ENV: 'production', REQUIRE_2FA_ROLES: '' })).toEqual([])
    expect(requiredTwoFactorRoles({ NODE_ENV: 'development' })).toEqual([])
    expect(requiredTwoFactorRoles({ NODE_ENV: 'production', REQUIRE_2FA_ROLES: ' admin , contributor' })).toEqual(['admin', 'contributor'])
    expect(() => requiredTwoFactorRoles({ REQUIRE_2FA_ROLES: 'admin,root' })).toThrow(/root/)
  })
})

describe('enrolment', () => {
  it('needs a first code that verifies; then shows ten recovery codes, once', async () => {
    const user = await makeUser(payload, ['contributor'], 'enroller')
    const { token } = await restSignIn(user.email)
    const setup = (await (await http.rest.post('users/two-factor/setup', null, bearer(token!))).json()) as { secret: string }
    const wrong = await http.rest.post('users/two-factor/enable', JSON.stringify({ code: '000000' }), { ...bearer(token!), ...json })
    expect(wrong.status).toBe(400)
    expect((await stored(user.id))?.twoFactorEnabledAt ?? null).toBeNull()
    // Without a second factor a contributor still signs in with the password only.
    expect(await restSignIn(user.email)).toMatchObject({ status: 200 })

    const right = await http.rest.post('users/two-factor/enable', JSON.stringify({ code: await codeFor(setup.secret) }), { ...bearer(token!), ...json })
    const { recoveryCodes } = (await right.json()) as { recoveryCodes: string[] }
    expect(right.status).toBe(200)
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    expect((await stored(user.id))?.twoFactorEnabledAt).toEqual(expect.any(String))
    // A second setup does not replace a second factor in use.
    expect((await http.rest.post('users/two-factor/setup', null, bearer(token!))).status).toBe(409)
  })

  it('ends the account’s other sessions (signed in with the password only); the one that enrolled goes on', async () => {
    const user = await makeUser(payload, ['contributor'], 'two-sessions')
    const elsewhere = (await restSignIn(user.email)).token!
    const { token } = await enrol(user)
    const me = async (t: string) => ((await (await http.rest.get('users/me', bearer(t))).json()) as { user?: { id: string } | null }).user ?? null
    expect(await me(elsewhere)).toBeNull()
    expect((await me(token))?.id).toBe(user.id)
  })

  it('is recorded in the audit log', async () => {
    const user = await makeUser(payload, ['contributor'], 'recorded-enroller')
    await enrol(user)
    const { docs } = await payload.find({ collection: 'audit-events', where: { and: [{ action: { equals: '2fa-enrolled' } }, { targetId: { equals: user.id } }] }, overrideAccess: true })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ targetCollection: 'users', targetTitle: user.name })
  })

  it('needs a signed-in user', async () => {
    expect((await http.rest.post('users/two-factor/setup', null)).status).toBe(401)
    expect((await http.rest.post('users/two-factor/enable', JSON.stringify({ code: '123456' }), json)).status).toBe(401)
  })
})

describe('signing in with a second factor', () => {
  it('REST: no code, or a wrong one, gives no token and no cookie; the right code does', async () => {
    const user = await makeUser(payload, ['contributor'], 'rest-signer')
    const { secret } = await enrol(user)
    const none = await restSignIn(user.email)
    expect(none).toMatchObject({ status: 401, token: undefined, cookie: null, message: expect.stringMatching(CODE_NEEDED) })
    const wrong = await restSignIn(user.email, '123456')
    expect(wrong).toMatchObject({ status: 401, token: undefined, cookie: null, message: expect.stringMatching(CODE_NEEDED) })
    // A wrong password with the right code is still a wrong password.
    expect(await restSignIn(user.email, await codeFor(secret, 1), 'not the password')).toMatchObject({ status: 401, token: undefined })
    const right = await restSignIn(user.email, await codeFor(secret, 1))
    expect(right.status, right.message).toBe(200)
    expect(right.cookie).toContain('payload-token=')
    const me = (await (await http.rest.get('users/me', bearer(right.token!))).json()) as { user?: { id: string } }
    expect(me.user?.id).toBe(user.id)
    // The same code again (a replay) is refused.
    expect(await restSignIn(user.email, await codeFor(secret, 1))).toMatchObject({ status: 401, token: undefined })
  })

  it('GraphQL: loginUser without a code, or with a wrong one, gives no token; with the right code it does', async () => {
    const user = await makeUser(payload, ['contributor'], 'graphql-signer')
    const { secret } = await enrol(user)
    expect(await graphqlSignIn(user.email)).toMatchObject({ token: undefined, message: expect.stringMatching(CODE_NEEDED) })
    expect(await graphqlSignIn(user.email, '654321')).toMatchObject({ token: undefined, message: expect.stringMatching(CODE_NEEDED) })
    const right = await graphqlSignIn(user.email, await codeFor(secret, 1))
    expect(right.message).toBeUndefined()
    expect(right.token).toEqual(expect.any(String))
  })

  it('local API and the admin’s server-side sign-in: refused without the code', async () => {
    const user = await makeUser(payload, ['contributor'], 'local-signer')
    const { secret } = await enrol(user)
    await expect(payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })).rejects.toThrow(CODE_NEEDED)
    const withCode = await payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD, code: await codeFor(secret, 1) } as never })
    expect(withCode.token).toEqual(expect.any(String))
  })

  it('a recovery code works once', async () => {
    const user = await makeUser(payload, ['contributor'], 'recoverer')
    const { recoveryCodes } = await enrol(user)
    const first = await restSignIn(user.email, recoveryCodes[0])
    expect(first.status, first.message).toBe(200)
    expect(await restSignIn(user.email, recoveryCodes[0])).toMatchObject({ status: 401, token: undefined })
    // Typed in lower case, without its dashes: the next one still works.
    expect(await restSignIn(user.email, recoveryCodes[1]!.toLowerCase().replaceAll('-', ''))).toMatchObject({ status: 200 })
  })

  // Red team: the same TOTP code or recovery code sent by 6 parallel sign-ins signed all 6 in (the
  // check and the write of the used code were apart), and the parallel writes lost sessions.
  it('the same code in 6 parallel sign-ins signs in exactly one; the sessions of the winner are kept', async () => {
    const user = await makeUser(payload, ['contributor'], 'racer')
    const { secret, recoveryCodes } = await enrol(user)
    const sessionsOf = async () => ((await stored(user.id))?.sessions as { id: string }[] | undefined) ?? []
    const sidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid
    for (const code of [await codeFor(secret, 1), recoveryCodes[2]!]) {
      const before = (await sessionsOf()).length
      const answers = await Promise.all(Array.from({ length: 6 }, () => restSignIn(user.email, code)))
      const won = answers.filter((a) => a.status === 200)
      expect(won, JSON.stringify(answers.map((a) => [a.status, a.message]))).toHaveLength(1)
      for (const lost of answers.filter((a) => a.status !== 200)) expect(lost).toMatchObject({ status: 401, token: undefined })
      const sessions = await sessionsOf()
      expect(sessions).toHaveLength(before + 1)
      expect(sessions.map((session) => session.id)).toContain(sidOf(won[0]!.token!))
      // Used is used: the code does not work again afterwards either.
      expect(await restSignIn(user.email, code)).toMatchObject({ status: 401, token: undefined })
    }
  })

  it('no sign-in leaves a session behind when the code is missing; refresh cannot mint a token', async () => {
    const user = await makeUser(payload, ['contributor'], 'refresher')
    await enrol(user)
    const sessionsBefore = ((await stored(user.id))?.sessions as unknown[] | undefined)?.length ?? 0
    await restSignIn(user.email)
    expect(((await stored(user.id))?.sessions as unknown[] | undefined)?.length ?? 0).toBe(sessionsBefore)
    expect((await http.rest.post('users/refresh-token', null)).status).not.toBe(200)
    const body = await http.graphql('mutation { refreshTokenUser { refreshedToken } }')
    expect(body.data?.refreshTokenUser ?? null).toBeNull()
  })

  it('the code step is not a failed sign-in of the address (the right password, no guess): it is never throttled', async () => {
    const user = await makeUser(payload, ['contributor'], 'two-stepper')
    const { recoveryCodes } = await enrol(user)
    const from = { 'X-Forwarded-For': '203.0.113.77' }
    for (let round = 0; round < 12; round++) {
      expect(await restSignIn(user.email, undefined, PASSWORD, from)).toMatchObject({ status: 401, message: expect.stringMatching(CODE_NEEDED) })
    }
    expect(await restSignIn(user.email, recoveryCodes[0], PASSWORD, from)).toMatchObject({ status: 200 })
  })

  it('nor of a request without a usable address (counted in the shared "unknown" bucket)', async () => {
    const user = await makeUser(payload, ['contributor'], 'two-stepper-unknown')
    const { recoveryCodes } = await enrol(user)
    const from = { 'X-Forwarded-For': 'not-an-ip' }
    for (let round = 0; round < 12; round++) {
      expect(await restSignIn(user.email, undefined, PASSWORD, from)).toMatchObject({ status: 401, message: expect.stringMatching(CODE_NEEDED) })
    }
    expect(await restSignIn(user.email, recoveryCodes[0], PASSWORD, from)).toMatchObject({ status: 200 })
  })

  it('wrong codes count towards the lock like wrong passwords', async () => {
    const user = await makeUser(payload, ['contributor'], 'code-guesser')
    const { secret } = await enrol(user)
    const max = payload.collections.users.config.auth.maxLoginAttempts
    for (let attempt = 1; attempt <= max; attempt++) await restSignIn(user.email, String(100000 + attempt))
    const lockUntil = (await stored(user.id))?.lockUntil
    expect(new Date(String(lockUntil)).getTime()).toBeGreaterThan(Date.now())
    // Locked: the right code (and password) is refused too.
    expect(await restSignIn(user.email, await codeFor(secret, 1))).toMatchObject({ status: 401, token: undefined })
    const { docs } = await payload.find({ collection: 'audit-events', where: { and: [{ action: { equals: 'sign-in-failed' } }, { targetId: { equals: user.id } }] }, overrideAccess: true, depth: 0, limit: 100 })
    expect(docs.filter((d) => (d.detail as { reason?: string } | null)?.reason === 'wrong two-factor code')).toHaveLength(max)
  })

  it('a password reset does not sign a user with a second factor in', async () => {
    const user = await makeUser(payload, ['contributor'], 'reset-2fa')
    await enrol(user)
    const token = await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })
    const response = await http.rest.post('users/reset-password', JSON.stringify({ token, password: 'a brand new password 1' }), json)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { token?: string }
    if (body.token) {
      const me = (await (await http.rest.get('users/me', bearer(body.token))).json()) as { user?: unknown }
      expect(me.user ?? null).toBeNull()
    }
    // The new password works, with a code only.
    expect(await restSignIn(user.email, undefined, 'a brand new password 1')).toMatchObject({ status: 401, message: expect.stringMatching(CODE_NEEDED) })
  })
})

describe('the code step in the answer', () => {
  it('carries data.twoFactor even when Payload formats the error without its data (the production build)', async () => {
    const { TwoFactorCodeError, twoFactorStepInResponse } = await import('@/auth/twoFactorSignIn')
    for (const kind of ['required', 'wrong'] as const) {
      const error = new TwoFactorCodeError(kind)
      // What Payload answers when its `instanceof APIError` does not hold: the message only.
      const answer = twoFactorStepInResponse({ error, result: { errors: [{ message: error.message }] }, req: {} as never, context: {} } as never) as
        | { response: { errors: { message: string; data?: unknown }[] }; status: number }
        | undefined
      expect(answer?.status).toBe(401)
      expect(answer?.response.errors[0]).toEqual({ message: error.message, data: { twoFactor: kind } })
    }
    expect(twoFactorStepInResponse({ error: new Error('other'), result: { errors: [{ message: 'other' }] }, req: {} as never, context: {} } as never)).toBeUndefined()
  })
})

describe('roles that require a second factor', () => {
  it('sign in without one only to set it up: every other request is a readable 403 until then', async () => {
    const editor = await makeUser(payload, ['editor'], 'pending-editor')
    const first = await restSignIn(editor.email)
    expect(first.status).toBe(200)
    const token = first.token!

    const list = await http.rest.get('releases', bearer(token))
    expect(list.status).toBe(403)
    expect(((await list.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(PENDING)
    const create = await http.rest.post('releases', JSON.stringify({ title: 'x' }), { ...bearer(token), ...json })
    expect(create.status).toBe(403)
    const gql = await http.graphql('{ Releases { docs { id } } }', {}, { Cookie: `payload-token=${token}`, ...(payload.config.serverURL ? { Origin: payload.config.serverURL } : {}) })
    expect(gql.errors?.[0]?.message).toMatch(PENDING)
    const freshEditor = await payload.findByID({ collection: 'users', id: editor.id })
    await expect(payload.find({ collection: 'releases', user: freshEditor, overrideAccess: false })).rejects.toThrow(PENDING)
    // The admin shows them nothing but the two-factor page.
    const canUseAdmin = payload.collections.users.config.access.admin as (args: { req: { user: unknown } }) => boolean
    expect(await canUseAdmin({ req: { user: freshEditor } })).toBe(false)
    // Their own account and the enrolment are open.
    expect((await http.rest.get('users/me', bearer(token))).status).toBe(200)

    const setup = (await (await http.rest.post('users/two-factor/setup', null, bearer(token))).json()) as { secret: string }
    const enable = await http.rest.post('users/two-factor/enable', JSON.stringify({ code: await codeFor(setup.secret) }), { ...bearer(token), ...json })
    expect(enable.status).toBe(200)
    // The session that enrolled proved the second factor: it works now.
    expect((await http.rest.get('releases', bearer(token))).status).toBe(200)
    expect(await canUseAdmin({ req: { user: await payload.findByID({ collection: 'users', id: editor.id }) } })).toBe(true)
    // And from now on signing in needs a code.
    expect(await restSignIn(editor.email)).toMatchObject({ status: 401, message: expect.stringMatching(CODE_NEEDED) })
  })

  it('a pending admin cannot use admin-only endpoints (audit export, user writes)', async () => {
    const admin = await makeUser(payload, ['admin'], 'pending-admin')
    const { token } = await restSignIn(admin.email)
    expect((await http.rest.get('audit-events/export.csv', bearer(token!))).status).toBe(403)
    const other = await makeUser(payload, ['contributor'], 'untouched')
    expect((await http.rest.patch(`users/${other.id}`, JSON.stringify({ name: 'Renamed' }), { ...bearer(token!), ...json })).status).toBe(403)
    expect((await payload.findByID({ collection: 'users', id: other.id })).name).toBe('untouched')
  })

  it('roles not listed sign in with the password only', async () => {
    const contributor = await makeUser(payload, ['contributor'], 'free-contributor')
    const { token } = await restSignIn(contributor.email)
    expect((await http.rest.get('releases', bearer(token!))).status).toBe(200)
  })
})

describe('an admin resets another user’s second factor', () => {
  it('ends their sessions, lets them enrol again, and is recorded', async () => {
    const admin = await makeUser(payload, ['admin'], 'resetting-admin')
    const { secret: adminSecret } = await enrol(admin)
    const adminToken = (await restSignIn(admin.email, await codeFor(adminSecret, 1))).token!
    const editor = await makeUser(payload, ['editor'], 'lost-phone-editor')
    const { token: editorToken } = await enrol(editor)
    expect((await http.rest.get('releases', bearer(editorToken))).status).toBe(200)

    // Not by the editor themself, nor another editor.
    const otherEditor = await makeUser(payload, ['editor'], 'other-editor')
    const { token: otherToken } = await enrol(otherEditor)
    expect((await http.rest.post(`users/${editor.id}/two-factor/reset`, null, bearer(otherToken))).status).toBe(403)
    expect((await http.rest.post(`users/${editor.id}/two-factor/reset`, null, bearer(editorToken))).status).toBe(403)
    expect((await stored(editor.id))?.twoFactorEnabledAt).toEqual(expect.any(String))

    const reset = await http.rest.post(`users/${editor.id}/two-factor/reset`, null, bearer(adminToken))
    expect(reset.status).toBe(200)
    const after = await stored(editor.id)
    expect(after?.twoFactorEnabledAt ?? null).toBeNull()
    expect(after?.twoFactorSecret ?? null).toBeNull()
    // Their old session is over; they sign in with the password and must enrol again.
    const me = (await (await http.rest.get('users/me', bearer(editorToken))).json()) as { user?: unknown }
    expect(me.user ?? null).toBeNull()
    const again = await restSignIn(editor.email)
    expect(again.status).toBe(200)
    expect((await http.rest.get('releases', bearer(again.token!))).status).toBe(403)

    const { docs } = await payload.find({ collection: 'audit-events', where: { and: [{ action: { equals: '2fa-reset' } }, { targetId: { equals: editor.id } }] }, overrideAccess: true, depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ who: admin.id, targetCollection: 'users', targetTitle: editor.name })
  })
})

describe('the secret and the recovery codes are never readable', () => {
  it('not through REST, GraphQL or the local API with a user, not even by an admin or the owner; not queryable', async () => {
    const admin = await makeUser(payload, ['admin'], 'reading-admin')
    const { secret: adminSecret } = await enrol(admin)
    const adminToken = (await restSignIn(admin.email, await codeFor(adminSecret, 1))).token!
    const user = await makeUser(payload, ['contributor'], 'secret-keeper')
    const { secret, recoveryCodes, token } = await enrol(user)

    const raw = JSON.stringify(await stored(user.id))
    expect(raw).not.toContain(secret)
    for (const code of recoveryCodes) expect(raw).not.toContain(code)

    const forbidden = [secret, ...recoveryCodes, 'twoFactorSecret', 'twoFactorPendingSecret', 'twoFactorRecoveryCodes', 'twoFactorLastStep']
    for (const auth of [bearer(adminToken), bearer(token)]) {
      for (const path of [`users/${user.id}`, `users?where[id][equals]=${user.id}`, 'users/me']) {
        const text = await (await http.rest.get(path, auth)).text()
        for (const word of forbidden) expect(text, `${path}: ${word}`).not.toContain(word)
      }
    }
    const gql = await http.graphql(`{ User(id: ${JSON.stringify(user.id)}) { id twoFactorSecret twoFactorRecoveryCodes } }`, {}, { Cookie: `payload-token=${adminToken}`, ...(payload.config.serverURL ? { Origin: payload.config.serverURL } : {}) })
    // A query that fails validation is answered with the list of its errors.
    const errors = Array.isArray(gql) ? (gql as { message: string }[]) : (gql.errors ?? [])
    expect(Array.isArray(gql) ? null : (gql.data?.User ?? null)).toBeNull()
    expect(errors.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/Cannot query field "twoFactorSecret"/)]))
    const filtered = await http.graphql('{ Users(where: { twoFactorRecoveryCodes: { exists: true } }) { docs { id } } }', {}, { Cookie: `payload-token=${adminToken}`, ...(payload.config.serverURL ? { Origin: payload.config.serverURL } : {}) })
    expect(Array.isArray(filtered) ? filtered : filtered.errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]))
    const adminDoc = await payload.findByID({ collection: 'users', id: admin.id })
    const local = JSON.stringify(await payload.findByID({ collection: 'users', id: user.id, user: adminDoc, overrideAccess: false }))
    for (const word of forbidden) expect(local).not.toContain(word)

    for (const field of ['twoFactorSecret', 'twoFactorRecoveryCodes', 'twoFactorPendingSecret']) {
      const query = await http.rest.get(`users?where[${field}][exists]=true`, bearer(adminToken))
      expect(query.status, field).toBeGreaterThanOrEqual(400)
    }
    // Nor written by a client: an owner or admin sending them changes nothing.
    await http.rest.patch(`users/${user.id}`, JSON.stringify({ twoFactorSecret: 'AAAA', twoFactorEnabledAt: null }), { ...bearer(adminToken), ...json })
    expect((await stored(user.id))?.twoFactorEnabledAt).toEqual(expect.any(String))
  })
})

// Red team on a production build: these refusals said "An unknown error occurred." there, because
// Payload's formatter falls back to that for an error whose (minified) class name is empty.
describe('refusals say why in the production bundle (minified error names)', () => {
  let restore: () => void
  beforeAll(() => {
    restore = minifyPayloadErrorNames()
  })
  afterAll(() => restore?.())

  const answer = async (response: Response) => ({ status: response.status, message: ((await response.json()) as { errors?: { message: string }[] }).errors?.[0]?.message })

  it('two-factor set-up: before setup, a wrong or missing code, already on; an admin resetting their own', async () => {
    const user = await makeUser(payload, ['contributor'], 'min-enroller')
    const { token } = await restSignIn(user.email)
    const enable = (body: unknown) => http.rest.post('users/two-factor/enable', JSON.stringify(body), { ...bearer(token!), ...json })
    expect(await answer(await enable({ code: '123456' }))).toEqual({ status: 400, message: 'Start the set-up first: no QR code has been made for this account yet.' })
    const { secret } = (await (await http.rest.post('users/two-factor/setup', null, bearer(token!))).json()) as { secret: string }
    const mismatch = 'That code does not match. Type the 6-digit code your authenticator app shows now for this account.'
    expect(await answer(await enable({ code: '000000' }))).toEqual({ status: 400, message: mismatch })
    expect(await answer(await enable({}))).toEqual({ status: 400, message: mismatch })
    expect((await enable({ code: await codeFor(secret) })).status).toBe(200)
    expect(await answer(await http.rest.post('users/two-factor/setup', null, bearer(token!)))).toEqual({ status: 409, message: expect.stringMatching(/^Two-factor sign-in is already on for this account\./) })

    const admin = await makeUser(payload, ['admin'], 'min-admin')
    const { token: adminToken } = await enrol(admin)
    expect(await answer(await http.rest.post(`users/${admin.id}/two-factor/reset`, null, bearer(adminToken)))).toEqual({
      status: 403,
      message: 'Another admin resets your two-factor sign-in; you can sign in with one of your recovery codes.',
    })
  })

  it('a password reset with a bad or empty token, and signing out when not signed in', async () => {
    const reset = (token: string) => http.rest.post('users/reset-password', JSON.stringify({ token, password: 'a brand new passphrase here' }), json)
    const badLink = { status: 403, message: 'Token is either invalid or has expired.' }
    expect(await answer(await reset('not-a-token'))).toEqual(badLink)
    expect(await answer(await reset(''))).toEqual(badLink)
    expect(await answer(await http.rest.post('users/logout', null))).toEqual({ status: 400, message: 'You are not signed in, so there is nothing to sign out of.' })
  })
})
