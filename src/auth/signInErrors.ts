/**
 * Which refused sign-in an error is: Payload's LockedAuth ("locked") or AuthenticationError (a wrong
 * password or an unknown address). Not by `error.name`: in the production bundle Payload's classes
 * are minified and their names with them (GraphQL showed `extensions.name: "eU"`), so a name check
 * never held there while every unbundled test passed. `instanceof` against the classes of this
 * module graph, and else the message, which is the translated sentence the class is made of
 * (`error:userLocked`, `error:emailOrPasswordIncorrect`), in the request's language or in English.
 */
import { en } from '@payloadcms/translations/languages/en'
import { AuthenticationError, LockedAuth, type PayloadRequest } from 'payload'

export type SignInFailure = 'locked' | 'wrong-password-or-unknown'

const englishLocked = en.translations.error.userLocked
const englishIncorrect = [en.translations.error.emailOrPasswordIncorrect, en.translations.error.usernameOrPasswordIncorrect]

export function signInFailure(error: unknown, req?: Pick<PayloadRequest, 't'> | null): SignInFailure | null {
  const original = ((error as { originalError?: unknown } | null)?.originalError ?? error) as { message?: unknown } | null
  if (!original || typeof original !== 'object') return null
  if (original instanceof LockedAuth) return 'locked'
  if (original instanceof AuthenticationError) return 'wrong-password-or-unknown'
  const message = original.message
  if (typeof message !== 'string' || !message) return null
  const t = typeof req?.t === 'function' ? req.t : undefined
  if (message === englishLocked || (t && message === t('error:userLocked'))) return 'locked'
  if (englishIncorrect.includes(message) || (t && (message === t('error:emailOrPasswordIncorrect') || message === t('error:usernameOrPasswordIncorrect')))) {
    return 'wrong-password-or-unknown'
  }
  return null
}
