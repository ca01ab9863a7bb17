import type { CollectionBeforeChangeHook } from 'payload'

import type { UserLike } from '@/access/roles'
import { isDraftSave, isRestoringVersion } from '@/workflow/draftArg'
import { publicCopyIsPublished } from '@/workflow/publicCopy'
import { applyReleaseWorkflow, intentOf, type ReleaseWorkflowData } from '@/workflow/releaseWorkflow'

/** Hands every write to the workflow module and merges the fields it sets. */
export const enforceWorkflow: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const previous = operation === 'update' ? (originalDoc as ReleaseWorkflowData) : null
  const draftSave = isDraftSave(context, data)
  const base = { previous, incoming: data as ReleaseWorkflowData, isDraftSave: draftSave, restoringVersion: isRestoringVersion(context), now: new Date() }
  const user = context.trustedWorkflowWrite ? null : (req.user as UserLike)

  const mayUnpublish = previous && intentOf({ ...base, user, publicCopyIsPublished: true }) === 'unpublish'
  const published = mayUnpublish ? await publicCopyIsPublished(req, 'releases', originalDoc.id) : false

  const decided = applyReleaseWorkflow({ ...base, user, publicCopyIsPublished: published })
  return { ...data, ...decided, workflow: { ...(data.workflow ?? {}), ...decided.workflow } }
}
