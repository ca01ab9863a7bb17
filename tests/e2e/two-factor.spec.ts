/**
 * Two-factor sign-in in the real admin (issue 22): an editor sets it up from their account page (QR
 * code, the key for typing in, a first code, ten recovery codes shown once), signs out, and signs in
 * again: the password alone leads to a code step, a wrong code is refused there, the right one opens
 * the admin. The codes are computed here with otplib from the key the page shows, as a phone would.
 *
 * A fresh editor is made for this spec (through the API, as the demo admin), so the demo accounts the
 * other specs sign in with keep signing in with a password (the e2e server runs with REQUIRE_2FA_ROLES
 * empty: playwright.config.ts).
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { generate } from 'otplib'

import { DEMO_PASSWORD } from './helpers'

const EDITOR = { email: `two-factor-editor-${Date.now()}@example.com`, name: 'Two-Factor Editor' }

test.beforeAll(async ({ request }) => {
  const login = await request.post('/api/users/login', { data: { email: 'admin@example.com', password: DEMO_PASSWORD } })
  expect(login.ok(), await login.text()).toBeTruthy()
  const { token } = (await login.json()) as { token: string }
  const created = await request.post('/api/users', {
    headers: { Authorization: `JWT ${token}` },
    data: { ...EDITOR, password: DEMO_PASSWORD, roles: ['editor'] },
  })
  expect(created.ok(), await created.text()).toBeTruthy()
})

async function passwordStep(page: import('@playwright/test').Page) {
  await page.goto('/admin/login')
  // The sign-in page says what it is to a screen reader, and passes axe.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()).violations.map((v) => v.id)).toEqual([])
  await page.locator('#field-email').fill(EDITOR.email)
  await page.locator('#field-password').fill(DEMO_PASSWORD)
  await page.locator('button[type=submit]').click()
}

test('an editor sets up two-factor sign-in, signs out, and signs in with a code; a wrong code is refused', async ({ page }) => {
  // Without a second factor yet, the password is enough (this server requires it of nobody).
  await passwordStep(page)
  await expect(page).toHaveURL(/\/admin\/?$/)

  // The account page says it is off and links to the set-up.
  await page.goto('/admin/account')
  await expect(page.locator('#two-factor-field-status')).toBeVisible()
  await page.locator('#two-factor-set-up').click()
  await expect(page).toHaveURL(/\/admin\/two-factor/)

  await page.locator('#two-factor-start').click()
  const qr = page.locator('img[alt*="QR"]')
  await expect(qr).toBeVisible()
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
  const secret = ((await page.locator('#two-factor-secret').textContent()) ?? '').replace(/\s+/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/)

  await page.locator('#two-factor-code').fill(await generate({ secret }))
  await page.locator('#two-factor-enable').click()
  const codes = page.locator('#two-factor-recovery-codes li')
  await expect(codes).toHaveCount(10)
  await page.locator('#two-factor-continue').click()
  await expect(page).toHaveURL(/\/admin\/?$/)

  // Sign out, and back in: the password alone now leads to the code step.
  await page.goto('/admin/logout')
  await expect(page).toHaveURL(/\/admin\/login/)
  await passwordStep(page)
  const code = page.locator('#field-code')
  await expect(code).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)

  // A wrong code is refused, and nothing opens.
  await code.fill('000000')
  await page.locator('button[type=submit]').click()
  await expect(page.getByRole('alert').filter({ hasText: /two-factor code/i })).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)
  expect((await page.request.get('/api/users/me').then((r) => r.json())) as { user: unknown }).toMatchObject({ user: null })

  // The right code (the next time step's: the one used to set it up is spent) signs in.
  await code.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  await page.goto('/admin/account')
  await expect(page.locator('#two-factor-field-status')).not.toHaveText(/off/i)
})
