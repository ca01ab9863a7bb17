import { expect, test } from '@playwright/test'

import { choose, logIn } from './helpers'

/**
 * The editorial workflow in the real admin: a contributor writes and submits a release, cannot
 * publish it; an editor publishes it; then anonymous readers get it from the REST API.
 */
test('contributor submits, editor publishes, the public API serves it', async ({ browser, request, baseURL }) => {
  const title = `Press release written in the browser ${Date.now()}`
  // A government site must not send its staff's browsers to third parties (Gravatar, fonts, CDNs).
  const thirdParty: string[] = []
  const watch = (page: import('@playwright/test').Page) =>
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== new URL(baseURL!).origin && !r.url().startsWith('data:')) thirdParty.push(r.url())
    })

  const contributor = await browser.newPage()
  watch(contributor)
  await logIn(contributor, 'contributor@example.com')
  await contributor.goto('/admin/collections/releases/create?locale=en')
  await contributor.locator('#field-title').fill(title)
  await contributor.getByRole('button', { name: 'Agencies, people, images' }).click()
  await choose(contributor, 'field-leadAgency', 'Ministry of Internal Affairs')
  await choose(contributor, 'field-workflow__state', 'Submitted for review')
  // A new release is saved by "Save draft" (Create New left alone saves nothing); autosave takes over from there.
  await contributor.locator('#action-save-draft').click()
  await expect(contributor).toHaveURL(/\/admin\/collections\/releases\/[0-9a-f-]{36}/)
  const id = contributor.url().match(/releases\/([0-9a-f-]{36})/)![1]!
  await expect(contributor.locator('#action-save')).toHaveCount(0)
  await expect
    .poll(async () => {
      // From inside the admin page, so the request carries the session like the admin's own calls.
      const doc = await contributor.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).json(), `/api/releases/${id}?draft=true&locale=en&depth=0`)
      return `${doc.title}|${doc.workflow?.state}`
    })
    .toBe(`${title}|in_review`)

  const anonymousBefore = await request.get(`/api/releases/${id}`)
  expect(anonymousBefore.status()).toBe(404)

  const editor = await browser.newPage()
  watch(editor)
  await logIn(editor, 'editor@example.com')
  // The dashboard's review queue lists it for the editor.
  await expect(editor.getByRole('region', { name: 'Review' }).getByRole('link', { name: title })).toBeVisible()
  await editor.goto(`/admin/collections/releases/${id}?locale=en`)
  await expect(editor.locator('#field-title')).toHaveValue(title)
  await editor.locator('#action-save').click()
  await expect(editor.getByText(/published successfully|Updated successfully/i).first()).toBeVisible()

  const anonymous = await request.get(`/api/releases/${id}?locale=en`)
  expect(anonymous.status()).toBe(200)
  const published = await anonymous.json()
  expect(published.title).toBe(title)
  expect(published._status).toBe('published')
  // Who submitted and reviewed it is editorial data: readers do not get it; the editor sees it published.
  expect(published.workflow).toBeUndefined()
  const staffView = await editor.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).json(), `/api/releases/${id}?locale=en&depth=0`)
  expect(staffView.workflow.state).toBe('published')
  expect(thirdParty).toEqual([])
})
