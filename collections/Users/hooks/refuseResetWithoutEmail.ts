import type { CollectionBeforeOperationHook } from 'payload'

import { PublicError } from '@/lib/errors'

export const RESET_WITHOUT_EMAIL_MESSAGE =
  'Password reset by email is not set up on this server yet: an administrator can set a new password for you.'

/** Email is sent only where an SMTP server is configured (SMTP_URL); without it Payload only logs. */
export const emailConfigured = (): boolean => Boolean(process.env.SMTP_URL)

/**
 * "Forgot password" without an email server could never deliver a link, and Payload's reset write
 * then waited for the database write lock its own transaction held: every request answered 503 after
 * 5 s and held every other save meanwhile (red team). Refused at once, before any write, for every
 * way in (REST, GraphQL, the admin), the same for every address. Trusted server code that asks for a
 * token without email (`disableEmail`) goes on.
 */
export const refuseResetWithoutEmail: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'forgotPassword' || emailConfigured()) return args
  if ((args as { disableEmail?: boolean }).disableEmail) return args
  throw new PublicError('EmailNotConfigured', RESET_WITHOUT_EMAIL_MESSAGE, 403)
}
