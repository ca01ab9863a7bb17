import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Collection hooks cannot see whether a write was asked as a draft (`?draft=true`, `draft: true`);
 * this beforeOperation hook records it on the request context for the beforeChange hooks. A version
 * restore (`POST /api/<collection>/versions/:id`, the admin's Restore) is a write too.
 */
export const rememberDraftArg: CollectionBeforeOperationHook = ({ args, operation, context }) => {
  if (operation === 'create' || operation === 'update' || operation === 'updateByID' || operation === 'restoreVersion') {
    context.draftArg = Boolean((args as { draft?: boolean }).draft)
  }
  // Payload never clears its restore flag, and a withdrawal marks the request too: a later write on
  // the same request (a second GraphQL mutation, server code reusing `req`) is not a restore or a withdrawal.
  if (operation === 'create' || operation === 'update' || operation === 'updateByID') {
    delete context.isRestoringVersion
    delete context.withdrawalOnly
  }
  return args
}

/** True while Payload restores an old version (it sets the flag on the request's context). */
export const isRestoringVersion = (context: Record<string, unknown>): boolean => context.isRestoringVersion === true

/**
 * True when Payload will store this write as a draft version rather than publish it. A version
 * restored as a draft is stored as one whatever status it was saved with.
 */
export const isDraftSave = (context: Record<string, unknown>, data: { _status?: unknown }): boolean =>
  Boolean(context.draftArg) && (data._status !== 'published' || isRestoringVersion(context))
