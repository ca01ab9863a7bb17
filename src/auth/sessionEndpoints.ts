/**
 * A user's sessions over REST, under /api/users (the account page's "Sessions" calls these):
 *
 * - GET    /api/users/:id/sessions: the sessions that have not expired, newest first: an id (not the
 *   session id tokens carry), created, expires, and whether it is the asking session.
 * - DELETE /api/users/:id/sessions/:sessionId: ends one; its tokens stop working at once.
 * - POST   /api/users/:id/sessions/end-all: ends them all ("sign out everywhere"); with
 *   `?except=current`, all but the asking session ("sign out everywhere else").
 *
 * For the user themself (a user still to set up a second factor too) and for admins; anyone else
 * gets 403 with a sentence, whether or not the user exists; nobody signed in gets 401. An admin
 * ending someone else's sessions is recorded in the audit log ('sessions-ended') in the same
 * transaction as the write.
 */
import { NotFound, UnauthorizedError, type Endpoint, type PayloadRequest } from 'payload'

import { isAdminUser, type UserLike } from '@/access/roles'
import { recordAuditEvent } from '@/audit/record'
import { inTransaction } from '@/lib/atomic'
import { PublicError } from '@/lib/errors'

import { endSessions, listSessions, publicSessionId, readUserRow } from './sessions'

export const NOT_YOURS_MESSAGE = "Only an admin can see or end another user's sessions."
const NO_SUCH_SESSION = 'There is no such session: it may have ended or expired already.'

const noStore = { 'Cache-Control': 'no-store' }

type Asker = { id: string | number; sid?: string; self: boolean }

/** Who asks about user `:id`: the user themself or an admin; anyone else is refused before the user is looked up. */
function askerFor(req: PayloadRequest): Asker & { target: string } {
  const user = req.user as (UserLike & { _sid?: string }) | null
  if (!user || req.user?.collection !== 'users') throw new UnauthorizedError(req.t)
  const target = String(req.routeParams?.id ?? '')
  const self = target === String(user.id)
  // A user still owing a second factor is carried without roles (src/auth/twoFactorGate.ts): only their own.
  if (!self && !isAdminUser(user)) throw new PublicError('SessionsForbidden', NOT_YOURS_MESSAGE, 403)
  return { id: user.id, sid: user._sid, self, target }
}


async function targetRow(req: PayloadRequest, id: string) {
  const row = await readUserRow(req, id)
  if (!row) throw new NotFound(req.t)
  return row
}

async function recordIfAdmin(req: PayloadRequest, asker: Asker, row: { id: string | number; name?: string | null }, count: number, all: boolean) {
  if (asker.self || count === 0) return
  await recordAuditEvent(req, { action: 'sessions-ended', collection: 'users', id: row.id, title: row.name ?? null, detail: { count, all } })
}

export const listSessionsEndpoint: Endpoint = {
  path: '/:id/sessions',
  method: 'get',
  handler: async (req) => {
    const asker = askerFor(req)
    const row = await targetRow(req, asker.target)
    return Response.json({ sessions: listSessions(row, asker.self ? asker.sid : undefined) }, { headers: noStore })
  },
}

export const endSessionEndpoint: Endpoint = {
  path: '/:id/sessions/:sessionId',
  method: 'delete',
  handler: async (req) => {
    const asker = askerFor(req)
    const wanted = String(req.routeParams?.sessionId ?? '')
    const ended = await inTransaction(req, async () => {
      const row = await targetRow(req, asker.target)
      const count = await endSessions(req, row, (session) => publicSessionId(session.id) === wanted)
      if (count === 0) throw new PublicError('SessionNotFound', NO_SUCH_SESSION, 404)
      await recordIfAdmin(req, asker, row, count, false)
      return count
    })
    return Response.json({ message: 'The session is ended.', ended }, { headers: noStore })
  },
}

export const endAllSessionsEndpoint: Endpoint = {
  path: '/:id/sessions/end-all',
  method: 'post',
  handler: async (req) => {
    const asker = askerFor(req)
    const keepCurrent = asker.self && req.searchParams.get('except') === 'current'
    const ended = await inTransaction(req, async () => {
      const row = await targetRow(req, asker.target)
      const count = await endSessions(req, row, (session) => !(keepCurrent && session.id === asker.sid))
      await recordIfAdmin(req, asker, row, count, true)
      return count
    })
    return Response.json({ message: keepCurrent ? 'Every other session is ended.' : 'Every session is ended.', ended }, { headers: noStore })
  },
}

export const sessionEndpoints: Endpoint[] = [listSessionsEndpoint, endAllSessionsEndpoint, endSessionEndpoint]
