import type { DatabaseAdapterObj, PayloadRequest } from 'payload'

type TransactionID = string | number
type Work = () => Promise<void> | void

const waiting = new Map<TransactionID, Work[]>()

const resolved = async (id: unknown): Promise<TransactionID | undefined> => {
  const value = id instanceof Promise ? await id : id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

async function runAll(work: Work[] | undefined, onError: (error: unknown) => void): Promise<void> {
  for (const item of work ?? []) {
    try {
      await item()
    } catch (error) {
      onError(error)
    }
  }
}

/**
 * Runs `work` once the write `req` belongs to is committed, so that what it does (purging cached
 * pages) sees the change: at once when `req` is in no transaction (the write is already stored),
 * never when the transaction is rolled back. Hooks run before their operation commits; a reader's
 * request in between would render the old content and cache it as fresh.
 *
 * Needs the adapter wrapped by `runsAfterCommit` (src/config/database.ts). An operation that joins
 * another's transaction without `req` (src/config/sqliteWrites.ts) runs its work when its own part
 * ends, which is before the outer commit.
 */
export async function afterCommit(req: Pick<PayloadRequest, 'transactionID'>, work: Work): Promise<void> {
  const id = await resolved(req.transactionID)
  if (id === undefined) {
    await work()
    return
  }
  const list = waiting.get(id)
  if (list) list.push(work)
  else waiting.set(id, [work])
}

/**
 * Wraps a database adapter so that `afterCommit` work runs after its commitTransaction and is
 * dropped on rollbackTransaction. A failure of that work is logged, never thrown: the write is
 * stored, and its caller must not be told it failed.
 */
export function runsAfterCommit(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  const init = adapterObj.init
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args)
      const { commitTransaction, rollbackTransaction } = adapter
      adapter.commitTransaction = async function (incoming) {
        const id = await resolved(incoming)
        try {
          await commitTransaction.call(this, incoming)
        } catch (error) {
          if (id !== undefined) waiting.delete(id)
          throw error
        }
        if (id === undefined) return
        const work = waiting.get(id)
        waiting.delete(id)
        await runAll(work, (error) =>
          adapter.payload.logger.error({
            err: error,
            msg: 'work after a commit failed',
          }),
        )
      }
      adapter.rollbackTransaction = async function (incoming) {
        const id = await resolved(incoming)
        if (id !== undefined) waiting.delete(id)
        await rollbackTransaction.call(this, incoming)
      }
      return adapter
    },
  }
}
