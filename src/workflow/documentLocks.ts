import type { CollectionAfterReadHook, CollectionBeforeChangeHook, CollectionBeforeValidateHook, CollectionConfig, SanitizedConfig, Where } from 'payload'

import { editorsOrOwnLock, isEditorUser, staff, type UserLike } from '@/access'
import { ConfigError } from '@/config/env'
import { PublicError } from '@/lib/errors'

export const LOCKS_SLUG = 'payload-locked-documents'
/**
 * The Payload release line these rules were written and tested for (docs/adr/0001-locked-documents-rules.md).
 * `npm start` refuses another one until the ADR's checks have been redone and this is moved on.
 */
export const LOCK_RULES_PAYLOAD_LINE = '3.90'
const ADR = 'docs/adr/0001-locked-documents-rules.md'
/** Payload's default lock duration (seconds), when a collection does not set its own. */
const DEFAULT_LOCK_SECONDS = 300

type Relation = { relationTo?: string; value?: unknown } | null | undefined
const idOf = (value: unknown): string | null =>
  value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : value == null ? null : String(value)

/**
 * A lock is always held by the user who writes it. The admin makes its own locks through the
 * database adapter with the signed-in user (Payload's handleFormStateLocking) and takes one over by
 * writing its own user into it; a client naming someone else gets the lock in its own name.
 */
export const lockInOwnName: CollectionBeforeValidateHook = ({ data, req }) => {
  const user = req.user as (UserLike & { collection?: string }) | null
  if (!user || !data) return data
  return { ...data, user: { relationTo: user.collection ?? 'users', value: user.id } }
}

/**
 * Only editors and admins take over: a contributor may not write a lock (new, or one of theirs moved)
 * onto a document someone else holds a current lock on. The newest lock is the one Payload obeys, so
 * a fresh lock would otherwise take the document from an editor who is editing it.
 */
export const onlyEditorsTakeOver: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const user = req.user as UserLike
  if (!user || isEditorUser(user)) return data
  const document = (data.document ?? originalDoc?.document) as Relation
  const globalSlug = (data.globalSlug ?? originalDoc?.globalSlug) as string | null | undefined
  const documentId = idOf(document?.value)
  const target: Where | null =
    document?.relationTo && documentId
      ? { and: [{ 'document.relationTo': { equals: document.relationTo } }, { 'document.value': { equals: documentId } }] }
      : globalSlug
        ? { globalSlug: { equals: globalSlug } }
        : null
  if (!target) return data
  const lockDocuments = document?.relationTo
    ? req.payload.collections[document.relationTo as keyof typeof req.payload.collections]?.config.lockDocuments
    : req.payload.config.globals.find((global) => global.slug === globalSlug)?.lockDocuments
  const seconds = typeof lockDocuments === 'object' && lockDocuments ? lockDocuments.duration : DEFAULT_LOCK_SECONDS
  const { totalDocs } = await req.payload.count({
    collection: LOCKS_SLUG,
    where: {
      and: [
        target,
        { 'user.value': { not_equals: user.id } },
        { updatedAt: { greater_than: new Date(Date.now() - seconds * 1000).toISOString() } },
        ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw new PublicError('DocumentLocked', 'Someone else is editing this document: only an editor can take it over.', 423)
  }
  return data
}

/**
 * A lock's times are the server's: Payload takes `createdAt` (and, on create, `updatedAt`) from the
 * client, and a lock dated in the future never expires (every check counts a lock as current while
 * `updatedAt` is within the lock duration), so a contributor could keep everyone but editors out of a
 * document for good. Set last, on every write through Payload's operations (create, update, bulk,
 * duplicate, GraphQL, local API): created now, or when it was; updated now. The admin writes its own
 * locks through the database adapter, which dates them itself.
 */
export const lockTimesFromServer: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  const now = new Date().toISOString()
  const createdAt = operation === 'update' && typeof originalDoc?.createdAt === 'string' ? originalDoc.createdAt : now
  return { ...data, createdAt, updatedAt: now }
}

/**
 * Payload adds its `payload-locked-documents` collection while it builds the config, with "any
 * signed-in user" for every access and no hooks, and offers no override for it: the rules are set
 * on the built config, before Payload starts (access and hooks are read from it on every operation).
 * The admin's own locking keeps working: it creates and refreshes locks through the database adapter
 * as the signed-in user, reads them with access control (staff), releases its own and takes over by
 * writing its own user.
 */
/**
 * Payload's "Document locked" modal names the holder by `email ?? id`. Staff read each other's names
 * but not their emails, so it showed a raw id: a holder read without an email carries the name there.
 */
export const holderNamedInLock: CollectionAfterReadHook = ({ doc }) => {
  const holder = (doc as { user?: { value?: unknown } } | undefined)?.user
  const value = holder?.value as { email?: unknown; name?: unknown } | undefined
  if (!holder || !value || typeof value !== 'object' || value.email || typeof value.name !== 'string') return doc
  return { ...doc, user: { ...holder, value: { ...value, email: value.name } } }
}

export function withLockRules(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === LOCKS_SLUG)
  // Loudly: without the collection the rules would silently not apply (an upgrade that renamed it).
  if (!locks) throw new ConfigError(lockCollectionMissing())
  locks.access = { ...locks.access, read: staff, create: staff, update: editorsOrOwnLock, delete: editorsOrOwnLock }
  const hooks = locks.hooks as NonNullable<CollectionConfig['hooks']>
  hooks.beforeValidate = [...(hooks.beforeValidate ?? []), lockInOwnName]
  hooks.beforeChange = [...(hooks.beforeChange ?? []), onlyEditorsTakeOver, lockTimesFromServer]
  hooks.afterRead = [...(hooks.afterRead ?? []), holderNamedInLock]
  return config
}

const lockCollectionMissing = () =>
  `Payload's "${LOCKS_SLUG}" collection is not in the built config, so the document-lock rules (src/workflow/documentLocks.ts) cannot be applied: see ${ADR}.`

/** Why the installed Payload is not the one the lock rules were written for, or null. One line. */
export function payloadVersionProblem(installed: string | undefined): string | null {
  if (installed?.startsWith(`${LOCK_RULES_PAYLOAD_LINE}.`)) return null
  return (
    `payload ${installed ?? '(version not found)'} is installed, but the document-lock rules (src/workflow/documentLocks.ts) were written for ${LOCK_RULES_PAYLOAD_LINE}.x: ` +
    `follow ${ADR} (re-check the collection, run tests/int/review-bypass.test.ts class 7), then update LOCK_RULES_PAYLOAD_LINE.`
  )
}
