import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'

import { encodeView, DEFAULT_SETTINGS, SCHEMES, type A11ySettings } from '../../src/a11y/settings'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const TITLE = 'President Aliyev: Situation in Azerbaijan is stable, there are no internal risks and potential threats'
const COUNT = 11

/** The seed gallery of release 004: eleven photos, written in English. */
async function galleryPath(page: Page, locale = 'en'): Promise<string> {
  const res = await page.request.get('/api/galleries?locale=en&depth=0&limit=100')
  const docs = (await res.json()).docs as { title: string; slug: string }[]
  const gallery = docs.find((g) => g.title === TITLE)
  if (!gallery) throw new Error(`no gallery "${TITLE}" in /api/galleries?locale=en`)
  return `/${locale}/galleries/${gallery.slug}`
}

const photoLinks = (page: Page) => page.locator('main a[data-photo-index]')

/** Keyboard only: Tab until `target` has focus (at most `max` presses). */
async function tabUntil(page: Page, target: Locator, max = 100) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`not reached in ${max} presses of Tab`)
}

/** What has focus, as "tag: text" (or the link's address), and whether it is inside the open dialog. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const name = el?.tagName === 'A' ? el.getAttribute('href') : el?.innerText.trim()
    return { what: `${el?.tagName.toLowerCase()}: ${name}`, inDialog: Boolean(el?.closest('dialog[open]')) }
  })

async function axe(page: Page, enhancedContrast = false) {
  const violations = (await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations
  if (enhancedContrast) violations.push(...(await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze()).violations)
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target ?? ''}`)
}

const loaded = (image: Locator) => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)

test('keyboard only: open, move with arrows and buttons, Tab stays inside, Escape gives focus back to the last photo', async ({ page }) => {
  await page.goto(await galleryPath(page))
  const links = photoLinks(page)
  await expect(links).toHaveCount(COUNT)
  const alts = await links.locator('img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).alt))
  expect(new Set(alts).size, 'each photo has its own alt text').toBe(COUNT)
  const url = page.url()

  await tabUntil(page, links.first())
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  expect(page.url(), 'the viewer opens in place of following the link').toBe(url)
  await expect(dialog).toHaveAccessibleName(`${TITLE} Photo 1 of ${COUNT}`)
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()
  const status = dialog.getByRole('status')
  await expect(status).toHaveText(`Photo 1 of ${COUNT}`)
  const image = dialog.locator('img')
  await expect(image).toHaveAttribute('alt', alts[0])
  await expect.poll(() => loaded(image)).toBe(true)
  // Caption and credit, and the original's download address, the same as under the photo in the grid.
  await expect(dialog).toContainText('Photo: Placeholder — original not available')
  const download = dialog.getByRole('link', { name: 'Download original' })
  await expect(download).toHaveAttribute('href', (await page.locator('main .gallery-grid .gallery-download').first().getAttribute('href'))!)
  await expect(download).toHaveAttribute('href', /^\/download\/[^/]+$/)

  await page.keyboard.press('ArrowRight')
  await expect(status).toHaveText(`Photo 2 of ${COUNT}`)
  await expect(image).toHaveAttribute('alt', alts[1])
  await expect.poll(() => loaded(image)).toBe(true)
  await page.keyboard.press('ArrowLeft')
  await expect(status).toHaveText(`Photo 1 of ${COUNT}`)
  // The ends wrap around.
  await page.keyboard.press('ArrowLeft')
  await expect(status).toHaveText(`Photo ${COUNT} of ${COUNT}`)
  await expect(image).toHaveAttribute('alt', alts[COUNT - 1])
  await page.keyboard.press('Home')
  await expect(status).toHaveText(`Photo 1 of ${COUNT}`)

  // Tab goes round the dialog's controls and never leaves it; Shift+Tab goes back round.
  const round: string[] = []
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab')
    const now = await focused(page)
    expect(now.inDialog, `Tab ${i + 1} left the dialog for ${now.what}`).toBe(true)
    round.push(now.what)
  }
  expect(round).toEqual([expect.stringMatching(/^a: \/download\//), 'button: Previous photo', 'button: Next photo', 'button: Close'])
  await page.keyboard.press('Shift+Tab')
  expect(await focused(page)).toEqual({ what: 'button: Next photo', inDialog: true })

  // The buttons work from the keyboard too.
  await page.keyboard.press('Enter')
  await expect(status).toHaveText(`Photo 2 of ${COUNT}`)
  await page.keyboard.press('Space')
  await expect(status).toHaveText(`Photo 3 of ${COUNT}`)
  await expect(image).toHaveAttribute('alt', alts[2])
  await expect(dialog).toHaveAccessibleName(`${TITLE} Photo 3 of ${COUNT}`)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(links.nth(2), 'focus returns to the photo shown last, not the one that opened the viewer').toBeFocused()

  // Space opens the focused photo too; the Close button also gives focus back.
  await page.keyboard.press('Space')
  await expect(dialog).toBeVisible()
  await expect(status).toHaveText(`Photo 3 of ${COUNT}`)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+Tab') // from Close round to Next
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(links.nth(3)).toBeFocused()
  expect(page.url()).toBe(url)
})

test('mouse and touch: a click opens the viewer, a swipe moves; no motion when the reader asks for less', async ({ page }) => {
  await page.goto(await galleryPath(page))
  await photoLinks(page).nth(4).click()
  const dialog = page.getByRole('dialog')
  const status = dialog.getByRole('status')
  await expect(status).toHaveText(`Photo 5 of ${COUNT}`)

  const stage = dialog.locator('.gallery-viewer__stage')
  const swipe = async (fromX: number, toX: number, pointerType = 'touch') => {
    const box = (await stage.boundingBox())!
    const y = box.y + box.height / 2
    await stage.dispatchEvent('pointerdown', { pointerId: 7, pointerType, isPrimary: true, clientX: box.x + fromX, clientY: y })
    await stage.dispatchEvent('pointerup', { pointerId: 7, pointerType, isPrimary: true, clientX: box.x + toX, clientY: y + 10 })
  }
  await swipe(300, 100)
  await expect(status).toHaveText(`Photo 6 of ${COUNT}`)
  await swipe(100, 300)
  await swipe(100, 300)
  await expect(status).toHaveText(`Photo 4 of ${COUNT}`)
  await swipe(300, 280) // too short to be a swipe
  await swipe(300, 100, 'mouse') // a mouse drag is not a swipe
  await expect(status).toHaveText(`Photo 4 of ${COUNT}`)

  const animation = () => dialog.locator('img').evaluate((img) => getComputedStyle(img).animationName)
  expect(await animation()).toBe('gallery-viewer-in')
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.keyboard.press('ArrowRight')
  await expect(status).toHaveText(`Photo 5 of ${COUNT}`)
  expect(await animation()).toBe('none')
})

test('axe finds nothing with the viewer open: default view, and every colour scheme with images hidden (320 px, extra large) or grey', async ({
  browser,
  baseURL,
}) => {
  const views: (A11ySettings | null)[] = [
    null,
    ...SCHEMES.map((scheme, i): A11ySettings =>
      i % 2 === 0 ? { ...DEFAULT_SETTINGS, scheme, images: 'hide', fontSize: 'xlarge' } : { ...DEFAULT_SETTINGS, scheme, images: 'grayscale' },
    ),
  ]
  for (const settings of views) {
    const name = settings ? `${settings.scheme}, images ${settings.images}` : 'default view'
    const hidden = settings?.images === 'hide'
    const context = await browser.newContext(hidden ? { viewport: { width: 320, height: 640 } } : {})
    if (settings) await context.addCookies([{ name: 'a11y', value: encodeView(settings), url: baseURL! }])
    const page = await context.newPage()
    await page.goto(await galleryPath(page))
    const link = photoLinks(page).nth(1)
    const alt = (await link.locator('img').getAttribute('alt'))!
    await link.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('status')).toHaveText(`Photo 2 of ${COUNT}`)
    if (hidden) {
      await expect(page.locator('html')).toHaveClass(/a11y-images-hide/)
      // Hidden images: the viewer shows the alt text in their place.
      await expect(dialog.locator('img')).toBeHidden()
      await expect(dialog.locator('.img-alt')).toBeVisible()
      await expect(dialog.locator('.img-alt')).toHaveText(alt)
      // All of it readable: nothing clipped, nothing wider than the screen (the dialog scrolls down instead).
      const stage = dialog.locator('.gallery-viewer__stage')
      expect(await stage.evaluate((el) => el.scrollHeight - el.clientHeight), name).toBeLessThanOrEqual(1)
      expect(await dialog.evaluate((el) => el.scrollWidth - el.clientWidth), name).toBeLessThanOrEqual(0)
    } else {
      await expect(dialog.locator('img')).toBeVisible()
      await expect(dialog.locator('.img-alt')).toBeHidden()
      const filter = await dialog.locator('img').evaluate((img) => getComputedStyle(img).filter)
      expect(filter, name).toBe(settings ? 'grayscale(1)' : 'none')
    }
    // Photo, caption and buttons one below the other, none over another.
    const [photoBox, captionBox, navBox] = await Promise.all(
      ['__stage', '__caption', '__nav'].map(async (part) => (await dialog.locator(`.gallery-viewer${part}`).boundingBox())!),
    )
    expect(photoBox.y + photoBox.height, name).toBeLessThanOrEqual(captionBox.y + 1)
    expect(captionBox.y + captionBox.height, name).toBeLessThanOrEqual(navBox.y + 1)
    // Controls large enough to hit: at least 44 × 44 px.
    for (const button of await dialog.getByRole('button').all()) {
      const box = (await button.boundingBox())!
      expect(Math.min(box.width, box.height), await button.innerText()).toBeGreaterThanOrEqual(44)
    }
    expect(await axe(page, Boolean(settings)), name).toEqual([])
    await context.close()
  }
})

test('the viewer speaks the page language', async ({ page }) => {
  for (const [locale, position, next, close] of [
    ['az', `Foto 1, cəmi ${COUNT}`, 'Növbəti foto', 'Bağla'],
    ['ru', `Фото 1 из ${COUNT}`, 'Следующее фото', 'Закрыть'],
  ]) {
    await page.goto(await galleryPath(page, locale))
    await photoLinks(page).first().click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('status')).toHaveText(position)
    await expect(dialog.getByRole('button', { name: next })).toBeVisible()
    await dialog.getByRole('button', { name: close }).click()
    await expect(dialog).toBeHidden()
  }
})

test('without JavaScript every photo is a link to an image file that loads', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(await galleryPath(page))
  const links = photoLinks(page)
  await expect(links).toHaveCount(COUNT)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
  for (const href of hrefs) {
    const res = await context.request.get(href)
    expect(res.status(), href).toBe(200)
    expect(res.headers()['content-type'], href).toMatch(/^image\//)
  }
  await expect(page.locator('main .gallery-grid .gallery-download')).toHaveCount(COUNT)
  await links.first().click()
  await expect(page).toHaveURL(hrefs[0])
  await context.close()
})
