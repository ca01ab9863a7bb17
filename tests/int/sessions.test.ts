/**
 * Sessions (issue 22): a user sees their active sessions and ends them, one or all; an admin ends
 * another user's (recorded in the audit log); disabling a user ends their sessions in the same write,
 * their tokens stop working at once on every way in (REST, GraphQL, the admin's cookie), and their
 * sign-in is refused with the answer a wrong password gets. Sessions made by a two-factor sign-in and
 * a password-only session of a user who still has to set one up are listed like any other.
 *
 * Every request goes through the app's real REST and GraphQL handlers (tests/int/helpers/channels.ts).
 * Tokens are made here by signing in (not through `http.tokenOf`, which keeps one token per user).
 */
// Editors must set up two-factor sign-in here; contributors and admins sign in with a password.
process.env.REQUIRE_2FA_ROLES = 'editor'

import { generate } from 'otplib'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clients, PASSWORD, type Clients } from './helpers/channels'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

const WRONG = 'The email or password provided is incorrect.'
const json = { 'Content-Type': 'application/json' }

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let admin: TestUser

type Listed = { id: string; createdAt: string; expiresAt: string; current: boolean }

const bearer = (token: string) => ({ Authorization: `JWT ${token}` })
const cookie = (token: string) => ({ Cookie: `payload-token=${token}`, ...(payload.config.serverURL ? { Origin: payload.config.serverURL } : {}) })
/** The session id a token carries (its `sid` claim). */
const sidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid

async function signIn(email: string, password = PASSWORD, code?: string): Promise<{ status: number; token?: string; message?: string }> {
  const response = await http.rest.post('users/login', JSON.stringify({ email, password, ...(code ? { code } : {}) }), json)
  const body = (await response.json()) as { token?: string; errors?: { message: string }[] }
  return { status: response.status, token: body.token, message: body.errors?.[0]?.message }
}

async function tokenFor(user: TestUser): Promise<string> {
  const result = await signIn(user.email)
  expect(result.status, result.message).toBe(200)
  return result.token!
}

/** Who a token signs in as over REST (`/api/users/me`), or null. */
async function restMe(token: string): Promise<string | null> {
  const body = (await (await http.rest.get('users/me', bearer(token))).json()) as { user?: { id: string } | null }
  return body.user?.id ?? null
}

/** Who a token (as the admin's cookie) signs in as over GraphQL, or null. */
async function graphqlMe(token: string): Promise<string | null> {
  const body = await http.graphql('{ meUser { user { id } } }', {}, cookie(token))
  return (body.data?.meUser as { user?: { id: string } | null } | null)?.user?.id ?? null
}

async function list(userId: string, token: string): Promise<{ status: number; sessions?: Listed[]; message?: string; raw: string }> {
  const response = await http.rest.get(`users/${userId}/sessions`, bearer(token))
  const raw = await response.text()
  const body = JSON.parse(raw) as { sessions?: Listed[]; errors?: { message: string }[] }
  return { status: response.status, sessions: body.sessions, message: body.errors?.[0]?.message, raw }
}

async function endOne(userId: string, sessionId: string, token: string | null): Promise<{ status: number; message?: string }> {
  const response = await http.rest.delete(`users/${userId}/sessions/${sessionId}`, token ? bearer(token) : {})
  const body = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, message: body.errors?.[0]?.message }
}

async function endAll(userId: string, token: string | null, query = ''): Promise<{ status: number; message?: string; ended?: number }> {
  const response = await http.rest.post(`users/${userId}/sessions/end-all${query}`, null, token ? bearer(token) : {})
  const body = (await response.json()) as { ended?: number; errors?: { message: string }[] }
  return { status: response.status, message: body.errors?.[0]?.message, ended: body.ended }
}

const storedSessions = async (id: string) =>
  ((await payload.db.findOne<{ id: string; sessions?: { id: string }[] | null }>({ collection: 'users', where: { id: { equals: id } } }))?.sessions ?? []).map((s) => s.id)

async function auditEvents(action: string, targetId: string) {
  const { docs } = await payload.find({
    collection: 'audit-events',
    where: { and: [{ action: { equals: action } }, { targetId: { equals: targetId } }] },
    overrideAccess: true,
    depth: 0,
    limit: 100,
  })
  return docs as unknown as { who?: string | null; targetTitle?: string | null; detail?: Record<string, unknown> | null }[]
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  admin = await makeUser(payload, ['admin'], 'sessions-admin')
})
afterAll(async () => cleanup?.())

describe('a user’s own sessions', () => {
  it('lists them: created, expires, this one marked; no token or session secret in the answer', async () => {
    const user = await makeUser(payload, ['contributor'], 'lister')
    const first = await tokenFor(user)
    const second = await tokenFor(user)
    const result = await list(user.id, second)
    expect(result.status, result.message).toBe(200)
    expect(result.sessions).toHaveLength(2)
    for (const session of result.sessions!) {
      expect(Object.keys(session).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id'])
      expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(new Date(session.createdAt).getTime())
    }
    expect(result.sessions!.filter((s) => s.current)).toHaveLength(1)
    for (const token of [first, second]) {
      expect(result.raw).not.toContain(sidOf(token))
      expect(result.raw).not.toContain(token)
    }
  })

  it('ends one: that token stops working (REST and GraphQL), the others go on', async () => {
    const user = await makeUser(payload, ['contributor'], 'ender')
    const other = await tokenFor(user)
    const mine = await tokenFor(user)
    const { sessions } = await list(user.id, mine)
    const target = sessions!.find((s) => !s.current)!
    expect(await endOne(user.id, target.id, mine)).toMatchObject({ status: 200 })
    expect(await restMe(other)).toBeNull()
    expect(await graphqlMe(other)).toBeNull()
    expect(await restMe(mine)).toBe(user.id)
    expect(await graphqlMe(mine)).toBe(user.id)
    expect((await list(user.id, mine)).sessions).toHaveLength(1)
    // Ending it again, or a session that is not theirs: 404.
    expect((await endOne(user.id, target.id, mine)).status).toBe(404)
  })

  it('"sign out everywhere else" keeps this session; "everywhere" ends them all', async () => {
    const user = await makeUser(payload, ['contributor'], 'everywhere')
    const a = await tokenFor(user)
    const b = await tokenFor(user)
    const mine = await tokenFor(user)
    expect(await endAll(user.id, mine, '?except=current')).toMatchObject({ status: 200, ended: 2 })
    expect(await restMe(a)).toBeNull()
    expect(await restMe(b)).toBeNull()
    expect(await restMe(mine)).toBe(user.id)

    const c = await tokenFor(user)
    expect(await endAll(user.id, mine)).toMatchObject({ status: 200, ended: 2 })
    expect(await restMe(c)).toBeNull()
    expect(await restMe(mine)).toBeNull()
    expect(await storedSessions(user.id)).toEqual([])
    // Ending one's own sessions is not an audit event.
    expect(await auditEvents('sessions-ended', user.id)).toHaveLength(0)
  })
})

describe('another user’s sessions', () => {
  it('an admin lists and ends them; each is recorded in the audit log', async () => {
    const user = await makeUser(payload, ['contributor'], 'ended-by-admin')
    const one = await tokenFor(user)
    const two = await tokenFor(user)
    const three = await tokenFor(user)
    const adminToken = await tokenFor(admin)
    const listed = await list(user.id, adminToken)
    expect(listed.status, listed.message).toBe(200)
    expect(listed.sessions).toHaveLength(3)
    expect(listed.sessions!.some((s) => s.current)).toBe(false)

    const idOfOne = (await list(user.id, one)).sessions!.find((s) => s.current)!.id
    expect(await endOne(user.id, idOfOne, adminToken)).toMatchObject({ status: 200 })
    expect(await restMe(one)).toBeNull()
    expect(await restMe(two)).toBe(user.id)

    expect(await endAll(user.id, adminToken)).toMatchObject({ status: 200, ended: 2 })
    expect(await restMe(two)).toBeNull()
    expect(await restMe(three)).toBeNull()
    expect(await restMe(adminToken)).toBe(admin.id)

    const events = await auditEvents('sessions-ended', user.id)
    expect(events).toHaveLength(2)
    for (const event of events) expect(event).toMatchObject({ who: admin.id, targetTitle: user.name })
    expect(events.map((e) => e.detail?.count).sort()).toEqual([1, 2])
  })

  it('a colleague cannot list or end another’s sessions (403, with a sentence); nobody signed in gets 401', async () => {
    const user = await makeUser(payload, ['contributor'], 'victim')
    const victimToken = await tokenFor(user)
    const sessionId = (await list(user.id, victimToken)).sessions![0]!.id
    const colleague = await makeUser(payload, ['contributor'], 'colleague')
    const colleagueToken = await tokenFor(colleague)
    const listed = await list(user.id, colleagueToken)
    expect(listed.status).toBe(403)
    expect(listed.message).toMatch(/admin/i)
    expect(listed.sessions).toBeUndefined()
    expect(await endOne(user.id, sessionId, colleagueToken)).toMatchObject({ status: 403, message: expect.stringMatching(/admin/i) })
    expect(await endAll(user.id, colleagueToken)).toMatchObject({ status: 403, message: expect.stringMatching(/admin/i) })

    expect((await http.rest.get(`users/${user.id}/sessions`)).status).toBe(401)
    expect((await endOne(user.id, sessionId, null)).status).toBe(401)
    expect((await endAll(user.id, null)).status).toBe(401)
    // A user that does not exist answers the same to a non-admin (no oracle).
    expect((await list('999999', colleagueToken)).status).toBe(403)
    expect(await restMe(victimToken)).toBe(user.id)
  })
})

describe('two-factor sessions', () => {
  it('a session signed in with a code is listed; so is a password-only session pending set-up', async () => {
    // An editor must set up a second factor (REQUIRE_2FA_ROLES=editor): signed in with the password only, pending.
    const editor = await makeUser(payload, ['editor'], 'pending-editor')
    const pending = await tokenFor(editor)
    const ownList = await list(editor.id, pending)
    expect(ownList.status, ownList.message).toBe(200)
    expect(ownList.sessions).toEqual([expect.objectContaining({ current: true })])
    expect((await list(editor.id, await tokenFor(admin))).sessions).toHaveLength(1)

    // Set up, then sign in with a code.
    const setup = (await (await http.rest.post('users/two-factor/setup', null, bearer(pending))).json()) as { secret: string }
    const now = Math.floor(Date.now() / 1000)
    const enable = await http.rest.post('users/two-factor/enable', JSON.stringify({ code: await generate({ secret: setup.secret, epoch: now }) }), {
      ...bearer(pending),
      ...json,
    })
    expect(enable.status).toBe(200)
    const withCode = await signIn(editor.email, PASSWORD, await generate({ secret: setup.secret, epoch: now + 30 }))
    expect(withCode.status, withCode.message).toBe(200)
    const listed = await list(editor.id, withCode.token!)
    expect(listed.sessions).toHaveLength(2)
    expect(listed.sessions!.filter((s) => s.current)).toHaveLength(1)
    // The editor ends the other (the one that enrolled).
    const other = listed.sessions!.find((s) => !s.current)!
    expect(await endOne(editor.id, other.id, withCode.token!)).toMatchObject({ status: 200 })
    expect(await restMe(pending)).toBeNull()
    expect(await restMe(withCode.token!)).toBe(editor.id)
  })
})

describe('disabling a user', () => {
  it('ends their sessions in the same write: REST, GraphQL and admin tokens stop at once; recorded', async () => {
    const user = await makeUser(payload, ['contributor'], 'to-disable')
    const restToken = await tokenFor(user)
    const cookieToken = await tokenFor(user)
    expect(await restMe(restToken)).toBe(user.id)
    expect(await graphqlMe(cookieToken)).toBe(user.id)

    const adminToken = await tokenFor(admin)
    const patched = await http.rest.patch(`users/${user.id}`, JSON.stringify({ disabled: true }), { ...bearer(adminToken), ...json })
    expect(patched.status, await patched.clone().text()).toBe(200)
    expect(((await patched.json()) as { doc: { disabled?: boolean } }).doc.disabled).toBe(true)
    expect(await storedSessions(user.id)).toEqual([])

    expect(await restMe(restToken)).toBeNull()
    expect(await graphqlMe(cookieToken)).toBeNull()
    expect(await graphqlMe(restToken)).toBeNull()
    expect((await http.rest.get(`users/${user.id}`, bearer(restToken))).status).toBe(403)
    // The admin's pages read the user from the cookie the same way.
    expect(((await (await http.rest.get('users/me', cookie(cookieToken))).json()) as { user: unknown }).user).toBeNull()

    expect(await auditEvents('user-disabled', user.id)).toEqual([expect.objectContaining({ who: admin.id })])
  })

  it('a session left on a disabled user (a sign-in racing the disable) finds nobody on any way in', async () => {
    const user = await makeUser(payload, ['contributor'], 'raced')
    const token = await tokenFor(user)
    const before = await payload.db.findOne<{ id: string } & Record<string, unknown>>({ collection: 'users', where: { id: { equals: user.id } } })
    await payload.update({ collection: 'users', id: user.id, data: { disabled: true } as never, overrideAccess: true })
    const row = await payload.db.findOne<{ id: string } & Record<string, unknown>>({ collection: 'users', where: { id: { equals: user.id } } })
    await payload.db.updateOne({ collection: 'users', id: user.id, data: { ...row, sessions: before!.sessions }, returning: false })
    expect(await storedSessions(user.id)).toEqual([sidOf(token)])
    expect(await restMe(token)).toBeNull()
    expect(await graphqlMe(token)).toBeNull()
  })

  it('refuses their sign-in with the answer a wrong password gets (REST and GraphQL)', async () => {
    const user = await makeUser(payload, ['contributor'], 'disabled-sign-in')
    await payload.update({ collection: 'users', id: user.id, data: { disabled: true } as never, overrideAccess: true })
    const rest = await signIn(user.email)
    const wrong = await signIn(user.email, 'not the password')
    expect(rest).toMatchObject({ status: 401, token: undefined, message: WRONG })
    expect(wrong).toMatchObject({ status: 401, message: WRONG })
    const graphql = await http.graphql('mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }', {
      email: user.email,
      password: PASSWORD,
    })
    expect((graphql.data?.loginUser as { token?: string } | null)?.token ?? null).toBeNull()
    expect(graphql.errors?.[0]?.message).toBe(WRONG)
    expect(await storedSessions(user.id)).toEqual([])

    // Enabled again by an admin: they sign in.
    await payload.update({ collection: 'users', id: user.id, data: { disabled: false } as never, overrideAccess: true })
    expect(await signIn(user.email)).toMatchObject({ status: 200 })
  })

  it('a password reset signs a disabled user in nowhere', async () => {
    const user = await makeUser(payload, ['contributor'], 'disabled-reset')
    await payload.update({ collection: 'users', id: user.id, data: { disabled: true } as never, overrideAccess: true })
    const resetToken = await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })
    const response = await http.rest.post('users/reset-password', JSON.stringify({ token: resetToken, password: 'a new password for a disabled user' }), json)
    const body = (await response.json()) as { token?: string }
    if (body.token) expect(await restMe(body.token)).toBeNull()
    expect(await storedSessions(user.id)).toEqual([])
  })

  it('only admins set it (GraphQL too); admins and the user themself read it; an admin cannot disable themself', async () => {
    const user = await makeUser(payload, ['contributor'], 'self-disable')
    const own = await tokenFor(user)
    await http.rest.patch(`users/${user.id}`, JSON.stringify({ disabled: true }), { ...bearer(own), ...json })
    const gql = await http.graphql(`mutation { updateUser(id: ${JSON.stringify(user.id)}, data: { disabled: true }) { id } }`, {}, cookie(own))
    expect(gql.errors?.length ?? 0).toBeGreaterThan(0)
    expect(await restMe(own)).toBe(user.id)
    const self = (await (await http.rest.get(`users/${user.id}?depth=0`, bearer(own))).json()) as { disabled?: boolean | null }
    expect(self.disabled ?? false).toBe(false)

    const colleague = await makeUser(payload, ['contributor'], 'curious')
    const seen = (await (await http.rest.get(`users/${user.id}?depth=0`, bearer(await tokenFor(colleague)))).json()) as Record<string, unknown>
    expect(seen).not.toHaveProperty('disabled')

    // An admin disables over GraphQL: the user's sessions end.
    const adminToken = await tokenFor(admin)
    const done = await http.graphql(`mutation { updateUser(id: ${JSON.stringify(user.id)}, data: { disabled: true }) { id disabled } }`, {}, cookie(adminToken))
    expect(done.errors, JSON.stringify(done.errors)).toBeUndefined()
    expect(await restMe(own)).toBeNull()

    const self2 = await http.rest.patch(`users/${admin.id}`, JSON.stringify({ disabled: true }), { ...bearer(adminToken), ...json })
    expect(self2.status).toBeGreaterThanOrEqual(400)
    expect(await restMe(adminToken)).toBe(admin.id)
  })
})
