import type { CollectionBeforeChangeHook } from 'payload'

import { isDraftSave, isRestoringVersion } from './draftArg'
import { publicCopyIsPublished } from './publicCopy'
import { WorkflowError } from './releaseWorkflow'

/**
 * Restoring a version (the admin's Restore, `POST /api/<collection>/versions/:id`) writes that
 * version with the status it was saved with, unless it is restored as a draft. A draft version
 * restored as it is over a published document would take the document off the public site, with
 * nobody having asked to unpublish it: refused, for editors too. Restoring as a draft brings the old
 * text back and leaves the public copy alone; unpublishing is its own, explicit step.
 */
export const restoreKeepsPublicCopy: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req, context }) => {
  if (!isRestoringVersion(context) || isDraftSave(context, data) || data._status === 'published' || !originalDoc?.id) return data
  if (await publicCopyIsPublished(req, collection.slug, originalDoc.id)) {
    throw new WorkflowError(
      'This version is a draft: restoring it as it is would take the published page off the site. Restore it as a draft instead (the public page stays as it is); unpublishing is done on its own.',
    )
  }
  return data
}
