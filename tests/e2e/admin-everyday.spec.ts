/**
 * Everyday editorial work in the admin, in its three languages ("Editorial work in three languages"):
 * the Schedule drawer of a never-published release opens on Publish; reviewers see who submitted (a
 * name, not "Untitled – ID …") and the dashboard's review queue names the submitter, the time in Baku
 * and the languages; "Create New" left alone saves nothing; an English-only gallery is listed in the
 * Azerbaijani admin as "[en] Title"; a gallery published without a date gets one.
 * Screenshots go to test-results/admin-everyday/ for a person to look at.
 */
import { expect, type APIRequestContext, type Page, test } from '@playwright/test'

import { DEMO_PASSWORD, logIn } from './helpers'

const SHOTS = 'test-results/admin-everyday'
const LANGUAGES = ['az', 'en', 'ru'] as const
type Language = (typeof LANGUAGES)[number]

const PUBLISH: Record<Language, string> = { az: 'Dərc et', en: 'Publish', ru: 'Публиковать' }
const PUBLISH_CHANGES: Record<Language, string> = { az: 'Dəyişiklikləri dərc et', en: 'Publish changes', ru: 'Опубликовать изменения' }
const SCHEDULE: Record<Language, RegExp> = { az: /Nəşr Cədvəli/i, en: /Schedule Publish/i, ru: /Планирование публикации/i }
const QUEUE: Record<Language, string> = { az: 'Yoxlama', en: 'Review', ru: 'Проверка' }

async function token(request: APIRequestContext, email: string) {
  const login = await request.post('/api/users/login', { data: { email, password: DEMO_PASSWORD } })
  return ((await login.json()) as { token: string }).token
}

/** The admin language is a per-user preference; set it through the account's own API. */
async function useLanguage(page: Page, language: Language) {
  await page.goto(`/admin/account`)
  const select = page.locator('#field-language, .payload-settings__language').first()
  await select.waitFor()
  const current = await page.evaluate(() => document.documentElement.lang)
  if (current === language) return
  await select.locator('.rs__control').click()
  const label = { az: 'Azərbaycan', en: 'English', ru: 'Русский' }[language]
  await page.locator('.rs__option', { hasText: label }).first().click()
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
}

async function agencyId(request: APIRequestContext, auth: string) {
  const res = await request.get('/api/agencies?limit=1&depth=0', { headers: { Authorization: `JWT ${auth}` } })
  return ((await res.json()) as { docs: { id: string }[] }).docs[0]!.id
}

/** A release written in English only, submitted for review by the demo contributor. */
async function submittedRelease(request: APIRequestContext, title: string) {
  const auth = await token(request, 'contributor@example.com')
  const headers = { Authorization: `JWT ${auth}` }
  const leadAgency = await agencyId(request, auth)
  const body = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'Text.', detail: 0, format: 0, mode: 'normal', style: '' }] }] } }
  const created = await request.post('/api/releases?draft=true&locale=en', { headers, data: { title, type: 'news', leadAgency, body } })
  expect(created.ok(), await created.text()).toBe(true)
  const { doc } = (await created.json()) as { doc: { id: string } }
  const submitted = await request.patch(`/api/releases/${doc.id}?draft=true&locale=en`, { headers, data: { workflow: { state: 'in_review' } } })
  expect(submitted.ok(), await submitted.text()).toBe(true)
  return doc.id
}

for (const language of LANGUAGES) {
  test(`editor in ${language}: review queue, submitter's name, schedule drawer opens on Publish`, async ({ page, request }) => {
    test.setTimeout(150_000)
    const title = `Everyday ${language} ${Date.now()}`
    const id = await submittedRelease(request, title)
    await logIn(page, 'editor@example.com')
    await useLanguage(page, language)

    // The dashboard's review queue: title (marked with its language), who, when, which languages.
    await page.goto('/admin')
    const queue = page.locator('section.review-queue')
    await expect(queue.locator('h2')).toHaveText(QUEUE[language])
    const row = queue.locator('tr', { hasText: title })
    await expect(row).toBeVisible()
    await expect(row).toContainText(language === 'en' ? title : `[en] ${title}`)
    await expect(row.locator('.cell-by')).toHaveText('Demo Contributor')
    await expect(row.locator('.cell-languages')).toHaveText('en')
    await expect(row.locator('.cell-when')).not.toHaveText('—')
    await page.screenshot({ path: `${SHOTS}/dashboard-editor-${language}.png`, fullPage: true })

    // The release: "submitted by" names the contributor.
    await page.goto(`/admin/collections/releases/${id}?locale=en`)
    const submittedBy = page.locator('#field-workflow__submittedBy')
    await expect(submittedBy).toContainText('Demo Contributor')
    await expect(submittedBy).not.toContainText(/Untitled|ID:/)

    // The Schedule drawer of a never-published release opens on Publish.
    await page.locator('#action-save-popup, .form-submit .popup-button').first().click()
    await page.getByRole('button', { name: SCHEDULE[language] }).click()
    const drawer = page.locator('.schedule-publish')
    await expect(drawer).toBeVisible()
    await expect(drawer.locator('.radio-input:has(input:checked)')).toHaveText(PUBLISH[language])
    await page.screenshot({ path: `${SHOTS}/schedule-drawer-${language}.png`, fullPage: true })
  })
}

test('contributor: sees colleagues by name, never their email', async ({ page, request }) => {
  await logIn(page, 'contributor@example.com')
  const auth = await token(request, 'contributor@example.com')
  const res = await request.get('/api/users?limit=100&depth=0', { headers: { Authorization: `JWT ${auth}` } })
  const { docs } = (await res.json()) as { docs: { name: string; email?: string }[] }
  expect(docs.map((d) => d.name)).toEqual(expect.arrayContaining(['Demo Editor', 'Demo Admin']))
  expect(docs.filter((d) => d.email).map((d) => d.email)).toEqual(['contributor@example.com'])
  await page.goto('/admin/collections/users')
  await page.screenshot({ path: `${SHOTS}/users-list-contributor.png`, fullPage: true })
  await expect(page.locator('body')).not.toContainText('editor@example.com')
})

test('Create New left alone saves no gallery; an English-only gallery is listed as “[en] Title”', async ({ page, request }) => {
  test.setTimeout(120_000)
  const auth = await token(request, 'editor@example.com')
  const headers = { Authorization: `JWT ${auth}` }
  const count = async () => ((await (await request.get('/api/galleries?limit=1&draft=true', { headers })).json()) as { totalDocs: number }).totalDocs
  const before = await count()
  expect(typeof before, 'the count answers').toBe('number')

  await logIn(page, 'contributor@example.com')
  await useLanguage(page, 'az')
  await page.goto('/admin/collections/galleries/create?locale=az')
  await expect(page.locator('#field-title')).toBeVisible()
  await page.waitForTimeout(3000) // longer than the autosave interval
  await page.goto('/admin')
  expect(await count()).toBe(before)

  const title = `Only English ${Date.now()}`
  const created = await request.post('/api/galleries?draft=true&locale=en', { headers, data: { title } })
  expect(created.ok(), await created.text()).toBe(true)
  await page.goto('/admin/collections/galleries?locale=az')
  await expect(page.locator('.table')).toContainText(`[en] ${title}`)
  await page.screenshot({ path: `${SHOTS}/galleries-list-az.png`, fullPage: true })
})

test('admin in ru: a gallery published without a date gets the day it was published', async ({ page }) => {
  await logIn(page, 'admin@example.com')
  await useLanguage(page, 'ru')
  const title = `Без даты ${Date.now()}`
  await page.goto('/admin/collections/galleries/create?locale=az')
  await page.locator('#field-title').fill(title)
  await page.getByRole('button', { name: PUBLISH_CHANGES.ru, exact: true }).click()
  await expect(page).toHaveURL(/\/galleries\/[0-9a-f-]{36}/)
  const id = page.url().match(/galleries\/([0-9a-f-]{36})/)![1]!
  await expect(page.locator('#field-date input')).not.toHaveValue('')
  await page.screenshot({ path: `${SHOTS}/gallery-published-ru.png`, fullPage: true })
  await useLanguage(page, 'az')
  // Published galleries show on the home page: leave the seeded home as the other specs expect it.
  const removed = await page.evaluate(async (url) => (await fetch(url, { method: 'DELETE', credentials: 'include' })).status, `/api/galleries/${id}`)
  expect(removed).toBe(200)
})

test('Create New left alone saves no release; a title alone saves a draft; English-only is “[en] Title” in az', async ({ page, request }) => {
  test.setTimeout(150_000)
  const auth = await token(request, 'editor@example.com')
  const headers = { Authorization: `JWT ${auth}` }
  const count = async () => ((await (await request.get('/api/releases?limit=1&draft=true', { headers })).json()) as { totalDocs: number }).totalDocs
  const before = await count()
  expect(typeof before, 'the count answers').toBe('number')

  await logIn(page, 'contributor@example.com')
  await useLanguage(page, 'az')
  await page.goto('/admin/collections/releases/create?locale=az')
  await expect(page.locator('#field-title')).toBeVisible()
  await page.waitForTimeout(3500) // longer than the autosave interval
  await page.goto('/admin')
  expect(await count(), 'opening Create New and leaving saves nothing').toBe(before)

  // A draft is saved as soon as it has a title: no agency, no text needed yet.
  const draftTitle = `Qaralama ${Date.now()}`
  await page.goto('/admin/collections/releases/create?locale=az')
  await page.locator('#field-title').fill(draftTitle)
  await page.getByRole('button', { name: 'Qaralamayı yadda saxla' }).click()
  await expect(page).toHaveURL(/\/releases\/[0-9a-f-]{36}/)
  expect(await count()).toBe(before + 1)
  await page.screenshot({ path: `${SHOTS}/release-draft-title-only-az.png`, fullPage: true })

  const title = `Only English release ${Date.now()}`
  const id = await submittedRelease(request, title)
  await page.goto('/admin/collections/releases?locale=az')
  await expect(page.locator('.table')).toContainText(`[en] ${title}`)
  await expect(page.locator('.table')).not.toContainText('<No Title>')
  await page.screenshot({ path: `${SHOTS}/releases-list-az.png`, fullPage: true })
  expect(id).toBeTruthy()
})
