import { NextResponse, type NextRequest } from 'next/server'

import { COOKIE_NAME, isView, MAIN_VIEW, settingsFromCookie } from '@/a11y/settings'
import { DEFAULT_LOCALE, isLocale } from '@/i18n/locales'

/**
 * Public URLs carry the language (`/az/…`). The reader's view for the visually impaired is not in
 * the URL: it comes from the `a11y` cookie and is added here as an internal first segment
 * (`/v0-1-0-0-0-0/az/…`), so each combination of settings is its own cached page.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (pathname === '/') return NextResponse.redirect(new URL(`/${DEFAULT_LOCALE}`, request.url), 307)

  const first = pathname.split('/')[1] ?? ''
  if (isView(first)) {
    // The internal segment is not a public address.
    return NextResponse.rewrite(new URL(`/${MAIN_VIEW}/-${pathname}`, request.url))
  }
  if (!isLocale(first)) return NextResponse.next()

  const cookie = request.cookies.get(COOKIE_NAME)?.value
  const view = cookie && settingsFromCookie(cookie) ? cookie : MAIN_VIEW
  const url = request.nextUrl.clone()
  url.pathname = `/${view}${pathname}`
  const response = NextResponse.rewrite(url)
  // Shared caches must not give one reader's view to another.
  response.headers.set('Vary', 'Cookie')
  return response
}

export const config = {
  matcher: ['/((?!api|admin|_next|a11y|media|download|favicon.ico|robots.txt|sitemap.xml|feed).*)'],
}
