/**
 * Ways round review that an outside attack found (issue "Nothing reaches readers without review"):
 * publishing through the withdrawn state, review tied to who pressed submit rather than who wrote,
 * and internal editorial data (force-publish reasons, submitters and reviewers, import files) given
 * to anonymous readers. Each rule runs through the local API with access control, REST and GraphQL.
 */
import { createLocalReq, restoreVersionOperation, type Payload, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clients, type Clients } from './helpers/channels'
import { draftRelease, makeAgency, paragraph } from './helpers/fixtures'
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

const as = (user: TestUser) => ({ user, overrideAccess: false as const })
const update = (id: string, user: TestUser, data: Record<string, unknown>, draft = false) =>
  payload.update({ collection: 'releases', id, data, draft, ...as(user) })
const submit = (id: string, user: TestUser) => update(id, user, { workflow: { state: 'in_review' } }, true)
const publicCopy = (id: string, locale: 'az' | 'en' | 'ru' = 'az') =>
  payload.find({ collection: 'releases', where: { id: { equals: id } }, locale, overrideAccess: false }).then((r) => r.docs[0])

async function publishedRelease(title: string) {
  const draft = await draftRelease(payload, contributor, agencyId, title)
  await submit(draft.id, contributor)
  await update(draft.id, editor, { _status: 'published' })
  return draft.id
}

const WITHDRAWAL = { withdrawn: true, explanation: 'Published in error: the meeting was postponed.' }

describe('withdrawal is not a way to publish', () => {
  it('a release cannot be created already withdrawn (it would be public without review)', async () => {
    for (const channel of ['local', 'rest', 'graphql'] as const) {
      const api = await http.api(channel, editor)
      const made = await api.create('releases', {
        title: `Created withdrawn ${channel}`,
        type: channel === 'graphql' ? 'press_release' : 'press-release',
        leadAgency: agencyId,
        _status: 'published',
        withdrawal: WITHDRAWAL,
      })
      expect(made.ok, channel).toBe(false)
      if (!made.ok) expect(made.message, channel).toMatch(/only a published release can be withdrawn/i)
    }
    const found = await payload.find({ collection: 'releases', where: { title: { like: 'Created withdrawn' } }, overrideAccess: false })
    expect(found.totalDocs).toBe(0)
  })

  it('a draft nobody reviewed cannot be published by withdrawing it', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'Own draft, withdrawn')
    await expect(update(draft.id, editor, { _status: 'published', withdrawal: WITHDRAWAL })).rejects.toThrow(
      /only a published release can be withdrawn/i,
    )
    await expect(update(draft.id, editor, { withdrawal: WITHDRAWAL }, true)).rejects.toThrow(/only a published release can be withdrawn/i)
    expect(await publicCopy(draft.id)).toBeUndefined()
  })

  it('an unpublished release cannot be withdrawn either', async () => {
    const id = await publishedRelease('Unpublished, then withdrawn')
    await update(id, editor, { _status: 'draft' })
    await expect(update(id, editor, { _status: 'published', withdrawal: WITHDRAWAL })).rejects.toThrow(/only a published release can be withdrawn/i)
    expect(await publicCopy(id)).toBeUndefined()
  })

  it('withdrawing changes nothing but the notice: text sent with it is not published', async () => {
    const id = await publishedRelease('The reviewed wording')
    const withdrawn = await update(id, editor, {
      _status: 'published',
      title: 'A quietly rewritten wording',
      lead: 'A new lead nobody reviewed',
      withdrawal: WITHDRAWAL,
    })
    expect(withdrawn.workflow?.state).toBe('withdrawn')
    const reader = await publicCopy(id)
    expect(reader?.title).toBe('The reviewed wording')
    expect(reader?.lead ?? null).toBeNull()
    expect(reader?.withdrawal?.explanation).toBe(WITHDRAWAL.explanation)
  })

  it('withdrawing is refused while unpublished changes are pending, in any language', async () => {
    const id = await publishedRelease('Public in az')
    await payload.update({ collection: 'releases', id, locale: 'en', data: { title: 'Pending English draft' }, draft: true, ...as(contributor) })
    await expect(update(id, editor, { _status: 'published', withdrawal: WITHDRAWAL })).rejects.toThrow(/unpublished changes/i)
    expect((await publicCopy(id))?.withdrawal?.withdrawn).toBeFalsy()
    expect((await publicCopy(id, 'en'))?.title).not.toBe('Pending English draft')
  })

  it('an editor still withdraws a published release alone, with the explanation', async () => {
    const id = await publishedRelease('Withdrawn properly')
    const api = await http.api('rest', editor)
    const result = await api.update('releases', id, { _status: 'published', withdrawal: WITHDRAWAL })
    expect(result.ok).toBe(true)
    const reader = await publicCopy(id)
    expect(reader?.title).toBe('Withdrawn properly')
    expect(reader?.withdrawal?.withdrawn).toBe(true)
  })
})

describe('the reviewer wrote none of the versions since the last publish', () => {
  it("a contributor submitting an editor's own draft does not make that editor its reviewer", async () => {
    const draft = await draftRelease(payload, editor, agencyId, "The editor's own words")
    await submit(draft.id, contributor)
    for (const channel of ['local', 'rest', 'graphql'] as const) {
      const api = await http.api(channel, editor)
      const result = await api.update('releases', draft.id, { _status: 'published' })
      expect(result.ok, channel).toBe(false)
      if (!result.ok) expect(result.message, channel).toMatch(/you wrote part of this version/i)
    }
    expect(await publicCopy(draft.id)).toBeUndefined()
    // Another editor, who wrote none of it, publishes it.
    await update(draft.id, secondEditor, { _status: 'published' })
    expect((await publicCopy(draft.id))?.title).toBe("The editor's own words")
  })

  it('an editor who edited a submitted draft cannot then publish it as its reviewer', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Written by a contributor')
    await update(draft.id, editor, { lead: 'A lead the editor added' }, true)
    await submit(draft.id, contributor)
    await expect(update(draft.id, editor, { _status: 'published' })).rejects.toThrow(/you wrote part of this version/i)
    await update(draft.id, secondEditor, { _status: 'published' })
    expect((await publicCopy(draft.id))?.lead).toBe('A lead the editor added')
  })

  it('authors are counted since the last publish only: an earlier author may review a later change', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'First text by the editor')
    await submit(draft.id, contributor)
    await update(draft.id, secondEditor, { _status: 'published' })
    // A contributor changes it; the editor wrote nothing since it was published.
    await update(draft.id, contributor, { lead: 'Contributor fixes the lead' }, true)
    await submit(draft.id, contributor)
    const republished = await update(draft.id, editor, { _status: 'published', updateType: 'minor' })
    expect(republished.workflow?.state).toBe('published')
  })

  it('the authors are kept by the server: a client cannot clear or set them', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'Authors kept')
    await update(draft.id, contributor, { workflow: { state: 'in_review', authors: [] } }, true)
    await expect(update(draft.id, editor, { _status: 'published' })).rejects.toThrow(/you wrote part of this version/i)
  })
})

describe('readers get only what the public page shows', () => {
  const CANARY = { reason: 'Xylocarpreason', file: 'Quillotfile.txt' }
  let forcedId: string

  beforeAll(async () => {
    const draft = await payload.create({
      collection: 'releases',
      data: {
        title: 'Force-published release',
        type: 'press-release',
        leadAgency: agencyId,
        body: paragraph('Text.'),
        importSource: { key: 'canary-import-key', file: CANARY.file, photos: 'Quillotphoto.jpg' },
      },
      draft: true,
    })
    forcedId = draft.id
    await update(forcedId, editor, { _status: 'published', workflow: { forcePublishReason: `Urgent ${CANARY.reason}` } })
    const reviewed = await draftRelease(payload, contributor, agencyId, 'Reviewed release')
    await submit(reviewed.id, contributor)
    await update(reviewed.id, editor, { _status: 'published' })
  })

  it('anonymous REST reads carry no workflow, import or pending-change fields', async () => {
    const api = await http.api('rest', null)
    const list = await api.find('releases', {})
    expect(list.ok).toBe(true)
    const text = JSON.stringify(list.ok ? list.value : null)
    for (const word of [CANARY.reason, CANARY.file, 'canary-import-key', editor.id, contributor.id]) expect(text).not.toContain(word)
    const one = await api.findByID('releases', forcedId)
    expect(one.ok).toBe(true)
    if (one.ok) {
      expect(one.value).not.toHaveProperty('workflow')
      expect(one.value).not.toHaveProperty('importSource')
      expect(one.value).not.toHaveProperty('updateType')
      expect(one.value).not.toHaveProperty('changeNote')
    }
  })

  it('anonymous GraphQL gets nothing of them either', async () => {
    const body = await http.graphql(
      `{ Releases { docs { id workflow { state submittedBy { id } reviewedBy { id } forcePublished { reason by { id } } } importSource { file key photos } } } }`,
    )
    const text = JSON.stringify(body)
    for (const word of [CANARY.reason, CANARY.file, 'canary-import-key', editor.id, contributor.id]) expect(text).not.toContain(word)
  })

  it('anonymous queries cannot probe them by filter', async () => {
    const probes: Where[] = [
      { 'workflow.forcePublished.reason': { like: CANARY.reason } },
      { 'workflow.reviewedBy': { equals: editor.id } },
      { 'importSource.file': { equals: CANARY.file } },
    ]
    for (const where of probes) {
      const api = await http.api('rest', null)
      const result = await api.find('releases', where)
      // Refused, or answered as if the field were not there: never a list that depends on the secret.
      if (result.ok) expect(result.value.totalDocs, JSON.stringify(where)).not.toBe(1)
      else expect(result.status, JSON.stringify(where)).toBeLessThan(500)
    }
  })

  it('staff still see them', async () => {
    const api = await http.api('rest', contributor)
    const one = await api.findByID('releases', forcedId)
    expect(one.ok).toBe(true)
    if (one.ok) expect(JSON.stringify(one.value)).toContain(CANARY.reason)
  })
})

describe('a withdrawal changes only the notice, so nothing else can block it', () => {
  it('a photo that lost its alt text in a language of the release does not stop the withdrawal', async () => {
    const sharp = (await import('sharp')).default
    const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#246' } }).jpeg().toBuffer()
    const photo = await payload.create({
      collection: 'media',
      data: { alt: 'Görüş' },
      locale: 'az',
      file: { data, name: `withdraw-alt-${Date.now()}.jpg`, mimetype: 'image/jpeg', size: data.length },
    })
    await payload.update({ collection: 'media', id: photo.id, locale: 'en', data: { alt: 'The meeting' } })
    const draft = await draftRelease(payload, contributor, agencyId, 'With a photo')
    await update(draft.id, contributor, { heroImage: photo.id }, true)
    await payload.update({ collection: 'releases', id: draft.id, locale: 'en', data: { title: 'With a photo (en)' }, draft: true, ...as(contributor) })
    await submit(draft.id, contributor)
    await update(draft.id, editor, { _status: 'published' })
    // Later the English alt text is lost (stored before alt text was checked per language): publishing
    // anything would be refused …
    const { sql } = await import('@payloadcms/db-sqlite')
    const db = payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
    await db.drizzle.run(sql`DELETE FROM media_locales WHERE _parent_id = ${photo.id} AND _locale = 'en'`)
    await expect(update(draft.id, editor, { _status: 'published', updateType: 'minor' })).rejects.toThrow(/alt text in English/)
    // … but the withdrawal, which changes nothing readers see but the notice, goes through.
    const withdrawn = await update(draft.id, editor, { _status: 'published', withdrawal: WITHDRAWAL })
    expect(withdrawn.workflow?.state).toBe('withdrawn')
  })
})

describe('red-team findings: review that was not review', () => {
  async function forcePublished(title: string, by: TestUser) {
    const draft = await draftRelease(payload, by, agencyId, title)
    await update(draft.id, by, { _status: 'published', workflow: { forcePublishReason: 'Urgent' } })
    return draft.id
  }

  it('confirming a publish without review confirms it only: it publishes no change the confirming editor wrote', async () => {
    const id = await forcePublished('Force-published text', secondEditor)
    await update(id, editor, { title: "The confirming editor's own change" }, true)
    await expect(
      update(id, editor, { _status: 'published', updateType: 'major', changeNote: 'x', workflow: { confirmForceReview: true } }),
    ).rejects.toThrow(/unpublished changes|wrote part/i)
    expect((await publicCopy(id))?.title).toBe('Force-published text')
  })

  it('a confirmation already given cannot be given again to publish new text', async () => {
    const id = await forcePublished('Confirmed once', secondEditor)
    await update(id, editor, { _status: 'published', updateType: 'minor', workflow: { confirmForceReview: true } })
    await update(id, secondEditor, { title: 'New text after the review' }, true)
    await expect(
      update(id, secondEditor, { _status: 'published', updateType: 'major', changeNote: 'y', workflow: { confirmForceReview: true } }),
    ).rejects.toThrow(/already been reviewed|unpublished changes|wrote part/i)
    expect((await publicCopy(id))?.title).toBe('Confirmed once')
  })

  it('text sent with the publish request itself makes the editor one of its authors', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Submitted wording')
    await submit(draft.id, contributor)
    await expect(update(draft.id, editor, { _status: 'published', title: 'Rewritten by the publishing editor' })).rejects.toThrow(
      /you wrote part of this version/i,
    )
    expect(await publicCopy(draft.id)).toBeUndefined()
    // Sending back what is there (as the admin's form does) is no change.
    const latest = await payload.findByID({ collection: 'releases', id: draft.id, draft: true, depth: 0 })
    const { id: _id, _status: _s, createdAt: _c, updatedAt: _u, workflow: _wf, ...content } = latest as unknown as Record<string, unknown>
    const published = await update(draft.id, editor, { ...content, _status: 'published' })
    expect(published._status).toBe('published')
    expect((await publicCopy(draft.id))?.title).toBe('Submitted wording')
  })

  it('the withdrawal date is the server’s', async () => {
    const id = await (async () => {
      const d = await draftRelease(payload, contributor, agencyId, 'Withdrawn, dated by the server')
      await submit(d.id, contributor)
      await update(d.id, editor, { _status: 'published' })
      return d.id
    })()
    const before = Date.now()
    const withdrawn = await update(id, editor, { _status: 'published', withdrawal: { ...WITHDRAWAL, withdrawnAt: '2001-01-01T00:00:00.000Z' } })
    expect(Date.parse(withdrawn.withdrawal!.withdrawnAt!)).toBeGreaterThanOrEqual(before - 1000)
    await submit(id, contributor)
    const again = await update(id, editor, { _status: 'published', updateType: 'minor', withdrawal: { withdrawnAt: '2001-01-01T00:00:00.000Z' } })
    expect(again.withdrawal?.withdrawnAt).toBe(withdrawn.withdrawal?.withdrawnAt)
  })

  it('a scheduled publish does not release changes made after it was scheduled', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Reviewed for the embargo')
    await submit(draft.id, contributor)
    const at = new Date(Date.now() + 1200)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'releases', value: draft.id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: at,
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await update(draft.id, contributor, { title: 'Changed after scheduling, never reviewed' }, true)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()) + 100))
    await payload.jobs.run()
    expect(await publicCopy(draft.id)).toBeUndefined()
  })
})

describe('red-team round 2', () => {
  it('a review confirmation cannot un-withdraw a release or rewrite its notice', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Withdrawn, then confirmed')
    await submit(draft.id, contributor)
    await update(draft.id, editor, { _status: 'published' })
    await update(draft.id, contributor, { title: 'Withdrawn, then confirmed v2' }, true)
    await update(draft.id, editor, { _status: 'published', updateType: 'minor', workflow: { forcePublishReason: 'urgent fix' } })
    await update(draft.id, editor, { _status: 'published', withdrawal: WITHDRAWAL })
    await expect(
      update(draft.id, secondEditor, {
        _status: 'published',
        updateType: 'minor',
        workflow: { confirmForceReview: true },
        withdrawal: { withdrawn: false, explanation: 'changed notice' },
      }),
    ).rejects.toThrow(/changes nothing else/i)
    const confirmed = await update(draft.id, secondEditor, {
      _status: 'published',
      updateType: 'minor',
      workflow: { confirmForceReview: true },
      withdrawal: { withdrawn: true, explanation: 'changed notice' },
    })
    expect(confirmed.workflow?.forcePublished?.reviewedAt).toBeTruthy()
    const reader = await publicCopy(draft.id)
    expect(reader?.withdrawal).toMatchObject({ withdrawn: true, explanation: WITHDRAWAL.explanation })
  })

  it('a scheduled publish does not release a photo changed after it was scheduled', async () => {
    const sharp = (await import('sharp')).default
    const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#642' } }).jpeg().toBuffer()
    const photo = await payload.create({
      collection: 'media',
      data: { alt: 'Reviewed alt text' },
      file: { data, name: `scheduled-photo-${Date.now()}.jpg`, mimetype: 'image/jpeg', size: data.length },
      ...as(contributor),
    })
    const draft = await draftRelease(payload, contributor, agencyId, 'Scheduled with a photo')
    await update(draft.id, contributor, { heroImage: photo.id }, true)
    await submit(draft.id, contributor)
    const at = new Date(Date.now() + 1200)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'releases', value: draft.id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: at,
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    // The contributor may not change it while the release waits (round 6); an editor's change after scheduling still stops it.
    await expect(payload.update({ collection: 'media', id: photo.id, data: { alt: 'Changed after scheduling' }, ...as(contributor) })).rejects.toThrow(/waiting for review/)
    await payload.update({ collection: 'media', id: photo.id, data: { alt: 'Changed after scheduling' }, ...as(secondEditor) })
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()) + 100))
    await payload.jobs.run()
    expect(await publicCopy(draft.id)).toBeUndefined()
  })
})

describe('red-team round 3', () => {
  it('a changed text node dressed as a relation ({relationTo, value}) still makes the publishing editor an author', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Dressed node')
    await submit(draft.id, contributor)
    const stored = await payload.findByID({ collection: 'releases', id: draft.id, draft: true, depth: 0 })
    const original = (stored.body as unknown as { root: { children: { children: Record<string, unknown>[] }[] } }).root.children[0]!.children[0]!
    const dressed = { ...original, text: 'EVIL text written at publish', relationTo: 'x', value: original }
    const body = { root: { ...(stored.body as { root: object }).root, children: [{ ...(stored.body as { root: { children: object[] } }).root.children[0], children: [dressed] }] } }
    await expect(update(draft.id, editor, { _status: 'published', body })).rejects.toThrow(/you wrote part of this version/i)
    expect(await publicCopy(draft.id)).toBeUndefined()
  })

  it('a confirmation adds no change note', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'Confirmed, no note')
    await update(draft.id, editor, { _status: 'published', workflow: { forcePublishReason: 'urgent' } })
    const confirmed = await update(draft.id, secondEditor, { _status: 'published', updateType: 'major', changeNote: 'INJECTED by confirmer', workflow: { confirmForceReview: true } })
    expect(confirmed.workflow?.forcePublished?.reviewedAt).toBeTruthy()
    expect((await publicCopy(draft.id))?.changeHistory ?? []).toEqual([])
  })

  it('a publish without review waiting for its second look keeps its record (and reason) through later publishes', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'Forced, then minor')
    await update(draft.id, editor, { _status: 'published', workflow: { forcePublishReason: 'urgent again' } })
    await update(draft.id, editor, { lead: 'A quiet addition' }, true)
    const minor = await update(draft.id, editor, { _status: 'published', updateType: 'minor' })
    expect(minor.workflow?.forcePublished).toMatchObject({ kind: 'force', reason: 'urgent again' })
    expect(minor.workflow?.forcePublished?.reviewedAt ?? null).toBeNull()
  })
})

describe('records of publishing without review, one after another', () => {
  it('a force publish after a waiting minor fix turns the record into a force publish with its reason', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Minor, then forced')
    await submit(draft.id, contributor)
    await update(draft.id, editor, { _status: 'published' })
    await update(draft.id, editor, { lead: 'Typo fixed' }, true)
    const minor = await update(draft.id, editor, { _status: 'published', updateType: 'minor' })
    expect(minor.workflow?.forcePublished).toMatchObject({ kind: 'minor' })
    await update(draft.id, editor, { lead: 'Rewritten' }, true)
    const forced = await update(draft.id, editor, { _status: 'published', updateType: 'major', changeNote: 'Rewritten', workflow: { forcePublishReason: 'Urgent' } })
    expect(forced.workflow?.forcePublished).toMatchObject({ kind: 'force', reason: 'Urgent', at: minor.workflow?.forcePublished?.at })
  })
})

describe('red-team round 5', () => {
  it("a lone editor's minor fix cannot publish a contributor's unsubmitted draft", async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Public before the hack')
    await submit(draft.id, contributor)
    await update(draft.id, editor, { _status: 'published' })
    await update(draft.id, contributor, { title: 'HACKED' }, true)
    await expect(update(draft.id, editor, { _status: 'published', updateType: 'minor' })).rejects.toThrow(/review/i)
    expect((await publicCopy(draft.id))?.title).toBe('Public before the hack')
  })
})

describe('red-team round 6: restored text keeps its writers', () => {
  it("an editor's own draft words, restored and submitted by a contributor, still need another editor", async () => {
    const id = await publishedRelease('Reviewed text')
    // The editor drafts their own words, then puts the text back; a reviewed publish since clears the authors.
    await update(id, editor, { title: 'EDITOR OWN WORDS' }, true)
    const { docs } = await payload.findVersions({ collection: 'releases', where: { and: [{ parent: { equals: id } }, { 'version.title': { equals: 'EDITOR OWN WORDS' } }] }, limit: 1, depth: 0 })
    const editorsVersion = docs[0]!.id
    await update(id, editor, { title: 'Reviewed text' }, true)
    await update(id, contributor, { lead: 'A small change.' }, true)
    await submit(id, contributor)
    await update(id, secondEditor, { _status: 'published', updateType: 'minor' })

    // The contributor restores the editor's version (as a draft) and submits it.
    await restoreVersionOperation({ id: editorsVersion, collection: payload.collections.releases, draft: true, overrideAccess: false, req: await createLocalReq({ user: contributor }, payload) })
    await submit(id, contributor)
    await expect(update(id, editor, { _status: 'published', updateType: 'minor' })).rejects.toThrow(/review|wrote/i)
    expect((await publicCopy(id))?.title).toBe('Reviewed text')
    // Another editor may publish it.
    await update(id, secondEditor, { _status: 'published', updateType: 'major', changeNote: 'Title changed' })
    expect((await publicCopy(id))?.title).toBe('EDITOR OWN WORDS')
  })

  it('releases cannot be duplicated (a copy would lose who wrote its text)', async () => {
    expect(payload.collections.releases.config.disableDuplicate).toBe(true)
  })
})

describe('red-team round 6: a publish is of what the reviewer saw', () => {
  const latest = async (id: string) =>
    (await payload.findByID({ collection: 'releases', id, draft: true, depth: 0, overrideAccess: true })) as unknown as { updatedAt: string }

  it('a change saved after the reviewer opened the release refuses the publish the admin sends (it names the version it showed)', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Seen by the reviewer')
    await payload.update({ collection: 'releases', id: draft.id, locale: 'en', data: { title: 'Seen in English' }, draft: true, ...as(contributor) })
    await submit(draft.id, contributor)
    const seen = (await latest(draft.id)).updatedAt
    // While the editor reads, the contributor changes the English title.
    await payload.update({ collection: 'releases', id: draft.id, locale: 'en', data: { title: 'CHANGED AFTER REVIEW' }, draft: true, ...as(contributor) })
    await expect(update(draft.id, editor, { _status: 'published', updatedAt: seen })).rejects.toThrow(/changed after you opened it/i)
    expect(await publicCopy(draft.id)).toBeUndefined()
    // Reloaded, the editor sees the change and may publish it.
    await update(draft.id, editor, { _status: 'published', updatedAt: (await latest(draft.id)).updatedAt })
    expect((await publicCopy(draft.id, 'en'))?.title).toBe('CHANGED AFTER REVIEW')
  })

  it('the same through REST', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Seen through REST')
    await submit(draft.id, contributor)
    const seen = (await latest(draft.id)).updatedAt
    await update(draft.id, contributor, { lead: 'Changed while the editor read it.' }, true)
    const res = await http.rest.patch(`releases/${draft.id}?locale=az&depth=0`, JSON.stringify({ _status: 'published', updatedAt: seen }), {
      ...(await http.authHeader(editor)),
      'Content-Type': 'application/json',
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toMatch(/changed after you opened it/i)
  })
})

describe('red-team round 7: nothing carries over from one operation to the next', () => {
  it('GraphQL: a refused restore, then an update in the same request, cannot publish an editor’s own unreviewed release', async () => {
    const other = await publishedRelease('Unrelated release')
    const { docs } = await payload.findVersions({ collection: 'releases', where: { parent: { equals: other } }, limit: 1, depth: 0 })
    const data = { title: 'Editor alone', lead: 'Unreviewed lead.', type: 'news' as const, leadAgency: agencyId, body: paragraph('Unreviewed.') }
    const mine = await payload.create({ collection: 'releases', locale: 'en', data, draft: true, ...as(editor) })
    const body = await http.graphql(
      `mutation ($v: String!, $id: String!, $data: mutationReleaseUpdateInput!) {
        a: restoreVersionRelease(id: $v) { id }
        b: updateRelease(id: $id, draft: true, locale: en, data: $data) { id _status }
      }`,
      { v: docs[0]!.id, id: mine.id, data: { ...data, _status: 'published' } },
      await http.cookieHeader(editor),
    )
    expect(body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0)
    expect(await publicCopy(mine.id, 'en'), JSON.stringify(body)).toBeUndefined()
  })

  it('local API: a restore’s flag on a shared request does not make a later publish a "draft save"', async () => {
    const { createLocalReq } = await import('payload')
    const other = await publishedRelease('Unrelated, local')
    const { docs } = await payload.findVersions({ collection: 'releases', where: { parent: { equals: other } }, limit: 1, depth: 0 })
    const data = { title: 'Editor alone, local', lead: 'Unreviewed lead.', type: 'news' as const, leadAgency: agencyId, body: paragraph('Unreviewed.') }
    const mine = await payload.create({ collection: 'releases', locale: 'en', data, draft: true, ...as(editor) })
    const req = await createLocalReq({ user: editor }, payload)
    await restoreVersionOperation({ id: docs[0]!.id, collection: payload.collections.releases, overrideAccess: false, req }).catch(() => undefined)
    await payload.update({ collection: 'releases', id: mine.id, locale: 'en', data: { ...data, _status: 'published' }, draft: true, overrideAccess: false, req }).catch(() => undefined)
    expect(await publicCopy(mine.id, 'en')).toBeUndefined()
  })
})
