/**
 * Where the audit log hears of what happened: Payload's collection and auth hooks, each writing its
 * record with the request's `req` (one transaction with the change, src/audit/record.ts). Wired into
 * every collection of the built config by `withAuditLog` (payload.config.ts), so that a new
 * collection is audited (deletes, publishing) without anyone remembering to.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

import type {
  AfterErrorHook,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterForgotPasswordHook,
  CollectionAfterLoginHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
  SanitizedCollectionConfig,
  SanitizedConfig,
} from 'payload'

import { signInFailure } from '@/auth/signInErrors'
import { clientAddress } from '@/lib/clientAddress'
import { idOf, type Rel } from '@/lib/relations'
import { isDraftSave, isRestoringVersion } from '@/workflow/draftArg'
import { readPublicCopy } from '@/workflow/publicCopy'
import type { ForcePublishRecord, ReleaseWorkflowData } from '@/workflow/releaseWorkflow'

import type { AuditAction } from './actions'
import { AUDIT_SLUG, recordAuditEvent, titleOf } from './record'

type Doc = Record<string, unknown> & { id?: string | number }
type Write = { draft: boolean; restoring: boolean; publicBefore: { published: boolean; withdrawn: boolean } | null }

const USERS = 'users'

// ───────────────────────── before the operation: what the later hooks need to know ─────────────────────────

/**
 * What one request's operations noted for their later hooks. Kept on the request itself, not in its
 * `context` (a local API call made with `req` inside a hook may give the request a fresh context),
 * under a symbol: Payload hands some hooks a stand-in for the request (isolateObjectProperty), which
 * reads and writes every other property through to the request.
 */
type Notes = { login?: { email: string }; passwordReset?: boolean; restoredVersion?: string; writes: Map<string, Write> }
const NOTES = Symbol.for('press-office.audit-notes')
const notesOf = (req: PayloadRequest): Notes => ((req as unknown as Record<symbol, Notes>)[NOTES] ??= { writes: new Map() })

/** Notes what a later hook cannot see: a sign-in's address (for a failure), a reset, the version restored. */
export const noteOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const a = args as { id?: unknown; data?: { email?: unknown; username?: unknown } }
  if (operation === 'login') notesOf(req).login = { email: String(a.data?.email ?? a.data?.username ?? '').slice(0, 200) }
  if (operation === 'resetPassword') notesOf(req).passwordReset = true
  if (operation === 'restoreVersion') notesOf(req).restoredVersion = String(a.id)
  return args
}

// ───────────────────────── accounts ─────────────────────────

/** A sign-in (or the sign-in that ends a password reset), inside Payload's login transaction. */
export const recordSignIn: CollectionAfterLoginHook = async ({ req, user, collection }) => {
  const action: AuditAction = notesOf(req).passwordReset ? 'password-reset' : 'sign-in'
  await recordAuditEvent(req, { action, who: { ...user, collection: collection.slug }, collection: collection.slug, id: user.id, title: titleOf(collection, user) })
}

/**
 * Payload's afterForgotPassword runs only when the address is an account's (a link was made). Code
 * that asks for the reset on a request of its own (src/email/passwordReset.ts sends it after
 * answering) passes the asker's address as `context.auditClientAddress`.
 */
export const recordResetRequest: CollectionAfterForgotPasswordHook = async ({ args, collection, context }) => {
  const req = (args as { req: PayloadRequest }).req
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '').toLowerCase().trim()
  const { docs } = await req.payload.find({ collection: collection.slug as 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, req })
  const user = docs[0] as unknown as Doc | undefined
  const address = typeof context.auditClientAddress === 'string' ? context.auditClientAddress : undefined
  await recordAuditEvent(req, { action: 'password-reset-requested', collection: collection.slug, id: user?.id ?? null, title: titleOf(collection, user), address })
}

/**
 * A refused sign-in (REST and GraphQL; Payload has no hook for it, so this is the app's afterError),
 * recognised by signInFailure (src/auth/signInErrors.ts: not by the error's name, minified in production).
 * Payload counts the attempt outside any transaction, so the record is written on its own, and a
 * failure to write it is logged, not turned into another error.
 */
export const recordFailedSignIn: AfterErrorHook = async ({ error, req }) => {
  const attempt = req ? notesOf(req).login : undefined
  const kind = attempt && signInFailure(error, req)
  if (!attempt || !kind) return
  delete notesOf(req).login
  try {
    const address = clientAddress(req.headers)
    const email = (attempt.email ?? '').toLowerCase().trim()
    const users = req.payload.collections[USERS]?.config
    const { docs } = await req.payload.find({ collection: USERS as 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true })
    const user = docs[0] as unknown as (Doc & { lockUntil?: string | null }) | undefined
    const reason = kind === 'locked' ? 'account locked' : user ? 'wrong password' : 'unknown address'
    const target = { collection: USERS, id: user?.id ?? null, title: titleOf(users, user), address, who: null }
    const fresh = await freshRequest(req)
    await recordAuditEvent(fresh, { ...target, action: 'sign-in-failed', detail: { email, reason } })
    const lockedNow = kind !== 'locked' && user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now()
    if (lockedNow) await recordAuditEvent(fresh, { ...target, action: 'account-locked', detail: { email, until: user!.lockUntil } })
  } catch (err) {
    req.payload.logger.error({ err, msg: 'Could not record a failed sign-in in the audit log' })
  }
}

/** A request of its own for a write outside the one that failed (whose transaction is gone). */
async function freshRequest(req: PayloadRequest): Promise<PayloadRequest> {
  const { createLocalReq } = await import('payload')
  return createLocalReq({}, req.payload)
}

const rolesOf = (doc: Doc | undefined): string[] => [...((doc?.roles as string[] | undefined) ?? [])].sort()

/** User created, its roles changed, or disabled (when the account has a `disabled` field). */
export const recordUserChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  const base = { collection: collection.slug, id: doc.id, title: titleOf(collection, doc) }
  if (operation === 'create') {
    await recordAuditEvent(req, { ...base, action: 'user-created', detail: { roles: rolesOf(doc) } })
    return doc
  }
  const [from, to] = [rolesOf(previousDoc), rolesOf(doc)]
  if (JSON.stringify(from) !== JSON.stringify(to)) await recordAuditEvent(req, { ...base, action: 'role-changed', detail: { from, to } })
  if (doc.disabled === true && previousDoc?.disabled !== true) await recordAuditEvent(req, { ...base, action: 'user-disabled' })
  return doc
}

// ───────────────────────── any collection ─────────────────────────

export const recordDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
  await recordAuditEvent(req, { action: collection.slug === USERS ? 'user-deleted' : 'delete', collection: collection.slug, id: doc?.id ?? id, title: titleOf(collection, doc) })
  return doc
}

// ───────────────────────── publishing ─────────────────────────

/** Set while Payload's schedulePublish job runs (see withAuditLog): its publishes are recorded as scheduled. */
const scheduledRun = new AsyncLocalStorage<{ job: string }>()

const writeKey = (slug: string, id: unknown) => `${slug}:${id == null ? 'new' : String(id)}`

/**
 * First beforeChange of a versioned collection: whether the write is a draft save, and (for any
 * other write to an existing document) what readers saw before it, read before anything changes.
 */
export const noteWrite: CollectionBeforeChangeHook = async ({ collection, context, data, originalDoc, operation, req }) => {
  const draft = isDraftSave(context, data)
  const restoring = isRestoringVersion(context)
  const id = operation === 'update' ? originalDoc?.id : undefined
  const publicBefore = !draft && id != null ? await readPublicCopy(req, collection.slug, id) : null
  notesOf(req).writes.set(writeKey(collection.slug, id), { draft, restoring, publicBefore })
  return data
}

const forceKey = (record: ForcePublishRecord | null | undefined) =>
  record?.by ? JSON.stringify([idOf(record.by as Rel), record.at, record.kind, record.reason]) : null

/** What a write to a versioned document did to its public copy, recorded after every other hook ran. */
export const recordPublishing: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  const key = writeKey(collection.slug, operation === 'update' ? doc.id : undefined)
  const write = notesOf(req).writes.get(key)
  if (!write) return doc
  notesOf(req).writes.delete(key)
  const base = { collection: collection.slug, id: doc.id, title: titleOf(collection, doc) }
  if (write.restoring) {
    await recordAuditEvent(req, { ...base, action: 'version-restored', detail: { version: notesOf(req).restoredVersion ?? null } })
    return doc
  }
  if (write.draft) return doc
  const scheduled = scheduledRun.getStore()
  if (doc._status === 'published') {
    const { action, detail } = publishKind(doc as ReleaseWorkflowData, previousDoc as ReleaseWorkflowData | undefined, write)
    const asScheduled = scheduled && action === 'publish'
    await recordAuditEvent(req, { ...base, action: asScheduled ? 'scheduled-publish' : action, detail: asScheduled ? { job: scheduled.job } : detail })
  } else if (write.publicBefore?.published) {
    await recordAuditEvent(req, { ...base, action: scheduled ? 'scheduled-unpublish' : 'unpublish', detail: scheduled ? { job: scheduled.job } : null })
  }
  return doc
}

/** A release's publish may be a withdrawal, a publish without review or the review confirming one. */
function publishKind(doc: ReleaseWorkflowData, previous: ReleaseWorkflowData | undefined, write: Write): { action: AuditAction; detail: Record<string, unknown> | null } {
  const now = doc.workflow?.forcePublished
  const before = previous?.workflow?.forcePublished
  if (doc.withdrawal?.withdrawn && !write.publicBefore?.withdrawn) {
    return { action: 'withdraw', detail: { explanation: doc.withdrawal.explanation ?? null } }
  }
  if (now?.reviewedAt && !before?.reviewedAt) return { action: 'review-confirmed', detail: { publishedWithoutReviewBy: idOf(now.by as Rel), at: now.at ?? null } }
  if (forceKey(now) && forceKey(now) !== forceKey(before)) return { action: 'publish-without-review', detail: { kind: now!.kind ?? null, reason: now!.reason ?? null } }
  return { action: 'publish', detail: null }
}

// ───────────────────────── media ─────────────────────────

/** A new file on an existing photo: everything that showed the old one now shows the new one. */
export const recordMediaReplaced: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc?.filename) return doc
  if (doc.filename === previousDoc.filename && doc.filesize === previousDoc.filesize) return doc
  await recordAuditEvent(req, {
    action: 'media-replaced',
    collection: collection.slug,
    id: doc.id,
    title: titleOf(collection, doc),
    detail: { from: previousDoc.filename, to: doc.filename },
  })
  return doc
}

// ───────────────────────── wiring ─────────────────────────

const isVersioned = (collection: SanitizedCollectionConfig) => Boolean(collection.versions && collection.versions.drafts)

/**
 * Adds the audit hooks to every collection of the built config (Payload's own `payload-*` and the
 * audit log itself excepted), the failed-sign-in hook to the app's afterError, and marks the
 * publishes of Payload's schedulePublish job as scheduled. Applied after Payload built the config
 * (as src/workflow/documentLocks.ts does), so its hooks run last: a record is written only once the
 * change has passed every other hook.
 */
export function withAuditLog(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if ((collection.slug as string) === AUDIT_SLUG || collection.slug.startsWith('payload-')) continue
    const hooks = collection.hooks
    hooks.beforeOperation = [...(hooks.beforeOperation ?? []), noteOperation]
    hooks.afterDelete = [...(hooks.afterDelete ?? []), recordDelete]
    if (isVersioned(collection)) {
      hooks.beforeChange = [noteWrite, ...(hooks.beforeChange ?? [])]
      hooks.afterChange = [...(hooks.afterChange ?? []), recordPublishing]
    }
    if (collection.upload) hooks.afterChange = [...(hooks.afterChange ?? []), recordMediaReplaced]
    if (collection.auth) {
      hooks.afterLogin = [...(hooks.afterLogin ?? []), recordSignIn]
      hooks.afterForgotPassword = [...(hooks.afterForgotPassword ?? []), recordResetRequest]
      hooks.afterChange = [...(hooks.afterChange ?? []), recordUserChange]
    }
  }
  config.hooks = { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), recordFailedSignIn] }
  const task = config.jobs?.tasks?.find((t) => t.slug === 'schedulePublish')
  if (task && typeof task.handler === 'function') {
    const handler = task.handler
    task.handler = ((args: Parameters<typeof handler>[0]) => scheduledRun.run({ job: String(args.job?.id) }, () => handler(args))) as typeof handler
  }
  return config
}
