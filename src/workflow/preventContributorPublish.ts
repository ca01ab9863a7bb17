import type { CollectionBeforeChangeHook } from 'payload'

import { isEditorUser, type UserLike } from '@/access/roles'

import { isDraftSave } from './draftArg'
import { WorkflowError } from './releaseWorkflow'

/**
 * For agencies, officials and galleries: anyone on staff drafts, only editors publish. (Releases have
 * the full review workflow in `releaseWorkflow.ts`.) Access already hides Publish from contributors;
 * this refuses a publish that reaches the server by any other path.
 */
export const preventContributorPublish: CollectionBeforeChangeHook = ({ data, originalDoc, req, context }) => {
  const user = req.user as UserLike
  if (!user) return data
  const nextStatus = data._status ?? originalDoc?._status
  const publishing = nextStatus === 'published' && !isDraftSave(context, data)
  if (publishing && !isEditorUser(user)) throw new WorkflowError('Contributors save drafts; an editor publishes.')
  return data
}
