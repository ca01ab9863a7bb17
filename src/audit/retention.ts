import { createLocalReq, type Payload, type PayloadRequest, type TaskConfig } from 'payload'

import { ConfigError } from '@/config/env'
import { inTransaction } from '@/lib/atomic'

import { recordAuditEvent } from './record'

export const PRUNE_TASK = 'pruneAuditEvents'
const DAY_MS = 86_400_000

/** AUDIT_RETENTION_DAYS: how long audit records are kept, in days; unset or empty: for ever. */
export function auditRetentionDays(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.AUDIT_RETENTION_DAYS?.trim()
  if (!raw) return null
  const days = Number(raw)
  if (!Number.isInteger(days) || days <= 0) throw new ConfigError(`AUDIT_RETENTION_DAYS must be a whole number of days (or empty to keep every record); got "${raw}"`)
  return days
}

/**
 * Removes the audit records older than AUDIT_RETENTION_DAYS, and records that it did (how many, up to
 * when), in one transaction. Returns how many were removed; with no retention set, none.
 */
export async function pruneAuditEvents(payload: Payload, given?: PayloadRequest, now = new Date()): Promise<number> {
  const days = auditRetentionDays()
  if (!days) return 0
  const before = new Date(now.getTime() - days * DAY_MS).toISOString()
  const where = { when: { less_than: before } }
  const req = given ?? (await createLocalReq({}, payload))
  return inTransaction(req, async () => {
    const { totalDocs } = await payload.count({ collection: 'audit-events', where, overrideAccess: true, req })
    if (totalDocs > 0) {
      await payload.db.deleteMany({ collection: 'audit-events', where, req })
      await recordAuditEvent(req, { action: 'audit-pruned', who: null, address: null, detail: { days, removed: totalDocs, before } })
    }
    return totalDocs
  })
}

/** Whether a prune is waiting in the queue (due or not). */
async function pruneQueued(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: PRUNE_TASK } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }, { processing: { equals: false } }] },
    overrideAccess: true,
  })
  return totalDocs > 0
}

/** Queues a prune (now, or at `when`) unless one is already waiting; nothing when records are kept for ever. */
export async function queuePrune(payload: Payload, when?: Date): Promise<void> {
  if (!auditRetentionDays() || (await pruneQueued(payload))) return
  await payload.jobs.queue({ task: PRUNE_TASK as never, input: {} as never, ...(when ? { waitUntil: when } : {}) })
}

/**
 * The daily prune, on Payload's job queue (src/config/jobs.ts queues the first one when the job
 * runner starts): it prunes, then queues itself for the next day.
 */
export const pruneAuditEventsTask: TaskConfig = {
  slug: PRUNE_TASK,
  inputSchema: [],
  outputSchema: [{ name: 'removed', type: 'number' }],
  retries: 2,
  handler: async ({ req }) => {
    const removed = await pruneAuditEvents(req.payload)
    await queuePrune(req.payload, new Date(Date.now() + DAY_MS))
    return { output: { removed } }
  },
}
