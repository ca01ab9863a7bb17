import { NextResponse, type NextRequest } from 'next/server'

import { COOKIE_NAME, decodeView, MAIN_VIEW } from '@/a11y/settings'
import { FOLDERS_WITH_ROUTES_BELOW, LOCALE_PATTERN, VIEW_PREFIX } from '@/a11y/viewRouting.mjs'
import { DEFAULT_LOCALE } from '@/i18n/locales'
import { hasMalformedPercentEncoding, MALFORMED_PATH_MESSAGE } from '@/lib/percentEncoding'
import { pagePolicy } from '@/security/contentSecurityPolicy.mjs'
import { commonHeaders } from '@/security/headers.mjs'

const PREVIEW = new RegExp(`^/(?:${LOCALE_PATTERN})/preview(?:/[^/]*)?$`)
const LIST = new RegExp(`^/(${LOCALE_PATTERN})/(releases|galleries)$`)
const PUBLIC_PAGE = new RegExp(`^/(?:${LOCALE_PATTERN})(?:/|$)`)
const LANGUAGE_IN_ANY_CASE = new RegExp(`^/(${LOCALE_PATTERN})(?=/|$)`, 'i')
const NOT_A_LANGUAGE = new RegExp(`^/(?!(?:${LOCALE_PATTERN}|${FOLDERS_WITH_ROUTES_BELOW})/)[^/]+/(?:releases|galleries|preview/[^/]+)$`)

// Pages have no header rule in next.config.mjs (src/security/headers.mjs says why): what this answers carries them.
const COMMON_HEADERS = commonHeaders({ production: process.env.NODE_ENV === 'production' })

/** Next's draft-mode cookie (set by `draftMode().enable()` in /preview). */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

/**
 * The request as the page should see it: without the draft-mode cookie, except on the preview (the
 * one page that reads draft mode). In draft mode Next renders every page per request, around its
 * page cache, and so without the policy and headers the cache handler stores with each page; no
 * other page shows anything different in draft mode. Without the cookie the page is the cached one,
 * with its headers. Undefined when the request goes on unchanged.
 */
function forwardedRequest(request: NextRequest, preview: boolean): { request: { headers: Headers } } | undefined {
  const cookie = request.headers.get('cookie')
  if (preview || !cookie || !request.cookies.has(DRAFT_MODE_COOKIE)) return undefined
  const headers = new Headers(request.headers)
  const others = cookie
    .split(';')
    .filter((pair) => pair.split('=', 1)[0]!.trim() !== DRAFT_MODE_COOKIE)
    .map((pair) => pair.trim())
    .filter(Boolean)
  // Set even when empty: Next overrides the headers it is told about, and told about none, none.
  headers.set('cookie', others.join('; '))
  return { request: { headers } }
}

/** Goes on to `target` (a rewrite when it is not the requested path), without the draft-mode cookie. */
function continueTo(request: NextRequest, target?: string): NextResponse {
  const forwarded = forwardedRequest(request, false)
  return target === undefined ? NextResponse.next(forwarded) : NextResponse.rewrite(new URL(target, request.url), forwarded)
}

function withCommonHeaders(response: NextResponse): NextResponse {
  for (const { key, value } of COMMON_HEADERS) response.headers.set(key, value)
  return response
}

/** A redirect to the same address with another path (query kept), with the common headers. */
function redirectToPath(request: NextRequest, pathname: string, status: 307 | 308): NextResponse {
  const url = request.nextUrl.clone()
  url.pathname = pathname
  return withCommonHeaders(NextResponse.redirect(url, status))
}

/**
 * Runs only where its matcher says; a cached page of the main version never runs it:
 *
 * - `/` goes to the default language (307: the choice of language may change). Here rather than a
 *   redirect rule in next.config.mjs: Next tries every such rule on every request, and its redirects
 *   carry none of the header rules' headers.
 * - The reader's view for the visually impaired is not in the URL: it comes from the `a11y` cookie.
 *   A request carrying a view goes to the view's routes, an internal prefix
 *   (`/view/v0-1-0-0-0-0/az/…`, src/a11y/viewRouting.mjs), so each combination of settings is its own
 *   cached page. The prefix itself is not a public address: typed in, it is a 404.
 * - The lists without a query string go to their cached copies (`releases-index`, `galleries-index`);
 *   with one (filters, a search, a page number) to a page that takes the query string as its last
 *   segment (`releases-query/{query}`), rendered on every request through the page cache, which
 *   does not keep it: it is served like a cached page, with no framework script where nothing runs
 *   (src/site/pageCacheHandler.mjs).
 * - The live preview, rendered per request, cannot be covered by the hashes a cached page carries:
 *   each render gets a fresh nonce. Next reads it from the request's Content-Security-Policy and
 *   puts it on every script it writes.
 * - Any path with a percent sign: Next decodes dynamic route parameters before any route code runs
 *   and answers a malformed escape (`%E0%A4%A`) with a 500; this answers 400.
 * - A language typed in capitals (`/EN/releases`) is redirected to the address of the page
 *   (`/en/releases`). Left to Next it is a 404 that neither Next's header rules (they match without
 *   regard to case, src/security/headers.mjs) nor this proxy would give its security headers.
 * - The address of a page rendered per request under anything but a language (`/xx/releases`) is a
 *   404. Left to Next that page would render it per request, with no policy; sent where no route
 *   answers (as the view's prefix is), it is the cached 404 page, with its policy.
 * - A request carrying the draft-mode cookie (staff who opened a preview) reaches every page but the
 *   preview without it (`forwardedRequest`): in draft mode Next would render the page per request,
 *   without the headers and policy that come with the cached page.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (pathname === '/') return redirectToPath(request, `/${DEFAULT_LOCALE}`, 307)
  if (hasMalformedPercentEncoding(pathname)) {
    return withCommonHeaders(
      new NextResponse(MALFORMED_PATH_MESSAGE, {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      }),
    )
  }
  const language = LANGUAGE_IN_ANY_CASE.exec(pathname)?.[1]
  if (language && language !== language.toLowerCase()) {
    return redirectToPath(request, `/${language.toLowerCase()}${pathname.slice(language.length + 1)}`, 308)
  }
  if (pathname === `/${VIEW_PREFIX}` || pathname.startsWith(`/${VIEW_PREFIX}/`)) {
    // A path no route answers but the 404 (its pages would otherwise answer under a second URL).
    return continueTo(request, `/-${pathname}`)
  }
  if (NOT_A_LANGUAGE.test(pathname)) return continueTo(request, `/-${pathname}`)
  if (!PUBLIC_PAGE.test(pathname)) return continueTo(request)

  const cookie = request.cookies.get(COOKIE_NAME)?.value
  // A cookie that is not exactly a view counts as the main version.
  const view = cookie !== MAIN_VIEW && decodeView(cookie) ? cookie : null
  const list = LIST.exec(pathname)
  const query = request.nextUrl.search.slice(1)
  const page = list ? `/${list[1]}/${list[2]}${query ? `-query/${encodeURIComponent(query)}` : '-index'}` : pathname
  const target = `${view ? `/${VIEW_PREFIX}/${view}` : ''}${page}`

  if (list) return continueTo(request, target)
  if (!PREVIEW.test(pathname)) return continueTo(request, target === pathname ? undefined : `${target}${request.nextUrl.search}`)

  const nonce = crypto.randomUUID().replaceAll('-', '')
  // The admin frames the preview.
  const policy = pagePolicy({ scripts: [`'nonce-${nonce}'`], frameAncestors: "'self'" })
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response =
    target === pathname
      ? NextResponse.next({ request: { headers } })
      : NextResponse.rewrite(new URL(`${target}${request.nextUrl.search}`, request.url), { request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  return withCommonHeaders(response)
}

// Literal strings (Next reads them at build time; tests/int/view-routing.test.ts keeps them equal to
// the app's own patterns). The root; the lists and the preview (the pages that export `dynamic = 'force-dynamic'`;
// tests/e2e/security-headers.spec.ts checks every page); any path holding a percent sign (matched
// against the raw, undecoded path); a language in capitals; those pages' addresses under a first
// segment that is neither a language nor a folder with routes; the view's internal prefix; every
// public page, but only for a request whose `a11y` cookie is a view, so the main version's cached
// pages never run this; and every address but the API's, the admin's and Next's files for a request
// carrying the draft-mode cookie (only staff have it; the API and the admin take uploads and server
// actions, whose bodies a proxy would hold in memory).
export const config = {
  matcher: [
    '/',
    '/:locale(az|en|ru)/releases',
    '/:locale(az|en|ru)/galleries',
    '/:locale(az|en|ru)/preview/:id*',
    '/:any(.*%.*)',
    '/:locale((?!az|en|ru)(?:[aA][zZ]|[eE][nN]|[rR][uU]))/:path*',
    '/:segment((?!(?:az|en|ru|admin|api|download|feed|view)/)[^/]+)/:page(releases|galleries)',
    '/:segment((?!(?:az|en|ru|admin|api|download|feed|view)/)[^/]+)/preview/:id',
    '/view/:path*',
    { source: '/:locale(az|en|ru)/:path*', has: [{ type: 'cookie', key: 'a11y', value: 'v(?:[0-2]-[0-4]-[0-2]-[0-2]-[0-2]-[0-1]|2-[0-4]-[0-2]-[0-2]-[0-2]-[0-1]-1)' }] },
    { source: '/:path((?!(?:api|admin)(?:/|$)|_next/).*)', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
  ],
}
