import { NextResponse, type NextRequest } from 'next/server'

import { hasMalformedPercentEncoding, MALFORMED_PATH_MESSAGE } from '@/lib/percentEncoding'
import { LOCALE_PATTERN } from '@/a11y/viewRouting.mjs'
import { pagePolicy } from '@/security/contentSecurityPolicy.mjs'
import { commonHeaders } from '@/security/headers.mjs'

// Pages have no header rule in next.config.mjs (src/security/headers.mjs says why): what this answers carries them.
const COMMON_HEADERS = commonHeaders({ production: process.env.NODE_ENV === 'production' })

function withCommonHeaders(response: NextResponse): NextResponse {
  for (const { key, value } of COMMON_HEADERS) response.headers.set(key, value)
  return response
}

const PAGES_RENDERED_PER_REQUEST = new RegExp(`^/(?:${LOCALE_PATTERN})/(?:releases|galleries|preview(?:/[^/]*)?)$`)
const LIST = new RegExp(`^/(${LOCALE_PATTERN})/(releases|galleries)$`)

/**
 * Runs only where its matcher says (cached pages never run it):
 *
 * - The lists without a query string go to their cached copies (`releases-index`, `galleries-index`).
 * - Pages rendered per request (the filtered lists and the live preview) cannot be covered by the
 *   hashes a cached page carries (src/site/pageCacheHandler.mjs): each render gets a fresh nonce.
 *   Next reads it from the request's Content-Security-Policy and puts it on every script it writes.
 * - Any path with a percent sign: Next decodes dynamic route parameters before any route code runs
 *   and answers a malformed escape (`%E0%A4%A`) with a 500; this answers 400.
 *
 * The reader's view is routed by rewrites in next.config.mjs (src/a11y/viewRouting.mjs), which
 * apply after this.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (hasMalformedPercentEncoding(pathname)) {
    return withCommonHeaders(
      new NextResponse(MALFORMED_PATH_MESSAGE, {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      }),
    )
  }
  if (!PAGES_RENDERED_PER_REQUEST.test(pathname)) return NextResponse.next()
  // A list without a query string is the same for everyone until the next publish: its cached copy.
  const list = LIST.exec(pathname)
  if (list && request.nextUrl.search === '') {
    return NextResponse.rewrite(new URL(`/${list[1]}/${list[2]}-index`, request.url))
  }

  const nonce = crypto.randomUUID().replaceAll('-', '')
  const preview = pathname.split('/')[2] === 'preview'
  const policy = pagePolicy({ scripts: [`'nonce-${nonce}'`], frameAncestors: preview ? "'self'" : "'none'" })
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  return withCommonHeaders(response)
}

// Literal strings (Next reads them at build time). The first three are the pages that export
// `dynamic = 'force-dynamic'` (tests/e2e/security-headers.spec.ts checks every page); the last
// matches any path holding a percent sign (matched against the raw, undecoded path).
export const config = {
  matcher: ['/:locale(az|en|ru)/releases', '/:locale(az|en|ru)/galleries', '/:locale(az|en|ru)/preview/:id*', '/:any(.*%.*)'],
}
