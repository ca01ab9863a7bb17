/**
 * Accounts: nobody raises their own role, only admins manage other users, repeated wrong passwords
 * lock an account (and it unlocks by an admin or by time), and password-reset links expire and work
 * once — over the local API, REST and GraphQL. Who may create, read, update and delete users is in the
 * access matrix (access-matrix.test.ts); this file is about what goes beyond a yes or no.
 *
 * The lock time and the reset-link lifetime are set to 3 seconds here (the same environment variables
 * production uses), so "after it expires" is a real wait, not a faked clock.
 */
// LOGIN_MAX_ATTEMPTS: 5 here (production default 50, well above one address's limit: tests/int/sign-in.test.ts).
process.env.LOGIN_MAX_ATTEMPTS = '5'
process.env.LOGIN_LOCK_MINUTES = '0.05'
process.env.PASSWORD_RESET_MINUTES = '0.05'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHANNELS, clients, PASSWORD, testClientAddress, type Clients } from './helpers/channels'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

const WINDOW_MS = 3000
const WRONG = 'The email or password provided is incorrect.'
const LOCKED = 'This user is locked due to having too many failed login attempts.'
/** A locked account, refused with its right password: REST and GraphQL say what a wrong password gets, so nobody learns it exists (tests/int/sign-in.test.ts); server code (local API) is told the truth. */
const lockedVia = (channel: 'local' | 'rest' | 'graphql') => ({ ok: false, message: channel === 'local' ? LOCKED : WRONG })
/** Payload's own refusal, or the API input check's, which names the field (src/api/strictInput.ts). */
const ROLES_REFUSED = /^You are not allowed to (perform this action|set roles)\.$/
const EXPIRED = 'Token is either invalid or has expired.'

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let admin: TestUser
let editor: TestUser

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const storedRoles = async (id: string) => (await payload.findByID({ collection: 'users', id })).roles

/** Signs in through one channel; the error message on refusal. */
async function login(channel: 'local' | 'rest' | 'graphql', email: string, password: string): Promise<{ ok: boolean; message?: string; token?: string }> {
  if (channel === 'local') {
    return payload.login({ collection: 'users', data: { email, password } }).then(
      (r) => ({ ok: true, token: r.token }),
      (e: Error) => ({ ok: false, message: e.message }),
    )
  }
  if (channel === 'rest') {
    const response = await http.rest.post('users/login', JSON.stringify({ email, password }), { 'Content-Type': 'application/json', 'X-Forwarded-For': testClientAddress() })
    const body = (await response.json()) as { token?: string; errors?: { message: string }[] }
    return response.ok ? { ok: true, token: body.token } : { ok: false, message: body.errors?.[0]?.message }
  }
  const body = await http.graphql(
    'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
    { email, password },
    { 'X-Forwarded-For': testClientAddress() },
  )
  const token = (body.data?.loginUser as { token?: string } | null)?.token
  return token ? { ok: true, token } : { ok: false, message: body.errors?.[0]?.message }
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  admin = await makeUser(payload, ['admin'])
  editor = await makeUser(payload, ['editor'])
})
afterAll(async () => cleanup?.())

describe('the settings in force', () => {
  it('lock after 5 wrong passwords, for the configured time; reset links for the configured time', () => {
    const auth = payload.collections.users.config.auth
    expect(auth.maxLoginAttempts).toBe(5)
    expect(auth.lockTime).toBe(WINDOW_MS)
    expect((auth.forgotPassword as { expiration?: number }).expiration).toBe(WINDOW_MS)
  })
})

describe.each(CHANNELS)('roles via %s', (channel) => {
  it.each(['contributor', 'editor'] as const)('a %s cannot make themself an admin', async (role) => {
    const self = await makeUser(payload, [role], `climber-${role}-${channel}`)
    const api = await http.api(channel, self)
    const result = await api.update('users', self.id, { roles: ['admin'] })
    // Refused outright, or the roles field silently ignored (field access): either way nothing changes.
    if (result.ok) expect(result.value.roles).toEqual([role])
    else expect(result.message).toMatch(ROLES_REFUSED)
    expect(await storedRoles(self.id)).toEqual([role])
    // A fresh sign-in carries the old role too (roles are saved in the token).
    const session = await login('rest', self.email, PASSWORD)
    const me = await http.rest.get('users/me', { Authorization: `JWT ${session.token}` })
    expect(((await me.json()) as { user: { roles: string[] } }).user.roles).toEqual([role])
  })

  it('an editor cannot create an admin, nor give another user a role', async () => {
    const api = await http.api(channel, editor)
    const before = (await payload.count({ collection: 'users' })).totalDocs
    const created = await api.create('users', { email: `sneaky-${channel}@test.example`, password: PASSWORD, name: 'Sneaky', roles: ['admin'] })
    expect(created).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(ROLES_REFUSED) })
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(before)

    const other = await makeUser(payload, ['contributor'], `other-${channel}`)
    expect(await api.update('users', other.id, { roles: ['editor'] })).toMatchObject({ ok: false, status: 403 })
    expect(await storedRoles(other.id)).toEqual(['contributor'])
  })

  it('a contributor cannot change another user’s password or email', async () => {
    const self = await makeUser(payload, ['contributor'], `meddler-${channel}`)
    const other = await makeUser(payload, ['editor'], `target-${channel}`)
    const api = await http.api(channel, self)
    expect(await api.update('users', other.id, { password: 'taken over 123456' })).toMatchObject({ ok: false, status: 403 })
    expect(await api.update('users', other.id, { email: `stolen-${channel}@test.example` })).toMatchObject({ ok: false, status: 403 })
    expect(await login('local', other.email, PASSWORD)).toMatchObject({ ok: true })
  })

  it('an admin may change roles and create users', async () => {
    const api = await http.api(channel, admin)
    const target = await makeUser(payload, ['contributor'], `promoted-${channel}`)
    expect(await api.update('users', target.id, { roles: ['editor'] })).toMatchObject({ ok: true })
    expect(await storedRoles(target.id)).toEqual(['editor'])
    const created = await api.create('users', { email: `new-${channel}@test.example`, password: PASSWORD, name: 'New', roles: ['editor'] })
    expect(created).toMatchObject({ ok: true })
    expect(await storedRoles((created as { value: { id: string } }).value.id)).toEqual(['editor'])
  })
})

describe('a user record never shows password or reset secrets', () => {
  it('not even to an admin, over REST and GraphQL', async () => {
    const user = await makeUser(payload, ['contributor'], 'secretive')
    await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })
    const rest = await (await http.rest.get(`users/${user.id}`, await http.authHeader(admin))).text()
    expect(rest).toContain(user.email)
    for (const secret of ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'password']) expect(rest).not.toContain(`"${secret}"`)
  })
})

describe('login lockout', () => {
  it.each(CHANNELS)('5 wrong passwords via %s lock the account on every channel; the right one is refused until unlocked', async (channel) => {
    const victim = await makeUser(payload, ['contributor'], `victim-${channel}`)
    expect(await login(channel, victim.email, PASSWORD)).toMatchObject({ ok: true })
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await login(channel, victim.email, `wrong-${attempt}`)).toMatchObject({ ok: false, message: WRONG })
    }
    for (const via of CHANNELS) expect([via, await login(via, victim.email, PASSWORD)]).toMatchObject([via, lockedVia(via)])

    // An editor cannot unlock; an admin can.
    const unlock = async (by: TestUser) =>
      http.rest.post('users/unlock', JSON.stringify({ email: victim.email }), { ...(await http.authHeader(by)), 'Content-Type': 'application/json' })
    expect((await unlock(editor)).status).toBe(403)
    expect(await login('rest', victim.email, PASSWORD)).toMatchObject(lockedVia('rest'))
    expect((await unlock(admin)).status).toBe(200)
    expect(await login(channel, victim.email, PASSWORD)).toMatchObject({ ok: true })
  })

  it('counts wrong passwords across channels', async () => {
    const victim = await makeUser(payload, ['contributor'], 'victim-mixed')
    for (const via of ['rest', 'graphql', 'local', 'rest', 'graphql'] as const) {
      expect(await login(via, victim.email, 'wrong')).toMatchObject({ ok: false, message: WRONG })
    }
    expect(await login('local', victim.email, PASSWORD)).toMatchObject({ ok: false, message: LOCKED })
  })

  it('unlocks by itself when the lock time has passed, and a right password resets the count', async () => {
    const victim = await makeUser(payload, ['contributor'], 'victim-time')
    for (let attempt = 1; attempt <= 5; attempt++) await login('rest', victim.email, 'wrong')
    expect(await login('rest', victim.email, PASSWORD)).toMatchObject(lockedVia('rest'))
    await sleep(WINDOW_MS + 500)
    expect(await login('rest', victim.email, PASSWORD)).toMatchObject({ ok: true })
    // Four more wrong passwords after a success do not lock: the count started again.
    for (let attempt = 1; attempt <= 4; attempt++) await login('rest', victim.email, 'wrong')
    expect(await login('rest', victim.email, PASSWORD)).toMatchObject({ ok: true })
  })

  it('an unknown email and a wrong password get the same answer', async () => {
    expect(await login('rest', 'nobody-here@test.example', 'whatever')).toEqual(await login('rest', admin.email, 'wrong-once'))
    expect(await login('local', admin.email, PASSWORD)).toMatchObject({ ok: true })
  })
})

describe('password reset', () => {
  const reset = async (token: string, password: string) => {
    const response = await http.rest.post('users/reset-password', JSON.stringify({ token, password }), { 'Content-Type': 'application/json' })
    const body = (await response.json()) as { errors?: { message: string }[] }
    return { status: response.status, message: body.errors?.[0]?.message }
  }
  const tokenFor = async (email: string) => {
    const token = await payload.forgotPassword({ collection: 'users', data: { email }, disableEmail: true })
    expect(token).toEqual(expect.any(String))
    return token as string
  }

  it('a reset link works once, before it expires', async () => {
    const user = await makeUser(payload, ['contributor'], 'resetter')
    const token = await tokenFor(user.email)
    expect(await reset(token, 'a brand new password 1')).toMatchObject({ status: 200 })
    expect(await login('rest', user.email, 'a brand new password 1')).toMatchObject({ ok: true })
    expect(await reset(token, 'a second new password 2')).toMatchObject({ status: 403, message: EXPIRED })
    expect(await login('rest', user.email, 'a brand new password 1')).toMatchObject({ ok: true })
  })

  it('an expired reset link is refused (REST, GraphQL, local API) and the password stays', async () => {
    const user = await makeUser(payload, ['contributor'], 'late-resetter')
    const token = await tokenFor(user.email)
    const stored = await payload.findByID({ collection: 'users', id: user.id, showHiddenFields: true })
    const expiresIn = new Date(String(stored.resetPasswordExpiration)).getTime() - Date.now()
    expect(expiresIn).toBeGreaterThan(0)
    expect(expiresIn).toBeLessThanOrEqual(WINDOW_MS)
    await sleep(expiresIn + 500)

    expect(await reset(token, 'too late password 1')).toMatchObject({ status: 403, message: EXPIRED })
    const gql = await http.graphql('mutation ($token: String, $password: String) { resetPasswordUser(token: $token, password: $password) { token } }', {
      token,
      password: 'too late password 2',
    })
    expect(gql.errors?.[0]?.message).toBe(EXPIRED)
    await expect(
      payload.resetPassword({ collection: 'users', data: { token, password: 'too late password 3' }, overrideAccess: true }),
    ).rejects.toThrow(EXPIRED)
    expect(await login('rest', user.email, PASSWORD)).toMatchObject({ ok: true })
  })

  it('asking for a reset says the same for a known and an unknown email', async () => {
    const ask = async (email: string) => {
      const response = await http.rest.post('users/forgot-password', JSON.stringify({ email }), { 'Content-Type': 'application/json' })
      return { status: response.status, body: await response.json() }
    }
    expect(await ask('nobody-here@test.example')).toEqual(await ask(admin.email))
  })
})

describe('forgot password without an email server (red team round 3)', () => {
  it('answers at once, the same for every address, and holds no save back', async () => {
    const ask = async (email: string) => {
      const started = Date.now()
      const response = await http.rest.post('users/forgot-password', JSON.stringify({ email }), { 'Content-Type': 'application/json' })
      return { status: response.status, message: ((await response.json()) as { errors?: { message: string }[] }).errors?.[0]?.message, ms: Date.now() - started }
    }
    const [known, unknown] = await Promise.all([ask(admin.email), ask('nobody-at-all@test.example')])
    expect(known.status).toBe(403)
    expect(known.message).toMatch(/not set up on this server/)
    expect({ status: unknown.status, message: unknown.message }).toEqual({ status: known.status, message: known.message })
    expect(Math.max(known.ms, unknown.ms)).toBeLessThan(2000)
    const gql = await http.graphql(`mutation { forgotPasswordUser(email: "${admin.email}") }`)
    expect(gql.errors?.[0]?.message).toMatch(/not set up on this server/)
  })
})
