import type { CollectionBeforeChangeHook } from 'payload'

import { isEditorUser, type UserLike } from '@/access/roles'

import { isDraftSave } from './draftArg'
import { publicCopyIsPublished } from './publicCopy'
import { WorkflowError } from './releaseWorkflow'

/**
 * For agencies, officials and galleries: anyone on staff drafts, only editors publish or unpublish.
 * (Releases have the full review workflow in `releaseWorkflow.ts`.) Access already hides Publish from
 * contributors; this refuses a publish — or an unpublish, which changes what readers see just as
 * much — that reaches the server by any other path.
 */
export const preventContributorPublish: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req, context }) => {
  const user = req.user as UserLike
  if (!user || isEditorUser(user)) return data
  const nextStatus = data._status ?? originalDoc?._status
  const draftSave = isDraftSave(context, data)
  const publishing = nextStatus === 'published' && !draftSave
  if (publishing) throw new WorkflowError('Contributors save drafts; an editor publishes.')
  if (!originalDoc?.id || nextStatus === 'published' || draftSave) return data
  if (await publicCopyIsPublished(req, collection.slug, originalDoc.id)) throw new WorkflowError('Contributors save drafts; an editor unpublishes.')
  return data
}
