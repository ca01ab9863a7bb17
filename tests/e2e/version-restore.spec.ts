import { expect, test, type Page } from '@playwright/test'

import { logIn } from './helpers'

/**
 * Restoring a version in the real admin (src/workflow/restoreAsDraft.ts): the admin's main "Restore
 * this version" on a draft version of a published release brings the old text back as the draft —
 * before, it took the release off the site, then it was refused — the confirmation and the toast say
 * so (src/i18n/adminTranslations.ts), and readers keep the published release.
 */

type Answer = { status: number; json: Record<string, unknown> }

/** A REST call from inside the admin page, with the session and origin the admin's own calls have. */
function api(page: Page, method: string, url: string, body?: unknown): Promise<Answer> {
  return page.evaluate(
    async ([m, u, b]) => {
      const response = await fetch(u as string, {
        method: m as string,
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      })
      return { status: response.status, json: await response.json() }
    },
    [method, url, body] as const,
  )
}

const paragraph = (text: string) => ({
  root: {
    type: 'root', direction: 'ltr', format: '', indent: 0, version: 1,
    children: [{ type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, textStyle: '',
      children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }] }],
  },
})

test('restoring a draft version of a published release in the admin brings it back as the draft, says so, and the release stays public', async ({ page, request }) => {
  const stamp = Date.now()
  const draftTitle = `Release as first drafted ${stamp}`
  const publicTitle = `Release as published ${stamp}`
  await logIn(page, 'editor@example.com')
  const agencies = await api(page, 'GET', '/api/agencies?limit=1&depth=0')
  const agency = (agencies.json.docs as { id: string }[])[0]!
  const draft = await api(page, 'POST', '/api/releases?draft=true&locale=en', { title: draftTitle, type: 'press-release', leadAgency: agency.id, body: paragraph('Text.') })
  expect(draft.status, JSON.stringify(draft.json)).toBe(201)
  const id = (draft.json.doc as { id: string }).id
  const published = await api(page, 'PATCH', `/api/releases/${id}?locale=en`, { title: publicTitle, _status: 'published', workflow: { forcePublishReason: 'Browser test of restoring versions' } })
  expect(published.status, JSON.stringify(published.json)).toBe(200)

  const versions = await api(page, 'GET', `/api/releases/versions?where[parent][equals]=${id}&sort=createdAt&depth=0&limit=50`)
  const draftVersion = (versions.json.docs as { id: string; version: { _status: string } }[]).find((v) => v.version._status === 'draft')!
  await page.goto(`/admin/collections/releases/${id}/versions/${draftVersion.id}`)
  await page.getByRole('button', { name: 'Restore this version' }).click()
  await expect(page.getByText('It comes back as a draft: the public site changes only when it is published.')).toBeVisible()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByText('Restored as a draft. The public site changes only when it is published.')).toBeVisible()
  // The admin goes on to the release, whose latest draft is the restored text.
  await expect(page).toHaveURL(new RegExp(`/admin/collections/releases/${id}$`))
  const latest = await api(page, 'GET', `/api/releases/${id}?draft=true&locale=en&depth=0`)
  expect(latest.json.title).toBe(draftTitle)

  const anonymous = await request.get(`/api/releases/${id}?locale=en&depth=0`)
  expect(anonymous.status()).toBe(200)
  const publicCopy = (await anonymous.json()) as { _status: string; title: string }
  expect(publicCopy._status).toBe('published')
  expect(publicCopy.title).toBe(publicTitle)
})
