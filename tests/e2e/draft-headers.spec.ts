import { expect, test, type APIResponse, type Page } from '@playwright/test'

import { logIn } from './helpers'

/**
 * Staff who opened a preview carry Next's draft-mode cookie (`__prerender_bypass`) on every page of
 * the site afterwards. In draft mode Next renders a page per request, around the page cache and the
 * policy and headers stored with each cached page: every page must still carry them all, once. The
 * session and draft-mode cookies are Secure and HttpOnly (production build; Chromium accepts Secure
 * cookies on http://localhost).
 */

const VIEW = 'v1-2-0-0-0-0'

/** A published release and gallery of the seed. */
async function seedPaths(page: Page) {
  const first = async (collection: string) => ((await (await page.request.get(`/api/${collection}?locale=en&depth=0&limit=1`)).json()).docs ?? [])[0] as { slug: string } | undefined
  const [release, gallery] = [await first('releases'), await first('galleries')]
  if (!release || !gallery) throw new Error('the seed has no published release or gallery')
  return { release: `/en/releases/${release.slug}`, gallery: `/en/galleries/${gallery.slug}` }
}

/** The headers every page carries, each exactly once (Playwright joins repeated headers with a newline). */
function expectPageHeaders(response: APIResponse | { headers(): Record<string, string> }, what: string, frameAncestors = "'none'") {
  const headers = response.headers()
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin')
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin')
  expect(headers['permissions-policy'], what).toMatch(/^camera=\(\)[^\n]*$/)
  expect(headers['strict-transport-security'], what).toMatch(/^max-age=\d{8,}; includeSubDomains$/)
  const policy = headers['content-security-policy']
  expect(policy, `${what}: Content-Security-Policy`).toBeTruthy()
  expect(policy!.split('\n'), `${what}: one policy`).toHaveLength(1)
  expect(policy, what).toContain(`frame-ancestors ${frameAncestors}`)
  expect(policy, what).toContain("default-src 'self'")
  expect(policy, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
}

test('in draft mode every page carries the security headers and its policy; the cookies are Secure', async ({ page, context }) => {
  await logIn(page, 'editor@example.com')
  const title = `Draft for header check ${Date.now()}`
  const created = await page.evaluate(async (t) => {
    const agencies = await (await fetch('/api/agencies?where[slug][equals]=mia&depth=0')).json()
    const res = await fetch('/api/releases?draft=true&locale=en', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: t, leadAgency: agencies.docs[0].id }),
    })
    return (await res.json()).doc as { id: string }
  }, title)
  await page.goto(`/preview?id=${created.id}&locale=en`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

  const cookies = await context.cookies()
  const session = cookies.find((c) => c.name === 'payload-token')
  const draft = cookies.find((c) => c.name === '__prerender_bypass')
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' })
  expect(draft).toMatchObject({ secure: true, httpOnly: true, path: '/' })

  // With the browser's cookies, as the browser sends a same-site request (the app takes the session
  // cookie only then): the draft-mode cookie is sent, the preview answers.
  const get = (path: string) => page.request.get(path, { headers: { 'sec-fetch-site': 'same-origin' } })
  const preview = await get(`/en/preview/${created.id}`)
  expect(preview.status()).toBe(200)
  expect(await preview.text()).toContain(title)
  expectPageHeaders(preview, 'the preview', "'self'")

  const { release, gallery } = await seedPaths(page)
  const pages = [
    '/az',
    release,
    gallery,
    '/en/officials/vilayat-eyvazov',
    '/az/agencies/mia',
    '/en/releases',
    '/en/releases?q=police&page=1',
    '/az/galleries',
    '/az/galleries?page=1',
    '/az/no-such-page',
    '/en/releases/no-such-release',
    '/no-such-page',
    `/view/${VIEW}/az`,
    '/xx/releases',
  ]
  for (const path of pages) {
    // Twice: the first may fill the page cache, the second is served from it.
    for (const round of [1, 2]) expectPageHeaders(await get(path), `${path} (${round}) in draft mode`)
  }

  // The visually impaired view, in draft mode too.
  await context.addCookies([{ name: 'a11y', value: VIEW, url: page.url() }])
  for (const path of ['/az', release, '/en/releases', '/en/releases?q=police', '/az/no-such-page']) {
    expectPageHeaders(await get(path), `${path} in the view, in draft mode`)
  }
  expectPageHeaders(await get(`/en/preview/${created.id}`), 'the preview in the view', "'self'")

  // In the browser: a page opened in draft mode has its policy and no violation.
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await context.clearCookies({ name: 'a11y' })
  const opened = await (await page.goto(gallery))!.allHeaders()
  expectPageHeaders({ headers: () => opened }, `${gallery} opened in draft mode`)
  await page.waitForLoadState('networkidle')
  expect(violations).toEqual([])
})
