/**
 * Email settings, read from the environment: SMTP_URL (smtp://user:pass@host:587, or smtps:// for
 * TLS from the first byte) and EMAIL_FROM. Without SMTP_URL no email is sent and "Forgot password"
 * is refused with a readable message (collections/Users/hooks/refuseResetWithoutEmail.ts).
 */
import { ConfigError } from '@/config/env'

type Env = Record<string, string | undefined>

export const DEFAULT_EMAIL_FROM = 'Press office <no-reply@localhost>'

/** The SMTP server's address, or undefined when email is off. A malformed value stops the start with one line. */
export function smtpUrl(env: Env = process.env): string | undefined {
  const raw = env.SMTP_URL?.trim()
  if (!raw) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('SMTP_URL is not a URL. Write it as smtp://user:password@host:587 (or smtps://…:465).')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://; got "${url.protocol}//…"`)
  }
  if (!url.hostname) throw new ConfigError('SMTP_URL names no host. Write it as smtp://user:password@host:587.')
  return raw
}

/** The sender of every message: EMAIL_FROM as `Name <address>` or a bare address. */
export function emailFrom(env: Env = process.env): { name: string; address: string } {
  const raw = env.EMAIL_FROM?.trim() || DEFAULT_EMAIL_FROM
  const named = raw.match(/^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/)
  if (named) return { name: named[1]!.trim(), address: named[2]! }
  if (/^[^\s<>@]+@[^\s<>@]+$/.test(raw)) return { name: '', address: raw }
  throw new ConfigError(`EMAIL_FROM must be an address or "Name <address>"; got "${raw}"`)
}

/**
 * The one line `npm start` prints when production runs without an email server, or null. What it
 * disables: password reset by email (an administrator sets a new password instead).
 */
export function emailOffNotice(env: Env = process.env): string | null {
  const production = (env.NODE_ENV ?? 'production') === 'production'
  if (!production || smtpUrl(env)) return null
  return 'Email is off (SMTP_URL is not set): "Forgot password" is refused and no email is sent; an administrator sets new passwords in the admin.'
}

/** Email is sent only where an SMTP server is configured (SMTP_URL); without it nothing is sent. */
export const emailConfigured = (): boolean => Boolean(process.env.SMTP_URL?.trim())

export const RESET_WITHOUT_EMAIL_MESSAGE =
  'Password reset by email is not set up on this server yet: an administrator can set a new password for you.'
