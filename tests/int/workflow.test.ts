import { createLocalReq, restoreVersionOperation, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { jobsAreDue } from '@/config/jobs'
import { adminTranslations } from '@/i18n/adminTranslations'

import { clients, type Clients } from './helpers/channels'
import { draftRelease, makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let contributor: TestUser
let editor: TestUser
let secondEditor: TestUser
let admin: TestUser
let agencyId: string

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  secondEditor = await makeUser(payload, ['editor'])
  admin = await makeUser(payload, ['admin'])
  agencyId = (await makeAgency(payload)).id
})
afterAll(async () => cleanup())

const as = (user: TestUser) => ({ user, overrideAccess: false as const })

const update = (id: string, user: TestUser, data: Record<string, unknown>, draft = false) =>
  payload.update({ collection: 'releases', id, data, draft, ...as(user) })

const submit = (id: string, user: TestUser) => update(id, user, { workflow: { state: 'in_review' } }, true)

const publicRead = (id: string) =>
  payload.find({ collection: 'releases', where: { id: { equals: id } }, overrideAccess: false }).then((r) => r.docs)

async function publishedRelease(title: string) {
  const draft = await draftRelease(payload, contributor, agencyId, title)
  await submit(draft.id, contributor)
  await update(draft.id, editor, { _status: 'published' })
  return draft.id
}

describe('contributor', () => {
  it('writes a draft that the public cannot read', async () => {
    const draft = await draftRelease(payload, contributor, agencyId)
    expect(draft._status).toBe('draft')
    expect(draft.workflow?.state).toBe('draft')
    expect(await publicRead(draft.id)).toHaveLength(0)
  })

  it('submits for review, recorded with who and when', async () => {
    const draft = await draftRelease(payload, contributor, agencyId)
    const submitted = await submit(draft.id, contributor)
    expect(submitted.workflow?.state).toBe('in_review')
    expect(submitted.workflow?.submittedBy).toMatchObject({ id: contributor.id })
    expect(submitted.workflow?.submittedAt).toBeTruthy()
  })

  it('can never publish, by status or by a plain save of a published release', async () => {
    const draft = await draftRelease(payload, contributor, agencyId)
    await submit(draft.id, contributor)
    await expect(update(draft.id, contributor, { _status: 'published' })).rejects.toThrow(/not allowed|cannot publish/i)
    const id = await publishedRelease('Already public')
    await expect(update(id, contributor, { title: 'Changed without review', updateType: 'minor' })).rejects.toThrow(
      /Contributors cannot publish/,
    )
    const [publicCopy] = await publicRead(id)
    expect(publicCopy?.title).toBe('Already public')
  })

  it('cannot set a published state by hand', async () => {
    const draft = await draftRelease(payload, contributor, agencyId)
    await expect(update(draft.id, contributor, { workflow: { state: 'published' } }, true)).rejects.toThrow(/cannot be set to “Published” by hand: choose “Submitted for review”/)
  })

  it('cannot unpublish, withdraw or delete', async () => {
    const id = await publishedRelease('Stays up')
    await expect(update(id, contributor, { _status: 'draft' })).rejects.toThrow(/Only an editor can unpublish/)
    await expect(payload.delete({ collection: 'releases', id, ...as(contributor) })).rejects.toThrow(/not allowed/i)
    expect(await publicRead(id)).toHaveLength(1)
  })
})

describe('editor', () => {
  it('publishes a release someone else submitted; anonymous readers then see it', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Reviewed release')
    await submit(draft.id, contributor)
    const published = await update(draft.id, editor, { _status: 'published' })
    expect(published._status).toBe('published')
    expect(published.workflow?.state).toBe('published')
    expect(published.workflow?.reviewedBy).toMatchObject({ id: editor.id })
    expect(published.workflow?.firstPublishedAt).toBeTruthy()
    expect(published.publishedAt).toBeTruthy()
    expect((await publicRead(draft.id))[0]?.title).toBe('Reviewed release')
  })

  it('cannot publish a release they submitted themselves', async () => {
    const draft = await draftRelease(payload, editor as TestUser, agencyId)
    await submit(draft.id, editor)
    await expect(update(draft.id, editor, { _status: 'published' })).rejects.toThrow(/You submitted this release yourself/)
    expect(await publicRead(draft.id)).toHaveLength(0)
  })

  it('cannot publish a release nobody submitted', async () => {
    const draft = await draftRelease(payload, contributor, agencyId)
    await expect(update(draft.id, editor, { _status: 'published' })).rejects.toThrow(/has not been submitted for review/)
  })

  it('may force-publish with a reason, which a second editor must review', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'Urgent statement')
    const forced = await update(draft.id, editor, { _status: 'published', workflow: { forcePublishReason: 'Road closure, must go out now' } })
    expect(forced._status).toBe('published')
    expect(forced.workflow?.forcePublished?.reason).toBe('Road closure, must go out now')
    expect(forced.workflow?.forcePublished?.by).toMatchObject({ id: editor.id })
    expect(forced.workflow?.forcePublished?.reviewedAt).toBeFalsy()

    await expect(
      update(draft.id, editor, { workflow: { confirmForceReview: true } }, true),
    ).rejects.toThrow(/a second editor must review it/)
    await expect(
      update(draft.id, contributor, { workflow: { confirmForceReview: true } }, true),
    ).resolves.toMatchObject({ workflow: { forcePublished: { reviewedAt: null } } })

    const reviewed = await update(draft.id, secondEditor, { _status: 'published', workflow: { confirmForceReview: true } , updateType: 'minor' })
    expect(reviewed.workflow?.forcePublished?.reviewedBy).toMatchObject({ id: secondEditor.id })
    expect(reviewed.workflow?.forcePublished?.reviewedAt).toBeTruthy()
    expect(reviewed.workflow?.forcePublished?.reason).toBe('Road closure, must go out now')
  })

  it('ignores workflow fields a client tries to set itself', async () => {
    const draft = await draftRelease(payload, contributor, agencyId)
    const saved = await update(
      draft.id,
      contributor,
      { workflow: { state: 'in_review', submittedBy: editor.id, forcePublished: { reason: 'fake', by: editor.id } } },
      true,
    )
    expect(saved.workflow?.submittedBy).toMatchObject({ id: contributor.id })
    expect(saved.workflow?.forcePublished?.by ?? null).toBeNull()
  })
})

describe('changes after publishing', () => {
  it('asks minor or major, needs a note for a major change and keeps it as public history', async () => {
    const id = await publishedRelease('First version')
    // The contributor writes the change; the editor who publishes it wrote none of it.
    await update(id, contributor, { title: 'Second version' }, true)
    await submit(id, contributor)
    await expect(update(id, editor, { _status: 'published' })).rejects.toThrow(/minor or a major change/)
    await expect(update(id, editor, { _status: 'published', updateType: 'major' })).rejects.toThrow(/needs a change note/)
    const updated = await update(id, editor, { _status: 'published', updateType: 'major', changeNote: 'Corrected the figures' })
    expect(updated.changeHistory?.map((c) => c.note)).toEqual(['Corrected the figures'])
    expect(updated.changeNote ?? null).toBeNull()
    expect(updated.updateType ?? null).toBeNull()

    await update(id, contributor, { title: 'Second version.' }, true)
    await submit(id, contributor)
    const minor = await update(id, editor, { _status: 'published', updateType: 'minor' })
    expect(minor.changeHistory).toHaveLength(1)
  })

  it('keeps the public copy while a contributor drafts changes', async () => {
    const id = await publishedRelease('Public wording')
    await update(id, contributor, { title: 'Draft wording' }, true)
    expect((await publicRead(id))[0]?.title).toBe('Public wording')
  })
})

describe('unpublish, withdraw, delete', () => {
  it('an editor unpublishes', async () => {
    const id = await publishedRelease('To unpublish')
    const unpublished = await update(id, editor, { _status: 'draft' })
    expect(unpublished.workflow?.state).toBe('draft')
    expect(await publicRead(id)).toHaveLength(0)
  })

  it('withdrawal needs an explanation and keeps the page up with the notice', async () => {
    const id = await publishedRelease('To withdraw')
    await expect(update(id, editor, { _status: 'published', withdrawal: { withdrawn: true } })).rejects.toThrow(/public explanation/)
    const withdrawn = await update(id, editor, {
      _status: 'published',
      withdrawal: { withdrawn: true, explanation: 'Published in error: the meeting was postponed.' },
    })
    expect(withdrawn.workflow?.state).toBe('withdrawn')
    expect(withdrawn.withdrawal?.withdrawnAt).toBeTruthy()
    const [publicCopy] = await publicRead(id)
    expect(publicCopy?.withdrawal?.explanation).toBe('Published in error: the meeting was postponed.')
  })

  it('contributors cannot tick "withdrawn"', async () => {
    const id = await publishedRelease('Not withdrawn by a contributor')
    const saved = await update(id, contributor, { withdrawal: { withdrawn: true, explanation: 'x' } }, true)
    expect(saved.withdrawal?.withdrawn).toBe(false)
  })

  it('only admins delete', async () => {
    const id = await publishedRelease('To delete')
    await expect(payload.delete({ collection: 'releases', id, ...as(editor) })).rejects.toThrow(/not allowed/i)
    await payload.delete({ collection: 'releases', id, ...as(admin) })
    expect(await payload.find({ collection: 'releases', where: { id: { equals: id } } }).then((r) => r.totalDocs)).toBe(0)
  })
})

describe('scheduled publishing', () => {
  // What the admin's "Schedule" drawer does: queue Payload's schedulePublish job as the signed-in user.
  const schedule = (id: string, user: TestUser, waitUntil: Date) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'releases', value: id }, user: { relationTo: 'users', value: user.id } },
      waitUntil,
    })
  const waitFor = (at: Date) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()) + 100))

  it('keeps an embargoed release invisible until its time, then publishes it when the job runs', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Embargoed')
    await submit(draft.id, contributor)
    const at = new Date(Date.now() + 1500)
    const job = await schedule(draft.id, editor, at)
    await payload.jobs.run()
    expect(await publicRead(draft.id)).toHaveLength(0)

    await waitFor(at)
    await payload.jobs.run()
    const [published] = await publicRead(draft.id)
    expect(published?.title).toBe('Embargoed')
    const stored = await payload.findByID({ collection: 'releases', id: draft.id, depth: 0 })
    expect(stored.workflow?.state).toBe('published')
    expect(stored.workflow?.reviewedBy).toBe(editor.id)
    // A completed job is removed from the queue.
    expect(await payload.count({ collection: 'payload-jobs', where: { id: { equals: job.id } } })).toMatchObject({ totalDocs: 0 })
  })

  it('does not publish, when due, a release the scheduling editor submitted or a contributor scheduled', async () => {
    const own = await draftRelease(payload, editor, agencyId, 'Self-scheduled')
    await submit(own.id, editor)
    const other = await draftRelease(payload, contributor, agencyId, 'Contributor-scheduled')
    await submit(other.id, contributor)
    const at = new Date(Date.now() + 300)
    await schedule(own.id, editor, at)
    await schedule(other.id, contributor, at)
    await waitFor(at)
    await payload.jobs.run()
    expect(await publicRead(own.id)).toHaveLength(0)
    expect(await publicRead(other.id)).toHaveLength(0)
  })

  it("the runner's tick asks first (src/config/jobs.ts): it runs the queue when a job is due, and an idle tick writes nothing", async () => {
    const shouldAutoRun = () => payload.config.jobs.shouldAutoRun!(payload)
    const saved = process.env.DISABLE_JOB_AUTORUN
    process.env.DISABLE_JOB_AUTORUN = 'false'
    try {
      await payload.jobs.run({ limit: 100 })
      expect(await shouldAutoRun()).toBe(false)
      const draft = await draftRelease(payload, contributor, agencyId, 'Scheduled for later')
      await submit(draft.id, contributor)
      const later = new Date(Date.now() + 60 * 60 * 1000)
      await schedule(draft.id, editor, later)
      expect(await shouldAutoRun()).toBe(false)
      expect(await jobsAreDue(payload, new Date(later.getTime() + 1000))).toBe(true)

      const soon = await draftRelease(payload, contributor, agencyId, 'Scheduled for now')
      await submit(soon.id, contributor)
      const at = new Date(Date.now() + 200)
      await schedule(soon.id, editor, at)
      await waitFor(at)
      expect(await shouldAutoRun()).toBe(true)
      await payload.jobs.run()
      expect((await publicRead(soon.id))[0]?.title).toBe('Scheduled for now')
      expect(await shouldAutoRun()).toBe(false)
    } finally {
      process.env.DISABLE_JOB_AUTORUN = saved
    }
  })
})

// Versions of a document, oldest first, with the status each was saved with.
const versionsOf = async (collection: 'releases' | 'agencies', id: string) =>
  (await payload.findVersions({ collection, where: { parent: { equals: id } }, sort: 'createdAt', depth: 0, limit: 100 })).docs

describe('restoring a version', () => {
  // The operation the REST endpoint and the admin's Restore run (`POST …/versions/:id?draft=…`): the
  // local API's restoreVersion does not pass `draft` on (Payload 3.90).
  const restore = async (collection: 'releases' | 'agencies', versionId: string, user: TestUser, draft: boolean) =>
    restoreVersionOperation({ id: versionId, collection: payload.collections[collection], draft, overrideAccess: false, req: await createLocalReq({ user }, payload) })
  const latestDraft = (id: string) => payload.findByID({ collection: 'releases', id, draft: true, depth: 0, overrideAccess: true })

  it('as a draft, by a contributor: the old text comes back as a draft and the public page stays as it is', async () => {
    const id = await publishedRelease('Published text')
    await update(id, contributor, { title: 'A later draft' }, true)
    const published = (await versionsOf('releases', id)).find((v) => v.version._status === 'published')!
    const restored = await restore('releases', published.id, contributor, true)
    expect(restored._status).toBe('draft')
    expect((await latestDraft(id)).title).toBe('Published text')
    expect((await latestDraft(id)).workflow?.state).toBe('published')
    const [publicCopy] = await publicRead(id)
    expect(publicCopy?._status).toBe('published')
  })

  it('a draft version restored as it is over a published release is refused, for an editor too: it would unpublish it', async () => {
    const id = await publishedRelease('Stays public')
    const draftVersion = (await versionsOf('releases', id)).find((v) => v.version._status === 'draft')!
    for (const user of [editor, contributor]) {
      await expect(restore('releases', draftVersion.id, user, false)).rejects.toThrow(/restoring it as it is would take the published page off the site/)
    }
    const [publicCopy] = await publicRead(id)
    expect(publicCopy?.title).toBe('Stays public')
  })

  it('a published version restored as it is does not skip review: refused with the way to do it', async () => {
    const id = await publishedRelease('First wording')
    await update(id, editor, { title: 'Second wording', updateType: 'minor', workflow: { forcePublishReason: 'Typo in the title' } })
    const first = (await versionsOf('releases', id)).find((v) => v.version._status === 'published' && (v.version as { title?: string }).title === 'First wording')!
    await expect(restore('releases', first.id, editor, false)).rejects.toThrow(/Restore it as a draft, then publish it as usual/)
    expect((await publicRead(id))[0]?.title).toBe('Second wording')
    // The way it names: as a draft, then submitted and published by another editor.
    await restore('releases', first.id, editor, true)
    await submit(id, contributor)
    await update(id, secondEditor, { _status: 'published', updateType: 'minor' })
    expect((await publicRead(id))[0]?.title).toBe('First wording')
  })

  it('agencies, officials, galleries: a version restored as it is (not as a draft) is refused, draft or published', async () => {
    const agency = await makeAgency(payload, 'Agency with history')
    await payload.update({ collection: 'agencies', id: agency.id, data: { name: 'Agency draft name' }, draft: true, ...as(editor) })
    await payload.update({ collection: 'agencies', id: agency.id, data: { name: 'Agency renamed', _status: 'published' }, ...as(editor) })
    const versions = await versionsOf('agencies', agency.id)
    const draftVersion = versions.find((v) => v.version._status === 'draft')!
    await expect(restore('agencies', draftVersion.id, editor, false)).rejects.toThrow(/would take the published page off the site/)
    const publicAgency = () => payload.find({ collection: 'agencies', where: { id: { equals: agency.id } }, overrideAccess: false }).then((r) => r.docs[0])
    expect((await publicAgency())?.name).toBe('Agency renamed')
    const firstPublished = versions.find((v) => v.version._status === 'published' && (v.version as { name?: string }).name === 'Agency with history')!
    // Restoring a published version as it is would publish old text straight away (a red-team finding).
    await expect(restore('agencies', firstPublished.id, editor, false)).rejects.toThrow(/Restore it as a draft, then publish it/)
    expect((await publicAgency())?.name).toBe('Agency renamed')
  })
})

describe("restoring through REST, as the admin's Restore does (src/workflow/restoreAsDraft.ts)", () => {
  let http: Clients
  beforeAll(async () => {
    http = clients(payload, (await import('@payload-config')).default)
  })
  // The admin's "Restore this version" posts `?draft=false`, in the admin's language.
  const restore = async (collection: string, versionId: string, user: TestUser | null, language = 'en') =>
    http.rest.post(`${collection}/versions/${versionId}?draft=false`, null, { ...(await http.authHeader(user)), 'accept-language': language })
  const latestDraft = (collection: 'releases' | 'agencies', id: string) =>
    payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true }) as Promise<{ title?: string; name?: string; _status?: string }>
  const publicRead = (collection: 'releases' | 'agencies', id: string) =>
    payload.find({ collection, where: { id: { equals: id } }, overrideAccess: false }).then((r) => r.docs[0] as { title?: string; name?: string } | undefined)

  it('a draft version of a published release comes back as the draft, and the release stays public as it was', async () => {
    const id = await publishedRelease('Public wording')
    await update(id, contributor, { title: 'Wording of a later draft' }, true)
    const earlyDraft = (await versionsOf('releases', id)).find((v) => v.version._status === 'draft' && (v.version as { title?: string }).title === 'Public wording')!
    const response = await restore('releases', earlyDraft.id, editor)
    const body = (await response.json()) as { _status?: string; message?: string }
    expect(response.status, JSON.stringify(body)).toBe(200)
    expect(body._status).toBe('draft')
    expect(body.message).toBe(adminTranslations!.en!.pressOffice!.restoredAsDraft)
    expect((await latestDraft('releases', id)).title).toBe('Public wording')
    expect((await publicRead('releases', id))?.title).toBe('Public wording')
    expect((await payload.findByID({ collection: 'releases', id, draft: false, depth: 0, overrideAccess: true }))._status).toBe('published')
  })

  it('a published version of a release comes back as a draft for a contributor too; the public copy changes only by publishing', async () => {
    const id = await publishedRelease('Old wording')
    await update(id, editor, { title: 'New wording', updateType: 'minor', workflow: { forcePublishReason: 'Typo in the title' } })
    const old = (await versionsOf('releases', id)).find((v) => v.version._status === 'published' && (v.version as { title?: string }).title === 'Old wording')!
    const response = await restore('releases', old.id, contributor, 'ru')
    const body = (await response.json()) as { _status?: string; message?: string }
    expect(response.status, JSON.stringify(body)).toBe(200)
    expect(body.message).toBe(adminTranslations!.ru!.pressOffice!.restoredAsDraft)
    expect((await latestDraft('releases', id)).title).toBe('Old wording')
    expect((await publicRead('releases', id))?.title).toBe('New wording')
  })

  it('agencies, officials, galleries: a restored version is a draft until an editor publishes it', async () => {
    const agency = await makeAgency(payload, 'Agency first name')
    await payload.update({ collection: 'agencies', id: agency.id, data: { name: 'Agency second name', _status: 'published' }, ...as(editor) })
    const first = (await versionsOf('agencies', agency.id)).find((v) => (v.version as { name?: string }).name === 'Agency first name')!
    const response = await restore('agencies', first.id, editor, 'az')
    const body = (await response.json()) as { _status?: string; message?: string }
    expect(response.status, JSON.stringify(body)).toBe(200)
    expect(body.message).toBe(adminTranslations!.az!.pressOffice!.restoredAsDraft)
    expect((await latestDraft('agencies', agency.id)).name).toBe('Agency first name')
    expect((await publicRead('agencies', agency.id))?.name).toBe('Agency second name')
  })

  it('access and bad ids answer as before: nobody signed in gets 403, an unknown version 404, and nothing changes', async () => {
    const id = await publishedRelease('Nobody restores this')
    await update(id, contributor, { title: 'Its later draft' }, true)
    const first = (await versionsOf('releases', id))[0]!
    const anonymous = await restore('releases', first.id, null)
    expect(anonymous.status).toBe(403)
    expect((await latestDraft('releases', id)).title).toBe('Its later draft')
    const unknown = await restore('releases', '00000000-0000-4000-8000-000000000000', editor)
    expect(unknown.status).toBe(404)
  })
})
