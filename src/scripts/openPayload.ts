/**
 * Opens Payload for command-line tools (seed, import, start) with the project's `.env` loaded, and
 * turns the usual failures — bad configuration, unreachable database — into one readable line.
 */
import nextEnv from '@next/env'
import type { Payload } from 'payload'

import { ConfigError, databaseTarget, projectRoot } from '@/config/env'

import { preloadLexical } from './preloadLexical'

export function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`)
  process.exit(1)
}

export function loadEnv(): void {
  nextEnv.loadEnvConfig(projectRoot, process.env.NODE_ENV !== 'production', { info: () => undefined, error: console.error })
}

/** One line that says what is wrong, never a stack trace. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return error.message
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  let where = 'the database'
  try {
    const target = databaseTarget()
    where = target.kind === 'mongodb' ? `MongoDB at ${target.url.replace(/\/\/[^@/]*@/, '//***@')}` : `the SQLite file ${target.file}`
  } catch (configError) {
    if (configError instanceof ConfigError) return configError.message
  }
  if (/SQLITE_BUSY|database is locked/i.test(text)) {
    return `${where} is locked by another process (a seed, an import, a restore, an sqlite3 shell?). Start again once it has finished.`
  }
  if (/ServerSelection|ECONNREFUSED|ENOTFOUND|timed out|SQLITE_CANTOPEN|SQLITE_READONLY|unable to open|EACCES/i.test(text)) {
    const detail = (error as Error).message.split('\n')[0]!.split('Details: ').pop()
    return `cannot reach ${where}: ${detail}. Check DATABASE_URI and that the database is running.`
  }
  if (/Failed query|no such (table|column)/i.test(text)) {
    return `the database at ${where} does not match this version of the app (run \`npm run migrate\`): ${text.split('\n')[0]!.slice(0, 160)}…`
  }
  return text.split('\n')[0]!
}

export async function openPayload(): Promise<Payload> {
  loadEnv()
  // Command-line tools must not start the scheduled-publish runner; the server does that.
  process.env.DISABLE_JOB_AUTORUN = 'true'
  process.env.PAYLOAD_LOG_TO_STDERR = 'true'
  // The tools report their own errors in one line; Payload's own log would repeat them with stack traces.
  process.env.LOG_LEVEL ||= 'fatal'
  try {
    await preloadLexical()
    const { default: config } = await import('../../payload.config')
    const { getPayload } = await import('payload')
    return await getPayload({ config })
  } catch (error) {
    fail(describeStartupError(error))
  }
}

/**
 * Runs a command-line tool's main function. If Node runs out of work before `main` settles (a
 * promise that can never resolve), say so and exit 1 rather than ending silently with 0.
 */
export function runCli(main: () => Promise<void>): void {
  let settled = false
  process.on('beforeExit', () => {
    if (!settled) fail('stopped before finishing: an internal step never completed. Please report this.')
  })
  main().then(
    () => {
      settled = true
    },
    (error: unknown) => {
      settled = true
      fail(describeStartupError(error))
    },
  )
}
