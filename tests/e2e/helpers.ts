import { expect, type APIRequestContext, type Page } from '@playwright/test'

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? ''

export async function logIn(page: Page, email: string) {
  if (!DEMO_PASSWORD) throw new Error('DEMO_PASSWORD must be set for the browser tests (scripts/test-all.sh sets it)')
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(DEMO_PASSWORD)
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

/** Picks an option in one of Payload's react-select fields (select or relationship) by its label. */
export async function choose(page: Page, fieldId: string, optionText: string) {
  const field = page.locator(`#${fieldId}`)
  await field.locator('.rs__control').click()
  await page.locator('.rs__option', { hasText: optionText }).first().click()
  await expect(field.locator('.rs__single-value, .rs__multi-value').first()).toContainText(optionText)
}

/**
 * Keyboard only: presses Tab until the focused element's text is `name` (exact, whitespace folded),
 * at most `max` times, as a reader would move through the page. Fails with what it passed on the way.
 */
export async function tabTo(page: Page, name: string, max = 200) {
  const passed: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return (el?.innerText ?? '').replace(/\s+/g, ' ').trim()
    })
    if (focused === name) return
    passed.push(focused)
  }
  throw new Error(`"${name}" not reached in ${max} presses of Tab; focus went through: ${passed.slice(0, 60).join(' | ')}`)
}

/**
 * A seed release by its import key (`seed-001` …). Which source a release came from is editorial data
 * that readers do not get, so the look-up signs in as the demo editor.
 */
export async function seedRelease(request: APIRequestContext, key: string, locale = 'en'): Promise<{ id: string; slug: string; title: string }> {
  const login = await request.post('/api/users/login', { data: { email: 'editor@example.com', password: DEMO_PASSWORD } })
  const { token } = (await login.json()) as { token: string }
  const res = await request.get(`/api/releases?locale=${locale}&depth=0&where[importSource.key][equals]=${key}`, {
    headers: { Authorization: `JWT ${token}` },
  })
  const doc = ((await res.json()) as { docs?: { id: string; slug: string; title: string }[] }).docs?.[0]
  if (!doc) throw new Error(`seed release ${key} is missing (${res.status()})`)
  return doc
}
