/**
 * The sign-in defences of src/auth/signInThrottle.ts, as Payload hooks: `guardSignIn` before every
 * login operation (REST, GraphQL, the admin, the local API), `forgetSuccessfulAttempt` after a
 * successful one, and `signInRefusal` (config afterError, REST and GraphQL) so that a locked account
 * is refused in the same words as a wrong password or an unknown address.
 */
import { AuthenticationError, type AfterErrorHook, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { signInFailure } from '@/auth/signInErrors'
import { admitAttempt, forgetAttempt, prepareAccount, throttledMessage, throttleAddress } from '@/auth/signInThrottle'
import { PublicError } from '@/lib/errors'

function setResponseHeader(req: PayloadRequest, name: string, value: string): void {
  if (req.responseHeaders) req.responseHeaders.set(name, value)
  else req.responseHeaders = new Headers({ [name]: value })
}

/** Refuses a throttled address (429, Retry-After), counts the attempt, and evens out what Payload's check costs. */
export const guardSignIn: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'login') return args
  // Every request over HTTP counts, under its address or the shared "unknown" one; the local API (server code) is not throttled by address.
  const address = throttleAddress(req)
  if (address) {
    const verdict = admitAttempt(address)
    if (!verdict.admitted) {
      setResponseHeader(req, 'Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)))
      throw new PublicError('TooManySignIns', throttledMessage(verdict.retryAfterMs), 429)
    }
  }
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const email = typeof data?.email === 'string' ? data.email.toLowerCase().trim() : ''
  if (email) await prepareAccount(req.payload, collection.slug, email, data?.password)
  return args
}

/** A sign-in that succeeded is not one of its address's failures. */
export const forgetSuccessfulAttempt: CollectionAfterLoginHook = ({ req }) => {
  const address = throttleAddress(req)
  if (address) forgetAttempt(address)
}

/**
 * "Locked" would tell that the account exists: it is answered as "incorrect" (REST and GraphQL).
 * Recognised by signInFailure (src/auth/signInErrors.ts), not by the error's name, which the
 * production bundle minifies. Over GraphQL every refused sign-in gets the same `extensions.name`,
 * so that the minified name of either class tells nothing either.
 */
export const signInRefusal: AfterErrorHook = ({ error, graphqlResult, req, result }) => {
  const kind = signInFailure(error, req)
  if (!kind) return
  const message = new AuthenticationError(req?.t).message
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, name: 'AuthenticationError' } } }
  if (result && kind === 'locked') return { response: { ...result, errors: [{ message }] }, status: 401 }
}
