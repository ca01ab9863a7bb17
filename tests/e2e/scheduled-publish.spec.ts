import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD, logIn } from './helpers'

/**
 * An editor schedules a contributor's submitted release with the admin's "Schedule Publish": it stays
 * invisible (embargo) until its time, then the in-process job queue (every second) publishes it and
 * the home page shows it. Takes up to a minute: the admin schedules to the minute.
 */
test('a scheduled publish reaches the home page right after its time', async ({ page, request, browser }) => {
  test.setTimeout(180_000)
  const token = (await (await request.post('/api/users/login', { data: { email: 'contributor@example.com', password: DEMO_PASSWORD } })).json()).token
  const agency = (await (await request.get('/api/agencies?where[slug][equals]=mia&depth=0')).json()).docs[0]
  const title = `Embargoed until its time ${Date.now()}`
  const created = await request.post('/api/releases?draft=true&locale=az', {
    headers: { Authorization: `JWT ${token}` },
    data: { title, leadAgency: agency.id, workflow: { state: 'in_review' } },
  })
  expect(created.status(), await created.text()).toBe(201)
  const id = (await created.json()).doc.id

  const editor = await browser.newPage()
  await logIn(editor, 'editor@example.com')
  await editor.goto(`/admin/collections/releases/${id}?locale=az`)
  await expect(editor.locator('#field-title')).toHaveValue(title)
  await editor.locator('#action-save').locator('xpath=following::button[contains(@class,"popup-button")][1]').click()
  await editor.locator('#schedule-publish').click()
  await editor.locator('input[id$="-type-publish"]').check({ force: true })
  const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000)
  const typed = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Baku',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  })
    .format(at)
    .replace(' at ', ' ')
    .replace(/\u202f/g, ' ')
  const dateInput = editor.locator('[class*=drawer] input[type=text]').first()
  await dateInput.fill(typed)
  await dateInput.press('Enter')
  await editor.locator('#scheduled-publish-save').click()
  await expect(editor.getByText('Scheduled successfully.').first()).toBeVisible()

  // Embargo: nothing public before its time.
  expect((await request.get(`/api/releases/${id}`)).status()).toBe(404)
  await page.goto('/az')
  await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0)

  await page.waitForTimeout(Math.max(0, at.getTime() - Date.now()))
  const due = Date.now()
  let shownAfter = -1
  while (Date.now() - due < 5000) {
    await page.goto('/az')
    if ((await page.getByRole('link', { name: title, exact: true }).count()) > 0) {
      shownAfter = Date.now() - due
      break
    }
    await page.waitForTimeout(100)
  }
  console.log(`scheduled publish shown on the home page ${shownAfter} ms after its time`)
  // The queue runs every second: the release is public within that tick plus one render.
  expect(shownAfter).toBeGreaterThanOrEqual(0)
  expect(shownAfter).toBeLessThan(2000)
})
