import type { CollectionBeforeChangeHook } from 'payload'

import { isDraftSave, isRestoringVersion } from './draftArg'
import { publicCopyIsPublished } from './publicCopy'
import { WorkflowError } from './releaseWorkflow'

/**
 * A version restore is always a draft: the old text comes back as the latest draft, and what readers
 * see changes only when someone publishes it, through the same steps as any other change (a release's
 * review and change record, an editor's publish elsewhere). The admin's Restore goes through
 * src/workflow/restoreAsDraft.ts, which always asks for a draft; the other ways in (GraphQL's
 * `restoreVersion…` mutations, the local API's `restoreVersion`, which does not even pass `draft` on)
 * write the old version with the status it was saved with unless `draft` is true, so here, the first
 * `beforeChange` of every editorial collection, a restore that is not a draft is refused, whoever
 * asks:
 * - a published version restored as it is would publish it at once;
 * - a draft version restored as it is over a published document would take it off the public site,
 *   with nobody having asked to unpublish it (unpublishing is its own, explicit step);
 * - a draft version over a document that was never published changes nothing public, but is asked
 *   as a draft all the same, so that a restore means one thing on every way in.
 */
export const restoreKeepsPublicCopy: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req, context }) => {
  if (!isRestoringVersion(context) || isDraftSave(context, data)) return data
  if (data._status === 'published') {
    throw new WorkflowError('Restoring a published version as it is would publish it straight away. Restore it as a draft, then publish it as usual.')
  }
  if (originalDoc?.id && (await publicCopyIsPublished(req, collection.slug, originalDoc.id))) {
    throw new WorkflowError(
      'This version is a draft: restoring it as it is would take the published page off the site. Restore it as a draft instead (the public page stays as it is); unpublishing is done on its own.',
    )
  }
  throw new WorkflowError('A version is restored as a draft: restore it as a draft, then publish it as usual.')
}
