import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import { encodeView, DEFAULT_SETTINGS, SCHEMES, type A11ySettings } from '../../src/a11y/settings'

import { DEMO_PASSWORD, seedRelease, tabTo } from './helpers'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Loads `path` until the link to `title` is there (or gone), for at most a second: pages are cached
 * and a change may, for a moment, still be served from the copy being regenerated.
 */
async function withinASecond(page: Page, path: string, title: string, present: boolean) {
  const deadline = Date.now() + 1000
  for (;;) {
    await page.goto(path)
    const count = await page.getByRole('link', { name: title, exact: true }).count()
    if ((count > 0) === present) return Date.now()
    if (Date.now() > deadline) throw new Error(`${path}: "${title}" still ${present ? 'missing' : 'shown'} a second after the change`)
    await page.waitForTimeout(100)
  }
}

/** Seed release 001: a press release with photos. */
async function releaseSlug(page: Page): Promise<string> {
  return (await seedRelease(page.request, 'seed-001')).slug
}

const RELEASE_004_TITLE = 'President Aliyev: Situation in Azerbaijan is stable, there are no internal risks and potential threats'

/** The gallery of seed release 004 (eleven photos), which has its title. */
async function gallerySlug(page: Page): Promise<string> {
  const res = await page.request.get('/api/galleries?locale=en&depth=0&limit=100')
  const docs = (await res.json()).docs as { title: string; slug: string }[]
  const gallery = docs.find((g) => g.title === RELEASE_004_TITLE)
  if (!gallery) throw new Error(`no gallery "${RELEASE_004_TITLE}" in /api/galleries?locale=en`)
  return gallery.slug
}

/** WCAG 2.2 AA violations, plus 7:1 contrast (color-contrast-enhanced) where `enhancedContrast`. */
async function axe(page: Page, enhancedContrast: boolean) {
  const violations = (await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations
  if (enhancedContrast) violations.push(...(await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze()).violations)
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target ?? ''}`)
}

test.describe('public templates pass axe in the default view and every colour scheme', () => {
  const views: { name: string; settings: A11ySettings | null }[] = [
    { name: 'default view', settings: null },
    ...SCHEMES.map((scheme) => ({ name: `scheme ${scheme}`, settings: { ...DEFAULT_SETTINGS, scheme } })),
  ]
  for (const { name, settings } of views) {
    test(name, async ({ page, context, baseURL }) => {
      if (settings) await context.addCookies([{ name: 'a11y', value: encodeView(settings), url: baseURL! }])
      const slug = await releaseSlug(page)
      const gallery = await gallerySlug(page)
      const paths = [
        '/az',
        '/en/releases',
        '/az/releases?q=Board&type=press-release', // search results
        `/en/releases/${slug}`,
        '/en/officials/vilayat-eyvazov',
        '/az/agencies/mia',
        '/en/galleries',
        `/en/galleries/${gallery}`,
        '/ru/no-such-page',
      ]
      for (const path of paths) {
        await page.goto(path)
        if (settings) await expect(page.locator('html')).toHaveClass(new RegExp(`a11y-scheme-${settings.scheme}`))
        expect(await axe(page, Boolean(settings)), `${name} ${path}`).toEqual([])
      }
    })
  }
})

test('the view works with JavaScript off: applied on the first response, kept across pages', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/en/releases')
  await page.getByRole('link', { name: 'For the visually impaired' }).click()
  await expect(page).toHaveURL(/\/en\/releases$/)
  await page.getByRole('button', { name: 'White on black' }).click()
  await expect(page.locator('html')).toHaveClass(/a11y-scheme-white-black/)
  await expect(page.getByRole('button', { name: 'White on black' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('link', { name: 'Home' }).click()
  await expect(page.locator('html')).toHaveClass(/a11y-scheme-white-black/)
  await page.getByRole('button', { name: 'Main version' }).click()
  await expect(page.locator('html')).not.toHaveClass(/a11y/)
  await context.close()
})

test('no horizontal scroll at 320 px with extra large text; hidden images show their alt text', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 } })
  await context.addCookies([{ name: 'a11y', value: encodeView({ ...DEFAULT_SETTINGS, fontSize: 'xlarge', images: 'hide' }), url: baseURL! }])
  const page = await context.newPage()
  const slug = await releaseSlug(page)
  for (const path of ['/az', '/en/releases', `/en/releases/${slug}`]) {
    await page.goto(path)
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320)
  }
  await expect(page.locator('main img').first()).toBeHidden()
  await expect(page.locator('main .img-alt').first()).toBeVisible()
  await expect(page.locator('main .img-alt').first()).toContainText('Placeholder image')
  await context.close()
})

test('a publish shows on the home page and the list at once; feed, sitemap and JSON-LD follow', async ({ page, request }) => {
  const login = await request.post('/api/users/login', { data: { email: 'editor@example.com', password: DEMO_PASSWORD } })
  const { token } = await login.json()
  const auth = { Authorization: `JWT ${token}` }
  const agency = (await (await request.get('/api/agencies?where[slug][equals]=mia&depth=0')).json()).docs[0]
  const title = `Urgent notice ${Date.now()}`

  await page.goto('/az') // cached before the publish
  const created = await request.post('/api/releases?locale=az', {
    headers: auth,
    data: { title, leadAgency: agency.id, _status: 'published', workflow: { forcePublishReason: 'End-to-end test of publishing speed' } },
  })
  expect(created.status(), await created.text()).toBe(201)
  const doc = (await created.json()).doc
  await withinASecond(page, '/az', title, true)
  await withinASecond(page, '/az/releases', title, true)

  await page.goto(`/az/releases/${doc.slug}`)
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
  expect(jsonLd['@type']).toBe('NewsArticle')
  expect(jsonLd.headline).toBe(title)
  expect(jsonLd.datePublished).toBe(doc.publishedAt)

  // Pages hold at most 100 (the API's cap); this database has fewer, all on the first page.
  const page1 = (await (await request.get('/api/releases?limit=100&depth=0&locale=az')).json()) as { docs: { slug: string | null }[]; totalDocs: number }
  expect(page1.totalDocs).toBe(page1.docs.length)
  const published = page1.docs
  const feed = await (await request.get('/feed/az.xml')).text()
  expect((feed.match(/<item>/g) ?? []).length).toBe(published.length)
  expect(feed).toContain(title)
  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect((sitemap.match(/\/az\/releases\/[^<]+<\/loc>/g) ?? []).length).toBe(published.length)

  // Withdrawing shows the notice; unpublishing removes it from the public pages.
  const withdrawn = await request.patch(`/api/releases/${doc.id}?locale=az`, {
    headers: auth,
    data: { _status: 'published', withdrawal: { withdrawn: true, explanation: 'Published in error.' } },
  })
  expect(withdrawn.status(), await withdrawn.text()).toBe(200)
  await page.goto(`/az/releases/${doc.slug}`)
  await expect(page.getByText('Published in error.')).toBeVisible()
  const unpublished = await request.patch(`/api/releases/${doc.id}?locale=az`, { headers: auth, data: { _status: 'draft' } })
  expect(unpublished.status(), await unpublished.text()).toBe(200)
  await withinASecond(page, '/az', title, false)
  await withinASecond(page, '/az/releases', title, false)
  expect((await page.goto(`/az/releases/${doc.slug}`))!.status()).toBe(404)
})

test('an official’s page: current and past positions with dates, and the releases that mention them', async ({ page }) => {
  await page.goto('/en/officials/vilayat-eyvazov')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vilayat Eyvazov')
  const current = page.getByRole('region', { name: 'Current position' })
  await expect(current).toContainText('Minister of Internal Affairs')
  await expect(current).toContainText('present')
  await expect(current.getByRole('link', { name: 'Ministry of Internal Affairs' })).toHaveAttribute('href', '/en/agencies/mia')
  const releases = page.getByRole('region', { name: 'Press releases mentioning Vilayat Eyvazov' })
  for (const title of ['A Board meeting was held at the Ministry of Internal Affairs', 'The Collegium meeting was held at the Ministry of Internal Affairs']) {
    await expect(releases.getByRole('link', { name: title, exact: true })).toBeVisible()
  }
  expect(await releases.getByRole('article').count()).toBeGreaterThanOrEqual(2)

  await page.goto('/en/officials/ramil-usubov')
  await expect(page.getByRole('region', { name: 'Current position' })).toHaveCount(0)
  const past = page.getByRole('region', { name: 'Past positions' })
  await expect(past).toContainText('Minister of Internal Affairs')
  await expect(past.locator('time[datetime^="2019-07-15"]')).toContainText('2019')
})

test('galleries without JavaScript: each photo links to its full-size file; a title in another language is marked', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const slug = await gallerySlug(page)
  await page.goto('/en/galleries')
  await expect(page.getByRole('link', { name: RELEASE_004_TITLE, exact: true })).toHaveAttribute('href', `/en/galleries/${slug}`)
  await page.goto(`/en/galleries/${slug}`)
  const photos = page.locator('main .gallery-grid > li')
  await expect(photos).toHaveCount(11)
  // The photo links (not the "Download original" ones): the large rendition, WebP where one was made.
  for (const link of await photos.locator('a[data-photo-index]').all()) {
    await expect(link).toHaveAttribute('href', /\/api\/media\/file\/seed-004-[a-z0-9-]+\.(jpg|webp)$/)
  }
  await expect(photos.first()).toContainText('Photo: Placeholder — original not available')
  // The galleries were written in English only: the Azerbaijani list shows the English title, marked.
  await page.goto('/az/galleries')
  await expect(page.getByRole('heading', { name: RELEASE_004_TITLE })).toHaveAttribute('lang', 'en')
  await context.close()
})

test('keyboard only: home → release → its gallery → view for the visually impaired → scheme → another page keeps it', async ({ page }) => {
  const release = 'A Board meeting was held at the Ministry of Internal Affairs'
  const h1 = page.getByRole('heading', { level: 1 })
  await page.goto('/en')
  await tabTo(page, release)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/en\/releases\/[^/]+$/)
  await expect(h1).toHaveText(release)

  await tabTo(page, 'View the gallery page')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/en\/galleries\/[^/]+$/)
  await expect(h1).toHaveText(release)
  const galleryURL = page.url()

  await tabTo(page, 'For the visually impaired')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'White on black' })).toBeVisible()
  expect(page.url()).toBe(galleryURL)

  await tabTo(page, 'White on black')
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveClass(/a11y-scheme-white-black/)
  await expect(page.getByRole('button', { name: 'White on black' })).toHaveAttribute('aria-pressed', 'true')
  expect(page.url()).toBe(galleryURL)

  await tabTo(page, 'Ministry of Internal Affairs')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/en\/agencies\/mia$/)
  await expect(h1).toHaveText('Ministry of Internal Affairs')
  await expect(page.locator('html')).toHaveClass(/a11y-scheme-white-black/)
})
