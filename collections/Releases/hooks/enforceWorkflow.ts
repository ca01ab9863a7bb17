import type { CollectionBeforeChangeHook } from 'payload'

import type { UserLike } from '@/access/roles'
import { isDraftSave, isRestoringVersion } from '@/workflow/draftArg'
import { publicContentForWithdrawal, readPublicCopy } from '@/workflow/publicCopy'
import { applyReleaseWorkflow, intentOf, isWithdrawing, type ReleaseWorkflowData, type WorkflowInput } from '@/workflow/releaseWorkflow'

/** Hands every write to the workflow module and merges the fields it sets. */
export const enforceWorkflow: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const previous = operation === 'update' ? (originalDoc as ReleaseWorkflowData) : null
  const draftSave = isDraftSave(context, data)
  const user = context.trustedWorkflowWrite ? null : (req.user as UserLike)
  const base: WorkflowInput = {
    previous,
    incoming: data as ReleaseWorkflowData,
    isDraftSave: draftSave,
    restoringVersion: isRestoringVersion(context),
    now: new Date(),
    user,
    publicCopyIsPublished: true,
  }

  // The public copy is read only when the write could publish, unpublish or withdraw.
  const intent = intentOf(base)
  const mayWithdraw = Boolean((data as ReleaseWorkflowData).withdrawal?.withdrawn ?? previous?.withdrawal?.withdrawn)
  const needsPublicCopy = previous != null && (intent === 'unpublish' || intent === 'publish' || mayWithdraw)
  const publicCopy = needsPublicCopy ? await readPublicCopy(req, 'releases', originalDoc.id) : { published: false, withdrawn: false }
  const input = { ...base, publicCopyIsPublished: publicCopy.published, publicCopyIsWithdrawn: publicCopy.withdrawn }

  const decided = applyReleaseWorkflow(input)
  // A withdrawal changes the notice only: the text readers see stays the reviewed public copy.
  const withdrawingNow = intent === 'publish' && user != null && isWithdrawing(input, intent)
  const content = withdrawingNow ? await publicContentForWithdrawal(req, 'releases', originalDoc.id) : {}
  // Later beforeChange hooks (the alt-text gate) check what a publish changes; a withdrawal changes only the notice.
  // (req.context: the local API calls above may have given the request a fresh context object.)
  if (withdrawingNow) req.context.withdrawalOnly = true
  return { ...data, ...content, ...decided, workflow: { ...(data.workflow ?? {}), ...decided.workflow } }
}
