import crypto from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Endpoint } from 'payload'

import { pagesShowing, refreshSharedCache } from './sharedCache'

/**
 * Public pages are cached; any change readers can see purges them all, so the next request renders
 * fresh HTML (a publish, an edit, an unpublish, a withdrawal, a scheduled publish). Draft saves do
 * not touch what readers see and purge nothing.
 *
 * Purges: one at once, inside the request that made the change, and later ones through the
 * internal endpoint below. The late ones catch a page whose render began before the change was
 * committed and finished after the first purge (it would otherwise be cached as fresh with the old
 * content), and it is the only one that works for changes made outside a request (scheduled jobs).
 */
/**
 * Late purges, in ms: a render that began before the change and ended after the first purge is
 * caught by one of these. The first purge runs in the change's hook, before its transaction
 * commits: a reader's request in between renders the old content and caches it. The 150 ms one
 * catches that in the common case (the commit follows the hooks within milliseconds): measured,
 * the page then showed the change after at most ~1.1 s instead of ~0.15 s whenever a reader's
 * request fell in that window (bench/publish-live.ts).
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
 * after the late purges (src/site/sharedCache.ts) — not after the first one, which may run before
 * the change is committed.
 */
export async function purgePublicPages(pages: string[] = []): Promise<void> {
  const inRequest = await purgeNow()
  if (!inRequest) purgeThroughServer(0, [])
  for (const delay of LATE_PURGES_MS) purgeThroughServer(delay, pages)
}

/** Bulk writers (benchmarks' generators) pass `context.skipRevalidate` and purge once when done. */
export const revalidateAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, context }) => {
  if (context.skipRevalidate) return doc
  const versioned = doc && typeof doc === 'object' && '_status' in doc
  const draftOnly = versioned && context.draftArg && doc._status !== 'published'
  const seenByReaders = !versioned || doc._status === 'published' || previousDoc?._status === 'published'
  if (!draftOnly && seenByReaders) await purgePublicPages(pagesShowing(collection.slug, doc))
  return doc
}

export const revalidateAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, context }) => {
  if (context.skipRevalidate) return doc
  await purgePublicPages(pagesShowing(collection.slug, doc))
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
