import type { Config, Payload, Where } from 'payload'

import { pruneAuditEventsTask, queuePrune } from '@/audit/retention'

const QUEUE = 'default'

/** Whether this process runs the job queue; with DISABLE_JOB_AUTORUN=true another instance does. */
export const runsJobs = (): boolean => process.env.DISABLE_JOB_AUTORUN !== 'true'

/**
 * Whether the runner would take a job now: the selection of Payload's runJobs (not done, not
 * failed, not taken, due, in the queue). Payload's runner claims jobs with an UPDATE in a write
 * transaction on every tick, due jobs or not: every second an idle server took the write lock (a
 * save could queue behind it) and, on SQLite, entered the lock's async context, which on Node 20
 * adds to the promise hooks every later request pays (src/config/sqliteWrites.ts). A read first
 * leaves an idle server idle.
 */
export async function jobsAreDue(payload: Payload, now = new Date()): Promise<boolean> {
  const where: Where = {
    and: [
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
      { processing: { equals: false } },
      { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: now.toISOString() } }] },
      { queue: { equals: QUEUE } },
    ],
  }
  const { totalDocs } = await payload.count({ collection: 'payload-jobs', where, overrideAccess: true })
  return totalDocs > 0
}

let pruneQueued = false

/**
 * With AUDIT_RETENTION_DAYS set, the first prune of old audit records is queued the first time the
 * runner looks; each prune then queues the next, a day later (src/audit/retention.ts).
 */
async function queueFirstPrune(payload: Payload): Promise<void> {
  if (pruneQueued) return
  pruneQueued = true
  await queuePrune(payload).catch((err: unknown) => {
    pruneQueued = false
    payload.logger.error({ err, msg: 'Could not queue the pruning of old audit records' })
  })
}

/** Scheduled publishing (and pruning the audit log) runs inside the app process: nothing external to set up. */
export const jobs: Config['jobs'] = {
  tasks: [pruneAuditEventsTask],
  autoRun: [{ cron: '* * * * * *', limit: 20, queue: QUEUE }],
  shouldAutoRun: async (payload) => runsJobs() && (await queueFirstPrune(payload), await jobsAreDue(payload)),
}
