import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

test('the public home lists the seeded releases and passes axe (WCAG 2.2 AA)', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/az$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'az')
  await expect(page.getByRole('heading', { name: 'A Board meeting was held at the Ministry of Internal Affairs' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /President Aliyev: Situation in Azerbaijan is stable/ })).toHaveAttribute('lang', 'en')
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
})
