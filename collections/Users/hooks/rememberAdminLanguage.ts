import type { CollectionAfterLoginHook } from 'payload'

import { rememberLanguage, requestLanguage } from '@/email/language'

/**
 * Remembers the admin language a user signs in with (Payload's language cookie or the browser's),
 * so that messages to them — a password-reset link asked for from any browser — are in it
 * (src/email/language.ts). Written in the sign-in's own transaction; a failure never fails the sign-in.
 */
export const rememberAdminLanguage: CollectionAfterLoginHook = async ({ req, user }) => {
  const language = req.headers ? requestLanguage(req.headers, req.payload.config.cookiePrefix) : null
  if (!language) return
  try {
    await rememberLanguage(req, (user as { id: string | number }).id, language)
  } catch (err) {
    req.payload.logger.warn({ err, msg: 'Could not remember the admin language of a sign-in.' })
  }
}
