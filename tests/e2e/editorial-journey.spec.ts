/**
 * A release's whole life in the admin, once in each admin language, as a press office works: a
 * contributor drafts it in Azerbaijani and submits it, a translator adds Russian, an editor publishes
 * it and fixes a typo alone (minor), a second editor publishes a contributor's major change with a
 * note, the editor withdraws it and schedules another release. After each step the public pages in
 * az and ru show the right text, notes and notices, and axe finds nothing. Screenshots go to
 * test-results/journey/.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'

import { DEMO_PASSWORD } from './helpers'

const SHOTS = 'test-results/journey'
const LANGUAGES = ['az', 'en', 'ru'] as const
type Language = (typeof LANGUAGES)[number]

const DIALOG = {
  az: { title: 'Dərc etmək', minor: /Kiçik düzəliş/, major: /Əsaslı dəyişiklik/, note: 'Dəyişiklik qeydi (oxucular görəcək)', publish: 'Dərc et' },
  en: { title: 'Publish', minor: /Minor change/, major: /Major change/, note: 'Change note (readers see it)', publish: 'Publish' },
  ru: { title: 'Публикация', minor: /Мелкое изменение/, major: /Существенное изменение/, note: 'Заметка об изменении (её увидят читатели)', publish: 'Опубликовать' },
} as const
const WITHDRAWN: Record<'az' | 'ru', string> = { az: 'Geri çağırılıb', ru: 'Отозвано' }

async function token(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const login = await request.post('/api/users/login', { data: { email, password } })
  expect(login.ok(), await login.text()).toBe(true)
  return ((await login.json()) as { token: string }).token
}

/** A second contributor who translates: made by the admin through the API. */
async function translator(request: APIRequestContext, language: Language) {
  const email = `translator-${language}-${Date.now()}@example.com`
  const password = `Translator-${Date.now()}-pass`
  const made = await request.post('/api/users', {
    headers: { Authorization: `JWT ${await token(request, 'admin@example.com')}` },
    data: { email, password, name: `Translator ${language}`, roles: ['contributor'] },
  })
  expect(made.status(), await made.text()).toBe(201)
  return { email, password }
}

async function session(browser: Browser, language: Language, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext()
  await context.addCookies([{ name: 'payload-lng', value: language, url: test.info().project.use.baseURL! }])
  const page = await context.newPage()
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  return page
}

type Stored = {
  title?: string
  lead?: string
  slug?: string
  _status?: string
  workflow?: { state?: string }
  withdrawal?: { withdrawn?: boolean }
}
async function stored(request: APIRequestContext, id: string, locale: 'az' | 'ru', draft = true): Promise<Stored> {
  const headers = { Authorization: `JWT ${await token(request, 'editor@example.com')}` }
  return (await (await request.get(`/api/releases/${id}?locale=${locale}&depth=0&draft=${draft}&fallback-locale=none`, { headers })).json()) as Stored
}

const SUBMITTED: Record<Language, string> = { az: 'Yoxlamaya göndərilib', en: 'Submitted for review', ru: 'Отправлено на проверку' }

/** Review status: the contributor chooses "Submitted for review", in the admin's language. */
async function submitForReview(page: Page, language: Language) {
  const field = page.locator('#field-workflow__state')
  await field.locator('.rs__control').click()
  await page.locator('.rs__option', { hasText: SUBMITTED[language] }).first().click()
}

/** Leaves a document by the breadcrumb back to its list (Payload releases the lock on the way out). */
async function leave(page: Page) {
  await page.locator('.step-nav a[href*="/collections/releases"]').first().click()
  await expect(page).toHaveURL(/\/collections\/releases(\?|$)/)
}

/** The admin remembers each person's last tab: open the first (Content) before writing the text. */
async function contentTab(page: Page) {
  await page.locator('.tabs-field__tab-button').first().click()
}

async function publicPage(page: Page, locale: 'az' | 'ru', slug: string, name: string) {
  const res = await page.goto(`/${locale}/releases/${slug}`)
  expect(res?.status(), `/${locale}/releases/${slug}`).toBe(200)
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on /${locale}/releases/${slug}`).toEqual([])
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
  return page.locator('main')
}

for (const language of LANGUAGES) {
  test(`admin in ${language}: draft, translate, publish, minor fix, major change, withdraw, schedule`, async ({ browser, request, page }) => {
    test.setTimeout(300_000)
    const dialogText = DIALOG[language]
    const stamp = Date.now()
    const azTitle = `Nazirlik bəyanatı ${language} ${stamp}`
    const ruTitle = `Заявление министерства ${language} ${stamp}`
    const agencies = (await (await request.get('/api/agencies?where[slug][equals]=mia&depth=0&locale=az')).json()) as { docs: { name: string }[] }
    const agencyName = agencies.docs[0]!.name

    // 1. The contributor drafts in Azerbaijani: the title first, then the rest, and submits it.
    const contributor = await session(browser, language, 'contributor@example.com')
    await contributor.goto('/admin/collections/releases/create?locale=az')
    await contributor.locator('#field-title').fill(azTitle)
    await contributor.locator('#action-save-draft').click()
    await expect(contributor).toHaveURL(/\/releases\/[0-9a-f-]{36}/)
    const id = contributor.url().match(/releases\/([0-9a-f-]{36})/)![1]!
    await contributor.locator('#field-lead').fill('Nazirlik bu gün bəyanat yayıb.')
    await contributor.locator('.tabs-field__tab-button').nth(1).click()
    await contributor.locator('#field-leadAgency .rs__control').click()
    await contributor.locator('.rs__option', { hasText: agencyName }).first().click()
    await submitForReview(contributor, language)
    await expect.poll(async () => (await stored(request, id, 'az')).workflow?.state, { timeout: 20_000 }).toBe('in_review')
    await contributor.screenshot({ path: `${SHOTS}/${language}-1-contributor-submitted.png`, fullPage: true })
    // A contributor is not offered Publish.
    await expect(contributor.locator('#action-save')).toHaveCount(0)

    // 2. A translator adds Russian.
    const account = await translator(request, language)
    const translatorPage = await session(browser, language, account.email, account.password)
    await translatorPage.goto(`/admin/collections/releases/${id}?locale=ru`)
    await translatorPage.locator('#field-title').fill(ruTitle)
    await translatorPage.locator('#field-lead').fill('Министерство сегодня распространило заявление.')
    await expect.poll(async () => (await stored(request, id, 'ru')).lead, { timeout: 20_000 }).toBe('Министерство сегодня распространило заявление.')
    await translatorPage.screenshot({ path: `${SHOTS}/${language}-2-translator-ru.png`, fullPage: true })
    await translatorPage.context().close()

    // 3. The editor reviews and publishes: nothing to ask, someone else wrote it.
    const editor = await session(browser, language, 'editor@example.com')
    await editor.goto(`/admin/collections/releases/${id}?locale=az`)
    await expect(editor.locator('#field-title')).toHaveValue(azTitle)
    await editor.locator('#action-save').click()
    await expect.poll(async () => (await stored(request, id, 'az', false))._status, { timeout: 20_000 }).toBe('published')
    const azSlug = (await stored(request, id, 'az', false)).slug!
    const ruSlug = (await stored(request, id, 'ru', false)).slug!
    await expect((await publicPage(page, 'az', azSlug, `${language}-3-published-az`)).locator('h1')).toHaveText(azTitle)
    await expect((await publicPage(page, 'ru', ruSlug, `${language}-3-published-ru`)).locator('h1')).toHaveText(ruTitle)

    // 4. The editor fixes a typo alone: a minor change, out at once.
    await editor.goto(`/admin/collections/releases/${id}?locale=az`)
    await contentTab(editor)
    const fixedLead = 'Nazirlik bu gün rəsmi bəyanat yayıb.'
    await editor.locator('#field-lead').fill(fixedLead)
    await editor.locator('#action-save').click()
    const dialog = editor.getByRole('dialog', { name: dialogText.title })
    await expect(dialog).toBeVisible()
    await dialog.getByLabel(dialogText.minor).check()
    await editor.screenshot({ path: `${SHOTS}/${language}-4-minor-dialog.png`, fullPage: true })
    await dialog.getByRole('button', { name: dialogText.publish, exact: true }).click()
    await expect.poll(async () => (await stored(request, id, 'az', false)).lead, { timeout: 20_000 }).toBe(fixedLead)
    await expect(await publicPage(page, 'az', azSlug, `${language}-4-minor-az`)).toContainText(fixedLead)

    // 5. The contributor rewrites the Russian lead and submits; the editor publishes it as a major change with a note.
    await leave(editor) // as a person does: through the admin's own navigation, which releases the lock
    await contributor.goto(`/admin/collections/releases/${id}?locale=ru`)
    await contentTab(contributor)
    const newLead = 'Министерство уточнило данные заявления.'
    await contributor.locator('#field-lead').fill(newLead)
    await submitForReview(contributor, language)
    await expect.poll(async () => (await stored(request, id, 'ru')).workflow?.state, { timeout: 20_000 }).toBe('in_review')
    await expect.poll(async () => (await stored(request, id, 'ru')).lead, { timeout: 20_000 }).toBe(newLead)
    await leave(contributor)
    // The editor wrote the minor fix (not yet looked at by anyone else): a second editor reviews this one.
    const reviewer = await session(browser, language, 'admin@example.com')
    await reviewer.goto(`/admin/collections/releases/${id}?locale=ru`)
    await contentTab(reviewer)
    await expect(reviewer.locator('#field-lead')).toHaveValue(newLead)
    await reviewer.locator('#action-save').click()
    const reviewDialog = reviewer.getByRole('dialog', { name: dialogText.title })
    await expect(reviewDialog).toBeVisible()
    await reviewDialog.getByLabel(dialogText.major).check()
    const note = 'Данные уточнены'
    await reviewDialog.getByLabel(dialogText.note).fill(note)
    await reviewer.screenshot({ path: `${SHOTS}/${language}-5-major-dialog.png`, fullPage: true })
    await reviewDialog.getByRole('button', { name: dialogText.publish, exact: true }).click()
    await expect.poll(async () => (await stored(request, id, 'ru', false)).lead, { timeout: 20_000 }).toBe(newLead)
    const ruMain = await publicPage(page, 'ru', ruSlug, `${language}-5-major-ru`)
    await expect(ruMain).toContainText(newLead)
    await expect(ruMain.locator('.release__changes')).toContainText(note)
    // The Azerbaijani page lists the change too, with the note marked as Russian.
    await expect((await publicPage(page, 'az', azSlug, `${language}-5-major-az`)).locator(`.release__changes [lang=ru]`).first()).toBeVisible()

    await leave(reviewer)
    await reviewer.context().close()

    // 6. The editor withdraws it: the notice and the explanation, the text kept.
    await editor.goto(`/admin/collections/releases/${id}?locale=az`)
    await editor.locator('.tabs-field__tab-button').nth(2).click()
    await editor.locator('#field-withdrawal__withdrawn').check()
    const explanation = 'Bəyanat səhvən dərc olunub.'
    await editor.locator('#field-withdrawal__explanation').fill(explanation)
    await editor.locator('#action-save').click()
    if (await dialog.isVisible().catch(() => false)) {
      await editor.screenshot({ path: `${SHOTS}/${language}-6-withdraw-dialog.png`, fullPage: true })
      await dialog.getByRole('button', { name: dialogText.publish, exact: true }).click()
    }
    await expect.poll(async () => (await stored(request, id, 'az', false)).withdrawal?.withdrawn, { timeout: 20_000 }).toBe(true)
    const withdrawnAz = await publicPage(page, 'az', azSlug, `${language}-6-withdrawn-az`)
    await expect(withdrawnAz.locator('.notice--withdrawn')).toContainText(explanation)
    await expect(withdrawnAz.locator('h1')).toHaveText(azTitle)
    // Explained in Azerbaijani only: the Russian page reads that explanation, marked as Azerbaijani.
    await expect((await publicPage(page, 'ru', ruSlug, `${language}-6-withdrawn-ru`)).locator('.notice--withdrawn p[lang=az]')).toContainText(explanation)
    await page.goto('/az/releases')
    await expect(page.locator('article, li', { hasText: azTitle }).locator('.label-withdrawn').first()).toHaveText(WITHDRAWN.az)

    // 7. Another release, submitted, is scheduled by the editor for next month: nothing public before.
    const next = await request.post('/api/releases?draft=true&locale=az', {
      headers: { Authorization: `JWT ${await token(request, 'contributor@example.com')}` },
      data: { title: `Embarqo ${language} ${stamp}`, leadAgency: (await (await request.get('/api/agencies?where[slug][equals]=mia&depth=0')).json()).docs[0].id, workflow: { state: 'in_review' } },
    })
    expect(next.status(), await next.text()).toBe(201)
    const nextId = ((await next.json()) as { doc: { id: string } }).doc.id
    await editor.goto(`/admin/collections/releases/${nextId}?locale=az`)
    await editor.locator('#action-save').locator('xpath=following::button[contains(@class,"popup-button")][1]').click()
    await editor.locator('#schedule-publish').click()
    const drawer = editor.locator('.schedule-publish')
    await expect(drawer.locator('.radio-input:has(input:checked)')).toHaveText(dialogText.publish === 'Publish' ? 'Publish' : /.+/)
    await drawer.locator('input[type=text]').first().click()
    await editor.locator('.react-datepicker__navigation--next').first().click()
    await editor.locator('.react-datepicker__day:not(.react-datepicker__day--outside-month)', { hasText: /^15$/ }).first().click()
    await editor.locator('.react-datepicker__time-list-item').filter({ hasText: /10:00/ }).first().click()
    await editor.screenshot({ path: `${SHOTS}/${language}-7-schedule-drawer.png`, fullPage: true })
    await editor.locator('#scheduled-publish-save').click()
    await expect(editor.locator('.toast-success, [data-type=success]').first()).toBeVisible()
    await editor.screenshot({ path: `${SHOTS}/${language}-7-scheduled.png`, fullPage: true })
    expect((await request.get(`/api/releases/${nextId}`)).status(), 'embargoed: not public before its time').toBe(404)

    await contributor.context().close()
    await editor.context().close()
  })
}
