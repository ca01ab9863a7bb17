/**
 * Sessions (issue 22). Payload keeps a user's sessions on the user (`auth.useSessions`, on by default:
 * a `sessions` array of id/createdAt/expiresAt); every token carries its session's id (`sid`) and
 * works only while that session is on the user (payload/dist/auth/strategies/jwt.js). So ending a
 * session is removing it from the array, and a token of an ended session stops working at once, on
 * every way in (REST, GraphQL, the admin's cookie). Two-factor sign-in and the password-only sign-in
 * of a user who still has to set it up make sessions the same way: they are listed alike.
 *
 * - The endpoints (src/auth/sessionEndpoints.ts) list a user's sessions and end one or all: for the
 *   user themself and for admins; an admin ending someone else's is recorded ('sessions-ended').
 * - A disabled user (the admin-only `disabled` field, collections/Users/sessionFields.ts):
 *   turning it on empties their sessions in the same write (`endSessionsOnDisable`); their sign-in is
 *   refused with the answer a wrong password gets (`refuseDisabledSignIn`); a password reset signs
 *   them in nowhere (`noSessionForDisabled`); and, should a session ever be on a disabled user, every
 *   auth strategy finds nobody for it (`refuseDisabledUsers`, wrapping payload.authStrategies).
 *   Wired by `withSessions` (src/auth/sessionsConfig.ts).
 *
 * What a client sees of a session is an id derived from it (a hash of the session id), when it was
 * made and when it expires: never the session id the tokens carry.
 */
import { createHash } from 'node:crypto'

import {
  APIError,
  AuthenticationError,
  type CollectionAfterOperationHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeLoginHook,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { writeUserRow } from './twoFactor'

export type StoredSession = { id: string; createdAt?: string | Date | null; expiresAt: string | Date }
export type ListedSession = { id: string; createdAt: string | null; expiresAt: string; current: boolean }
type UserRow = { id: string | number; name?: string | null; disabled?: boolean | null; sessions?: StoredSession[] | null }

/** The id a client sees for a session: not the `sid` its tokens carry. */
export const publicSessionId = (sid: string): string => createHash('sha256').update(`press-office-session:${sid}`).digest('hex').slice(0, 24)

const iso = (value: string | Date | null | undefined): string | null => (value ? new Date(value).toISOString() : null)
const isActive = (session: StoredSession, now: number) => new Date(session.expiresAt).getTime() > now

export async function readUserRow(req: PayloadRequest, id: string | number): Promise<UserRow | null> {
  return req.payload.db.findOne<UserRow>({ collection: 'users', where: { id: { equals: id } }, req })
}

/** A user's sessions that have not expired, newest first; `currentSid`: the asking session's own. */
export function listSessions(row: UserRow, currentSid?: string, now = Date.now()): ListedSession[] {
  return (row.sessions ?? [])
    .filter((session) => isActive(session, now))
    .map((session) => ({ id: publicSessionId(session.id), createdAt: iso(session.createdAt), expiresAt: iso(session.expiresAt)!, current: session.id === currentSid }))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
}

/**
 * Removes the sessions `end` picks (expired ones go too) from the user's row, in `req`'s transaction;
 * returns how many active sessions ended.
 */
export async function endSessions(req: PayloadRequest, row: UserRow, end: (session: StoredSession) => boolean, now = Date.now()): Promise<number> {
  const active = (row.sessions ?? []).filter((session) => isActive(session, now))
  const kept = active.filter((session) => !end(session))
  await writeUserRow(req.payload, row.id, { sessions: kept }, req)
  return active.length - kept.length
}

// ───────────────────────── a disabled user ─────────────────────────

const isDisabled = (user: unknown): boolean => Boolean(user && (user as { disabled?: unknown }).disabled === true)

export const SELF_DISABLE_MESSAGE = 'You cannot disable your own account: another admin can.'

/** Turning `disabled` on empties the user's sessions in the same write; nobody disables themself. */
export const endSessionsOnDisable: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (data?.disabled !== true) return data
  if (operation === 'update' && originalDoc?.disabled === true) return data
  if (operation === 'update' && req.user && String(req.user.id) === String(originalDoc?.id)) throw new APIError(SELF_DISABLE_MESSAGE, 400, undefined, true)
  return { ...data, sessions: [] }
}

/**
 * After the password was found right: a disabled account is refused in the words a wrong password
 * gets (no session is made: Payload removes the one it started). Read again inside the login's
 * transaction, so an account disabled while it signs in is refused too.
 */
export const refuseDisabledSignIn: CollectionBeforeLoginHook = async ({ req, user }) => {
  const row = await readUserRow(req, (user as { id: string | number }).id)
  if (isDisabled(row) || isDisabled(user)) throw new AuthenticationError(req.t)
  return user
}

/** A password reset (which Payload ends by signing the user in) signs a disabled user in nowhere. */
export const noSessionForDisabled: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation !== 'resetPassword') return result
  const done = result as { token?: string; user?: { id?: string | number } }
  const id = done?.user?.id
  if (id == null) return result
  const row = await readUserRow(req, id)
  if (!isDisabled(row)) return result
  await writeUserRow(req.payload, id, { sessions: [] }, req)
  delete done.token
  return result
}

/** Every auth strategy (Payload's own JWT one is added at init): a disabled user is nobody. */
export function refuseDisabledUsers(payload: Payload): void {
  payload.authStrategies = payload.authStrategies.map((strategy) => ({
    ...strategy,
    authenticate: async (args) => {
      const result = await strategy.authenticate(args)
      return isDisabled(result.user) ? { ...result, user: null } : result
    },
  }))
}
