import type { Endpoint } from 'payload'

import { runsJobs } from '@/config/jobs'

import { DATABASE_TIMEOUT_MS, JOBS_TICK_STALE_MS, checkDatabase, checkJobs, jobsHealthy } from './checks'

const CHECKED = {
  database: `payload.count(users) answered within ${DATABASE_TIMEOUT_MS} ms`,
  jobs: `the in-process job runner (jobs.autoRun, every second) finished a tick within ${JOBS_TICK_STALE_MS / 1000} s; "disabled" when DISABLE_JOB_AUTORUN=true`,
}

/**
 * GET /api/health for load balancers: 200 when the database answers and the job runner ticks
 * (or is disabled on purpose), 503 otherwise. Never a stack trace or a path; never cached.
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const { payload } = req
    const database = await checkDatabase(payload)
    if (database.error) payload.logger.warn({ err: database.error, msg: 'health: the database did not answer' })
    const jobs = checkJobs(payload.crons, runsJobs())
    const healthy = database.status === 'ok' && jobsHealthy(jobs.status)
    const body = {
      status: healthy ? 'ok' : 'error',
      database: database.status,
      jobs: jobs.status,
      uptime: Math.round(process.uptime()),
      databaseMs: database.ms,
      jobsLastTick: jobs.lastTick,
      checked: CHECKED,
    }
    return Response.json(body, { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
  },
}
