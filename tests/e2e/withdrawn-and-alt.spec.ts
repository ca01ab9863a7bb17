/**
 * A withdrawn release is never the home page's feature and is marked "Withdrawn" (text, in the page's
 * language) wherever releases are listed, and in the RSS feeds; every image on the public pages has
 * alt text (the page's language, else another one marked with `lang`). In az, en and ru, with axe.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import sharp from 'sharp'

import { DEFAULT_SETTINGS, encodeView } from '../../src/a11y/settings'

import { DEMO_PASSWORD, seedRelease } from './helpers'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const LOCALES = ['az', 'en', 'ru'] as const
type Locale = (typeof LOCALES)[number]
const LABEL: Record<Locale, string> = { az: 'Geri çağırılıb', en: 'Withdrawn', ru: 'Отозвано' }

async function axe(page: Page) {
  const violations = (await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target ?? ''}`)
}

async function editorAuth(request: APIRequestContext) {
  const login = await request.post('/api/users/login', { data: { email: 'editor@example.com', password: DEMO_PASSWORD } })
  const { token } = (await login.json()) as { token: string }
  return { Authorization: `JWT ${token}` }
}

/** Loads `path` until `check` passes, for at most two seconds (a purge may still be regenerating the page). */
async function eventually(page: Page, path: string, check: () => Promise<void>) {
  const deadline = Date.now() + 2000
  for (;;) {
    await page.goto(path)
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await page.waitForTimeout(150)
    }
  }
}

/** Every `<img>` on the page has an alt attribute with text in it, and its language where it is not the page's. */
async function imagesDescribed(page: Page, path: string) {
  const images = await page.locator('img').evaluateAll((nodes) =>
    nodes.map((img) => ({ src: img.getAttribute('src'), alt: img.getAttribute('alt'), lang: img.closest('[lang]')?.getAttribute('lang') })),
  )
  for (const image of images) {
    expect(image.alt, `${path}: ${image.src} has no alt attribute`).not.toBeNull()
    expect(image.alt!.trim(), `${path}: ${image.src} has an empty alt`).not.toBe('')
  }
  return images
}

test.describe.configure({ mode: 'serial' })

const word = `Quillmarsh${Date.now()}`
const title = `Featured, then withdrawn ${word}`
let slug = ''

test('a withdrawn release is not featured and is marked in lists, search, agency page, reader view and feeds', async ({ page, request, browser, baseURL }) => {
  const auth = await editorAuth(request)
  const agency = (await (await request.get('/api/agencies?where[slug][equals]=mia&depth=0')).json()).docs[0]
  const created = await request.post('/api/releases?locale=az', {
    headers: auth,
    data: {
      title,
      lead: `Lead ${word}`,
      type: 'press-release',
      leadAgency: agency.id,
      featured: true,
      _status: 'published',
      workflow: { forcePublishReason: 'End-to-end test of withdrawal in lists' },
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const doc = (await created.json()).doc as { id: string; slug: string }
  slug = doc.slug
  await eventually(page, '/en', async () => {
    await expect(page.locator('section.featured')).toContainText(title)
  })

  const withdrawn = await request.patch(`/api/releases/${doc.id}?locale=az`, {
    headers: auth,
    data: { _status: 'published', withdrawal: { withdrawn: true, explanation: 'Səhvən dərc olunub.' } },
  })
  expect(withdrawn.status(), await withdrawn.text()).toBe(200)

  for (const locale of LOCALES) {
    // Home: not the feature any more; in the latest list, marked.
    await eventually(page, `/${locale}`, async () => {
      await expect(page.locator('section.featured')).not.toContainText(title)
      const card = page.locator('article.release-card').filter({ hasText: title })
      await expect(card).toHaveCount(1)
      await expect(card.locator('.label-withdrawn')).toHaveText(LABEL[locale])
      await expect(card.locator('.label-withdrawn')).toBeVisible()
    })
    expect(await axe(page), `/${locale}`).toEqual([])

    for (const path of [`/${locale}/releases`, `/${locale}/releases?q=${word}`, `/${locale}/releases?type=press-release`, `/${locale}/agencies/mia`]) {
      await eventually(page, path, async () => {
        const card = page.locator('article.release-card').filter({ hasText: title })
        await expect(card).toHaveCount(1)
        await expect(card.locator('.label-withdrawn')).toHaveText(LABEL[locale])
        await expect(card.locator('.label-withdrawn')).toBeVisible()
      })
      expect(await axe(page), path).toEqual([])
    }

    // The feed: the title says so in the feed's language; the description starts with the explanation.
    const feed = await (await request.get(`/feed/${locale}.xml`)).text()
    const item = feed.split('<item>').find((i) => i.includes(word))!
    expect(item, locale).toContain(`<title><![CDATA[[${LABEL[locale]}] ${title}]]></title>`)
    expect(item).toMatch(/<description><!\[CDATA\[Səhvən dərc olunub\./)
  }

  // The view for visually impaired readers (its own cached pages): marked too.
  const context = await browser.newContext()
  await context.addCookies([{ name: 'a11y', value: encodeView({ ...DEFAULT_SETTINGS, scheme: 'white-black' }), url: baseURL! }])
  const viewPage = await context.newPage()
  for (const locale of LOCALES) {
    await eventually(viewPage, `/${locale}/releases`, async () => {
      await expect(viewPage.locator('html')).toHaveClass(/a11y-scheme-white-black/)
      await expect(viewPage.locator('article.release-card').filter({ hasText: title }).locator('.label-withdrawn')).toHaveText(LABEL[locale])
    })
    expect(await axe(viewPage), `view /${locale}/releases`).toEqual([])
  }
  await context.close()
})

test('a hero described only in Azerbaijani has that alt text on the English and Russian pages, marked lang="az"', async ({ page, request }) => {
  const auth = await editorAuth(request)
  const agency = (await (await request.get('/api/agencies?where[slug][equals]=mia&depth=0')).json()).docs[0]
  const image = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#246' } }).jpeg().toBuffer()
  const alt = `Nazir mətbuat konfransında ${word}`
  const uploaded = await request.post('/api/media?locale=az', {
    headers: auth,
    multipart: { file: { name: `hero-${word}.jpg`, mimeType: 'image/jpeg', buffer: image }, _payload: JSON.stringify({ alt }) },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const media = (await uploaded.json()).doc as { id: string }
  const heroTitle = `Mətbuat konfransı ${word}`
  const created = await request.post('/api/releases?locale=az', {
    headers: auth,
    data: { title: heroTitle, type: 'press-release', leadAgency: agency.id, heroImage: media.id, _status: 'published', workflow: { forcePublishReason: 'End-to-end test of alt text' } },
  })
  expect(created.status(), await created.text()).toBe(201)
  const heroSlug = ((await created.json()).doc as { slug: string }).slug

  for (const locale of LOCALES) {
    const path = `/${locale}/releases/${heroSlug}`
    await page.goto(path)
    const hero = page.locator('.release__hero img')
    await expect(hero).toHaveAttribute('alt', alt)
    if (locale === 'az') expect(await hero.evaluate((img) => img.closest('[lang]')?.getAttribute('lang'))).toBe('az')
    else await expect(hero).toHaveAttribute('lang', 'az')
    await imagesDescribed(page, path)
    expect(await axe(page), path).toEqual([])
  }
})

test('every image on the public pages has alt text, in az, en and ru', async ({ page }) => {
  const release = await seedRelease(page.request, 'seed-004')
  const galleries = (await (await page.request.get('/api/galleries?locale=en&depth=0&limit=1')).json()).docs as { slug: string }[]
  for (const locale of LOCALES) {
    const paths = [
      `/${locale}`,
      `/${locale}/releases`,
      `/${locale}/releases/${release.slug}`,
      `/${locale}/galleries`,
      `/${locale}/galleries/${galleries[0].slug}`,
      `/${locale}/officials/vilayat-eyvazov`,
      `/${locale}/agencies/mia`,
      ...(slug ? [`/${locale}/releases/${slug}`] : []),
    ]
    for (const path of paths) {
      await page.goto(path)
      await imagesDescribed(page, path)
      const violations = (await new AxeBuilder({ page }).withRules(['image-alt', 'role-img-alt', 'valid-lang']).analyze()).violations
      expect(violations.map((v) => `${v.id} ${v.nodes[0]?.target}`), path).toEqual([])
    }
  }
})
