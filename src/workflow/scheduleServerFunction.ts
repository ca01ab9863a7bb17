import { docAccessOperation, type PayloadRequest } from 'payload'
import { hasScheduledPublishEnabled } from 'payload/shared'

type ScheduleArgs = {
  doc?: { relationTo?: unknown; value?: unknown } | null
  global?: unknown
  deleteID?: unknown
}

export const SCHEDULE_REFUSED = 'Only someone who may publish this document can schedule its publication or cancel a scheduled one.'

/**
 * Payload's admin server function `schedule-publish` queues a publish (or deletes a queued one by job
 * id) after checking only that the person may use the admin. The Schedule drawer offers it to those
 * who may publish the document; this applies the same rule to the call itself: publish permission on
 * that document, and a job being replaced must be a scheduled publish of that same document.
 * Returns the refusal in the shape the drawer shows ({ error }), or null to let Payload handle it.
 */
export async function refuseScheduleServerFunction(args: ScheduleArgs, req: PayloadRequest): Promise<{ error: string } | null> {
  const refused = { error: SCHEDULE_REFUSED }
  if (!req.user || args.global) return refused
  const slug = typeof args.doc?.relationTo === 'string' ? args.doc.relationTo : null
  const id = typeof args.doc?.value === 'string' || typeof args.doc?.value === 'number' ? args.doc.value : null
  const collection = slug ? req.payload.collections[slug as keyof typeof req.payload.collections] : undefined
  if (!collection || id === null || !hasScheduledPublishEnabled(collection.config)) return refused
  const access = await docAccessOperation({ id, collection, data: { _status: 'published' }, req })
  if (!access.update) return refused
  if (args.deleteID !== undefined && args.deleteID !== null && args.deleteID !== '') {
    if (typeof args.deleteID !== 'string' && typeof args.deleteID !== 'number') return refused
    const { docs } = await req.payload.find({
      collection: 'payload-jobs',
      where: { and: [{ id: { equals: args.deleteID } }, { taskSlug: { equals: 'schedulePublish' } }] },
      overrideAccess: true,
      depth: 0,
      limit: 1,
      req,
    })
    const input = (docs[0] as { input?: ScheduleArgs } | undefined)?.input
    if (!input || input.doc?.relationTo !== slug || String(input.doc?.value) !== String(id)) return refused
  }
  return null
}
