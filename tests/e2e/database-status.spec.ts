import { expect, test } from '@playwright/test'

import { logIn } from './helpers'

/**
 * The admin's line about the database (src/components/admin/DatabaseStatus.tsx) follows what
 * GET /api/health says (the endpoint itself: tests/int/health.test.ts). The outage is played by
 * answering the health check in the browser: a real one cannot be caused from outside a running
 * SQLite server in WAL mode (tests/int/db-outage.test.ts covers the server's side).
 */
test('the admin says when the database is down, and stops saying it when it is back', async ({ page }) => {
  await logIn(page, 'editor@example.com')
  const alert = page.getByRole('alert').filter({ hasText: 'database' })
  await expect(alert).toHaveCount(0)

  await page.route('**/api/health', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ status: 'error', database: 'unreachable', jobs: 'ok' }) }),
  )
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await expect(alert).toBeVisible()
  await expect(alert).toContainText(/not answering|cavab vermir|не отвечает/)

  await page.unroute('**/api/health')
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await expect(alert).toHaveCount(0)
})
