/**
 * Sign-in defences (issue 22), for every way in (REST `POST /api/users/login`, GraphQL `loginUser`,
 * the admin's form, which uses REST); wired as hooks in collections/Users/hooks/signIn.ts.
 *
 * 1. Throttling by client address. An address (src/lib/clientAddress.ts: X-Forwarded-For believed
 *    only past TRUSTED_PROXY; an IPv6 address counts by its /64) may fail LOGIN_ADDRESS_MAX_ATTEMPTS
 *    times within LOGIN_WINDOW_MINUTES; after that it gets 429 with Retry-After and the same sentence
 *    whatever address it tries, and its attempts are not tried at all (so they cannot count against
 *    the account, and a right password is no oracle). An attempt is counted when it starts and
 *    forgotten when it succeeds, so a burst of parallel guesses cannot get past the limit. A request
 *    whose address cannot be told (X-Forwarded-For missing or not addresses) counts under one shared
 *    "unknown" address (`throttleAddress`): garbage in the header is no way past the limit.
 *    The count is kept in this process's memory: with several app instances each counts on its own
 *    (an address gets the limit once per instance), and a restart forgets it.
 *
 * 2. The account lock, the last line: Payload's own (maxLoginAttempts = LOGIN_MAX_ATTEMPTS, default
 *    50, for LOGIN_LOCK_MINUTES), counting wrong passwords within a window of LOGIN_WINDOW_MINUTES
 *    that starts with the first attempt after the previous one ended: the count is started again
 *    when a window has passed (the window's start is kept in Payload's KV store, shared by every
 *    instance on the database). One address, held to its limit, so never reaches the lock alone.
 *
 * 3. No enumeration: an unknown address and a locked account get the work a wrong password costs
 *    (Payload hashes and counts only for an existing, unlocked account): a password hash of the same
 *    cost, a read and a write; so the time follows the machine's load alike. And the same answer
 *    (signInRefusal in collections/Users/hooks/signIn.ts turns "locked" into "incorrect").
 */
import crypto from 'node:crypto'
import { isIP } from 'node:net'

import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { loginAddressMaxAttempts, loginWindowMs } from '@/config/env'
import { clientAddress } from '@/lib/clientAddress'

// ───────────────────────── 1. per client address (this process's memory) ─────────────────────────

/** Per address: when each counted attempt started (ms), oldest first, within the window. */
const attempts = new Map<string, number[]>()
const MAX_TRACKED = 10_000

/** The key an address counts under: itself, or its /64 for IPv6 (one host usually holds a whole /64). */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address
  const [head = '', tail = ''] = address.toLowerCase().split('::') as [string, string?]
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

function recent(key: string, now: number, window: number): number[] {
  const list = (attempts.get(key) ?? []).filter((at) => now - at < window)
  if (list.length) attempts.set(key, list)
  else attempts.delete(key)
  return list
}

function sweep(now: number, window: number): void {
  if (attempts.size <= MAX_TRACKED) return
  for (const key of [...attempts.keys()]) recent(key, now, window)
}

/** The one count shared by every request whose client address cannot be told. */
export const UNKNOWN_ADDRESS = 'unknown'

/**
 * What a sign-in counts under: its client address; or, for a request over HTTP whose address cannot
 * be told (no X-Forwarded-For, or entries that are not addresses, `not-an-ip`), one count shared by
 * all such requests, so that garbage in the header does not get a request past the limit. Null only
 * for the local API (server code), which has no client. (The Request Next hands the app carries no
 * socket address; Next writes the socket's address into X-Forwarded-For when the client sent none.)
 */
export function throttleAddress(req: Pick<PayloadRequest, 'headers' | 'payloadAPI'>): string | null {
  const address = clientAddress(req.headers)
  if (address) return address
  return req.payloadAPI === 'local' ? null : UNKNOWN_ADDRESS
}

/**
 * Counts an attempt from `address` now, or, when the address has used up its failures for the window,
 * says how long until it may try again (ms). Synchronous: parallel requests cannot slip past.
 */
export function admitAttempt(address: string, now = Date.now()): { admitted: true } | { admitted: false; retryAfterMs: number } {
  const window = loginWindowMs()
  sweep(now, window)
  const key = addressKey(address)
  const list = recent(key, now, window)
  if (list.length >= loginAddressMaxAttempts()) return { admitted: false, retryAfterMs: Math.max(1000, list[0]! + window - now) }
  list.push(now)
  attempts.set(key, list)
  return { admitted: true }
}

/** Forgets one attempt of `address` (a sign-in that succeeded is not a failure). */
export function forgetAttempt(address: string): void {
  const key = addressKey(address)
  const list = attempts.get(key)
  if (!list?.length) return
  list.pop()
  if (!list.length) attempts.delete(key)
}

/** The one sentence a throttled address gets, whichever account it tried. */
export function throttledMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return `Too many failed sign-ins from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}

// ───────────────────────── 2 and 3. per account ─────────────────────────

type StoredUser = { id: string | number; loginAttempts?: number | null; lockUntil?: string | null }

export const accountRunKey = (id: string | number): string => `sign-in:account:${id}`
/** The one entry a stand-in refusal reads and writes, so that it costs what a wrong password does. */
const STAND_IN_KEY = 'sign-in:stand-in'

const isLocked = (user: StoredUser, now: number): boolean => Boolean(user.lockUntil && new Date(user.lockUntil).getTime() > now)

/**
 * Payload's password hash (pbkdf2-sha256, 600,000 iterations, 32 bytes: payload/dist/auth/strategies/
 * local/generatePasswordSaltHash.js), computed for nothing: what a wrong password costs.
 */
export function dummyPasswordHash(password: unknown): Promise<void> {
  const text = typeof password === 'string' ? password : ''
  return new Promise((resolve) => crypto.pbkdf2(text, crypto.randomBytes(32).toString('hex'), 600_000, 32, 'sha256', () => resolve()))
}

/**
 * Before Payload checks a password: an unknown address or a locked account is given the work a wrong
 * password costs (a read, the hash, a write); a known, unlocked account whose window has passed
 * starts a new one with its count of wrong passwords at zero. Runs outside the request's transaction, as Payload's own count does.
 */
export async function prepareAccount(payload: Payload, slug: CollectionSlug, email: string, password: unknown, now = Date.now()): Promise<void> {
  const user = await payload.db.findOne<StoredUser>({ collection: slug, where: { email: { equals: email } } })
  if (!user || isLocked(user, now)) {
    // What a wrong password costs: the window's start read, the hash, and a write (Payload's count).
    await payload.kv.get(STAND_IN_KEY)
    await dummyPasswordHash(password)
    await payload.kv.set(STAND_IN_KEY, { at: now })
    return
  }
  const key = accountRunKey(user.id)
  const run = await payload.kv.get<{ since: number }>(key)
  if (run && now - run.since < loginWindowMs()) return
  if (user.loginAttempts || user.lockUntil) {
    await payload.db.updateOne({ collection: slug, id: user.id, data: { loginAttempts: 0, lockUntil: null }, returning: false })
  }
  await payload.kv.set(key, { since: now })
}
