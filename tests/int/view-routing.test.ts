/**
 * The proxy routes the reader's view; its matcher is literal strings Next reads at build time
 * (src/proxy.ts) built from the patterns in src/a11y/viewRouting.mjs. They must accept exactly
 * what the app's own rules accept.
 */
import * as pageStaticInfo from 'next/dist/build/analysis/get-page-static-info.js'
import type { ProxyMatcher } from 'next/dist/build/analysis/get-page-static-info.js'
import { getMiddlewareRouteMatcher } from 'next/dist/shared/lib/router/utils/middleware-route-matcher.js'
import { NextRequest } from 'next/server'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { decodeView, encodeView, isView, MAIN_VIEW, SETTING_NAMES, SETTING_OPTIONS, type A11ySettings } from '@/a11y/settings'
import { FOLDERS_WITH_ROUTES_BELOW, LOCALE_PATTERN, VIEW_PATTERN, VIEW_PREFIX } from '@/a11y/viewRouting.mjs'
import { LOCALE_CODES } from '@/i18n/locales'
import { searchParamsOfSegment } from '@/site/query'
import { config, proxy } from '@/proxy'

const viewRegex = new RegExp(`^(?:${VIEW_PATTERN})$`)
// How `next build` compiles a proxy's matcher (exported at run time, not in its type declarations).
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers(matcher: unknown, nextConfig: object): ProxyMatcher[] | undefined }

function everyView(): string[] {
  let combos: Record<string, string>[] = [{}]
  for (const name of SETTING_NAMES) {
    combos = combos.flatMap((combo) => (SETTING_OPTIONS[name] as readonly string[]).map((value) => ({ ...combo, [name]: value })))
  }
  return combos.map((combo) => encodeView(combo as unknown as A11ySettings))
}

describe('view routing patterns', () => {
  // The languages in any case but their own: `[aA][zZ]|[eE][nN]|[rR][uU]`.
  const otherCase = LOCALE_PATTERN.split('|')
    .map((code) => [...code].map((letter) => `[${letter}${letter.toUpperCase()}]`).join(''))
    .join('|')
  const IN_CAPITALS = `/:locale((?!${LOCALE_PATTERN})(?:${otherCase}))/:path*`
  const runsProxy = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}) ?? [])
  const request = { headers: {} } as Parameters<typeof runsProxy>[1]

  it('accept every view the settings can produce', () => {
    const views = everyView()
    expect(views).toHaveLength(3 * 5 * 3 * 3 * 3 * 2)
    for (const view of views) expect(viewRegex.test(view), view).toBe(true)
  })

  it('accept the views with the toolbar folded (the largest size only)', () => {
    const folded = everyView()
      .filter((view) => view.startsWith('v2-'))
      .map((view) => encodeView({ ...decodeView(view)!, collapsed: true }))
    expect(folded).toHaveLength(5 * 3 * 3 * 3 * 2)
    for (const view of folded) {
      expect(view, view).toMatch(/-1$/)
      expect(viewRegex.test(view), view).toBe(true)
    }
  })

  it('accept nothing the app would not', () => {
    const candidates = ['v3-0-0-0-0-0', 'v2-0-0-0-0-0-1', 'v1-0-0-0-0-0-1', 'v0-4-2-2-2-1-1', 'v2-0-0-0-0-0-0', 'v2-0-0-0-0-0-2', 'v2-0-0-0-0-0-1-1', 'v2-0-0-0-0-0-', 'v2-0-0-0-0-0-1;', 'v0-5-0-0-0-0', 'v0-0-3-0-0-0', 'v0-0-0-0-0-2', 'v0-0-0-0-0', 'v0-0-0-0-0-0-0', 'v00-0-0-0-0-0', 'x0-0-0-0-0-0', 'v0-0-0-0-0-0;', 'main', '']
    for (let digits = 0; digits < 3000; digits++) {
      const d = String(digits).padStart(6, '0').split('')
      candidates.push(`v${d.join('-')}`, `v${d.join('-')}-1`)
    }
    for (const value of candidates) expect(viewRegex.test(value), value).toBe(isView(value) && value !== MAIN_VIEW)
  })

  it('name the same languages as the app', () => {
    expect(LOCALE_PATTERN.split('|')).toEqual([...LOCALE_CODES])
  })

  it("the proxy's matcher repeats them: it runs for a cookie that is a view, and on the internal prefix", () => {
    const locales = `/:locale(${LOCALE_PATTERN})`
    expect(config.matcher).toContainEqual({ source: `${locales}/:path*`, has: [{ type: 'cookie', key: 'a11y', value: VIEW_PATTERN }] })
    expect(config.matcher).toContain(`/${VIEW_PREFIX}/:path*`)
    for (const entry of config.matcher) {
      const source = typeof entry === 'string' ? entry : entry.source
      if (source.startsWith('/:locale(') && source !== IN_CAPITALS) expect(source.startsWith(locales), source).toBe(true)
    }
  })

  it('runs, as Next compiles the matcher, for a language in capitals and never for a cached page of the main version', () => {
    expect(config.matcher).toContain(IN_CAPITALS)
    for (const path of ['/EN', '/EN/releases', '/Az/releases/some-slug', '/rU/', '/AZ/galleries/x']) expect(runsProxy(path, request, {}), path).toBe(true)
    for (const path of ['/en', '/az/releases/some-slug', '/ru/galleries/x', '/en/officials/x', '/AZX/officials/x', '/ENGLISH', '/api/releases']) {
      expect(runsProxy(path, request, {}), path).toBe(false)
    }
  })

  /** The proxy answers `from` with a redirect of this status to `to` (path and query), carrying the common headers. */
  const expectRedirect = (status: number, pairs: [string, string][]) => {
    for (const [from, to] of pairs) {
      const response = proxy(new NextRequest(`http://localhost${from}`))
      expect(response.status, from).toBe(status)
      const location = new URL(response.headers.get('location')!)
      expect(location.pathname + location.search, from).toBe(to)
      expect(response.headers.get('x-content-type-options'), from).toBe('nosniff')
    }
  }

  it('sends a language in capitals to the page’s address, query kept, with the security headers', () => {
    expectRedirect(308, [
      ['/EN/releases?q=x&page=2', '/en/releases?q=x&page=2'],
      ['/AZ', '/az'],
      ['/Ru/galleries/some-gallery', '/ru/galleries/some-gallery'],
    ])
    expect(proxy(new NextRequest('http://localhost/en/releases?q=x')).status).not.toBe(308)
  })

  it('sends / to the default language (307, query kept), with the security headers Next’s redirect rules would not give', () => {
    expect(runsProxy('/', request, {})).toBe(true)
    expectRedirect(307, [
      ['/', '/az'],
      ['/?utm_source=x', '/az?utm_source=x'],
    ])
  })

  const rewrittenTo = (path: string, cookie?: string) => {
    const response = proxy(new NextRequest(`http://localhost${path}`, { headers: cookie ? { cookie: `a11y=${cookie}` } : {} }))
    const target = response.headers.get('x-middleware-rewrite')
    return target ? new URL(target).pathname + new URL(target).search : null
  }

  it('sends a view to its routes, leaves the main version alone, hides the internal prefix', () => {
    expect(rewrittenTo('/az/releases/some-slug', 'v1-2-0-0-0-0')).toBe('/view/v1-2-0-0-0-0/az/releases/some-slug')
    expect(rewrittenTo('/en', 'v0-0-0-0-0-0')).toBe('/view/v0-0-0-0-0-0/en')
    expect(rewrittenTo('/az/releases', 'v1-2-0-0-0-0')).toBe('/view/v1-2-0-0-0-0/az/releases-index')
    expect(rewrittenTo('/az/releases?q=x', 'v1-2-0-0-0-0')).toBe('/view/v1-2-0-0-0-0/az/releases-query/q%3Dx')
    expect(rewrittenTo('/az/releases')).toBe('/az/releases-index')
    for (const cookie of [undefined, 'main', 'v9-9-9-9-9-9', 'junk']) expect(rewrittenTo('/az/releases/some-slug', cookie), String(cookie)).toBeNull()
    // The toolbar folded at the largest size is a view of its own.
    expect(rewrittenTo('/ru/releases/some-slug', 'v2-1-0-0-0-0-1')).toBe('/view/v2-1-0-0-0-0-1/ru/releases/some-slug')
    expect(rewrittenTo('/ru/releases/some-slug', 'v1-1-0-0-0-0-1')).toBeNull()
  })

  it('runs the proxy, as Next compiles the matcher, for every view cookie and no other', () => {
    const runsProxy = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}) ?? [])
    const withCookie = (value: string) => ({ headers: { cookie: `a11y=${value}` } }) as unknown as Parameters<typeof runsProxy>[1]
    for (const value of ['v0-0-0-0-0-0', 'v2-4-2-2-2-1', 'v2-4-2-2-2-1-1', 'v2-0-0-0-0-0-1']) expect(runsProxy('/en/officials/x', withCookie(value), {}), value).toBe(true)
    for (const value of ['main', 'v1-0-0-0-0-0-1', 'v2-0-0-0-0-0-0', 'v2-0-0-0-0-0-1-1', 'xv2-0-0-0-0-0']) expect(runsProxy('/en/officials/x', withCookie(value), {}), value).toBe(false)
  })

  it('sends a list with a query string to the page keyed by it: the whole query, as one segment', () => {
    expect(rewrittenTo('/az/releases?q=x')).toBe('/az/releases-query/q%3Dx')
    expect(rewrittenTo('/ru/galleries?page=2')).toBe('/ru/galleries-query/page%3D2')
    const query = 'q=a%2Fb%26c+d&type=news&page=1&page=2&year[]=1'
    const target = rewrittenTo(`/en/releases?${query}`)!
    expect(target.split('/')).toHaveLength(4)
    // What the page reads back (Next hands it the segment as it is in the path): the reader's query, repeated names as lists.
    expect(searchParamsOfSegment(target.split('/')[3]!)).toEqual({ q: 'a/b&c d', type: 'news', page: ['1', '2'], 'year[]': '1' })
    expect(searchParamsOfSegment(rewrittenTo(`/en/releases?q=${encodeURIComponent('Şəki 100%')}`)!.split('/')[3]!)).toEqual({ q: 'Şəki 100%' })
    expect(searchParamsOfSegment('%E0%A4%A')).toBeNull()
    expect(rewrittenTo('/en/releases?')).toBe('/en/releases-index')
    for (const path of ['/view/v1-2-0-0-0-0/az', '/view']) expect(rewrittenTo(path)?.startsWith(`/-/${VIEW_PREFIX}`), path).toBe(true)
  })

  it('knows the app’s top-level folders that answer addresses below them', () => {
    const app = path.resolve(import.meta.dirname, '../../src/app')
    const folders = ['(frontend)', '(payload)'].flatMap((group) =>
      fs
        .readdirSync(path.join(app, group), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== '[locale]')
        .filter((entry) => fs.readdirSync(path.join(app, group, entry.name), { withFileTypes: true }).some((child) => child.isDirectory()))
        .map((entry) => entry.name),
    )
    expect(FOLDERS_WITH_ROUTES_BELOW.split('|').sort()).toEqual(folders.sort())
  })

  it('sends a per-request page’s address under anything but a language or such a folder to the 404 page', () => {
    const under = `/:segment((?!(?:${LOCALE_PATTERN}|${FOLDERS_WITH_ROUTES_BELOW})/)[^/]+)`
    expect(config.matcher).toContain(`${under}/:page(releases|galleries)`)
    expect(config.matcher).toContain(`${under}/preview/:id`)
    for (const path of ['/xx/releases', '/EN-GB/galleries', '/a11y/releases', '/preview/galleries', '/xx/preview/some-id']) {
      expect(runsProxy(path, request, {}), path).toBe(true)
      expect(rewrittenTo(path), path).toBe(`/-${path}`)
    }
    for (const path of ['/api/releases', '/api/galleries', '/admin/releases', '/download/releases', '/feed/galleries', '/xx/releases/slug']) {
      expect(runsProxy(path, request, {}), path).toBe(false)
    }
    // Run for another reason (a percent sign), an API address is still left alone.
    expect(rewrittenTo('/api/preview/a%20b')).toBeNull()
  })
})
