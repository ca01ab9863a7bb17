/**
 * A user whose role requires a second factor (REQUIRE_2FA_ROLES) but who has none yet signs in with
 * the password only to set one up. Until they have:
 *
 * - every request they make carries them without their roles (`twoFactorSession`, the JWT strategy
 *   the users collection authenticates with): every access rule and every role check of the app's own
 *   endpoints says no, whatever the way in;
 * - every operation they ask for (REST, GraphQL, the local API with their user) is refused with a
 *   403 that says what to do (`refusePendingOperations`, on every collection), except reading their
 *   own account, refreshing or ending their session, and the admin's preferences;
 * - the admin shows them only the two-factor page (users' `access.admin`; Payload sends a signed-in
 *   user the admin refuses to `admin.routes.unauthorized`, which is that page).
 *
 * Enrolling proves the second factor in the session that enrols, so the same session works after.
 */
import { APIError, JWTAuthentication, type AuthStrategy, type CollectionBeforeOperationHook } from 'payload'

import { isTwoFactorPending, PENDING_MESSAGE, type TwoFactorUser } from './twoFactorPolicy'

type SessionUser = NonNullable<TwoFactorUser> & { id: string | number; twoFactorPending?: boolean; roles?: string[] | null }

/** Pending: marked by the strategy below, or (a user handed to the local API) computed from the record. */
export const isPending = (user: unknown): boolean =>
  Boolean(user) && ((user as SessionUser).twoFactorPending === true || isTwoFactorPending(user as TwoFactorUser))

export class TwoFactorPendingError extends APIError {
  constructor() {
    super(PENDING_MESSAGE, 403, undefined, true)
    this.name = 'TwoFactorPending'
  }
}

/**
 * Payload's own JWT check (token, session), then: a user who still has to set up a second factor
 * is carried without roles. Listed before Payload's built-in strategy, which therefore only ever
 * sees tokens this one found no user for (and finds none either).
 */
export const twoFactorSession: AuthStrategy = {
  name: 'two-factor-jwt',
  authenticate: async (args) => {
    const result = await JWTAuthentication({ ...args, strategyName: 'local-jwt' })
    const user = result.user as (SessionUser & typeof result.user) | null
    if (!user || user.collection !== 'users') return result
    let pending = true
    try {
      pending = isTwoFactorPending(user)
    } catch {
      // A bad REQUIRE_2FA_ROLES fails closed.
    }
    if (!pending) return result
    return { ...result, user: { ...user, roles: [], twoFactorPending: true } as typeof result.user }
  },
}

const OPEN_TO_PENDING = new Set(['login', 'refresh', 'forgotPassword', 'resetPassword'])

const sameId = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b)

/** beforeOperation on every collection: a pending user gets a readable 403 for anything but their own account. */
export const refusePendingOperations: CollectionBeforeOperationHook = ({ args, collection, operation, overrideAccess, req }) => {
  if (overrideAccess === true || !isPending(req.user)) return args
  if (OPEN_TO_PENDING.has(operation)) return args
  if (collection.slug === 'payload-preferences') return args
  if (collection.slug === 'users' && operation === 'read' && sameId((args as { id?: unknown }).id, req.user!.id)) return args
  throw new TwoFactorPendingError()
}
