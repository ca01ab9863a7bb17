/**
 * src/site/pageCacheHandler.mjs, driven as Next drives it: `get` (a miss starts a render), the
 * purge (`revalidateTag`, what revalidatePath ends in), then `set` with the rendered page; and the
 * headers it stores with a page.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { nodeFs } from 'next/dist/server/lib/node-fs-methods.js'
import { buildCustomRoute } from 'next/dist/server/lib/router-utils/filesystem.js'
import { afterAll, describe, expect, it } from 'vitest'

import { commonHeaders, commonHeadersByRule, mergeRulesWithSameSource, securityHeaders } from '../../src/security/headers.mjs'
import PageCacheHandler from '../../src/site/pageCacheHandler.mjs'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-cache-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

type CacheEntry = { value?: { html?: unknown } } | null
interface Handler {
  get(key: string, ctx: object): Promise<CacheEntry>
  set(key: string, data: object, ctx: object): Promise<void>
  revalidateTag(tags: string[]): Promise<void>
}
const handler = new (PageCacheHandler as unknown as new (ctx: object) => Handler)({ fs: nodeFs, flushToDisk: false, serverDistDir: dir, maxMemoryCacheSize: 10 * 1024 * 1024 })
const ctx = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
let pages = 0

/** What a render of a public page hands Next's cache: its HTML and its cache tags. */
const rendered = (text: string) => ({
  kind: 'APP_PAGE',
  html: `<!DOCTYPE html><html><body><p>${text}</p></body></html>`,
  rscData: Buffer.from(''),
  headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_/az/layout,_N_T_/az/releases/x${pages}/page` },
  postponed: undefined,
  status: 200,
  segmentData: undefined,
})
const store = (key: string, text: string) => handler.set(key, rendered(text), { cacheControl: { revalidate: 3600, expire: 3600 } })
const purge = () => handler.revalidateTag(['_N_T_/layout'])

describe('a page whose render began before a purge', () => {
  it('is not kept: the next request renders it again, with what the purge was for', async () => {
    const key = `/az/releases/x${++pages}`
    expect(await handler.get(key, ctx)).toBeNull() // a reader's request: the render begins
    await tick()
    await purge() // the change is committed and the pages purged while it renders
    await tick()
    await store(key, 'Text from before the change')
    expect(await handler.get(key, ctx)).toBeNull()

    await tick()
    await store(key, 'Text after the change') // the render the next request started
    const kept = await handler.get(key, ctx)
    expect(String(kept?.value?.html)).toContain('Text after the change')
  })

  it('a render begun after the last purge is kept, as is one with no purge at all', async () => {
    await purge()
    await tick()
    const key = `/az/releases/x${++pages}`
    expect(await handler.get(key, ctx)).toBeNull()
    await store(key, 'Rendered after the purge')
    expect(String((await handler.get(key, ctx))?.value?.html)).toContain('Rendered after the purge')
  })
})

describe('the security headers every response carries, exactly once', () => {
  const production = process.env.NODE_ENV === 'production' // as the handler reads it
  const COMMON = commonHeaders({ production }).map(({ key }) => key.toLowerCase())
  /** A 404 as a render hands it over; served from the object `set` was given (a 404 is not stored). */
  const notFound = async (key: string) => {
    const data = { ...rendered('Not found'), status: 404 }
    await handler.set(key, data, { cacheControl: { revalidate: 3600, expire: 3600 } })
    return (data as { headers: Record<string, string> }).headers
  }

  it('a page under a language (or its view) gets them from its stored entry, one outside from Next’s rule', async () => {
    for (const path of ['/en/no-such-page', '/az/releases/no-such-release', '/view/v1-2-0-0-0-0/ru/x', '/AZ/x']) {
      const headers = await notFound(`/route-cache/APP_PAGE/0f3a/$${path}`)
      for (const name of COMMON) expect(headers[name], `${path}: ${name}`).toBeTruthy()
      expect(headers['content-security-policy'], path).toContain("default-src 'self'")
    }
    for (const path of ['/no-such-page', '/_next/static/chunks/no-such.js', '/-/view/x', '/azx']) {
      const headers = await notFound(`/route-cache/APP_PAGE/0f3a/$${path}`)
      for (const name of COMMON) expect(headers[name], `${path}: ${name} (Next's header rule adds it)`).toBeUndefined()
      expect(headers['content-security-policy'], path).toContain("default-src 'self'")
    }
    // A key that is the path alone (Next before 16) reads the same.
    expect((await notFound('/no-such-page'))['x-content-type-options']).toBeUndefined()
    expect((await notFound('/en/no-such-page'))['x-content-type-options']).toBe('nosniff')
  })

  it('the handler’s test of a path agrees with Next’s own matching of the first header rule', () => {
    const rule = securityHeaders({ production })[0]!
    expect(rule.headers.map(({ key }) => key.toLowerCase())).toEqual(COMMON)
    const route = buildCustomRoute('header', rule, undefined, undefined)
    const paths = ['/', '/az', '/az/', '/en/releases/x', '/RU/x', '/Az', '/azx', '/en-gb/x', '/api/releases', '/admin', '/-/view/x', '/view/v1-2-0-0-0-0/az', '/_next/static/x.js', '/favicon.ico', '/no-such-page']
    for (const path of paths) expect(commonHeadersByRule(path), path).toBe(Boolean(route.match(path)))
    expect(paths.filter(commonHeadersByRule).length).toBeGreaterThan(5)
  })
})

describe("Next's header rules (one per set of headers: Next tries each on every request)", () => {
  const rules = securityHeaders({ production: true })
  const matching = (path: string) =>
    rules.filter((rule) => buildCustomRoute('header', rule, undefined, undefined).match(path)).map((rule) => rule.headers.find(({ key }) => key === 'X-Frame-Options')?.value ?? 'common')

  it('give each address the headers of what answers it', () => {
    for (const path of ['/api', '/api/releases', '/api/media/file/a.jpg', '/feed/az.xml', '/download/x', '/a11y', '/sitemap.xml', '/robots.txt']) {
      expect(matching(path), path).toEqual(['common', 'DENY'])
    }
    for (const path of ['/admin', '/admin/login', '/admin/collections/releases']) expect(matching(path), path).toEqual(['common', 'SAMEORIGIN'])
    expect(matching('/az/removed/x')).toEqual(['common'])
    for (const path of ['/apix', '/a11y/x', '/sitemap.xml/x', '/administrator', '/favicon.ico']) expect(matching(path), path).toEqual(['common'])
    for (const path of ['/az', '/en/releases/x', '/ru/api']) expect(matching(path), path).toEqual([])
  })

  it('with the same source become one rule, and two that set the same header are refused', () => {
    const theme = { source: '/admin/:path*', headers: [{ key: 'Critical-CH', value: 'Sec-CH-Prefers-Color-Scheme' }] }
    const merged = mergeRulesWithSameSource([...rules, theme])
    expect(merged).toHaveLength(rules.length)
    expect(merged.find((rule) => rule.source === theme.source)?.headers.map(({ key }) => key)).toEqual(['Content-Security-Policy', 'X-Frame-Options', 'Critical-CH'])
    expect(rules.find((rule) => rule.source === theme.source)?.headers).toHaveLength(2)
    const conditional = { ...theme, has: [{ type: 'cookie', key: 'x' }] }
    expect(mergeRulesWithSameSource([...rules, conditional])).toHaveLength(rules.length + 1)
    expect(() => mergeRulesWithSameSource([...rules, { source: '/admin/:path*', headers: [{ key: 'x-frame-options', value: 'DENY' }] }])).toThrow(/X-Frame-Options|x-frame-options/)
  })
})

describe('a list for one query string (src/proxy.ts sends filtered lists and searches there)', () => {
  const cacheControl = { cacheControl: { revalidate: 3600, expire: 3600 } }

  it('is served as a cached page is, and not kept: as many pages as searches', async () => {
    for (const path of ['/en/releases-query/q%3Dsecurity', '/view/v1-2-0-0-0-0/az/galleries-query/page%3D2']) {
      const key = `/route-cache/APP_PAGE/0f3a/$${path}`
      expect(await handler.get(key, ctx)).toBeNull()
      const data = rendered('Results') as ReturnType<typeof rendered> & { headers: Record<string, string> }
      await handler.set(key, data, cacheControl)
      expect(data.headers['content-security-policy'], path).toContain("script-src 'none'")
      expect(data.headers['etag'], path).toMatch(/^W\/"/)
      expect(await handler.get(key, ctx), path).toBeNull()
    }
  })

  it('while the list without one is kept', async () => {
    const key = '/route-cache/APP_PAGE/0f3a/$/en/releases-index'
    await handler.set(key, rendered('Newest releases'), cacheControl)
    expect(String((await handler.get(key, ctx))?.value?.html)).toContain('Newest releases')
  })
})
