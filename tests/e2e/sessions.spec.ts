/**
 * Sessions in the real admin (issue 22): a user signed in in two browsers sees both sessions on their
 * account page ("this session" marked), ends the other one, and the other browser is signed out at
 * once: its next page of the admin is the sign-in page, and its cookie opens nothing over the API.
 *
 * A fresh contributor is made for this spec (through the API, as the demo admin), so the demo
 * accounts' sessions are left alone.
 */
import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD, logIn } from './helpers'

const USER = { email: `sessions-${Date.now()}@example.com`, name: 'Sessions Contributor' }

test.beforeAll(async ({ request }) => {
  const login = await request.post('/api/users/login', { data: { email: 'admin@example.com', password: DEMO_PASSWORD } })
  expect(login.ok(), await login.text()).toBeTruthy()
  const { token } = (await login.json()) as { token: string }
  const created = await request.post('/api/users', {
    headers: { Authorization: `JWT ${token}` },
    data: { ...USER, password: DEMO_PASSWORD, roles: ['contributor'] },
  })
  expect(created.ok(), await created.text()).toBeTruthy()
})

test('a user signed in twice sees two sessions, ends the other, and the other browser is signed out', async ({ browser }) => {
  const first = await browser.newContext()
  const second = await browser.newContext()
  try {
    const here = await first.newPage()
    const there = await second.newPage()
    await logIn(there, USER.email)
    await logIn(here, USER.email)

    await here.goto('/admin/account')
    const rows = here.locator('#sessions-list .sessions-row')
    await expect(rows).toHaveCount(2)
    const mine = here.locator('#sessions-list .sessions-row[data-current="true"]')
    await expect(mine).toHaveCount(1)
    await expect(mine).toContainText('This session')
    await expect(mine.locator('.sessions-end')).toHaveCount(0)

    await here.locator('#sessions-list .sessions-row[data-current="false"] .sessions-end').click()
    await expect(here.locator('#sessions-status')).toHaveText('The session is ended.')
    await expect(rows).toHaveCount(1)
    await expect(here.locator('#sessions-end-others')).toHaveCount(0)

    // The other browser: the admin sends it to sign in; its cookie opens nothing over the API.
    await there.goto('/admin')
    await expect(there).toHaveURL(/\/admin\/login/)
    const me = await there.request.get('/api/users/me')
    expect(((await me.json()) as { user: unknown }).user).toBeNull()

    // This browser is still signed in.
    await here.reload()
    await expect(here.locator('#sessions-list .sessions-row[data-current="true"]')).toHaveCount(1)
  } finally {
    await first.close()
    await second.close()
  }
})
