/**
 * Everyday editorial paths in three languages (issue "Editorial work in three languages"): change
 * notes written in one language do not block publishing from the others, and a lone editor fixes a
 * typo in a published release (a minor change, recorded and listed for a second look).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clients, type Clients } from './helpers/channels'
import { draftRelease, makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let contributor: TestUser
let editor: TestUser
let secondEditor: TestUser
let agencyId: string

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  secondEditor = await makeUser(payload, ['editor'])
  agencyId = (await makeAgency(payload)).id
})
afterAll(async () => cleanup())

type Locale = 'az' | 'en' | 'ru'
const as = (user: TestUser) => ({ user, overrideAccess: false as const })
const update = (id: string, user: TestUser, data: Record<string, unknown>, locale: Locale = 'az', draft = false) =>
  payload.update({ collection: 'releases', id, data, draft, locale, ...as(user) })
const submit = (id: string, user: TestUser) => update(id, user, { workflow: { state: 'in_review' } }, 'az', true)
const publicCopy = (id: string, locale: Locale) =>
  payload.find({ collection: 'releases', where: { id: { equals: id } }, locale, overrideAccess: false }).then((r) => r.docs[0])

/** A release with its text in all three languages, published after review. */
async function trilingualRelease(title: string) {
  const draft = await draftRelease(payload, contributor, agencyId, `${title} (az)`)
  await update(draft.id, contributor, { title: `${title} (en)` }, 'en', true)
  await update(draft.id, contributor, { title: `${title} (ru)` }, 'ru', true)
  await submit(draft.id, contributor)
  await update(draft.id, editor, { _status: 'published' })
  return draft.id
}

describe('change notes in three languages', () => {
  it('a major change noted in English does not block later publishing from the other language tabs', async () => {
    const id = await trilingualRelease('Figures corrected')
    await update(id, contributor, { title: 'Figures corrected, v2 (en)' }, 'en', true)
    await submit(id, contributor)
    await update(id, editor, { _status: 'published', updateType: 'major', changeNote: 'Corrected the figures' }, 'en')

    for (const locale of ['az', 'ru'] as const) {
      await update(id, contributor, { title: `Figures corrected, v3 (${locale})` }, locale, true)
      await submit(id, contributor)
      const published = await update(id, secondEditor, { _status: 'published', updateType: 'minor' }, locale)
      expect(published._status, locale).toBe('published')
      expect((await publicCopy(id, locale))?.title, locale).toBe(`Figures corrected, v3 (${locale})`)
    }
  })

  it('the same through REST, as the admin publishes from the Russian tab', async () => {
    const id = await trilingualRelease('Through REST')
    await submit(id, contributor)
    await update(id, editor, { _status: 'published', updateType: 'major', changeNote: 'Dəqiqləşdirildi' }, 'az')
    await submit(id, contributor)
    const rest = await http.rest.patch(`releases/${id}?locale=ru&depth=0`, JSON.stringify({ _status: 'published', updateType: 'minor' }), {
      ...(await http.authHeader(secondEditor)),
      'Content-Type': 'application/json',
    })
    expect(rest.status, await rest.clone().text()).toBe(200)
  })

  it('each language keeps its own note; one without a note of its own reads another, marked with its language', async () => {
    const id = await trilingualRelease('Notes')
    await submit(id, contributor)
    await update(id, editor, { _status: 'published', updateType: 'major', changeNote: 'Updated the date of the meeting' }, 'en')
    const { changeNotes } = await import('@/site/changeNotes')
    const en = await changeNotes(payload, id, 'en')
    expect(en).toEqual([expect.objectContaining({ note: 'Updated the date of the meeting', lang: 'en' })])
    const az = await changeNotes(payload, id, 'az')
    expect(az).toEqual([expect.objectContaining({ note: 'Updated the date of the meeting', lang: 'en', fallback: true })])
    // A translator adds the Azerbaijani note later: az readers get it, in their language.
    const stored = await payload.findByID({ collection: 'releases', id, locale: 'az', depth: 0 })
    await payload.update({
      collection: 'releases',
      id,
      locale: 'az',
      data: { changeHistory: stored.changeHistory!.map((row) => ({ ...row, note: 'İclasın tarixi yeniləndi' })) },
      context: { trustedWorkflowWrite: true },
    })
    expect(await changeNotes(payload, id, 'az')).toEqual([expect.objectContaining({ note: 'İclasın tarixi yeniləndi', lang: 'az', fallback: false })])
  })
})

describe('a lone editor fixes a typo', () => {
  it('a minor change by an editor publishes directly, is recorded and listed for a second look', async () => {
    const id = await trilingualRelease('A typo in the tilte')
    // The editor alone: no submission, no second editor, no reason.
    await update(id, editor, { title: 'A typo in the title (az)' }, 'az', true)
    const fixed = await update(id, editor, { _status: 'published', updateType: 'minor' })
    expect(fixed._status).toBe('published')
    expect((await publicCopy(id, 'az'))?.title).toBe('A typo in the title (az)')
    expect(fixed.workflow?.forcePublished).toMatchObject({ kind: 'minor', by: expect.objectContaining({ id: editor.id }) })
    expect(fixed.workflow?.forcePublished?.at).toBeTruthy()
    expect(fixed.workflow?.forcePublished?.reviewedAt ?? null).toBeNull()
    // Listed for a second look, as the review queue finds it.
    const listed = await payload.find({
      collection: 'releases',
      where: { and: [{ 'workflow.forcePublished.by': { exists: true } }, { 'workflow.forcePublished.reviewedAt': { exists: false } }] },
      ...as(secondEditor),
    })
    expect(listed.docs.map((d) => d.id)).toContain(id)
    // A second editor looks and confirms.
    const looked = await update(id, secondEditor, { _status: 'published', updateType: 'minor', workflow: { confirmForceReview: true } })
    expect(looked.workflow?.forcePublished?.reviewedAt).toBeTruthy()
  })

  it('a major change still needs the second pair of eyes', async () => {
    const id = await trilingualRelease('Major change alone')
    await update(id, editor, { title: 'Rewritten (az)' }, 'az', true)
    await expect(update(id, editor, { _status: 'published', updateType: 'major', changeNote: 'Rewritten' })).rejects.toThrow(/review/i)
    expect((await publicCopy(id, 'az'))?.title).toBe('Major change alone (az)')
  })

  it('not for a release that is not public now, nor for a contributor', async () => {
    const id = await trilingualRelease('Unpublished then minor')
    await update(id, editor, { _status: 'draft' })
    await expect(update(id, editor, { _status: 'published', updateType: 'minor' })).rejects.toThrow(/review/i)
    expect(await publicCopy(id, 'az')).toBeUndefined()
    const other = await trilingualRelease('Contributor minor')
    await expect(update(other, contributor, { _status: 'published', updateType: 'minor' })).rejects.toThrow(/not allowed|Contributors cannot publish/)
  })
})

describe('each person is offered only what they may do', () => {
  it('the review status offers draft and submitted (and the current state), never published or withdrawn by hand', async () => {
    const { reviewStateOptions, WORKFLOW_STATES } = await import('@/workflow/releaseWorkflow')
    const options = WORKFLOW_STATES.map((value) => ({ label: value, value }))
    expect(reviewStateOptions(options, 'draft').map((o) => o.value)).toEqual(['draft', 'in_review'])
    expect(reviewStateOptions(options, 'published').map((o) => o.value)).toEqual(['draft', 'in_review', 'published'])
    // As the admin builds the field's options.
    const config = await (await import('@payload-config')).default
    const releases = config.collections.find((c) => c.slug === 'releases')!
    const workflow = releases.fields.find((f) => 'name' in f && f.name === 'workflow') as { fields: { name?: string; filterOptions?: unknown }[] }
    const state = workflow.fields.find((f) => f.name === 'state') as { filterOptions: (a: unknown) => { value: string }[] }
    expect(state.filterOptions({ options, siblingData: { state: 'draft' }, data: {}, req: {} }).map((o) => o.value)).toEqual(['draft', 'in_review'])
  })

  it('a refusal says what to do instead', async () => {
    const draft = await draftRelease(payload, contributor, agencyId)
    await expect(update(draft.id, contributor, { workflow: { state: 'withdrawn' } }, 'az', true)).rejects.toThrow(/an editor withdraws a published release/)
  })
})

describe('refusals in the admin language', () => {
  it('the same refusal reads in Azerbaijani, English or Russian, as the person set their admin', async () => {
    const draft = await draftRelease(payload, contributor, agencyId)
    const refuse = async (lng?: string) => {
      const response = await http.rest.patch(`releases/${draft.id}?depth=0`, JSON.stringify({ _status: 'published' }), {
        ...(await http.authHeader(editor)),
        'Content-Type': 'application/json',
        ...(lng ? { Cookie: `payload-lng=${lng}` } : {}),
      })
      expect(response.status).toBe(403)
      return ((await response.json()) as { errors: { message: string }[] }).errors[0]!.message
    }
    expect(await refuse()).toMatch(/^This release has not been submitted for review/)
    expect(await refuse('en')).toMatch(/^This release has not been submitted for review/)
    expect(await refuse('az')).toMatch(/^Bu xəbər yoxlamaya göndərilməyib/)
    expect(await refuse('ru')).toMatch(/^Этот релиз не отправлен на проверку/)
  })

  it('every workflow refusal has its Azerbaijani and Russian sentence', async () => {
    const { REFUSALS, refusalIn } = await import('@/i18n/refusals')
    const source = (await import('node:fs')).readFileSync('src/workflow/releaseWorkflow.ts', 'utf8')
    const messages = [...source.matchAll(/WorkflowError\(\s*'([^']+)'/g), ...source.matchAll(/\? '([^']+)'\n\s+: '([^']+)'/g)].flatMap((m) => m.slice(1))
    const returned = [...source.matchAll(/return '([^']{30,})'/g)].map((m) => m[1]!)
    for (const message of [...messages, ...returned]) {
      expect(refusalIn(message, 'az'), message).not.toBe(message)
      expect(refusalIn(message, 'ru'), message).not.toBe(message)
    }
    expect(REFUSALS.length).toBeGreaterThan(10)
  })
})

describe('a withdrawal explained in one language', () => {
  it('the other languages’ pages read that explanation, marked with its language', async () => {
    const id = await trilingualRelease('Withdrawn in one language')
    await update(id, editor, { _status: 'published', withdrawal: { withdrawn: true, explanation: 'Səhvən dərc olunub.' } }, 'az')
    const { withdrawalExplanation } = await import('@/site/changeNotes')
    expect(await withdrawalExplanation(payload, id, 'az')).toEqual({ text: 'Səhvən dərc olunub.', lang: 'az', fallback: false })
    expect(await withdrawalExplanation(payload, id, 'ru')).toEqual({ text: 'Səhvən dərc olunub.', lang: 'az', fallback: true })
  })

  it('the notice’s date does not end in two full stops (Russian dates end in "г.")', async () => {
    const { withdrawnNoticeText } = await import('@/site/changeNotes')
    expect(withdrawnNoticeText('Этот пресс-релиз отозван {date}.', '8 декабря 2026 г.')).toBe('Этот пресс-релиз отозван 8 декабря 2026 г.')
    expect(withdrawnNoticeText('This press release was withdrawn on {date}.', '8 December 2026')).toBe('This press release was withdrawn on 8 December 2026.')
  })
})
