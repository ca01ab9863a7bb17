import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { seedRelease } from './helpers'

test('the public home lists the seeded releases and passes axe (WCAG 2.2 AA)', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/az$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'az')
  // Seed release 001 and its gallery share the title: one heading among the releases, one among the galleries.
  await expect(page.getByRole('heading', { name: 'A Board meeting was held at the Ministry of Internal Affairs', exact: true })).toHaveCount(2)
  // English-only texts are marked as English: release 004 and its gallery (same title).
  const aliyev = page.getByRole('heading', { name: /President Aliyev: Situation in Azerbaijan is stable/ })
  await expect(aliyev).toHaveCount(2)
  for (const heading of await aliyev.all()) await expect(heading).toHaveAttribute('lang', 'en')
  // Latest galleries: the seed has three, the newest first.
  const galleries = page.getByRole('region', { name: 'Son qalereyalar' }).getByRole('heading', { level: 3 })
  await expect(galleries).toHaveCount(3)
  await expect(galleries.first()).toHaveText('A Board meeting was held at the Ministry of Internal Affairs')
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
})

test('an editor marks a release as featured and the home page shows it first', async ({ page, request }) => {
  const { token } = await (
    await request.post('/api/users/login', { data: { email: 'editor@example.com', password: process.env.DEMO_PASSWORD } })
  ).json()
  const seed = await seedRelease(request, 'seed-003')
  const res = await request.patch(`/api/releases/${seed.id}?locale=en`, {
    headers: { Authorization: `JWT ${token}` },
    data: { _status: 'published', featured: true, updateType: 'minor', workflow: { forcePublishReason: 'Feature it on the home page' } },
  })
  expect(res.status(), await res.text()).toBe(200)
  await expect
    .poll(async () => {
      await page.goto('/en')
      return page.getByRole('region', { name: 'Featured' }).getByRole('heading', { level: 3 }).textContent()
    }, { timeout: 2000 })
    .toBe(seed.title)
})
