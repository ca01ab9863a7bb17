import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

/**
 * Runs several Payload operations as one: pass `req` to each and they share one transaction, so a
 * process killed half-way leaves none of them written (a document created in one language and
 * completed in two more, for instance). Needs an adapter with transactions (SQLite as configured
 * here, MongoDB on a replica set); without them the operations simply run one after another.
 */
export async function atomically<T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const result = await work(req)
    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/**
 * Runs `work` in the request's transaction, starting one if the request has none (then it commits or
 * rolls back here); inside an outer transaction it joins that one. Audit records written with `req` join it.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const shouldCommit = await initTransaction(req)
  try {
    const result = await work()
    if (shouldCommit) await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
