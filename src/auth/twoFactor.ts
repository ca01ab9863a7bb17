/**
 * Two-factor sign-in with TOTP (RFC 6238) codes from an authenticator app, and recovery codes.
 * The codes come from otplib (sha1, 6 digits, 30 s: what every authenticator app uses), the QR code
 * from qrcode; the secret is stored encrypted with Payload's own `payload.encrypt` (PAYLOAD_SECRET,
 * as Payload stores API keys), recovery codes as HMACs keyed by the same secret. Nothing here is
 * readable through any API: the fields are hidden and closed (collections/Users/twoFactorFields.ts).
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

import { generateSecret, generateURI, verify } from 'otplib'
import type { Payload, PayloadRequest } from 'payload'
import QRCode from 'qrcode'

export const ISSUER = 'Press Office CMS'
export const RECOVERY_CODE_COUNT = 10
/** One time step either side: a phone's clock a little off, a code typed as it changed. */
const EPOCH_TOLERANCE = 30

/** What the database holds for a user's second factor (hidden fields; read with `payload.db`). */
/** A raw row as `payload.db` returns it. */
export type Row = { id: string | number } & Record<string, unknown>

export type StoredTwoFactor = {
  id: string | number
  email?: string | null
  twoFactorSecret?: string | null
  twoFactorPendingSecret?: string | null
  twoFactorRecoveryCodes?: unknown
  twoFactorLastStep?: number | null
  twoFactorEnabledAt?: string | null
}

export async function readStored(req: PayloadRequest, id: string | number): Promise<StoredTwoFactor | null> {
  return req.payload.db.findOne<StoredTwoFactor>({ collection: 'users', where: { id: { equals: id } }, req })
}

/**
 * Writes `changes` to a user's row, the whole row passed back as Payload's own session code does
 * (an array such as `sessions` is only replaced when the row is written whole).
 */
export async function writeUserRow(payload: Payload, id: string | number, changes: Record<string, unknown>, req?: PayloadRequest): Promise<void> {
  const row = await payload.db.findOne<Row>({ collection: 'users', where: { id: { equals: id } }, ...(req ? { req } : {}) })
  if (!row) return
  await payload.db.updateOne({ collection: 'users', id, data: { ...row, ...changes }, ...(req ? { req } : {}), returning: false })
}

export const newSecret = (): string => generateSecret()
export const encryptSecret = (payload: Payload, secret: string): string => payload.encrypt(secret)
export const decryptSecret = (payload: Payload, stored: string): string => payload.decrypt(stored)

/** The otpauth:// address an authenticator app reads from the QR code, and the QR code as a PNG data URL. */
export async function enrolmentQr(secret: string, label: string): Promise<{ uri: string; qr: string }> {
  const uri = generateURI({ issuer: ISSUER, label, secret })
  const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 })
  return { uri, qr }
}

const SIX_DIGITS = /^\d{6}$/

/**
 * Checks a 6-digit code against the secret. A code is accepted once: `afterStep` is the time step of
 * the last code accepted, and only later steps pass. Returns the step to remember, or null.
 */
export async function verifyTotp(secret: string, code: string, afterStep?: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '')
  if (!SIX_DIGITS.test(token)) return null
  try {
    const result = await verify({ secret, token, epochTolerance: EPOCH_TOLERANCE, ...(afterStep != null ? { afterTimeStep: afterStep } : {}) })
    return result.valid ? (result as { timeStep: number }).timeStep : null
  } catch {
    return null
  }
}

// ───────────────────────── recovery codes ─────────────────────────

/** Crockford-like alphabet without 0/O, 1/I/L: read off paper without doubt. 12 characters ≈ 60 bits. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`
  })
}

/** A recovery code as typed: any case, with or without dashes and spaces. */
const normalizeRecovery = (code: string) => code.toUpperCase().replace(/[\s-]+/g, '')

export const hashRecoveryCode = (payload: Payload, code: string): string =>
  createHmac('sha256', payload.secret).update(`recovery:${normalizeRecovery(code)}`).digest('hex')

export const looksLikeRecoveryCode = (code: string): boolean => /^[2-9A-HJKMNP-Z]{12}$/.test(normalizeRecovery(code))

export const storedHashes = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

/** The stored hashes without the one matching `code`, or null when none matches. */
export function spendRecoveryCode(payload: Payload, hashes: string[], code: string): string[] | null {
  const hash = Buffer.from(hashRecoveryCode(payload, code), 'hex')
  const index = hashes.findIndex((stored) => {
    const candidate = Buffer.from(stored, 'hex')
    return candidate.length === hash.length && timingSafeEqual(candidate, hash)
  })
  return index === -1 ? null : hashes.filter((_, i) => i !== index)
}

// ───────────────────────── a code is used once, even by parallel sign-ins ─────────────────────────

/**
 * The codes this process has accepted, per user: the last TOTP time step and the recovery codes
 * (their HMACs). Parallel sign-ins with the same code each read the row before any of them wrote the
 * used code back (and Payload's own sign-in writes the whole row it read, which can put a spent
 * recovery code back), so the row alone cannot tell: the claim here is checked and made in one
 * synchronous step after the code verified, which no other request can come between. It is kept in
 * this process's memory: with several app instances each claims on its own, so the same code could
 * still be used once per instance within its 90 seconds (TOTP) — a store all instances share with
 * an atomic "claim if absent" (a unique key in the database, or Redis SET NX) would close that.
 */
const claimedSteps = new Map<string, number>()
const claimedRecovery = new Map<string, number>()
const RECOVERY_CLAIM_MS = 7 * 24 * 60 * 60_000
const MAX_CLAIMS = 10_000

function pruneClaims(now: number): void {
  if (claimedRecovery.size > MAX_CLAIMS) for (const [key, at] of claimedRecovery) if (now - at > RECOVERY_CLAIM_MS) claimedRecovery.delete(key)
  if (claimedSteps.size > MAX_CLAIMS) for (const [key, step] of claimedSteps) if (now / 1000 / 30 - step > 10) claimedSteps.delete(key)
}

/** Claims TOTP step `step` for user `id`: false when it, or a later one, was claimed already. Synchronous. */
function claimStep(id: string | number, step: number): boolean {
  const key = String(id)
  if ((claimedSteps.get(key) ?? -Infinity) >= step) return false
  claimedSteps.set(key, step)
  return true
}

const recoveryKey = (id: string | number, hash: string) => `${id}:${hash}`

/** Claims recovery code `hash` of user `id`: false when it was claimed already. Synchronous. */
function claimRecovery(id: string | number, hash: string, now: number): boolean {
  const key = recoveryKey(id, hash)
  if (claimedRecovery.has(key)) return false
  claimedRecovery.set(key, now)
  return true
}

/**
 * Checks a sign-in code (TOTP or recovery) for a user with a second factor, and claims it, so that
 * it is accepted once however many sign-ins send it at the same time. On success returns the fields
 * to write (only the two-factor columns: the step now used, or the recovery codes left, without any
 * this process has claimed); null when the code is wrong or already used.
 */
export async function checkSignInCode(payload: Payload, stored: StoredTwoFactor, code: string): Promise<Partial<StoredTwoFactor> | null> {
  if (!stored.twoFactorSecret) return null
  const now = Date.now()
  pruneClaims(now)
  if (SIX_DIGITS.test(code.replace(/\s+/g, ''))) {
    const after = Math.max(stored.twoFactorLastStep ?? -Infinity, claimedSteps.get(String(stored.id)) ?? -Infinity)
    const step = await verifyTotp(decryptSecret(payload, stored.twoFactorSecret), code, Number.isFinite(after) ? after : null)
    // After the await, nothing else runs until this returns: check and claim are one step.
    return step != null && claimStep(stored.id, step) ? { twoFactorLastStep: step } : null
  }
  if (!looksLikeRecoveryCode(code)) return null
  const left = spendRecoveryCode(payload, storedHashes(stored.twoFactorRecoveryCodes), code)
  if (!left || !claimRecovery(stored.id, hashRecoveryCode(payload, code), now)) return null
  return { twoFactorRecoveryCodes: left.filter((hash) => !claimedRecovery.has(recoveryKey(stored.id, hash))) }
}
