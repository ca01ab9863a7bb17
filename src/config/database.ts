import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sql, sqliteAdapter, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { runsAfterCommit } from '../lib/afterCommit'
import { migrations as mongodbMigrations } from '../migrations/mongodb'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { databaseTarget, projectRoot } from './env'
import { indexLocalesParents } from './localesIndexes'
import { serialiseSqliteWrites } from './sqliteWrites'

const SQLITE_BUSY_TIMEOUT_MS = 5000

/**
 * MongoDB when DATABASE_URI is a MongoDB URI (production), otherwise an embedded SQLite file.
 * Schema changes reach SQLite only through committed migrations (`npm run migrate:create`);
 * MongoDB needs none for this content model.
 */
export function databaseAdapter(): DatabaseAdapterObj {
  const target = databaseTarget()
  if (target.kind === 'mongodb') {
    return runsAfterCommit(
      mongooseAdapter({
        url: target.url,
        migrationDir: path.join(projectRoot, 'src/migrations/mongodb'),
        connectOptions: { serverSelectionTimeoutMS: 5000 },
      }),
    )
  }
  try {
    fs.mkdirSync(path.dirname(target.file), { recursive: true })
  } catch {
    // Reported as "cannot reach the SQLite file …" when Payload connects.
  }
  const sqlite = serialiseSqliteWrites(
    sqliteAdapter({
      client: { url: target.url },
      // Every operation in one transaction: a server killed mid-publish, mid-import or mid-migration
      // leaves each document (with its versions and locales) fully written or not at all.
      // (libsql starts every transaction with BEGIN IMMEDIATE whatever the behaviour says.)
      transactionOptions: { behavior: 'immediate' },
      // Wait for another process's lock rather than fail at once: a backup (VACUUM INTO), a seed or an
      // import writing to the same file (bench:faults, scenario d). Within this process writes queue
      // in sqliteWrites.ts instead.
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      // Write-ahead log: readers (the site, a backup's VACUUM INTO) never hold up a COMMIT, which in
      // rollback-journal mode waits for them and, past busy_timeout, fails — and a libsql connection
      // whose COMMIT failed keeps the file locked. Backups stay single files (VACUUM INTO writes a
      // plain database); restore removes the -wal and -shm companions.
      wal: true,
      idType: 'uuid',
      push: false,
      migrationDir: path.join(projectRoot, 'src/migrations/sqlite'),
      prodMigrations: sqliteMigrations,
      afterSchemaInit: [indexLocalesParents],
    }),
    SQLITE_BUSY_TIMEOUT_MS,
    target.url,
  )
  return runsAfterCommit(sqlite)
}

/** Applies pending committed migrations for whichever adapter is configured, then refreshes SQLite's statistics. */
export async function runMigrations(payload: MigratingPayload): Promise<void> {
  const list = payload.db.name === 'mongoose' ? mongodbMigrations : sqliteMigrations
  const report = sayWhyAMigrationFailed(payload)
  try {
    await payload.db.migrate({ migrations: list as never[] })
  } finally {
    report.stop()
  }
  await refreshStatistics(payload)
}

type MigratingPayload = {
  db: { name: string; migrate: (args?: { migrations?: never[] }) => Promise<void> }
  logger: { error: (...args: never[]) => void }
}

/**
 * Payload ends the process (exit 1) when a migration fails, after logging why at `error` — which the
 * command-line tools, at LOG_LEVEL=fatal, never print. Say it in one line on the way out.
 */
function sayWhyAMigrationFailed(payload: MigratingPayload): { stop: () => void } {
  const { logger } = payload
  const error = logger.error
  let last: string | undefined
  logger.error = ((first: unknown, ...rest: never[]) => {
    if (typeof first === 'string') last = first
    else if (first && typeof first === 'object') {
      const { msg, err } = first as { msg?: string; err?: Error & { cause?: Error } }
      const reason = err?.cause?.message ?? err?.message
      last = [msg?.split('\n')[0], reason?.split('\n')[0]].filter(Boolean).join(' — ') || last
    }
    return (error as (...args: unknown[]) => void).call(logger, first, ...rest)
  }) as typeof logger.error
  const onExit = (code: number) => {
    if (code === 0 || !last) return
    process.stderr.write(
      `error: ${last}. Each migration runs in one transaction, so the database is as it was before it: fix the cause and run the command again (a database half-migrated by an older version of the app: restore a backup).\n`,
    )
  }
  process.on('exit', onExit)
  return {
    stop: () => {
      logger.error = error
      process.off('exit', onExit)
    },
  }
}

/**
 * SQLite picks query plans from table statistics. Without them it takes `_status = 'published'`
 * (on every public query) for a selective condition, and finds a release by its slug by walking
 * every published release. ANALYZE, sampled so it takes milliseconds at any size, runs wherever
 * migrations do: each `npm start`, seed and import.
 */
export async function refreshStatistics(payload: { db: { name: string } }): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  const db = (payload.db as unknown as SQLiteAdapter).drizzle
  await db.run(sql`PRAGMA analysis_limit = 1000`)
  await db.run(sql`ANALYZE`)
}
