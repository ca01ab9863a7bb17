/**
 * Signing in with a second factor. Payload checks the password; then, inside its login transaction
 * and before any token is made, `requireSecondFactor` (beforeLogin) asks a user who has a second
 * factor for a code: a 6-digit TOTP code (each accepted once) or a recovery code (each works once).
 * Without a right code the login throws, Payload rolls its transaction back and removes the session
 * it had started: no token, no cookie. Every way in runs this operation: REST `/api/users/login`
 * (the admin's sign-in form posts there, with `code`), GraphQL `loginUser(…, code)`, the local API
 * and `@payloadcms/next`'s server-side login (`data.code`). A refresh only extends a session that
 * already exists, so it cannot make one.
 *
 * A wrong code counts as a failed sign-in towards the account lock (LOGIN_MAX_ATTEMPTS), counted
 * after the rollback (`countWrongCode`, afterError) and recorded in the audit log.
 *
 * A password reset (which Payload ends by signing the user in) sets the new password but signs a
 * user with a second factor in nowhere: their sessions are ended and no token is returned
 * (`noSessionFromReset`); they sign in with the new password and a code.
 */
import {
  APIError,
  incrementLoginAttempts,
  type AfterErrorHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'

import { recordAuditEvent } from '@/audit/record'

import { forgetAttempt, throttleAddress } from './signInThrottle'
import { checkSignInCode, readStored, writeUserRow, type Row } from './twoFactor'

const CODE = Symbol.for('press-office.two-factor-code')
const WRONG = Symbol.for('press-office.two-factor-wrong')
const RESET = Symbol.for('press-office.two-factor-reset')

type Notes = { [CODE]?: string; [WRONG]?: { id: string | number; email: string }; [RESET]?: boolean }
const notes = (req: PayloadRequest) => req as unknown as Notes

export const CODE_REQUIRED_MESSAGE = 'Enter the two-factor code from your authenticator app (or one of your recovery codes).'
export const CODE_WRONG_MESSAGE = 'That two-factor code is wrong, expired or already used.'

export class TwoFactorCodeError extends APIError {
  constructor(readonly kind: 'required' | 'wrong') {
    super(kind === 'required' ? CODE_REQUIRED_MESSAGE : CODE_WRONG_MESSAGE, 401, { twoFactor: kind }, true)
    this.name = 'TwoFactorCode'
  }
}

const asCode = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 40) : undefined)

/** Remembers the code sent with a sign-in: REST body `code`, local API `data.code`, or the GraphQL argument. */
export function setSignInCode(req: PayloadRequest, code: unknown): void {
  notes(req)[CODE] = asCode(code)
}

export const noteSignInCode: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'resetPassword') notes(req)[RESET] = true
  if (operation !== 'login') return args
  // The reset's note is for the reset's own sign-in step only, never a later sign-in on the same request.
  delete notes(req)[RESET]
  const sent = asCode((args as { data?: { code?: unknown } }).data?.code) ?? asCode((req.data as { code?: unknown } | undefined)?.code)
  if (sent !== undefined) notes(req)[CODE] = sent
  return args
}

export const requireSecondFactor: CollectionBeforeLoginHook = async ({ req, user }) => {
  // A reset is handled after it (noSessionFromReset); a reset link is not a second factor.
  if (notes(req)[RESET]) return user
  const stored = await readStored(req, user.id)
  if (!stored?.twoFactorEnabledAt || !stored.twoFactorSecret) return user
  const code = notes(req)[CODE]
  if (!code) {
    // The password was right and no code was guessed: not one of the address's failed sign-ins
    // (src/auth/signInThrottle.ts), or every two-step sign-in in the admin would count as one.
    const address = throttleAddress(req)
    if (address) forgetAttempt(address)
    throw new TwoFactorCodeError('required')
  }
  const used = await checkSignInCode(req.payload, stored, code)
  if (!used) {
    notes(req)[WRONG] = { id: user.id, email: String(stored.email ?? '') }
    throw new TwoFactorCodeError('wrong')
  }
  await req.payload.db.updateOne({ collection: 'users', id: user.id, data: used, req, returning: false })
  return user
}

/** After the login's rollback: a wrong code counts towards the lock, and is recorded. */
/**
 * The admin's sign-in form moves to the code step on `data.twoFactor`. Payload puts an APIError's
 * data in the answer only when its own `instanceof APIError` holds, which it does not in the
 * production build (the app's copy of the class is not Payload's): the answer gets it here.
 */
export const twoFactorStepInResponse: AfterErrorHook = ({ error, result }) => {
  const original = ((error as { originalError?: unknown }).originalError ?? error) as { name?: string; kind?: unknown; message?: string }
  if (!result || original?.name !== 'TwoFactorCode' || (original.kind !== 'required' && original.kind !== 'wrong')) return
  const errors = (result.errors ?? []).map((entry, i) => (i === 0 ? { ...entry, data: { twoFactor: original.kind } } : entry))
  return { response: { ...result, errors: errors.length ? errors : [{ message: original.message, data: { twoFactor: original.kind } }] }, status: 401 }
}

export const countWrongCode: AfterErrorHook = async ({ error, req }) => {
  const wrong = req ? notes(req)[WRONG] : undefined
  if (!wrong || !(error instanceof TwoFactorCodeError || (error as { originalError?: unknown }).originalError instanceof TwoFactorCodeError)) return
  delete notes(req)[WRONG]
  try {
    const users = req.payload.collections.users.config as SanitizedCollectionConfig
    const user = await req.payload.db.findOne<Row>({ collection: 'users', where: { id: { equals: wrong.id } } })
    if (!user) return
    await incrementLoginAttempts({ collection: users, payload: req.payload, user: user as never })
    const { createLocalReq } = await import('payload')
    const fresh = await createLocalReq({}, req.payload)
    fresh.headers = req.headers
    const target = { collection: 'users', id: wrong.id, title: String(user.name ?? ''), who: null }
    await recordAuditEvent(fresh, { ...target, action: 'sign-in-failed', detail: { email: wrong.email, reason: 'wrong two-factor code' } })
    const after = await req.payload.db.findOne<Row & { lockUntil?: string | null }>({ collection: 'users', where: { id: { equals: wrong.id } } })
    const wasLocked = user.lockUntil && new Date(String(user.lockUntil)).getTime() > Date.now()
    if (!wasLocked && after?.lockUntil && new Date(after.lockUntil).getTime() > Date.now()) {
      await recordAuditEvent(fresh, { ...target, action: 'account-locked', detail: { email: wrong.email, until: after.lockUntil } })
    }
  } catch (err) {
    req.payload.logger.error({ err, msg: 'Could not count a wrong two-factor code' })
  }
}

/** A password reset signs nobody in who has a second factor: their sessions end, no token is returned. */
export const noSessionFromReset: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation !== 'resetPassword') return result
  const done = result as { token?: string; user?: { id?: string | number } }
  const id = done?.user?.id
  if (id == null) return result
  const stored = await req.payload.db.findOne<Row & { twoFactorEnabledAt?: string | null }>({ collection: 'users', where: { id: { equals: id } } })
  if (!stored?.twoFactorEnabledAt) return result
  await writeUserRow(req.payload, id, { sessions: [] })
  delete done.token
  return result
}

type GraphQLField = { args?: Record<string, unknown>; resolve: (source: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }, info: unknown) => unknown }

/** GraphQL: `loginUser(email, password, code)`. Payload's resolver, with the code handed to the sign-in above. */
export function loginWithCodeMutation(graphQL: { GraphQLString: unknown }, info: { Mutation: { fields: Record<string, unknown> } }): Record<string, unknown> {
  const field = info.Mutation.fields.loginUser as GraphQLField | undefined
  if (!field) return {}
  return {
    loginUser: {
      ...field,
      args: { ...field.args, code: { type: graphQL.GraphQLString } },
      resolve: (source: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }, info2: unknown) => {
        setSignInCode(context.req, args.code)
        return field.resolve(source, args, context, info2)
      },
    },
  }
}
