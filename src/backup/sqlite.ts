/**
 * The SQLite-specific half of backup and restore (the only adapter-specific code in the app): a
 * consistent copy through SQLite's online backup (`VACUUM INTO`) on the libsql connection
 * @payloadcms/db-sqlite already holds, and facts read from that copy, not from the live file.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { BackupError } from './manifest'

const SNAPSHOT_SCHEMA = 'backup_snapshot'

function sqlite(payload: Payload): SQLiteAdapter {
  if (payload.db.name !== 'sqlite') throw new BackupError(`this backup works on SQLite; the database adapter is ${payload.db.name}`)
  return payload.db as unknown as SQLiteAdapter
}

/** A consistent copy of the whole database at one instant, while the server keeps serving. */
export async function snapshotDatabase(payload: Payload, file: string): Promise<void> {
  const { client } = sqlite(payload)
  // Wait for a writer's commit to finish instead of failing at once (this connection only).
  await client.execute('PRAGMA busy_timeout = 10000')
  await client.execute({ sql: 'VACUUM INTO ?', args: [file] })
}

export interface SnapshotFacts {
  counts: Record<string, { docs: number; versions?: number }>
  migrations: string[]
  /** Every file an upload record of the snapshot names (the original and each size). */
  referencedFiles: string[]
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Counts, applied migrations and the files upload records name, read from a database file (a snapshot). */
export async function readSnapshotFacts(payload: Payload, file: string): Promise<SnapshotFacts> {
  const adapter = sqlite(payload)
  const { client } = adapter
  const table = (key: string) => {
    const name = adapter.tableNameMap.get(key)
    if (!name) throw new BackupError(`no table is known for "${key}"`)
    return `${SNAPSHOT_SCHEMA}.${quote(name)}`
  }
  const countRows = async (from: string) => Number((await client.execute(`SELECT count(*) AS n FROM ${from}`)).rows[0]!.n)

  await client.execute({ sql: `ATTACH DATABASE ? AS ${SNAPSHOT_SCHEMA}`, args: [file] })
  try {
    const counts: SnapshotFacts['counts'] = {}
    const referencedFiles = new Set<string>()
    for (const collection of payload.config.collections) {
      // Payload's table names: the slug in snake case (its own `toSnakeCase`, which for kebab-case slugs is this).
      const key = collection.slug.replace(/-/g, '_')
      counts[collection.slug] = { docs: await countRows(table(key)) }
      if (collection.versions) counts[collection.slug]!.versions = await countRows(table(`_${key}${adapter.versionsSuffix ?? '_v'}`))
      if (collection.upload) {
        const { rows, columns } = await client.execute(`SELECT * FROM ${table(key)}`)
        const fileColumns = columns.filter((column) => column === 'filename' || column.endsWith('_filename'))
        for (const row of rows) {
          for (const column of fileColumns) if (typeof row[column] === 'string' && row[column]) referencedFiles.add(row[column] as string)
        }
      }
    }
    const migrations = (await client.execute(`SELECT name FROM ${table('payload_migrations')} ORDER BY created_at, name`)).rows.map((row) => String(row.name))
    return { counts, migrations, referencedFiles: [...referencedFiles].sort() }
  } finally {
    await client.execute(`DETACH DATABASE ${SNAPSHOT_SCHEMA}`)
  }
}

/** SQLite's own companions of a database file: a leftover journal would be applied to the restored file. */
export const SIDECAR_SUFFIXES = ['-journal', '-wal', '-shm']

/**
 * Processes that have the database file (or its journal) open, from /proc (Linux). `null` when
 * this system has no /proc: nobody can tell.
 */
export function processesHolding(file: string): { pid: number; command: string }[] | null {
  if (!fs.existsSync('/proc/self/fd')) return null
  const real = fs.existsSync(file) ? fs.realpathSync(file) : path.resolve(file)
  const targets = new Set([real, ...SIDECAR_SUFFIXES.map((suffix) => real + suffix)])
  const holders: { pid: number; command: string }[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let fds: string[]
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`)
    } catch {
      continue // gone, or another user's
    }
    const holds = fds.some((fd) => {
      try {
        return targets.has(fs.readlinkSync(`/proc/${entry}/fd/${fd}`))
      } catch {
        return false
      }
    })
    if (!holds) continue
    let command = '?'
    try {
      command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim().slice(0, 100)
    } catch {
      // exited meanwhile
    }
    holders.push({ pid: Number(entry), command })
  }
  return holders
}
