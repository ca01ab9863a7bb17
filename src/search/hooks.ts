import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { isDraftSave } from '@/workflow/draftArg'

import { removeSearchEntry, syncSearchEntry } from './index'

/**
 * After any write that can change what readers see (publish, edit of a published release,
 * unpublish, withdrawal, a scheduled publish): re-read the public copy and index it, or drop it.
 * Draft saves leave the public copy — and the index — as they were.
 */
export const syncSearchAfterChange: CollectionAfterChangeHook = async ({ doc, context, req }) => {
  if (!isDraftSave(context, doc)) await syncSearchEntry(req.payload, doc.id, req)
  return doc
}

export const removeFromSearchAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  await removeSearchEntry(req.payload, String(id), req)
}
