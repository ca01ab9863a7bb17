/**
 * Draft mode (the `__prerender_bypass` cookie /preview gives staff) makes Next render any page per
 * request, around the page cache — and so without the Content-Security-Policy and the security
 * headers the page cache handler stores with each page (src/site/pageCacheHandler.mjs). The proxy
 * runs for every request carrying that cookie and passes it on to the preview only: every other page
 * is then the cached one, with its headers; the preview gets its nonce policy and the common headers
 * from the proxy. Checked as Next compiles the proxy's matcher, and on what the proxy answers.
 */
import * as pageStaticInfo from 'next/dist/build/analysis/get-page-static-info.js'
import type { ProxyMatcher } from 'next/dist/build/analysis/get-page-static-info.js'
import { getMiddlewareRouteMatcher } from 'next/dist/shared/lib/router/utils/middleware-route-matcher.js'
import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'

import { config, proxy } from '@/proxy'
import { commonHeaders } from '@/security/headers.mjs'

const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers(matcher: unknown, nextConfig: object): ProxyMatcher[] | undefined }
const runsProxy = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}) ?? [])

const DRAFT = '__prerender_bypass=4f1c0e8d2b7a9c3e5d6f8a1b2c3d4e5f'
const SESSION = 'payload-token=eyJhbGciOiJIUzI1NiJ9.e30.x'
const VIEW = 'a11y=v1-2-0-0-0-0'

const runs = (path: string, cookie?: string) => {
  const url = new URL(path, 'http://localhost')
  return runsProxy(url.pathname, { headers: cookie ? { cookie } : {} } as Parameters<typeof runsProxy>[1], Object.fromEntries(url.searchParams))
}

/** The cookie header the page will see after the proxy (null or '': none), as Next's router applies its answer. */
function cookieSeenByPage(response: Response, sent: string): string | null {
  const overridden = response.headers.get('x-middleware-override-headers')
  if (!overridden) return sent // an empty list overrides nothing (resolve-routes.js)
  return overridden.split(',').includes('cookie') ? response.headers.get('x-middleware-request-cookie') : null
}

const proxied = (path: string, cookie: string) => proxy(new NextRequest(`http://localhost${path}`, { headers: { cookie } }))

// Every kind of address a page answers: cached pages, the lists (with and without a query), the
// visually impaired view's, 404s under a language and outside, the view's internal prefix typed in,
// a per-request page's address under something that is not a language.
const PAGES = [
  '/az',
  '/en/releases/some-release',
  '/ru/galleries/some-gallery',
  '/en/officials/vilayat-eyvazov',
  '/az/agencies/mia',
  '/az/releases',
  '/en/releases?q=police&page=2',
  '/az/galleries',
  '/ru/galleries?page=2',
  '/az/removed/some-release',
  '/az/no-such-page',
  '/no-such-page',
  '/view/v1-2-0-0-0-0/az',
  '/xx/releases',
  '/xx/preview/some-id',
]

describe('draft mode reaches the preview only', () => {
  it('the proxy runs, as Next compiles its matcher, for every page address requested with the draft-mode cookie', () => {
    for (const path of PAGES) expect(runs(path, `${SESSION}; ${DRAFT}`), path).toBe(true)
    for (const path of ['/az/preview/some-id', '/preview?exit=1', '/feed/az.xml', '/download/some-id', '/sitemap.xml']) expect(runs(path, DRAFT), path).toBe(true)
  })

  it('not for the API, the admin or Next’s files (uploads and server actions do not pass through it), nor without the cookie', () => {
    for (const path of ['/api/media', '/api/users/login', '/api', '/admin', '/admin/collections/releases', '/_next/static/chunks/app.js']) {
      expect(runs(path, DRAFT), path).toBe(false)
    }
    for (const path of ['/en/releases/some-release', '/az/agencies/mia', '/no-such-page']) expect(runs(path, SESSION), path).toBe(false)
  })

  it('every page but the preview gets the request without the draft-mode cookie, every other cookie kept', () => {
    for (const path of PAGES) {
      expect(cookieSeenByPage(proxied(path, `${SESSION}; ${DRAFT}`), `${SESSION}; ${DRAFT}`), path).toBe(SESSION)
      expect(cookieSeenByPage(proxied(path, `${DRAFT};${VIEW}`), `${DRAFT};${VIEW}`), path).toBe(VIEW)
      expect(cookieSeenByPage(proxied(path, DRAFT), DRAFT) || null, path).toBeNull()
    }
  })

  it('a page in the visually impaired view still goes to the view’s routes, without draft mode', () => {
    const response = proxied('/en/releases/some-release', `${DRAFT}; ${VIEW}`)
    expect(new URL(response.headers.get('x-middleware-rewrite')!).pathname).toBe('/view/v1-2-0-0-0-0/en/releases/some-release')
    expect(cookieSeenByPage(response, `${DRAFT}; ${VIEW}`)).toBe(VIEW)
    const list = proxied('/az/releases?q=x', `${DRAFT}; ${VIEW}`)
    expect(new URL(list.headers.get('x-middleware-rewrite')!).pathname).toBe('/view/v1-2-0-0-0-0/az/releases-query/q%3Dx')
    expect(cookieSeenByPage(list, `${DRAFT}; ${VIEW}`)).toBe(VIEW)
  })

  it('the preview keeps draft mode and gets its nonce policy and every common header, once', () => {
    for (const cookie of [`${SESSION}; ${DRAFT}`, `${SESSION}; ${DRAFT}; ${VIEW}`]) {
      const response = proxied('/en/preview/some-id', cookie)
      expect(cookieSeenByPage(response, cookie)).toContain(DRAFT)
      const policy = response.headers.get('content-security-policy')!
      expect(policy).toMatch(/script-src 'self' 'nonce-[0-9a-f]{32}'/)
      expect(policy).toContain("frame-ancestors 'self'")
      for (const { key, value } of commonHeaders({ production: false })) expect(response.headers.get(key), key).toBe(value)
    }
  })
})
