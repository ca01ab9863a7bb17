/**
 * Atomic writes on SQLite without SQLITE_BUSY inside the process.
 *
 * Payload's SQLite transactions (enabled by `transactionOptions`) each get their own libsql
 * connection: the client hands its connection to the transaction (BEGIN IMMEDIATE) and lazily opens
 * a fresh one, without the busy_timeout set at connect. libsql runs every statement synchronously,
 * so a second connection of this process waiting for the write lock would block the event loop and
 * the transaction holding that lock could never finish. SQLite has one writer anyway: writes of this
 * process therefore queue here for one write lock, asynchronously — transactions from BEGIN to
 * COMMIT/ROLLBACK, and writes outside a transaction for their one statement — and busy_timeout
 * (now set on every connection) only has to cover other processes: a seed, an import, a backup.
 *
 * An operation started without `req` inside another's hook would wait for the lock its caller
 * holds; it joins the caller's transaction instead (the only way SQLite can run it at all): its
 * writes commit or roll back with the caller's. "Inside" follows the async context
 * (AsyncLocalStorage), so an operation its caller started without awaiting it, later in the same
 * chain while the first is still open, would join too. A transaction never ended keeps the lock
 * (as it would keep SQLite's own): Payload ends every one it begins, except its job queue's
 * `updateJobs` when the update throws (a full disk, an I/O error) — ended here, see below.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

import { createClient, type Client } from '@libsql/client'
import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

interface Holder {
  transactionID?: string | number
  /** Payload's SQLite beginTransaction swallows a failed COMMIT (the operation would answer success). */
  commitError?: unknown
}

/** A FIFO lock handed directly to the next waiter, so nobody can slip in between. */
class WriteLock {
  holder: Holder | null = null
  private waiting: { holder: Holder; enter: () => void }[] = []

  acquire(holder: Holder): Promise<void> {
    if (!this.holder) {
      this.holder = holder
      return Promise.resolve()
    }
    return new Promise((enter) => this.waiting.push({ holder, enter }))
  }

  release(holder: Holder): void {
    if (this.holder !== holder) return
    const next = this.waiting.shift()
    this.holder = next?.holder ?? null
    next?.enter()
  }

  /** Runs `work` holding the lock, unless the current operation already holds it. */
  async around<T>(context: AsyncLocalStorage<Holder>, work: () => Promise<T>): Promise<T> {
    if (this.holder && this.holder === context.getStore()) return work()
    const holder: Holder = {}
    await this.acquire(holder)
    try {
      return await work()
    } finally {
      this.release(holder)
    }
  }
}

interface LibsqlTransaction {
  commit(): Promise<void>
  rollback(): Promise<void>
  close(): void
}

interface LibsqlClient {
  execute(...args: unknown[]): Promise<unknown>
  batch(...args: unknown[]): Promise<unknown>
  executeMultiple(...args: unknown[]): Promise<unknown>
  migrate(...args: unknown[]): Promise<unknown>
  transaction(...args: unknown[]): Promise<LibsqlTransaction>
}

interface Session {
  db: unknown
  resolve: () => Promise<void>
  reject: () => Promise<void>
}

type SqliteAdapter = BaseDatabaseAdapter & {
  client?: LibsqlClient & { writesSerialised?: boolean }
  sessions: Record<string | number, Session>
}

const READ_ONLY = /^\s*(select|explain)\b|^\s*pragma\s+[\w.]+\s*;?\s*$/i

function statementText(statement: unknown): string {
  if (typeof statement === 'string') return statement
  if (statement && typeof statement === 'object' && 'sql' in statement) return String((statement as { sql: unknown }).sql)
  return ''
}

/** Connection-level settings every connection of the client needs, not only the first one. */
function connectionPragmas(busyTimeout: number): string[] {
  return [`PRAGMA busy_timeout = ${busyTimeout}`, 'PRAGMA synchronous = FULL']
}

const isBusy = (error: unknown) => /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string })?.code ?? ''} ${String(error)}`)

/**
 * Waits, without blocking the event loop, until no other process holds the file's write lock, for
 * at most `timeoutMs`; then throws SQLITE_BUSY. Asked on a connection of its own with
 * busy_timeout 0: libsql waits for a lock synchronously (the whole server would stand still for
 * busy_timeout on every save while, say, an import holds the file), and a BEGIN that failed on the
 * client's own connection leaves a statement behind that makes every later COMMIT on it fail
 * ("SQL statements in progress") — the app would not recover without a restart.
 */
function writeLockProbe(url: string, timeoutMs: number): () => Promise<void> {
  let probe: Client | null = null
  return async () => {
    const started = Date.now()
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      try {
        if (!probe) {
          probe = createClient({ url })
          await probe.execute('PRAGMA busy_timeout = 0')
        }
        await probe.execute('BEGIN IMMEDIATE')
        await probe.execute('ROLLBACK')
        return
      } catch (error) {
        probe?.close()
        probe = null
        if (!isBusy(error) || Date.now() - started >= timeoutMs) throw error
        await new Promise((resolve) => setTimeout(resolve, pause))
      }
    }
  }
}

function serialiseClient(client: NonNullable<SqliteAdapter['client']>, lock: WriteLock, context: AsyncLocalStorage<Holder>, busyTimeout: number, url: string) {
  if (client.writesSerialised) return
  client.writesSerialised = true
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  const executeMultiple = client.executeMultiple.bind(client)
  const migrate = client.migrate.bind(client)

  client.execute = (statement: unknown, ...rest: unknown[]) =>
    READ_ONLY.test(statementText(statement)) ? execute(statement, ...rest) : lock.around(context, () => execute(statement, ...rest))
  client.batch = (...args) => lock.around(context, () => batch(...args))
  client.executeMultiple = (...args) => lock.around(context, () => executeMultiple(...args))
  client.migrate = (...args) => lock.around(context, () => migrate(...args))

  // libsql's own client.transaction() hands the client's connection to the transaction and opens a
  // new one for the client, and nothing ever closes the transaction's connection: every save left
  // one open (two file descriptors and its page cache — 300 saves, +600 descriptors and +230 MB;
  // the server would have stopped at the descriptor limit). Closing it is not enough either: its
  // prepared statements keep the file open until garbage collection. Writes are serialised anyway,
  // so every transaction runs on ONE writer connection of its own, opened once.
  const untilWritable = writeLockProbe(url, busyTimeout)
  const file = url.replace(/^file:/, '')
  let writer: Database.Database | null = null
  const writerConnection = (): Database.Database => {
    if (!writer?.open) {
      writer = new Database(file)
      for (const pragma of connectionPragmas(busyTimeout)) writer.exec(pragma)
    }
    return writer
  }
  const readTransaction = client.transaction.bind(client)
  client.transaction = async (mode: unknown = 'write') => {
    // A read transaction (nothing of the app's; a tool holding a snapshot) keeps libsql's own
    // connection and never takes the write lock.
    if (mode === 'read' || mode === 'deferred') return readTransaction(mode)
    const holder = context.getStore()
    // Transactions begun through the adapter already hold the write lock; any other takes it here.
    const own: Holder | null = holder && lock.holder === holder ? null : {}
    if (own) await lock.acquire(own)
    const finish = () => {
      if (own) lock.release(own)
    }
    let connection: Database.Database
    try {
      await untilWritable()
      connection = writerConnection()
      connection.exec('BEGIN IMMEDIATE')
    } catch (error) {
      if (!isBusy(error)) {
        writer?.close()
        writer = null
      }
      finish()
      throw error
    }
    const tx = new Sqlite3Transaction(connection as unknown as ConstructorParameters<typeof Sqlite3Transaction>[0], 'number')
    const commit = tx.commit.bind(tx)
    const rollback = tx.rollback.bind(tx)
    tx.commit = async () => {
      try {
        await commit()
      } catch (error) {
        if (holder) holder.commitError = error
        // A connection whose COMMIT failed still holds SQLite's write lock: give it up.
        if (connection.inTransaction) connection.exec('ROLLBACK')
        throw error
      } finally {
        finish()
      }
    }
    tx.rollback = async () => {
      try {
        await rollback()
      } finally {
        finish()
      }
    }
    tx.close = () => {
      try {
        if (connection.inTransaction) connection.exec('ROLLBACK')
      } finally {
        finish()
      }
    }
    return tx
  }
}

/**
 * Wraps @payloadcms/db-sqlite's adapter (created with `transactionOptions`) so that its writes are
 * serialised in this process as described above. `busyTimeout` is the adapter's own option.
 */
export function serialiseSqliteWrites(adapterObj: DatabaseAdapterObj, busyTimeout: number, url: string): DatabaseAdapterObj {
  const init = adapterObj.init
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args) as SqliteAdapter
      const lock = new WriteLock()
      const context = new AsyncLocalStorage<Holder>()
      const holders = new Map<string | number, Holder>()
      const joined = new Set<string | number>()
      const { beginTransaction, commitTransaction, rollbackTransaction, connect } = adapter

      const settle = async (incoming: unknown, end: (id: string | number) => Promise<void>) => {
        const id = (incoming instanceof Promise ? await incoming : incoming) as string | number
        if (joined.delete(id)) {
          delete adapter.sessions[id]
          return
        }
        const holder = holders.get(id)
        try {
          await end(id)
        } finally {
          holders.delete(id)
          if (holder) lock.release(holder)
        }
        if (holder?.commitError) throw holder.commitError
      }

      adapter.beginTransaction = async function (options) {
        const inherited = context.getStore()
        const outer = inherited && lock.holder === inherited && inherited.transactionID !== undefined ? adapter.sessions[inherited.transactionID] : undefined
        if (outer) {
          const id = randomUUID()
          adapter.sessions[id] = { db: outer.db, resolve: async () => undefined, reject: async () => undefined }
          joined.add(id)
          return id
        }
        const holder: Holder = {}
        // Marks the calling operation (and the hooks it runs) as this holder's. Operations started
        // together in one tick all pass here before any of them holds the lock (the await below).
        context.enterWith(holder)
        await Promise.resolve()
        await lock.acquire(holder)
        try {
          const id = await beginTransaction!.call(this, options)
          if (id === null) {
            // Transactions are off (no `transactionOptions`): nothing to hold.
            lock.release(holder)
            return null
          }
          holder.transactionID = id
          holders.set(id, holder)
          return id
        } catch (error) {
          lock.release(holder)
          throw error
        }
      }
      adapter.commitTransaction = async function (id) {
        await settle(id, (resolved) => commitTransaction.call(this, resolved))
      }
      adapter.rollbackTransaction = async function (id) {
        await settle(id, (resolved) => rollbackTransaction.call(this, resolved))
      }
      // Payload's updateJobs (the job runner's claim and status writes) begins a transaction for
      // one db.updateJobs call and commits it, with no rollback when that call throws: the lock
      // would never be released and no save of this process would finish again until a restart.
      const { updateJobs } = adapter
      adapter.updateJobs = async function (args) {
        try {
          return await updateJobs.call(this, args)
        } catch (error) {
          const id = await args.req?.transactionID
          if (id !== undefined && holders.has(id)) await adapter.rollbackTransaction(id).catch(() => undefined)
          throw error
        }
      }
      adapter.connect = async function (options) {
        await connect!.call(this, options)
        if (adapter.client) serialiseClient(adapter.client, lock, context, busyTimeout, url)
      }
      return adapter
    },
  }
}
