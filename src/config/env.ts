/**
 * Reads and checks the environment once. Production refuses to start on a missing or weak secret
 * with one readable line (see `ConfigError`), never a stack trace.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export const isProduction = (): boolean => process.env.NODE_ENV === 'production'

const DEV_SECRET = 'dev-only-insecure-secret-change-me-0123456789'
export const MIN_SECRET_LENGTH = 32

/** Fewer distinct characters than this is a pattern ("aaaa…", "abcabc…"), not a secret. */
const MIN_DISTINCT_CHARACTERS = 10
/** Values people paste from examples; the development fallback must never reach production. */
const PLACEHOLDER = /^(change.?me|replace.?me|your.?secret|secret|password|dev-only-insecure-secret)/i

/** Why a secret is not good enough for production, or null when it is. */
export function secretWeakness(secret: string | undefined): string | null {
  if (!secret) return 'PAYLOAD_SECRET is not set. Production needs a secret of at least 32 characters: openssl rand -hex 32'
  if (secret.length < MIN_SECRET_LENGTH) {
    return `PAYLOAD_SECRET is too short (${secret.length} characters; at least ${MIN_SECRET_LENGTH} are needed). Generate one with: openssl rand -hex 32`
  }
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS || PLACEHOLDER.test(secret) || secret === DEV_SECRET) {
    return 'PAYLOAD_SECRET looks like a placeholder or a pattern, not a random secret. Generate one with: openssl rand -hex 32'
  }
  return null
}

export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (isProduction() && !isBuildPhase()) {
    const weakness = secretWeakness(secret)
    if (weakness) throw new ConfigError(weakness)
    return secret!
  }
  return secret && secret.length >= MIN_SECRET_LENGTH ? secret : DEV_SECRET
}

/** `next build` evaluates the config with NODE_ENV=production but serves nothing. */
export const isBuildPhase = (): boolean => process.env.NEXT_PHASE === 'phase-production-build'

export type DatabaseTarget = { kind: 'mongodb'; url: string } | { kind: 'sqlite'; url: string; file: string }

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const uri = env.DATABASE_URI?.trim()
  if (uri && /^mongodb(\+srv)?:\/\//.test(uri)) return { kind: 'mongodb', url: uri }
  if (uri && !uri.startsWith('file:')) {
    throw new ConfigError(`DATABASE_URI must be mongodb://…, mongodb+srv://… or file:…; got "${uri.split(':')[0]}:…"`)
  }
  const file = uri ? uri.slice('file:'.length) : path.join(projectRoot, 'data', 'press-office.db')
  const absolute = path.isAbsolute(file) ? file : path.join(projectRoot, file)
  return { kind: 'sqlite', url: `file:${absolute}`, file: absolute }
}

export function serverURL(): string {
  return (process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '')
}

/**
 * The only origin whose pages may call the API with a signed-in user's cookie (CSRF) or read its
 * answers from a script (CORS): the site's own. Other sites get anonymous, public answers only.
 */
export const siteOrigins = (): string[] => [new URL(serverURL()).origin]

/** Where uploaded files live: `media/` in the project unless MEDIA_DIR says otherwise (tests use a temp dir). */
export function mediaDir(): string {
  const dir = process.env.MEDIA_DIR
  return dir ? path.resolve(projectRoot, dir) : path.join(projectRoot, 'media')
}

const positiveNumber = (name: string, fallback: number): number => {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number; got "${raw}"`)
  return value
}

/** Largest upload accepted, in bytes (MEDIA_MAX_FILE_MB, default 25). */
export const mediaMaxFileBytes = (): number => Math.round(positiveNumber('MEDIA_MAX_FILE_MB', 25) * 1024 * 1024)

/** Largest image accepted, in pixels (MEDIA_MAX_MEGAPIXELS, default 100): a guard against decompression bombs. */
export const mediaMaxPixels = (): number => Math.round(positiveNumber('MEDIA_MAX_MEGAPIXELS', 100) * 1_000_000)

/**
 * Wrong passwords for one account, within LOGIN_WINDOW_MINUTES, before it is locked (LOGIN_MAX_ATTEMPTS,
 * default 50): the last line, well above what one address may try (LOGIN_ADDRESS_MAX_ATTEMPTS), so a
 * stranger alone cannot lock an account (src/auth/signInThrottle.ts).
 */
export const loginMaxAttempts = (): number => Math.round(positiveNumber('LOGIN_MAX_ATTEMPTS', 50))

/** Failed sign-ins one client address may make within LOGIN_WINDOW_MINUTES before it gets 429 (LOGIN_ADDRESS_MAX_ATTEMPTS, default 10). */
export const loginAddressMaxAttempts = (): number => Math.round(positiveNumber('LOGIN_ADDRESS_MAX_ATTEMPTS', 10))

/** The window both sign-in counts cover, in ms (LOGIN_WINDOW_MINUTES, default 15). */
export const loginWindowMs = (): number => Math.round(positiveNumber('LOGIN_WINDOW_MINUTES', 15) * 60_000)

/** How long a locked account stays locked, in ms (LOGIN_LOCK_MINUTES, default 15). */
export const loginLockMs = (): number => Math.round(positiveNumber('LOGIN_LOCK_MINUTES', 15) * 60_000)

/** How long a password-reset link works, in ms (PASSWORD_RESET_MINUTES, default 60). */
export const passwordResetMs = (): number => Math.round(positiveNumber('PASSWORD_RESET_MINUTES', 60) * 60_000)
