import { APIError, type AfterErrorHook } from 'payload'

/**
 * A refusal whose message is meant for the person who made the request (API client or admin toast).
 * The explicit `name` matters: in the production bundle Payload's error formatter no longer
 * recognises the error's class and falls back to its name, or to "An unknown error occurred." when
 * the minified class has none.
 */
export class PublicError extends APIError {
  constructor(name: string, message: string, status: number, data?: Record<string, unknown>) {
    super(message, status, data ?? null, true)
    this.name = name
  }
}

/** What Payload's formatErrors answers for an error without a name: in production, any of its own minified classes. */
export const UNKNOWN_ERROR_MESSAGE = 'An unknown error occurred.'

/** Payload's own refusals whose words are not meant for a person, in words that are. */
const READABLE: Record<string, string> = {
  'No User': 'You are not signed in, so there is nothing to sign out of.',
}

/**
 * Config afterError hook (REST): a refusal (4xx, public) answered "An unknown error occurred." gets its
 * message back. Payload's formatter falls back to that sentence for an error without a name, which is
 * what a minified class in the production bundle has; Payload's own isErrorPublic already let the
 * message through, so nothing is shown that was meant to be hidden. A few of Payload's terse messages
 * ("No User") are put in words a person reads, in the unbundled run as in production.
 */
export const readableRefusals: AfterErrorHook = ({ error, graphqlResult, result }) => {
  if (graphqlResult || !result) return
  const original = ((error as { originalError?: unknown }).originalError ?? error) as { message?: unknown; status?: unknown; isPublic?: unknown }
  const status = typeof original.status === 'number' ? original.status : 0
  const message = typeof original.message === 'string' ? original.message : ''
  if (status < 400 || status >= 500 || original.isPublic === false || !message) return
  const [first, ...rest] = result.errors ?? []
  if (!first || (first.message !== UNKNOWN_ERROR_MESSAGE && first.message !== message)) return
  const readable = READABLE[message] ?? message
  if (readable === first.message) return
  return { response: { ...result, errors: [{ ...first, message: readable }, ...rest] }, status }
}
