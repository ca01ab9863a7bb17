import { expect, test } from '@playwright/test'

import { logIn } from './helpers'

test('staff preview a draft through draft mode; the public never sees it', async ({ browser, request }) => {
  const editor = await browser.newPage()
  await logIn(editor, 'editor@example.com')
  const title = `Draft for preview ${Date.now()}`
  const created = await editor.evaluate(async (t) => {
    const agencies = await (await fetch('/api/agencies?where[slug][equals]=mia&depth=0')).json()
    const res = await fetch('/api/releases?draft=true&locale=en', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: t, leadAgency: agencies.docs[0].id }),
    })
    return (await res.json()).doc as { id: string; slug: string }
  }, title)

  const violations: string[] = []
  editor.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  const response = await editor.goto(`/preview?id=${created.id}&locale=en`)
  await expect(editor).toHaveURL(new RegExp(`/en/preview/${created.id}$`))
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(editor.getByText('readers do not see it')).toBeVisible()
  // Rendered per request: a fresh nonce, on every script Next wrote; the admin may frame it.
  const policy = (await response!.allHeaders())['content-security-policy']!
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+';/)
  expect(policy).toContain("frame-ancestors 'self'")
  const scripts = await editor.evaluate(() => [...document.scripts].filter((s) => !s.type.includes('json')).map((s) => s.nonce))
  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.every((nonce) => policy.includes(`'nonce-${nonce}'`))).toBe(true)
  const again = (await (await editor.reload())!.allHeaders())['content-security-policy']
  expect(again).not.toBe(policy)
  await editor.waitForLoadState('networkidle')
  expect(violations).toEqual([])

  // Anonymous: no draft mode, no preview, no draft page.
  expect((await request.get(`/preview?id=${created.id}&locale=en`, { maxRedirects: 0 })).status()).toBe(403)
  expect((await request.get(`/en/preview/${created.id}`)).status()).toBe(404)
  expect((await request.get(`/en/releases/${created.slug}`)).status()).toBe(404)
  expect((await request.get(`/api/releases/${created.id}`)).status()).toBe(404)

  await editor.getByRole('button', { name: 'Leave preview' }).click()
  expect((await editor.goto(`/en/preview/${created.id}`))!.status()).toBe(404)
})

test("the draft-mode cookie alone opens no preview: without a staff session, or after signing out, it is a 404", async ({ browser }) => {
  const editor = await browser.newPage()
  await logIn(editor, 'editor@example.com')
  const title = `Embargoed draft ${Date.now()}`
  const created = await editor.evaluate(async (t) => {
    const agencies = await (await fetch('/api/agencies?where[slug][equals]=mia&depth=0')).json()
    const res = await fetch('/api/releases?draft=true&locale=en', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: t, leadAgency: agencies.docs[0].id }),
    })
    return (await res.json()).doc as { id: string }
  }, title)
  await editor.goto(`/preview?id=${created.id}&locale=en`)
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(title)
  const bypass = (await editor.context().cookies()).find((c) => c.name === '__prerender_bypass')
  expect(bypass, 'draft mode sets its cookie').toBeTruthy()

  // Someone who got hold of the cookie (it is the same for every user until the next build).
  const stranger = await browser.newContext()
  await stranger.addCookies([{ ...bypass! }])
  const page = await stranger.newPage()
  expect((await page.goto(`/en/preview/${created.id}`))!.status()).toBe(404)
  await expect(page.getByText(title)).toHaveCount(0)
  await stranger.close()

  // Signing out ends the preview too, though the browser keeps the draft-mode cookie.
  await editor.evaluate(() => fetch('/api/users/logout', { method: 'POST', credentials: 'include' }))
  expect((await editor.context().cookies()).some((c) => c.name === '__prerender_bypass')).toBe(true)
  expect((await editor.goto(`/en/preview/${created.id}`))!.status()).toBe(404)
  await expect(editor.getByText(title)).toHaveCount(0)
})
