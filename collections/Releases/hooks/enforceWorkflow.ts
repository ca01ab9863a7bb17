import type { CollectionBeforeChangeHook } from 'payload'

import type { UserLike } from '@/access/roles'
import { isDraftSave, isRestoringVersion } from '@/workflow/draftArg'
import { changedSinceScheduled, changesContent, publicContentForWithdrawal, readPublicCopy } from '@/workflow/publicCopy'
import { applyReleaseWorkflow, intentOf, isWithdrawing, keepsPublicText, WorkflowError, type ReleaseWorkflowData, type WorkflowInput } from '@/workflow/releaseWorkflow'

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
    seenVersionAt: (data as { updatedAt?: string }).updatedAt ?? null,
    latestVersionAt: (originalDoc as { updatedAt?: string } | undefined)?.updatedAt ?? null,
  }

  // The public copy is read only when the write could publish, unpublish or withdraw.
  const intent = intentOf(base)
  const mayWithdraw = Boolean((data as ReleaseWorkflowData).withdrawal?.withdrawn ?? previous?.withdrawal?.withdrawn)
  const needsPublicCopy = previous != null && (intent === 'unpublish' || intent === 'publish' || mayWithdraw)
  const publicCopy = needsPublicCopy ? await readPublicCopy(req, 'releases', originalDoc.id) : { published: false, withdrawn: false }
  const writesContent = intent === 'publish' && user != null && changesContent(data, previous as Record<string, unknown> | null)
  const input = { ...base, publicCopyIsPublished: publicCopy.published, publicCopyIsWithdrawn: publicCopy.withdrawn, writesContent }

  if (intent === 'publish' && user != null && previous && (await changedSinceScheduled(req, originalDoc.id, originalDoc))) {
    throw new WorkflowError('This release changed after its publication was scheduled: an editor must review it again and schedule it anew.')
  }
  const decided = applyReleaseWorkflow(input)
  // A withdrawal or a review confirmation changes a notice or a record only: readers keep the reviewed public text.
  const publicTextOnly = user != null && previous != null && keepsPublicText(input, intent)
  const content = publicTextOnly ? await publicContentForWithdrawal(req, 'releases', originalDoc.id) : {}
  // Later beforeChange hooks (the alt-text gate) check what a publish changes; this one changes no text.
  // (req.context: the local API calls above may have given the request a fresh context object.)
  if (publicTextOnly) req.context.withdrawalOnly = true
  // A confirmation keeps the public notice too (a withdrawal writes its own).
  const notice = publicTextOnly && !isWithdrawing(input, intent) ? { withdrawal: (content as ReleaseWorkflowData).withdrawal } : {}
  return { ...data, ...content, ...decided, ...notice, workflow: { ...(data.workflow ?? {}), ...decided.workflow } }
}
