import type { AfterErrorHook } from 'payload'

/** Errors that mean "the database did not answer", on either adapter, wherever they sit in the cause chain. */
const UNAVAILABLE =
  /SQLITE_BUSY|SQLITE_LOCKED|SQLITE_CANTOPEN|SQLITE_IOERR|SQLITE_READONLY|database is locked|unable to open database|MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND/

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering right now. Nothing was saved; try again in a moment.'

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  for (let current = error; current && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current)
    const { name, message, code } = current as { name?: unknown; message?: unknown; code?: unknown }
    if (UNAVAILABLE.test(`${String(name ?? '')} ${String(code ?? '')} ${String(message ?? '')}`)) return true
  }
  return false
}

/**
 * A database that does not answer (locked, file gone, MongoDB unreachable) is the server's problem,
 * not the request's, and not a bug: 503 with a sentence the admin can show, instead of Payload's
 * "Something went wrong." 500. The health check (GET /api/health) says the same to load balancers.
 */
export const databaseUnavailableAs503: AfterErrorHook = ({ error }) => {
  if (!isDatabaseUnavailable(error)) return
  return { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } }
}
