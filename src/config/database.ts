import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as mongodbMigrations } from '../migrations/mongodb'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { databaseTarget, projectRoot } from './env'

/**
 * MongoDB when DATABASE_URI is a MongoDB URI (production), otherwise an embedded SQLite file.
 * Schema changes reach SQLite only through committed migrations (`npm run migrate:create`);
 * MongoDB needs none for this content model.
 */
export function databaseAdapter(): DatabaseAdapterObj {
  const target = databaseTarget()
  if (target.kind === 'mongodb') {
    return mongooseAdapter({
      url: target.url,
      migrationDir: path.join(projectRoot, 'src/migrations/mongodb'),
      connectOptions: { serverSelectionTimeoutMS: 5000 },
    })
  }
  try {
    fs.mkdirSync(path.dirname(target.file), { recursive: true })
  } catch {
    // Reported as "cannot reach the SQLite file …" when Payload connects.
  }
  return sqliteAdapter({
    client: { url: target.url },
    idType: 'uuid',
    push: false,
    migrationDir: path.join(projectRoot, 'src/migrations/sqlite'),
    prodMigrations: sqliteMigrations,
  })
}

/** Applies pending committed migrations for whichever adapter is configured. */
export async function runMigrations(payload: { db: { name: string; migrate: (args?: { migrations?: never[] }) => Promise<void> } }): Promise<void> {
  const list = payload.db.name === 'mongoose' ? mongodbMigrations : sqliteMigrations
  await payload.db.migrate({ migrations: list as never[] })
}
