/**
 * Sign-in (issue 22): no account enumeration by message or timing, throttling by client address so
 * that a stranger cannot lock a known account out, and the account lock as the last line — over
 * REST (`POST /api/users/login`) and GraphQL (`loginUser`), through the real route handlers.
 *
 * The account lock is set to 15 wrong passwords here (production default 50) so the test of the
 * last line stays short; the per-address limit is its default (LOGIN_ADDRESS_MAX_ATTEMPTS, 10).
 * Every test uses addresses of its own (X-Forwarded-For as the nginx recipe sends it).
 */
process.env.LOGIN_MAX_ATTEMPTS = '15'
delete process.env.LOGIN_ADDRESS_MAX_ATTEMPTS
delete process.env.LOGIN_WINDOW_MINUTES
delete process.env.TRUSTED_PROXY

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { AuthenticationError, createLocalReq, LockedAuth, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signInRefusal } from '@collections/Users/hooks/signIn'

import { signInFailure } from '@/auth/signInErrors'
import { loginAddressMaxAttempts, loginMaxAttempts, loginWindowMs } from '@/config/env'

import { clients, PASSWORD, type Clients } from './helpers/channels'
import { foreignError, minifyPayloadErrorNames } from './helpers/minified'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

const WRONG = 'The email or password provided is incorrect.'
const LIMIT = 10
const THROTTLED = /^Too many failed sign-ins from your address\. Try again in \d+ minutes?\.$/

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let graphqlPost: (request: Request) => Promise<Response>

type Answer = { status: number; body: unknown; message?: string; retryAfter: string | null; ms: number }

const LOGIN_QUERY = 'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }'

async function rest(email: string, password: string, forwardedFor: string): Promise<Answer> {
  const started = performance.now()
  const response = await http.rest.post('users/login', JSON.stringify({ email, password }), {
    'Content-Type': 'application/json',
    'X-Forwarded-For': forwardedFor,
  })
  const body = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, body, message: body.errors?.[0]?.message, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started }
}

/** GraphQL answers 200 with the refusal in `errors`; its status is the error's extensions.statusCode. */
async function graphql(email: string, password: string, forwardedFor: string): Promise<Answer> {
  const started = performance.now()
  const response = await graphqlPost(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
      body: JSON.stringify({ query: LOGIN_QUERY, variables: { email, password } }),
    }),
  )
  const body = (await response.json()) as { data?: { loginUser?: { token?: string } | null }; errors?: { message: string; extensions?: { statusCode?: number } }[] }
  const error = body.errors?.[0]
  return {
    status: error ? (error.extensions?.statusCode ?? 500) : 200,
    body: error ? { ...body, errors: body.errors!.map(({ message, extensions }) => ({ message, extensions })) } : body,
    message: error?.message,
    retryAfter: response.headers.get('retry-after'),
    ms: performance.now() - started,
  }
}


async function lock(user: TestUser) {
  await payload.db.updateOne({ collection: 'users', id: user.id, data: { lockUntil: new Date(Date.now() + 15 * 60_000).toISOString(), loginAttempts: 15 } })
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const config = (await import('@payload-config')).default
  http = clients(payload, config)
  graphqlPost = GRAPHQL_POST(config)
})
afterAll(async () => cleanup?.())

describe('no account enumeration', () => {
  it('an unknown address, a wrong password and a locked account get the same status and body (REST)', async () => {
    const known = await makeUser(payload, ['editor'], 'Known')
    const locked = await makeUser(payload, ['editor'], 'Locked')
    await lock(locked)
    const unknown = await rest('nobody-at-all@test.example', 'whatever it is', '198.51.100.1')
    const wrong = await rest(known.email, 'not the password', '198.51.100.2')
    const lockedWrong = await rest(locked.email, 'not the password', '198.51.100.3')
    const lockedRight = await rest(locked.email, PASSWORD, '198.51.100.4')
    expect(unknown).toMatchObject({ status: 401, message: WRONG })
    for (const answer of [wrong, lockedWrong, lockedRight]) expect([answer.status, answer.body]).toEqual([unknown.status, unknown.body])
  })

  it('the same over GraphQL: message, status and error name', async () => {
    const known = await makeUser(payload, ['editor'], 'KnownGql')
    const locked = await makeUser(payload, ['editor'], 'LockedGql')
    await lock(locked)
    const unknown = await graphql('nobody-at-all@test.example', 'whatever it is', '198.51.100.11')
    const wrong = await graphql(known.email, 'not the password', '198.51.100.12')
    const lockedRight = await graphql(locked.email, PASSWORD, '198.51.100.13')
    expect(unknown).toMatchObject({ status: 401, message: WRONG })
    expect(wrong.body).toEqual(unknown.body)
    expect(lockedRight.body).toEqual(unknown.body)
  })

  // Timing itself is measured by `npm run bench:sign-in` (docs/BENCHMARKS.md), not asserted here: the
  // test proves the cause of equal timing, the same work, which a loaded machine cannot make flaky.
  it('an unknown address, a wrong password and a locked account do the same work: one password hash at Payload’s strength each', async () => {
    const crypto = (await import('node:crypto')).default
    const known = await makeUser(payload, ['editor'], 'Hashed')
    const locked = await makeUser(payload, ['editor'], 'HashedLocked')
    await lock(locked)
    const original = crypto.pbkdf2
    const hashes: number[] = []
    crypto.pbkdf2 = ((...args: Parameters<typeof crypto.pbkdf2>) => {
      hashes.push(Number(args[2]))
      return original(...args)
    }) as typeof crypto.pbkdf2
    try {
      const counted = async (attempt: () => Promise<Answer>) => {
        hashes.length = 0
        expect((await attempt()).status).toBe(401)
        return hashes.filter((iterations) => iterations >= 600_000).length
      }
      expect(await counted(() => rest('nobody-hashed@test.example', 'not the password', '192.0.2.201')), 'unknown address').toBe(1)
      expect(await counted(() => rest(known.email, 'not the password', '192.0.2.202')), 'wrong password').toBe(1)
      expect(await counted(() => rest(locked.email, 'not the password', '192.0.2.203')), 'locked account').toBe(1)
    } finally {
      crypto.pbkdf2 = original
    }
  })
})

describe('throttling by client address', () => {
  it('the settings in force: the account lock needs many more failures than one address may make', () => {
    expect(loginAddressMaxAttempts()).toBe(LIMIT)
    expect(payload.collections.users.config.auth.maxLoginAttempts).toBe(15)
    const saved = process.env.LOGIN_MAX_ATTEMPTS
    delete process.env.LOGIN_MAX_ATTEMPTS
    try {
      expect(loginMaxAttempts()).toBe(50)
    } finally {
      process.env.LOGIN_MAX_ATTEMPTS = saved
    }
    expect(loginWindowMs()).toBe(15 * 60_000)
  })

  it('a stranger failing 20 times from one address is refused with 429 after the limit; the owner signs in from another', async () => {
    const owner = await makeUser(payload, ['admin'], 'Owner')
    const answers: Answer[] = []
    for (let i = 0; i < 20; i++) answers.push(await rest(owner.email, `guess ${i}`, '203.0.113.66'))
    expect(answers.slice(0, LIMIT).map((a) => a.status)).toEqual(Array(LIMIT).fill(401))
    for (const answer of answers.slice(LIMIT)) {
      expect(answer.status).toBe(429)
      expect(answer.message).toMatch(THROTTLED)
      expect(Number(answer.retryAfter)).toBeGreaterThan(0)
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(15 * 60)
    }
    // Throttled means not tried: even the right password is not checked from that address…
    expect((await rest(owner.email, PASSWORD, '203.0.113.66')).status).toBe(429)
    // …and the refusals did not count against the account: its owner signs in from elsewhere.
    expect(await rest(owner.email, PASSWORD, '203.0.113.67')).toMatchObject({ status: 200 })
    expect((await graphql(owner.email, PASSWORD, '203.0.113.68')).status).toBe(200)
  })

  it('the 429 has the same shape for a known and an unknown address', async () => {
    const owner = await makeUser(payload, ['editor'], 'Shape')
    for (let i = 0; i < LIMIT; i++) await rest(`nobody-${i}@test.example`, 'x', '203.0.113.70')
    const known = await rest(owner.email, 'x', '203.0.113.70')
    const unknown = await rest('nobody-else@test.example', 'x', '203.0.113.70')
    expect(known.status).toBe(429)
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body])
  })

  it('GraphQL is throttled the same, and counts with REST', async () => {
    const owner = await makeUser(payload, ['editor'], 'GqlThrottled')
    for (let i = 0; i < LIMIT - 1; i++) expect((await graphql(owner.email, `guess ${i}`, '203.0.113.80')).status).toBe(401)
    expect((await rest(owner.email, 'one more', '203.0.113.80')).status).toBe(401)
    const throttled = await graphql(owner.email, 'again', '203.0.113.80')
    expect(throttled).toMatchObject({ status: 429, message: expect.stringMatching(THROTTLED) })
    expect(Number(throttled.retryAfter)).toBeGreaterThan(0)
    expect((await rest(owner.email, 'again', '203.0.113.80')).status).toBe(429)
    expect((await graphql(owner.email, PASSWORD, '203.0.113.81')).status).toBe(200)
  })

  it('X-Forwarded-For is believed only past a trusted proxy: a client rotating what it writes is still one address', async () => {
    const owner = await makeUser(payload, ['editor'], 'Spoofed')
    // 198.51.100.99 is not a trusted proxy: what the client wrote to its left is not believed.
    for (let i = 0; i < LIMIT; i++) expect((await rest(owner.email, `guess ${i}`, `10.9.8.${i}, 198.51.100.99`)).status).toBe(401)
    expect((await rest(owner.email, 'guess', '10.9.8.200, 198.51.100.99')).status).toBe(429)
    // Behind the trusted proxy (loopback, the recipe's nginx), the address it saw is the client's.
    for (let i = 0; i < LIMIT; i++) expect((await rest('nobody@test.example', `guess ${i}`, '192.0.2.200, 127.0.0.1')).status).toBe(401)
    expect((await rest('nobody@test.example', 'guess', '192.0.2.200, 127.0.0.1')).status).toBe(429)
    expect((await rest('nobody@test.example', 'guess', '192.0.2.201, 127.0.0.1')).status).toBe(401)
  })

  it('an IPv6 client counts by its /64: rotating addresses inside it does not get past the limit', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await rest('nobody@test.example', 'guess', `2001:db8:5:6::${(i + 1).toString(16)}`)).status).toBe(401)
    expect((await rest('nobody@test.example', 'guess', '2001:0db8:0005:0006:ffff:1:2:3')).status).toBe(429)
    expect((await rest('nobody@test.example', 'guess', '2001:db8:5:7::1')).status).toBe(401)
  })

  // Red team: `X-Forwarded-For: not-an-ip` left no address, and the throttle was skipped: 14 of 14 got 401.
  it('a request whose address cannot be told is still throttled: garbage X-Forwarded-For entries share one count', async () => {
    const owner = await makeUser(payload, ['editor'], 'Garbage')
    const answers: Answer[] = []
    for (let i = 0; i < 14; i++) answers.push(await rest(owner.email, `guess ${i}`, i % 2 ? 'not-an-ip' : `garbage-${i}, 127.0.0.1`))
    expect(answers.map((a) => a.status)).toEqual([...Array(LIMIT).fill(401), ...Array(14 - LIMIT).fill(429)])
    expect(answers.at(-1)!.message).toMatch(THROTTLED)
    expect((await graphql(owner.email, 'again', 'still-not-an-ip')).status).toBe(429)
    // A request with no X-Forwarded-For at all (Next writes the socket's address there; here none) counts the same.
    expect((await http.rest.post('users/login', JSON.stringify({ email: owner.email, password: 'x' }), { 'Content-Type': 'application/json' })).status).toBe(429)
    // Whoever has an address is not held by that count.
    expect((await rest(owner.email, PASSWORD, '192.0.2.150')).status).toBe(200)
  })

  it('successful sign-ins from one address are not throttled', async () => {
    const user = await makeUser(payload, ['contributor'], 'Busy')
    for (let i = 0; i < LIMIT + 2; i++) expect((await rest(user.email, PASSWORD, '192.0.2.99')).status).toBe(200)
    expect((await rest(user.email, 'then a slip', '192.0.2.99')).status).toBe(401)
    expect((await graphql(user.email, PASSWORD, '192.0.2.99')).status).toBe(200)
  })
})

describe('the account lock, the last line', () => {
  it('engages after LOGIN_MAX_ATTEMPTS wrong passwords from several addresses; then even the right one is refused, with the same answer', async () => {
    const victim = await makeUser(payload, ['editor'], 'Distributed')
    for (let i = 0; i < 10; i++) expect((await rest(victim.email, `guess ${i}`, '198.18.0.1')).status).toBe(401)
    for (let i = 10; i < 15; i++) expect((await graphql(victim.email, `guess ${i}`, '198.18.0.2')).status).toBe(401)
    const stored = await payload.db.findOne<{ id: string; lockUntil?: string | null }>({ collection: 'users', where: { id: { equals: victim.id } } })
    expect(new Date(stored!.lockUntil ?? 0).getTime()).toBeGreaterThan(Date.now())
    const refused = await rest(victim.email, PASSWORD, '198.18.0.3')
    const unknown = await rest('nobody-here@test.example', PASSWORD, '198.18.0.4')
    expect([refused.status, refused.body]).toEqual([unknown.status, unknown.body])
    expect((await graphql(victim.email, PASSWORD, '198.18.0.5')).status).toBe(401)
  })

  it('counts wrong passwords within LOGIN_WINDOW_MINUTES: one address at its limit, window after window, never locks the account', async () => {
    const victim = await makeUser(payload, ['editor'], 'Patient')
    for (let i = 0; i < LIMIT; i++) expect((await rest(victim.email, `guess ${i}`, '198.18.1.1')).status).toBe(401)
    // A window later (the stored start of this run of failures moved back rather than waiting 15 minutes).
    const key = `sign-in:account:${victim.id}`
    const run = await payload.kv.get<{ since: number }>(key)
    expect(run).not.toBeNull()
    await payload.kv.set(key, { since: run!.since - loginWindowMs() - 1000 })
    for (let i = 0; i < LIMIT; i++) expect((await rest(victim.email, `guess ${i}`, '198.18.1.2')).status).toBe(401)
    expect((await rest(victim.email, PASSWORD, '198.18.1.3')).status).toBe(200)
  })
})

// Red team on a production build: Payload's error classes are minified there, so a check of
// `error.name === 'LockedAuth'` never held and a locked account said "This user is locked…".
describe('no account enumeration in the production bundle (minified error names)', () => {
  let restore: () => void
  beforeAll(() => {
    restore = minifyPayloadErrorNames()
  })
  afterAll(() => restore?.())

  it('REST: a locked account is answered as an unknown address', async () => {
    const known = await makeUser(payload, ['editor'], 'KnownMin')
    const locked = await makeUser(payload, ['editor'], 'LockedMin')
    await lock(locked)
    const unknown = await rest('nobody-min@test.example', 'whatever it is', '198.51.100.21')
    const wrong = await rest(known.email, 'not the password', '198.51.100.22')
    const lockedRight = await rest(locked.email, PASSWORD, '198.51.100.23')
    expect(unknown).toMatchObject({ status: 401, message: WRONG })
    for (const answer of [wrong, lockedRight]) expect([answer.status, answer.body]).toEqual([unknown.status, unknown.body])
  })

  it('GraphQL: the same message, status and error name', async () => {
    const locked = await makeUser(payload, ['editor'], 'LockedMinGql')
    await lock(locked)
    const unknown = await graphql('nobody-min@test.example', 'whatever it is', '198.51.100.24')
    const lockedRight = await graphql(locked.email, PASSWORD, '198.51.100.25')
    expect(unknown).toMatchObject({ status: 401, message: WRONG })
    expect(lockedRight.body).toEqual(unknown.body)
  })

  it('the refusal is recognised by its message even from a copy of the class `instanceof` cannot see', async () => {
    const local = await createLocalReq({}, payload)
    expect(signInFailure(foreignError(new LockedAuth(local.t).message, 401), local)).toBe('locked')
    expect(signInFailure(foreignError(new AuthenticationError(local.t).message, 401), local)).toBe('wrong-password-or-unknown')
    expect(signInFailure({ originalError: foreignError(new LockedAuth(local.t).message, 401) } as never, local)).toBe('locked')
    expect(signInFailure(foreignError('Something else', 401, 'LockedAuth'), local)).toBeNull()
    const result = { errors: [{ message: new LockedAuth(local.t).message }] }
    const answer = signInRefusal({ error: foreignError(new LockedAuth(local.t).message, 401), req: local, result } as never) as { response: unknown; status: number }
    expect(answer).toEqual({ response: { errors: [{ message: WRONG }] }, status: 401 })
  })
})
