import { expect, test, type APIResponse, type Page } from '@playwright/test'

import { seedRelease } from './helpers'

/**
 * Security headers on every kind of response, and the public pages' Content-Security-Policy
 * (no 'unsafe-inline' script) proven workable in the browser: no policy violation on any page
 * (hash policies; the live preview's nonce is checked in preview.spec.ts), in the main version and
 * the visually impaired view, and client code still runs (the gallery viewer opens).
 */

const GALLERY_TITLE = 'President Aliyev: Situation in Azerbaijan is stable, there are no internal risks and potential threats'

async function seedPaths(page: Page) {
  const release = await seedRelease(page.request, 'seed-001')
  const galleries = (await (await page.request.get('/api/galleries?locale=en&depth=0&limit=100')).json()).docs as { title: string; slug: string }[]
  const gallery = galleries.find((g) => g.title === GALLERY_TITLE)
  if (!release || !gallery) throw new Error('seed release 001 or the gallery of release 004 is missing')
  return { release: `/en/releases/${release.slug}`, gallery: `/en/galleries/${gallery.slug}` }
}

function scriptSources(policy: string): string[] {
  const directive = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))
  return directive ? directive.split(/\s+/).slice(1) : []
}

function expectCommonHeaders(response: APIResponse | { headers(): Record<string, string> }, what: string) {
  const headers = response.headers()
  // Each exactly once (Playwright joins repeated headers with a newline): a browser reads a doubled
  // Cross-Origin-Opener-Policy as no policy.
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin')
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin')
  expect(headers['permissions-policy'], what).toMatch(/^camera=\(\)[^\n]*$/)
  // npm start runs the production build.
  expect(headers['strict-transport-security'], what).toMatch(/^max-age=\d{8,}; includeSubDomains$/)
  // Payload's colour-scheme client hint belongs to the admin: on a public page Chrome would send a first visit twice.
  if (!what.includes('/admin')) expect(headers['critical-ch'], what).toBeUndefined()
}

/** The text of every inline script element that runs (not a data block such as JSON-LD). */
function executableInlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)((?:\s[^>]*)?)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\stype="application\/(ld\+)?json"/i.test(m[1]!))
    .map((m) => m[2]!)
}

/** Whether anything on the page runs: a script element, inline or not, that is not a data block. */
function runsScripts(html: string): boolean {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].some((m) => !/\stype="application\/(ld\+)?json"/i.test(m[1]!))
}

/**
 * The page's one policy: script only from this origin plus this page's own hashes or nonce, and
 * none at all on a page where nothing runs (served without Next's scripts, see
 * src/site/frameworkScripts.mjs).
 */
function expectPagePolicy(headers: Record<string, string>, what: string, { runs = true, inlineScripts = true, frameAncestors = "'none'" } = {}) {
  const policy = headers['content-security-policy']
  expect(policy, `${what}: Content-Security-Policy`).toBeTruthy()
  // Playwright joins repeated headers with a newline: there must be exactly one policy.
  expect(policy.split('\n'), `${what}: one policy`).toHaveLength(1)
  const scripts = scriptSources(policy)
  expect(policy, what).toContain(`frame-ancestors ${frameAncestors}`)
  expect(policy, what).toContain("object-src 'none'")
  expect(policy, what).toContain("default-src 'self'")
  if (!runs) {
    expect(scripts, `${what}: nothing runs, no script allowed`).toEqual(["'none'"])
    return
  }
  expect(scripts[0], what).toBe("'self'")
  expect(scripts, what).not.toContain("'unsafe-inline'")
  expect(scripts, what).not.toContain("'unsafe-eval'")
  if (inlineScripts) expect(scripts.slice(1).length, `${what}: hashes or a nonce for Next's inline scripts`).toBeGreaterThan(0)
  expect(scripts.slice(1).every((s) => /^'(sha256|nonce)-[A-Za-z0-9+/=]+'$/.test(s)), what).toBe(true)
}

/** Collects policy violations and page errors from the start of every document. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = []
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`)
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error' && /CSP violation|Content Security Policy/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  return problems
}

test('public pages: one strict policy each, no violation in the browser, client code runs', async ({ page, context }) => {
  const problems = await watchViolations(page)
  const { release, gallery } = await seedPaths(page)
  const pages = [
    '/az', // cached: hash policy
    release,
    gallery,
    '/en/officials/vilayat-eyvazov',
    '/az/agencies/mia',
    '/en/releases', // the lists without a query string: cached (hash policy)
    '/ru/galleries',
    '/en/releases?q=security&page=1', // with one: rendered each time, served as cached pages are (hash policy)
    '/ru/galleries?page=1',
    '/en/no-such-page', // 404 under a language
    '/en/releases/no-such-release',
  ]
  for (const view of ['main', 'v1-2-0-0-0-0']) {
    if (view !== 'main') await context.addCookies([{ name: 'a11y', value: view, url: page.url() }])
    for (const path of pages) {
      const response = await page.goto(path)
      expect(response, path).not.toBeNull()
      const headers = await response!.allHeaders()
      const html = await response!.text()
      expectPagePolicy(headers, `${view} ${path}`, { runs: runsScripts(html), inlineScripts: executableInlineScripts(html).length > 0 })
      expectCommonHeaders(response!, `${view} ${path}`)
      // Only the live preview is rendered per request with a nonce (tests/e2e/preview.spec.ts).
      expect(headers['content-security-policy'], `${view} ${path}: hashes, no nonce`).not.toContain("'nonce-")
      // Let the page hydrate: a blocked inline script would surface as a violation or an error.
      await page.waitForLoadState('networkidle')
      expect(problems, `${view} ${path}`).toEqual([])
    }
  }
  // A release page runs nothing: its policy allows no script (not just none of its own).
  await context.clearCookies()
  expect(scriptSources((await page.request.get(release)).headers()['content-security-policy'])).toEqual(["'none'"])

  // Client code runs under the policy: the gallery viewer (a client component) opens and closes.
  await context.clearCookies()
  await page.goto(gallery)
  await page.locator('main .gallery-grid a').first().click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(problems).toEqual([])
})

test('a cached page is served again with the same hashes and ETag, matching its own inline scripts and HTML', async ({ page, request }) => {
  // The gallery page keeps Next's scripts (its viewer is a client component).
  const { gallery } = await seedPaths(page)
  const first = await request.get(gallery)
  const second = await request.get(gallery)
  expect(second.headers()['x-nextjs-cache']).toBe('HIT')
  expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy'])
  const html = await second.text()
  const inline = executableInlineScripts(html)
  expect(inline.length).toBeGreaterThan(0)
  const hashes = scriptSources(second.headers()['content-security-policy']).slice(1)
  const { createHash } = await import('node:crypto')
  for (const script of inline) expect(hashes).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`)
  // One ETag per render, stored with the page (Next's own, hashed per response, is off): the same
  // on every hit, and it is this HTML's.
  expect(second.headers()['etag']).toBe(first.headers()['etag'])
  expect(second.headers()['etag']).toBe(`W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`)
})

test('API, files, feeds, unknown addresses and the admin carry their own policies and headers', async ({ request }) => {
  for (const path of ['/api/releases?limit=1', '/api/health', '/feed/az.xml', '/sitemap.xml', '/robots.txt']) {
    const response = await request.get(path)
    expect(response.status(), path).toBeLessThan(400)
    expectCommonHeaders(response, path)
    expect(response.headers()['content-security-policy'], path).toContain("default-src 'none'")
    expect(response.headers()['x-frame-options'], path).toBe('DENY')
  }
  const media = (await (await request.get('/api/media?limit=1&depth=0')).json()).docs[0] as { url: string; mimeType: string }
  const file = await request.get(media.url)
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toBe(media.mimeType)
  expect(file.headers()['x-content-type-options']).toBe('nosniff')
  expect(file.headers()['content-security-policy']).toContain("default-src 'none'")

  // Addresses nothing answers, outside the languages: the 404 page.
  for (const path of ['/no-such-page', '/_next/static/chunks/no-such-chunk.js', '/api-docs', '/EN-GB/no-such-page', '/EN-GB/releases', '/a11y/galleries?page=2', '/xx/preview/some-id']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(404)
    expectCommonHeaders(response, path)
    expectPagePolicy(response.headers(), path, { runs: runsScripts(await response.text()) })
  }

  const admin = await request.get('/admin/login')
  expectCommonHeaders(admin, '/admin/login')
  expect(admin.headers()['content-security-policy']).toContain("frame-ancestors 'self'")
  expect(admin.headers()['x-frame-options']).toBe('SAMEORIGIN')
})

test('the internal view prefix is not a public address', async ({ request }) => {
  for (const path of ['/view/v0-1-0-0-0-0/en/releases', '/view/main/az', '/view/v1-2-0-0-0-0/az', '/view', '/main/az', '/v0-1-0-0-0-0/en/releases', '/main']) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(404)
    expectCommonHeaders(response, path)
  }
  const root = await request.get('/', { maxRedirects: 0 })
  expect(root.status()).toBe(307)
  expect(root.headers()['location']).toBe('/az')
  expectCommonHeaders(root, '/')
})

test('a language typed in capitals goes to the page, with the headers every response carries', async ({ request }) => {
  for (const [from, to] of [
    ['/EN/releases?q=security', '/en/releases?q=security'],
    ['/Az', '/az'],
  ]) {
    const redirect = await request.get(from, { maxRedirects: 0 })
    expect(redirect.status(), from).toBe(308)
    expect(redirect.headers()['location'], from).toBe(to)
    expectCommonHeaders(redirect, from)
    const page = await request.get(from)
    expect(page.status(), from).toBe(200)
    expect(new URL(page.url()).pathname + new URL(page.url()).search, from).toBe(to)
  }
})
