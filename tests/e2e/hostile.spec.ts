/**
 * Hostile and broken requests against the production build: public routes (locale segments, query
 * strings, search terms, malformed percent-escapes, return paths of the settings route, preview and
 * admin redirects) and the API as the server really answers it. Every refusal is a 4xx with no
 * stack trace or server path; a redirect never leaves the site; a search term is shown escaped.
 * Then, in a real browser, a published release full of script and event-handler payloads: no
 * dialog opens, no injected element exists, and the payload text is visible as text.
 */
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'

import { baseURL } from '../../playwright.config'
import { leakIn } from '../int/hostile/leaks'

import { DEMO_PASSWORD } from './helpers'

const EVIL = 'evil.example'
const SCRIPT = '<script>alert(1)</script>'

interface RouteCase {
  name: string
  path: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** Inclusive range, or one status. */
  status: number | [number, number]
  /** For a redirect: where it must lead (a path on this site). */
  location?: RegExp
  /** Raw text the body must not hold (an unescaped payload). */
  absent?: string[]
}

const bad = (status: number | [number, number] = [400, 404]) => status
const stays = (path: string, location = /^\/az(?:[/?#]|$)/): RouteCase => ({ name: `a11y return ${path}`, path: `/a11y?view=on&return=${encodeURIComponent(path)}`, status: 303, location })

const routes: RouteCase[] = [
  // Locale segments
  { name: 'unknown locale segment', path: '/xx', status: 404 },
  { name: 'unknown locale with a page', path: '/xx/releases', status: 404 },
  { name: 'upper-case locale goes to the page', path: '/AZ/releases', status: 308, location: /^\/az\/releases$/ },
  { name: 'upper-case locale with a host after it', path: `/EN/%2F%2F${EVIL}`, status: 308, location: /^\/en\/%2F%2Fevil\.example$/ },
  { name: 'upper-case locale with script in the query', path: `/Ru/releases?q=${encodeURIComponent(SCRIPT)}`, status: 308, location: /^\/ru\/releases\?q=%3C/, absent: [SCRIPT] },
  { name: 'region locale', path: '/az-AZ/releases', status: 404 },
  { name: 'script as the locale', path: `/${encodeURIComponent(SCRIPT)}/releases`, status: 404, absent: [SCRIPT] },
  { name: 'encoded traversal as the locale', path: '/..%2F..%2Fetc%2Fpasswd/releases', status: bad() },
  { name: 'internal view segment typed in', path: '/main/az/releases', status: 404 },
  { name: 'internal view prefix typed in', path: '/view/v0-1-0-0-0-0/az/releases', status: 404 },
  // Slugs and ids
  { name: 'script as a release slug', path: `/az/releases/${encodeURIComponent(SCRIPT)}`, status: 404, absent: [SCRIPT] },
  { name: 'SQL as a release slug', path: `/az/releases/${encodeURIComponent("x' OR '1'='1")}`, status: 404 },
  { name: 'very long release slug', path: `/az/releases/${'a'.repeat(4000)}`, status: 404 },
  { name: 'encoded traversal as a download id', path: '/download/..%2F..%2F.env', status: bad() },
  { name: 'encoded traversal as a feed', path: '/feed/..%2F..%2Fpackage.json', status: bad() },
  { name: 'feed in an unknown language', path: '/feed/xx.xml', status: 404 },
  { name: 'encoded traversal as a media file', path: '/api/media/file/..%2F..%2Fpackage.json', status: bad() },
  // Query strings on list pages
  { name: 'page not a number', path: '/az/releases?page=abc', status: 404 },
  { name: 'page zero', path: '/az/releases?page=0', status: 404 },
  { name: 'negative page', path: '/az/releases?page=-1', status: 404 },
  { name: 'huge page', path: '/az/releases?page=99999999999999999999', status: 404 },
  { name: 'page past the last', path: '/az/releases?page=9999', status: 404 },
  { name: 'page as an array', path: '/az/releases?page[]=1', status: 404 },
  { name: 'page given twice', path: '/az/releases?page=1&page=2', status: 404 },
  { name: 'unknown release type', path: '/az/releases?type=propaganda', status: 404 },
  { name: 'year out of range', path: '/az/releases?year=1e9', status: 404 },
  { name: 'month out of range', path: '/az/releases?year=2025&month=13', status: 404 },
  { name: 'gallery page not a number', path: '/az/galleries?page=abc', status: 404 },
  // Search terms: shown, escaped
  { name: 'script as a search term', path: `/az/releases?q=${encodeURIComponent(SCRIPT)}`, status: 200, absent: [SCRIPT] },
  { name: 'attribute breakout as a search term', path: `/az/releases?q=${encodeURIComponent('" autofocus onfocus="alert(1)')}`, status: 200, absent: ['" autofocus onfocus="alert(1)'] },
  { name: 'image payload as a search term', path: `/en/releases?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, status: 200, absent: ['<img src=x onerror=alert(1)>'] },
  { name: 'malformed escape in a search term', path: '/az/releases?q=%E0%A4%A', status: 200 },
  { name: 'search term of 20 KB', path: `/az/releases?q=${'a'.repeat(20_000)}`, status: [400, 431] },
  // Return paths of the settings route: always a path on this site
  stays(`//${EVIL}`),
  stays(`https://${EVIL}/`),
  stays(`/\\${EVIL}`),
  stays('javascript:alert(1)'),
  stays(`/%2F%2F${EVIL}`),
  stays(`${baseURL}@${EVIL}/`),
  stays(`/az/releases\r\nSet-Cookie: a11y=evil`),
  stays('/a11y?view=off'),
  stays('/az/releases?page=2', /^\/az\/releases\?page=2$/),
  { name: 'a11y foreign Referer', path: '/a11y?view=on', headers: { Referer: `https://${EVIL}/az/releases` }, status: 303, location: /^\/az$/ },
  { name: 'a11y unknown setting', path: '/a11y?fontSize=9000', status: 400 },
  { name: 'a11y script as a setting value', path: `/a11y?view=${encodeURIComponent(SCRIPT)}`, status: 400, absent: [SCRIPT] },
  { name: 'a11y without a setting', path: '/a11y', status: 400 },
  { name: 'a11y JSON body', path: '/a11y', method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseURL }, body: '{"view":"on"}', status: 415 },
  { name: 'a11y oversized form', path: '/a11y', method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL }, body: `view=on&return=${'a'.repeat(20_000)}`, status: 413 },
  // Preview, anonymous
  { name: 'preview of a traversal id, anonymous', path: '/preview?id=..%2F..%2Fetc&locale=az', status: 403 },
  { name: 'preview exit leads home', path: `/preview?exit=1&return=https://${EVIL}`, status: 303, location: /^\/az$/ },
  // The API as the production server answers it
  { name: 'API malformed JSON', path: '/api/releases', method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseURL }, body: '{"title":', status: 400 },
  { name: 'API body nested 100 000 deep', path: '/api/releases', method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseURL }, body: '['.repeat(100_000) + ']'.repeat(100_000), status: 400 },
  { name: 'API XML body', path: '/api/releases', method: 'POST', headers: { 'Content-Type': 'application/xml', Origin: baseURL }, body: '<x/>', status: 415 },
  { name: 'API huge limit', path: '/api/releases?limit=99999999999999999999', status: 400 },
  { name: 'API unknown locale', path: '/api/releases?locale=xx', status: 400 },
  { name: 'API operator injection', path: '/api/releases?where[title][$ne]=x', status: 400 },
  { name: 'API where on users hash', path: '/api/users?where[hash][exists]=true', status: [400, 403] },
  { name: 'API sort through a relation', path: '/api/releases?sort=workflow.submittedBy.hash', status: 400 },
  { name: 'API unknown route', path: '/api/nothing-here', status: 404 },
  { name: 'GraphQL malformed JSON', path: '/api/graphql', method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseURL }, body: '{"query":', status: 400 },
]

/**
 * Next.js decodes dynamic route parameters before any route code runs and answers 500 for a
 * malformed escape; only the proxy can refuse them first (src/lib/percentEncoding.ts), so this needs
 * src/proxy.ts to call hasMalformedPercentEncoding on every path (its matcher covering /api, /admin,
 * /a11y, /download and /feed too).
 */
const malformedEscapes: RouteCase[] = [
  { name: 'malformed escape in a release slug', path: '/az/releases/%E0%A4%A', status: 400 },
  { name: 'malformed escape after the locale', path: '/az/%E0%A4%A', status: 400 },
  { name: 'lone percent in an official slug', path: '/az/officials/%', status: 400 },
  { name: 'bad hex in an agency slug', path: '/az/agencies/%ZZ', status: 400 },
  { name: 'malformed escape in a gallery slug', path: '/en/galleries/%C3%28%', status: 400 },
  { name: 'malformed escape in a download id', path: '/download/%E0%A4%A', status: 400 },
  { name: 'malformed escape in a feed name', path: '/feed/%E0%A4%A', status: 400 },
  { name: 'malformed escape in an API path', path: '/api/releases/%E0%A4%A', status: 400 },
  { name: 'malformed escape in a media file', path: '/api/media/file/%E0%A4%A', status: 400 },
  { name: 'malformed escape in the admin', path: '/admin/collections/%E0%A4%A', status: 400 },
  { name: 'malformed escape under the settings route', path: '/a11y/%E0%A4%A', status: 400 },
]

async function send(request: APIRequestContext, c: RouteCase): Promise<APIResponse> {
  return request.fetch(c.path, { method: c.method ?? 'GET', headers: c.headers, data: c.body, maxRedirects: 0, failOnStatusCode: false })
}

function checkRoute(c: RouteCase, status: number, headers: Record<string, string>, body: string) {
  const where = `${c.name}: ${c.path.slice(0, 120)} → ${status} ${body.slice(0, 200)}`
  const [min, max] = typeof c.status === 'number' ? [c.status, c.status] : c.status
  expect(status, where).toBeGreaterThanOrEqual(min)
  expect(status, where).toBeLessThanOrEqual(max)
  // A signed-in admin page carries Payload's client config (media folder, import map base): not an
  // error body, and only ever sent to staff.
  if (status >= 400 || !c.path.startsWith('/admin')) expect(leakIn(body), where).toBeNull()
  for (const raw of c.absent ?? []) expect(body.includes(raw), `${where}: holds ${raw} unescaped`).toBe(false)
  if (c.location) {
    const location = headers.location ?? ''
    expect(location, where).toMatch(c.location)
    expect(location, where).not.toMatch(/^\/\/|^[a-z]+:|\\|[\r\n]/i)
  }
  expect(headers['set-cookie'] ?? '', where).not.toContain('evil')
}

async function login(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/users/login', { data: { email, password: DEMO_PASSWORD } })
  expect(response.status(), await response.text()).toBe(200)
  return ((await response.json()) as { token: string }).token
}

test('public routes and the API refuse hostile requests: 4xx, no internals, redirects stay on the site', async ({ request }) => {
  for (const c of routes) {
    const response = await send(request, c)
    checkRoute(c, response.status(), response.headers(), await response.text())
  }
})

test('malformed percent-escapes in any path answer 400, not 500', async ({ request }) => {
  for (const c of malformedEscapes) {
    const response = await send(request, c)
    checkRoute(c, response.status(), response.headers(), await response.text())
  }
})

test('signed-in redirects (preview, admin) stay on the site', async ({ page }) => {
  const auth = { Authorization: `JWT ${await login(page.request, 'editor@example.com')}` }
  const signedIn: RouteCase[] = [
    { name: 'preview of an id that is a host', path: `/preview?id=${encodeURIComponent(`//${EVIL}`)}&locale=az`, status: 303, location: /^\/az\/preview\/%2F%2Fevil\.example$/ },
    { name: 'preview in an unknown locale', path: '/preview?id=x&locale=xx', status: 400 },
    { name: 'preview locale holding a host', path: `/preview?id=x&locale=${encodeURIComponent(`/${EVIL}`)}`, status: 400 },
    { name: 'admin login redirect to another host', path: `/admin/login?redirect=${encodeURIComponent(`https://${EVIL}/`)}`, status: [300, 399], location: /^\/admin/ },
    { name: 'admin login redirect protocol-relative', path: `/admin/login?redirect=${encodeURIComponent(`//${EVIL}`)}`, status: [300, 399], location: /^\/admin/ },
    { name: 'admin login redirect backslash', path: `/admin/login?redirect=${encodeURIComponent(`/\\${EVIL}`)}`, status: [300, 399], location: /^\/admin/ },
  ]
  for (const c of signedIn) {
    const response = await send(page.request, { ...c, headers: auth })
    const headers = response.headers()
    // Next answers a server-side redirect of a page with 307 and a full URL: judge its path.
    if (headers.location?.startsWith(baseURL)) headers.location = headers.location.slice(baseURL.length)
    checkRoute(c, response.status(), headers, await response.text())
  }
})

const PAYLOADS = {
  title: `Hostile <script>window.__xss='title';alert('title')</script> release`,
  lead: `<img src=x onerror="window.__xss='lead';alert('lead')"> lead`,
  place: `<svg onload="window.__xss='place'">`,
  body: [
    `<script>window.__xss='body';alert('body')</script>`,
    `<img src=x onerror="window.__xss='body-img'">`,
    `"><iframe src="javascript:alert('body-iframe')"></iframe>`,
    `javascript:alert('text')`,
  ],
  linkText: 'A link with a quote in its address',
  linkUrl: `https://example.org/?q="><script>window.__xss='href'</script>`,
}

const text = (value: string) => ({ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })
const paragraph = (children: unknown[]) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children })
const link = (url: string, label: string) => ({ type: 'link', version: 3, format: '', indent: 0, direction: 'ltr', fields: { linkType: 'custom', url, newTab: false }, children: [text(label)] })
const lexical = (paragraphs: unknown[]) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: paragraphs } })

test('a release full of script payloads renders them as text: no dialog, no injected element', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message())
    await dialog.dismiss()
  })
  const token = await login(page.request, 'editor@example.com')
  const auth = { Authorization: `JWT ${token}` }
  const agency = ((await (await page.request.get('/api/agencies?where[slug][equals]=mia&depth=0')).json()) as { docs: { id: string }[] }).docs[0]!

  const unsafe = await page.request.post('/api/releases?locale=az', {
    headers: auth,
    data: { title: 'Unsafe link', leadAgency: agency.id, body: lexical([paragraph([link('javascript:alert(document.cookie)', 'click')])]) },
  })
  expect(unsafe.status(), 'a javascript: link is refused').toBe(400)
  expect(await unsafe.text()).toMatch(/link/i)

  const created = await page.request.post('/api/releases?locale=az', {
    headers: auth,
    data: {
      title: PAYLOADS.title,
      lead: PAYLOADS.lead,
      place: PAYLOADS.place,
      leadAgency: agency.id,
      // An old date keeps it off the home page's latest releases, which later specs count.
      publishedAt: '2001-05-04T10:00:00.000Z',
      body: lexical([...PAYLOADS.body.map((p) => paragraph([text(p)])), paragraph([link(PAYLOADS.linkUrl, PAYLOADS.linkText)])]),
      _status: 'published',
      workflow: { forcePublishReason: 'End-to-end test of escaping' },
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { slug } = ((await created.json()) as { doc: { slug: string } }).doc

  const checkPage = async (path: string, expectText: string[]) => {
    const response = await page.goto(path)
    expect(response!.status(), path).toBe(200)
    await page.waitForLoadState('networkidle')
    for (const visible of expectText) await expect(page.getByText(visible, { exact: false }).first(), `${path}: ${visible}`).toBeVisible()
    const injected = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: string }).__xss ?? null,
      scripts: [...document.querySelectorAll('main script')].filter((s) => s.getAttribute('type') !== 'application/ld+json').length,
      handlers: [...document.querySelectorAll('main *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      iframes: document.querySelectorAll('main iframe, main svg[onload], main img[src="x"]').length,
      unsafeLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*(javascript|data|vbscript):/i.test(a.getAttribute('href')!)).length,
    }))
    expect(injected, path).toEqual({ xss: null, scripts: 0, handlers: 0, iframes: 0, unsafeLinks: 0 })
  }

  await checkPage(`/az/releases/${slug}`, [`<script>window.__xss='title'`, `<img src=x onerror=`, PAYLOADS.body[0]!, PAYLOADS.body[2]!, PAYLOADS.body[3]!])
  const quoted = page.getByRole('link', { name: PAYLOADS.linkText })
  await expect(quoted).toHaveAttribute('href', PAYLOADS.linkUrl)
  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent()
  expect(jsonLd).not.toContain('<script>')
  expect((JSON.parse(jsonLd!) as { headline: string }).headline).toBe(PAYLOADS.title)

  // The list (cards show title and lead) and a search that finds it.
  await checkPage('/az/releases?q=Hostile', [`<script>window.__xss='title'`])
  // The view for visually impaired readers renders the same release its own way.
  await page.goto(`/a11y?view=on&return=${encodeURIComponent(`/az/releases/${slug}`)}`)
  await expect(page).toHaveURL(new RegExp(`/az/releases/${slug}$`))
  await checkPage(`/az/releases/${slug}`, [`<script>window.__xss='title'`])

  expect(dialogs).toEqual([])
})

test('the image optimizer is off: a photo unpublished later is never served from its cache', async ({ request }) => {
  // The site draws every image itself (sized files under /api/media/file, each checked on every
  // request); Next's /_next/image would keep a public copy for hours after a photo went private.
  const login = await request.post('/api/users/login', { data: { email: 'editor@example.com', password: DEMO_PASSWORD } })
  const { token } = (await login.json()) as { token: string }
  const media = await request.get('/api/media?limit=1&depth=0', { headers: { Authorization: `JWT ${token}` } })
  const photo = ((await media.json()) as { docs: { filename: string }[] }).docs[0]!
  const res = await request.get(`/_next/image?url=${encodeURIComponent(`/api/media/file/${photo.filename}`)}&w=384&q=75`)
  expect(res.status()).toBe(404)
})
