import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Collection hooks cannot see whether a write was asked as a draft (`?draft=true`, `draft: true`);
 * this beforeOperation hook records it on the request context for the beforeChange hooks.
 */
export const rememberDraftArg: CollectionBeforeOperationHook = ({ args, operation, context }) => {
  if (operation === 'create' || operation === 'update' || operation === 'updateByID') {
    context.draftArg = Boolean((args as { draft?: boolean }).draft)
  }
  return args
}

/** True when Payload will store this write as a draft version rather than publish it. */
export const isDraftSave = (context: Record<string, unknown>, data: { _status?: unknown }): boolean =>
  Boolean(context.draftArg) && data._status !== 'published'
