import type { CollectionBeforeOperationHook } from 'payload'

import { emailConfigured, RESET_WITHOUT_EMAIL_MESSAGE } from '@/email/settings'
import { PublicError } from '@/lib/errors'

export { emailConfigured, RESET_WITHOUT_EMAIL_MESSAGE }

/**
 * "Forgot password" without an email server could never deliver a link, and Payload's reset write
 * then waited for the database write lock its own transaction held: every request answered 503 after
 * 5 s and held every other save meanwhile (red team). Refused at once, before any write, for every
 * way in (REST, GraphQL, the admin), the same for every address. Trusted server code that asks for a
 * token without email (`disableEmail`) goes on; so does src/email/passwordReset.ts, which sends the
 * message itself once email is set up.
 */
export const refuseResetWithoutEmail: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'forgotPassword' || emailConfigured()) return args
  if ((args as { disableEmail?: boolean }).disableEmail) return args
  throw new PublicError('EmailNotConfigured', RESET_WITHOUT_EMAIL_MESSAGE, 403)
}
