import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'

import { DEFAULT_SETTINGS, encodeView, type A11ySettings } from '../../src/a11y/settings'
import { dictionary, type Locale } from '../../src/i18n'

import { tabTo } from './helpers'

/**
 * The view for visually impaired readers after a setting changes: the reader is back on the control
 * just used (focus, and the page's position), the change is announced in a role=status region in
 * the page's language, and at the largest text size the toolbar folds. With JavaScript off (the
 * `/a11y` redirect ends in `#<control id>`) and on (the toolbar's script restores focus itself), in
 * all three languages.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const LOCALES: Locale[] = ['az', 'en', 'ru']
const SHOTS = process.env.A11Y_SHOTS_DIR ?? 'test-results/a11y-view-focus'

/**
 * WCAG 2.2 AA and 7:1 contrast. axe runs in the page, so for a page without JavaScript it checks the
 * same address (fragment included) with the same cookies in a page that runs scripts.
 */
async function axe(page: Page, js: boolean) {
  let target = page
  const browser = page.context().browser()!
  const checker = js ? null : await browser.newContext({ viewport: page.viewportSize() })
  if (checker) {
    await checker.addCookies(await page.context().cookies())
    target = await checker.newPage()
    await target.goto(page.url())
  }
  const violations = (await new AxeBuilder({ page: target }).withTags(WCAG).analyze()).violations
  violations.push(...(await new AxeBuilder({ page: target }).withRules(['color-contrast-enhanced']).analyze()).violations)
  await checker?.close()
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target ?? ''}`)
}

async function open(browser: Browser, baseURL: string, js: boolean, settings: A11ySettings, viewport = { width: 1024, height: 640 }) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport })
  await context.addCookies([{ name: 'a11y', value: encodeView(settings), url: baseURL }])
  return { context, page: await context.newPage() }
}

/** With JavaScript on, waits until React owns the toolbar (its script handles the submit from then on). */
async function hydrated(page: Page, js: boolean) {
  if (!js) return
  await page.waitForFunction(() => {
    const toolbar = document.querySelector('.a11y-toolbar')
    return !!toolbar && Object.keys(toolbar).some((key) => key.startsWith('__react'))
  })
}

const status = (page: Page) => page.locator('.a11y-toolbar [role="status"]')
const scrollY = (page: Page) => page.evaluate(() => window.scrollY)

for (const js of [false, true]) {
  const mode = js ? 'JavaScript on' : 'JavaScript off'

  for (const locale of LOCALES) {
    const t = dictionary(locale)

    test(`${mode}, ${locale}: text size by keyboard keeps the focus on the control and announces the change`, async ({ browser, baseURL }) => {
      const { context, page } = await open(browser, baseURL!, js, DEFAULT_SETTINGS)
      await page.goto(`/${locale}/releases`)
      await hydrated(page, js)
      await tabTo(page, t.a11yFontXLarge)
      await page.keyboard.press('Enter')
      await expect(page.locator('html')).toHaveClass(/a11y-font-xlarge/)

      const control = page.locator('#a11y-fontSize-xlarge')
      await expect(control).toBeFocused()
      await expect(control).toHaveAttribute('aria-pressed', 'true')
      await expect(status(page)).toHaveText(`${t.a11yFontSize}: ${t.a11yFontXLarge}`, { useInnerText: true })
      await expect(page.getByRole('status').filter({ hasText: `${t.a11yFontSize}: ${t.a11yFontXLarge}` })).toBeVisible()
      // Without JavaScript the fragment brings the reader back; with it, the script does and the address stays clean.
      if (js) expect(new URL(page.url()).hash).toBe('')
      else expect(new URL(page.url()).hash).toBe('#a11y-fontSize-xlarge')
      expect(await axe(page, js), `${mode} ${locale}`).toEqual([])

      // Tab goes on from the control, not from the top of the page.
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('a11y-fontSize-xlarge')
      expect(await page.evaluate(() => document.activeElement?.closest('.a11y-toolbar') !== null)).toBe(true)
      await context.close()
    })
  }

  test(`${mode}: a control further down keeps focus and the page is not back at its top`, async ({ browser, baseURL }) => {
    const t = dictionary('en')
    const { context, page } = await open(browser, baseURL!, js, { ...DEFAULT_SETTINGS, fontSize: 'xlarge' }, { width: 640, height: 480 })
    await page.goto('/en/releases')
    await hydrated(page, js)
    await tabTo(page, t.a11yLine2)
    const before = await scrollY(page)
    expect(before, 'the toolbar was scrolled to reach the control').toBeGreaterThan(0)
    await page.keyboard.press('Enter')
    await expect(page.locator('html')).toHaveClass(/a11y-line-2/)
    const control = page.locator('#a11y-lineHeight-2')
    await expect(control).toBeFocused()
    await expect(control).toBeInViewport()
    expect(await scrollY(page)).toBeGreaterThan(0)
    await expect(status(page)).toHaveText(`${t.a11yLineHeight}: ${t.a11yLine2}`, { useInnerText: true })
    await context.close()
  })

  for (const locale of LOCALES) {
    const t = dictionary(locale)

    test(`${mode}, ${locale}: the toolbar folds at the largest size, stays folded across pages, and the way back stays`, async ({ browser, baseURL }) => {
      const { context, page } = await open(browser, baseURL!, js, { ...DEFAULT_SETTINGS, fontSize: 'xlarge' }, { width: 390, height: 844 })
      await page.goto(`/${locale}`)
      await hydrated(page, js)
      const toggle = page.locator('#a11y-toolbar-toggle')
      await expect(toggle).toHaveAttribute('aria-expanded', 'true')
      await expect(toggle).toHaveAccessibleName(t.a11yMoreSettings)
      await tabTo(page, t.a11yMoreSettings)
      await page.keyboard.press('Enter')

      await expect(toggle).toHaveAttribute('aria-expanded', 'false')
      await expect(toggle).toBeFocused()
      await expect(page.locator('#a11y-more')).toBeHidden()
      await expect(page.getByRole('button', { name: t.a11yMain })).toBeHidden()
      for (const size of [t.a11yFontNormal, t.a11yFontLarge, t.a11yFontXLarge]) {
        await expect(page.locator('.a11y-toolbar').getByRole('button', { name: size, exact: true })).toBeVisible()
      }
      await expect(status(page)).toHaveText(t.a11yStatusCollapsed, { useInnerText: true })
      expect(await axe(page, js), `folded ${mode} ${locale}`).toEqual([])
      await page.locator('.a11y-toolbar').screenshot({ path: `${SHOTS}/folded-${locale}-${js ? 'js' : 'nojs'}.png` })

      // Kept across pages (the view segment carries it), with or without JavaScript.
      await page.getByRole('link', { name: t.releases, exact: true }).first().click()
      await expect(page).toHaveURL(new RegExp(`/${locale}/releases$`))
      await expect(page.locator('#a11y-toolbar-toggle')).toHaveAttribute('aria-expanded', 'false')
      await expect(page.locator('#a11y-more')).toBeHidden()
      await page.screenshot({ path: `${SHOTS}/folded-page-${locale}-${js ? 'js' : 'nojs'}.png` })

      // Unfolds again from the keyboard…
      await hydrated(page, js)
      await tabTo(page, t.a11yMoreSettings)
      await page.keyboard.press('Enter')
      await expect(page.locator('#a11y-toolbar-toggle')).toHaveAttribute('aria-expanded', 'true')
      await expect(page.locator('#a11y-toolbar-toggle')).toBeFocused()
      await expect(page.locator('#a11y-more')).toBeVisible()
      await expect(status(page)).toHaveText(t.a11yStatusExpanded, { useInnerText: true })

      // …and a smaller size, reached while folded, unfolds it (no disclosure below the largest size).
      await tabTo(page, t.a11yMoreSettings)
      await page.keyboard.press('Enter')
      await expect(page.locator('#a11y-more')).toBeHidden()
      await hydrated(page, js)
      await page.locator('#a11y-fontSize-large').focus()
      await page.keyboard.press('Enter')
      await expect(page.locator('html')).toHaveClass(/a11y-font-large/)
      await expect(page.locator('#a11y-fontSize-large')).toBeFocused()
      await expect(page.locator('#a11y-toolbar-toggle')).toHaveCount(0)
      await expect(page.locator('#a11y-more')).toBeVisible()
      await context.close()
    })
  }
}

test('JavaScript off: the main version button lands on the link that turns the view on, and says so', async ({ browser, baseURL }) => {
  const t = dictionary('ru')
  const { context, page } = await open(browser, baseURL!, false, DEFAULT_SETTINGS)
  await page.goto('/ru')
  await tabTo(page, t.a11yMain)
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).not.toHaveClass(/a11y/)
  await expect(page.locator('#a11y-view-on')).toBeFocused()
  await expect(page.locator('.a11y-entry [role="status"]')).toHaveText(t.a11yStatusMain, { useInnerText: true })
  expect(await axe(page, false)).toEqual([])
  await context.close()
})

test('the status region and the folded toolbar are the same for every reader of a cached page', async ({ browser, baseURL }) => {
  // Two readers of the same view: one just changed the size (fragment), one arrives from a link.
  const settings: A11ySettings = { ...DEFAULT_SETTINGS, fontSize: 'xlarge', collapsed: true }
  const first = await open(browser, baseURL!, false, settings)
  const html = async (page: Page, path: string) => {
    const response = await page.goto(path)
    return (await response!.text()).replace(/<meta name="next-size-adjust"[^>]*>/, '')
  }
  const a = await html(first.page, '/en/releases#a11y-fontSize-xlarge')
  const b = await html(first.page, '/en/releases')
  expect(a).toBe(b)
  await expect(first.page.locator('.a11y-toolbar [role="status"]')).toHaveText('', { useInnerText: true })
  await first.context.close()
})
