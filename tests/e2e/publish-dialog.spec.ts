/**
 * Publishing a correction from the admin, in each admin language: Publish asks minor or major where
 * the person publishes (src/components/admin/ReleasePublishButton.tsx), the note for a major change
 * and, for an editor alone, the reason; a lone editor's minor fix goes straight out and is recorded.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { DEMO_PASSWORD, logIn } from './helpers'

const TEXTS = {
  az: { title: 'Dərc etmək', minor: /Kiçik düzəliş/, major: /Əsaslı dəyişiklik/, note: 'Dəyişiklik qeydi (oxucular görəcək)', reason: 'Yoxlamasız dərc etməyin səbəbi', publish: 'Dərc et', noteRequired: 'Əsaslı dəyişiklik üçün qeyd yazın.' },
  en: { title: 'Publish', minor: /Minor change/, major: /Major change/, note: 'Change note (readers see it)', reason: 'Reason to publish without review', publish: 'Publish', noteRequired: 'Write a note for a major change.' },
  ru: { title: 'Публикация', minor: /Мелкое изменение/, major: /Существенное изменение/, note: 'Заметка об изменении (её увидят читатели)', reason: 'Причина публикации без проверки', publish: 'Опубликовать', noteRequired: 'Напишите заметку к существенному изменению.' },
} as const

async function editorToken(request: APIRequestContext) {
  const login = await request.post('/api/users/login', { data: { email: 'editor@example.com', password: DEMO_PASSWORD } })
  return ((await login.json()) as { token: string }).token
}

async function publishedRelease(request: APIRequestContext, title: string) {
  const headers = { Authorization: `JWT ${await editorToken(request)}` }
  const agencies = await (await request.get('/api/agencies?where[slug][equals]=mia&depth=0', { headers })).json()
  const created = await request.post('/api/releases?locale=az&depth=0', {
    headers,
    data: { title, leadAgency: agencies.docs[0].id, _status: 'published', workflow: { forcePublishReason: 'Browser test of the publish dialog' } },
  })
  expect(created.status(), await created.text()).toBe(201)
  const doc = ((await created.json()) as { doc: { id: string; slug: string } }).doc
  // A second editor (the admin) confirms it, so the corrections below start from a reviewed release.
  const admin = await request.post('/api/users/login', { data: { email: 'admin@example.com', password: DEMO_PASSWORD } })
  const confirmed = await request.patch(`/api/releases/${doc.id}?locale=az&depth=0`, {
    headers: { Authorization: `JWT ${((await admin.json()) as { token: string }).token}` },
    data: { _status: 'published', updateType: 'minor', workflow: { confirmForceReview: true } },
  })
  expect(confirmed.status(), await confirmed.text()).toBe(200)
  return doc
}

async function stored(request: APIRequestContext, id: string) {
  const headers = { Authorization: `JWT ${await editorToken(request)}` }
  return (await (await request.get(`/api/releases/${id}?locale=az&depth=0`, { headers })).json()) as {
    title: string
    changeHistory?: { note?: string }[]
    workflow: { forcePublished?: { kind?: string; reason?: string } }
  }
}

async function editTitle(page: Page, id: string, title: string) {
  await page.goto(`/admin/collections/releases/${id}?locale=az`)
  await page.locator('#field-title').fill(title)
}

for (const lang of ['az', 'en', 'ru'] as const) {
  test(`admin in ${lang}: a lone editor publishes a minor fix and a major change through the publish dialog`, async ({ page, request, context }) => {
    const text = TEXTS[lang]
    // The admin's language, as Payload's account settings set it.
    await context.addCookies([{ name: 'payload-lng', value: lang, url: test.info().project.use.baseURL! }])
    await logIn(page, 'editor@example.com')
    const doc = await publishedRelease(request, `Dialog ${lang} ${Date.now()} with a tpyo`)

    // Minor: asked where the editor publishes, in the admin's language; goes out at once, recorded.
    await editTitle(page, doc.id, `Dialog ${lang} with the typo fixed`)
    await page.locator('#action-save').click()
    const dialog = page.getByRole('dialog', { name: text.title })
    await expect(dialog).toBeVisible()
    const axe = await new AxeBuilder({ page }).include('.release-publish-dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
    await dialog.getByLabel(text.minor).check()
    await dialog.getByRole('button', { name: text.publish, exact: true }).click()
    await expect.poll(async () => (await stored(request, doc.id)).title, { timeout: 15_000 }).toBe(`Dialog ${lang} with the typo fixed`)
    expect((await stored(request, doc.id)).workflow.forcePublished).toMatchObject({ kind: 'minor' })
    expect((await request.get(`/az/releases/${doc.slug}`)).status()).toBe(200)

    // Major: the note is required, and alone the editor gives a reason.
    await editTitle(page, doc.id, `Dialog ${lang} rewritten`)
    await page.locator('#action-save').click()
    await expect(dialog).toBeVisible()
    await dialog.getByLabel(text.major).check()
    await dialog.getByRole('button', { name: text.publish, exact: true }).click()
    await expect(dialog.getByRole('alert')).toHaveText(text.noteRequired)
    await dialog.getByLabel(text.note).fill(`Rewritten (${lang})`)
    await dialog.getByLabel(text.reason).fill('Urgent correction')
    await dialog.getByRole('button', { name: text.publish, exact: true }).click()
    await expect.poll(async () => (await stored(request, doc.id)).title, { timeout: 15_000 }).toBe(`Dialog ${lang} rewritten`)
    const after = await stored(request, doc.id)
    expect(after.workflow.forcePublished).toMatchObject({ kind: 'force', reason: 'Urgent correction' })
    expect(after.changeHistory?.map((c) => c.note)).toEqual([`Rewritten (${lang})`])
  })
}
