import type { CollectionConfig, CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { UserLike } from '@/access/roles'

import { assertMaySchedule, type ReleaseWorkflowData } from './releaseWorkflow'

type ScheduleInput = {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo: string; value: string | number }
}

const releaseOf = (data: { taskSlug?: string; input?: ScheduleInput }) =>
  data.taskSlug === 'schedulePublish' && data.input?.doc?.relationTo === 'releases' ? data.input : null

/** Refuses, at the moment of scheduling, a schedule the job could not carry out. */
const checkSchedule: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  const input = operation === 'create' ? releaseOf(data) : null
  if (!input?.doc) return data
  const release = await req.payload.findByID({
    collection: 'releases',
    id: input.doc.value,
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (input.type !== 'unpublish') assertMaySchedule(release as ReleaseWorkflowData, req.user as UserLike)
  return data
}

/** Shows the release as "Scheduled" (an embargo: it stays a draft, invisible to the public, until then). */
const markScheduled: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const input = operation === 'create' ? releaseOf(doc) : null
  if (!input?.doc || input.type === 'unpublish') return doc
  req.context.trustedWorkflowWrite = true
  try {
    await req.payload.update({
      collection: 'releases',
      id: input.doc.value,
      draft: true,
      data: { workflow: { state: 'scheduled', scheduledFor: doc.waitUntil } },
      depth: 0,
      overrideAccess: true,
      req,
    })
  } finally {
    req.context.trustedWorkflowWrite = false
  }
  return doc
}

export const withScheduleChecks = ({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig => ({
  ...defaultJobsCollection,
  hooks: {
    ...defaultJobsCollection.hooks,
    beforeChange: [...(defaultJobsCollection.hooks?.beforeChange ?? []), checkSchedule],
    afterChange: [...(defaultJobsCollection.hooks?.afterChange ?? []), markScheduled],
  },
})
