import type { Payload } from 'payload'

/**
 * The two things a load balancer needs to know about this instance: does the database answer a
 * trivial query in time, and is the in-process job runner (scheduled publishing) ticking.
 */
export type DatabaseStatus = 'ok' | 'unreachable' | 'timeout'
export type JobsStatus = 'ok' | 'starting' | 'disabled' | 'stalled' | 'stopped' | 'not-started'

export const DATABASE_TIMEOUT_MS = 2000
/** The runner ticks every second (payload.config.ts `jobs.autoRun`); a tick older than this means it stopped ticking. */
export const JOBS_TICK_STALE_MS = 10_000
/** A single run of queued jobs (a few publishes) takes well under a second; one still busy after this is stuck. */
export const JOBS_BUSY_STALE_MS = 120_000

export async function checkDatabase(payload: Pick<Payload, 'count'>, timeoutMs = DATABASE_TIMEOUT_MS): Promise<{ status: DatabaseStatus; ms: number; error?: unknown }> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    const result = await Promise.race([payload.count({ collection: 'users', overrideAccess: true }), timeout])
    const ms = Math.round(performance.now() - started)
    return result === 'timeout' ? { status: 'timeout', ms } : { status: 'ok', ms }
  } catch (error) {
    return { status: 'unreachable', ms: Math.round(performance.now() - started), error }
  } finally {
    clearTimeout(timer)
  }
}

/** The part of croner's `Cron` (Payload's `payload.crons`) the check reads. */
export interface CronLike {
  isStopped(): boolean
  isBusy(): boolean
  currentRun(): Date | null
  previousRun(): Date | null
}

// When each runner was first seen by a health check: a runner created moments ago has not ticked yet.
const firstSeen = new WeakMap<object, number>()

export interface JobsCheck {
  status: JobsStatus
  /** When the runner last finished a tick (ISO), if it has. */
  lastTick: string | null
}

/**
 * `enabled`: whether this process runs jobs (src/config/jobs.ts; false with DISABLE_JOB_AUTORUN=true:
 * the runner still ticks but runs nothing — another instance must run the jobs).
 */
export function checkJobs(crons: readonly CronLike[], enabled: boolean, now = Date.now()): JobsCheck {
  const cron = crons[0]
  if (!cron) return { status: 'not-started', lastTick: null }
  const previous = cron.previousRun()
  const lastTick = previous ? previous.toISOString() : null
  if (!enabled) return { status: 'disabled', lastTick }
  if (cron.isStopped()) return { status: 'stopped', lastTick }
  if (cron.isBusy()) {
    const current = cron.currentRun()
    return { status: current && now - current.getTime() > JOBS_BUSY_STALE_MS ? 'stalled' : 'ok', lastTick }
  }
  if (!previous) {
    if (!firstSeen.has(cron)) firstSeen.set(cron, now)
    return { status: now - firstSeen.get(cron)! > JOBS_TICK_STALE_MS ? 'stalled' : 'starting', lastTick }
  }
  return { status: now - previous.getTime() > JOBS_TICK_STALE_MS ? 'stalled' : 'ok', lastTick }
}

/** Healthy job states: the runner ticks, is about to, or this instance is configured not to run jobs. */
export const jobsHealthy = (status: JobsStatus): boolean => status === 'ok' || status === 'starting' || status === 'disabled'
