import { NextResponse, type NextRequest } from 'next/server'

import { pagePolicy } from '@/security/contentSecurityPolicy.mjs'

/**
 * Pages rendered per request (the filtered lists and the live preview) cannot be covered by the
 * hashes a cached page carries (src/security/cspCacheHandler.mjs): each render gets a fresh nonce
 * instead. Next reads it from the request's Content-Security-Policy and puts it on every script it
 * writes. Cached pages never run this code. The reader's view is routed by rewrites in
 * next.config.mjs (src/a11y/viewRouting.mjs), which apply after this.
 */
export function proxy(request: NextRequest) {
  const nonce = crypto.randomUUID().replaceAll('-', '')
  const preview = request.nextUrl.pathname.split('/')[2] === 'preview'
  const policy = pagePolicy({ scripts: [`'nonce-${nonce}'`], frameAncestors: preview ? "'self'" : "'none'" })
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  return response
}

// Keep in step with the pages that export `dynamic = 'force-dynamic'` (tests/e2e/security-headers.spec.ts checks every page).
export const config = {
  matcher: ['/:locale(az|en|ru)/releases', '/:locale(az|en|ru)/galleries', '/:locale(az|en|ru)/preview/:id*'],
}
