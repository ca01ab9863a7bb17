import { expect, test, type APIRequestContext } from '@playwright/test'

import { seedRelease } from './helpers'

/**
 * Public pages with nothing interactive on them are served as plain documents, without Next's
 * scripts (src/site/frameworkScripts.mjs); pages with a client component that has behaviour (the
 * gallery viewer, read-aloud in the visually impaired view) keep them and work.
 */

const GALLERY_TITLE = 'President Aliyev: Situation in Azerbaijan is stable, there are no internal risks and potential threats'
const A11Y_VIEW = 'v1-2-0-0-0-0'

async function seedPaths(request: APIRequestContext) {
  const release = await seedRelease(request, 'seed-001')
  const galleries = (await (await request.get('/api/galleries?locale=en&depth=0&limit=100')).json()).docs as { title: string; slug: string }[]
  const gallery = galleries.find((g) => g.title === GALLERY_TITLE)
  if (!release || !gallery) throw new Error('seed release 001 or the gallery of release 004 is missing')
  return { release: `/en/releases/${release.slug}`, title: release.title as string, gallery: `/en/galleries/${gallery.slug}` }
}

/** Every script element that runs or loads code, and every hint to preload a script. */
function scriptsThatRun(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/\stype="application\/(ld\+)?json"/i.test(m[1]!)).map((m) => m[0])
  const preloads = html.match(/<link\b[^>]*(?:\sas="script"|\srel="modulepreload")[^>]*>/gi) ?? []
  return [...scripts, ...preloads]
}

test('pages with nothing interactive carry no script, on the render that fills the cache and on hits', async ({ request }) => {
  const { release, title } = await seedPaths(request)
  for (const path of ['/az', '/en/releases', '/ru/galleries', '/en/releases?q=security&type=press-release', '/ru/galleries?page=1', release, '/en/officials/vilayat-eyvazov', '/az/agencies/mia']) {
    // Twice: the first may be the render that fills the cache, the second is a hit.
    for (const hit of [1, 2]) {
      const response = await request.get(path)
      expect(response.status(), path).toBe(200)
      const html = await response.text()
      expect(scriptsThatRun(html), `${path} (request ${hit})`).toEqual([])
      expect(html, path).toMatch(/<link rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/)
    }
  }
  const html = await (await request.get(release)).text()
  expect(html, 'the release keeps its JSON-LD').toContain('<script type="application/ld+json">')
  expect(html).toContain(`<h1>${title.replace(/&/g, '&amp;')}</h1>`)
})

test('in the browser a release page loads no JavaScript and reads, with no error', async ({ page }) => {
  const { release, title } = await seedPaths(page.request)
  const scripts: string[] = []
  const errors: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(release)
  await page.waitForLoadState('networkidle')
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  expect(scripts).toEqual([])
  expect(errors).toEqual([])
  // A plain link still navigates.
  await page.getByRole('navigation', { name: /main/i }).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/en$/)
})

test('pages with a client component keep the scripts and it works: gallery viewer, read-aloud', async ({ page, context, baseURL }) => {
  const { release, gallery } = await seedPaths(page.request)
  expect(scriptsThatRun(await (await page.request.get(gallery)).text()).length, gallery).toBeGreaterThan(0)
  await page.goto(gallery)
  await page.locator('main .gallery-grid a').first().click()
  await expect(page.getByRole('dialog')).toBeVisible()

  await context.addCookies([{ name: 'a11y', value: A11Y_VIEW, url: baseURL! }])
  const html = await (await page.request.get(release)).text()
  expect(scriptsThatRun(html).length, `${release} in the visually impaired view`).toBeGreaterThan(0)
  await page.goto(release)
  // Read-aloud renders only once React runs in the browser (it needs the Web Speech API).
  const supported = await page.evaluate(() => 'speechSynthesis' in window)
  test.skip(!supported, 'this Chromium has no Web Speech API')
  await expect(page.getByRole('group', { name: /read aloud|ucadan oxu|вслух/i })).toBeVisible()
})

test('a release page still answers the router of a page that has it (flight data)', async ({ request }) => {
  const { release, title } = await seedPaths(request)
  const response = await request.get(release, { headers: { RSC: '1' } })
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('text/x-component')
  expect(await response.text()).toContain(title)
})
