import crypto from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Endpoint, PayloadRequest } from 'payload'

import { afterCommit } from '@/lib/afterCommit'

import { pagesShowing, refreshSharedCache } from './sharedCache'

/**
 * Public pages are cached; any change readers can see purges them all, so the next request renders
 * fresh HTML (a publish, an edit, an unpublish, a withdrawal, a scheduled publish). Draft saves do
 * not touch what readers see and purge nothing.
 *
 * The purge runs once the change is committed (src/lib/afterCommit.ts): a purge from the hook itself
 * came before the commit, and a reader's request in between rendered the old content and cached it
 * as fresh. Inside a request it purges at once; outside one (a scheduled job) through the internal
 * endpoint below.
 */
/**
 * Late purges, in ms after the commit. A render that began before the purge is not kept
 * (src/site/pageCacheHandler.mjs); these are the second line for what that cannot see (a page
 * cached by another route, a render the handler missed), and each refreshes nginx's micro-cache
 * (src/site/sharedCache.ts).
 */
export const LATE_PURGES_MS = [150, 500, 2500]
const ENDPOINT_PATH = '/revalidate-public-pages'

const token = (): string =>
  crypto.createHash('sha256').update(`revalidate:${process.env.PAYLOAD_SECRET ?? ''}`).digest('hex')

// Loaded on use: importing next/cache at the top would load Next into every command-line tool.
const nextCache = () => import('next/cache')

async function purgeNow(): Promise<boolean> {
  try {
    ;(await nextCache()).revalidatePath('/', 'layout')
    return true
  } catch {
    return false // outside a Next.js request: no page cache here, or a job (the endpoint handles it)
  }
}

function purgeThroughServer(delay: number, pages: string[]): void {
  const port = process.env.PORT || '3000'
  const timer = setTimeout(() => {
    fetch(`http://127.0.0.1:${port}/api${ENDPOINT_PATH}`, {
      method: 'POST',
      headers: { 'x-revalidate-token': token() },
    })
      // Once Next has answered, the purge is in effect: nginx's fresh copy is the new page.
      .then((response) => (response.ok ? refreshSharedCache(pages) : undefined))
      .catch(
        () => undefined, // no server (seed, importer, tests)
      )
  }, delay)
  timer.unref()
}

/**
 * `pages`: public paths (without language) the change shows on, refreshed in nginx's micro-cache
 * after the late purges (src/site/sharedCache.ts).
 */
export async function purgePublicPages(req: Pick<PayloadRequest, 'transactionID'>, pages: string[] = []): Promise<void> {
  await afterCommit(req, async () => {
    const inRequest = await purgeNow()
    if (!inRequest) purgeThroughServer(0, [])
    for (const delay of LATE_PURGES_MS) purgeThroughServer(delay, pages)
  })
}

/** Bulk writers (benchmarks' generators) pass `context.skipRevalidate` and purge once when done. */
export const revalidateAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, context, req }) => {
  if (context.skipRevalidate) return doc
  const versioned = doc && typeof doc === 'object' && '_status' in doc
  const draftOnly = versioned && context.draftArg && doc._status !== 'published'
  const seenByReaders = !versioned || doc._status === 'published' || previousDoc?._status === 'published'
  if (!draftOnly && seenByReaders) await purgePublicPages(req, pagesShowing(collection.slug, doc))
  return doc
}

export const revalidateAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, context, req }) => {
  if (context.skipRevalidate) return doc
  await purgePublicPages(req, pagesShowing(collection.slug, doc))
  return doc
}

/** POST /api/revalidate-public-pages, for this server only (a token derived from PAYLOAD_SECRET). */
export const revalidateEndpoint: Endpoint = {
  path: ENDPOINT_PATH,
  method: 'post',
  handler: async (req) => {
    const given = req.headers.get('x-revalidate-token') ?? ''
    const expected = token()
    const ok = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
    if (!ok) return Response.json({ error: 'Not allowed.' }, { status: 403 })
    ;(await nextCache()).revalidatePath('/', 'layout')
    return Response.json({ revalidated: true })
  },
}
