import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD } from './helpers'

test('a release deleted as published in error answers 410 Gone; an unknown address 404', async ({ page, request }) => {
  const login = async (email: string) =>
    (await (await request.post('/api/users/login', { data: { email, password: DEMO_PASSWORD } })).json()).token as string
  const editor = { Authorization: `JWT ${await login('editor@example.com')}` }
  const agency = (await (await request.get('/api/agencies?where[slug][equals]=mia&depth=0')).json()).docs[0]
  const title = `Published in error ${Date.now()}`
  const created = await request.post('/api/releases?locale=az', {
    headers: editor,
    data: { title, leadAgency: agency.id, _status: 'published', workflow: { forcePublishReason: 'End-to-end test of removal' } },
  })
  expect(created.status(), await created.text()).toBe(201)
  const doc = (await created.json()).doc
  expect((await page.goto(`/az/releases/${doc.slug}`))!.status()).toBe(200)

  const admin = { Authorization: `JWT ${await login('admin@example.com')}` }
  const deleted = await request.delete(`/api/releases/${doc.id}`, { headers: admin })
  expect(deleted.status(), await deleted.text()).toBe(200)

  await expect
    .poll(async () => (await page.goto(`/az/releases/${doc.slug}`))!.status(), { timeout: 2000 })
    .toBe(410)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bu press-reliz silinib')
  await expect(page.locator('html')).toHaveAttribute('lang', 'az')
  // The one route handler under a language keeps its header rule (src/security/headers.mjs).
  const gone = await request.get(`/az/releases/${doc.slug}`)
  expect(gone.url()).toContain('/az/removed/')
  expect(gone.headers()['x-content-type-options']).toBe('nosniff')
  expect(gone.headers()['cross-origin-opener-policy']).toBe('same-origin')
  expect((await page.goto('/az/releases/never-existed-at-all'))!.status()).toBe(404)
})
