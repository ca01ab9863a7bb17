/**
 * Anonymous readers and drafts through the local API, beyond the access matrix (access-matrix.test.ts):
 * the published copy of an edited release, and related documents that are not published.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { draftRelease, makeAgency, paragraph } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
const users = {} as Record<'contributor' | 'editor', TestUser>
let submitter: TestUser
let agencyId: string

const NOT_ALLOWED = /^You are not allowed to perform this action\.$/
const NOT_FOUND = /^Not Found$/

async function expectRefused(promise: Promise<unknown>, pattern: RegExp) {
  const error = await promise.then(
    (value) => ({ resolved: value }),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Error)
  expect((error as Error).message).toMatch(pattern)
}

/** A published release made by trusted server code. */
const publishedRelease = (title: string) =>
  payload.create({
    collection: 'releases',
    data: { title, type: 'press-release', leadAgency: agencyId, body: paragraph('Text.'), _status: 'published' },
  })

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  users.contributor = await makeUser(payload, ['contributor'])
  users.editor = await makeUser(payload, ['editor'])
  submitter = await makeUser(payload, ['contributor'], 'submitter')
  agencyId = (await makeAgency(payload)).id
})

afterAll(async () => cleanup?.())

describe('anonymous readers and draft releases', () => {
  it('never see a draft release: find, findByID, draft: true, or its versions', async () => {
    const draft = await draftRelease(payload, users.contributor, agencyId, 'Secret draft')
    for (const draft_ of [undefined, false, true]) {
      const { docs, totalDocs } = await payload.find({ collection: 'releases', draft: draft_, overrideAccess: false })
      expect(docs.map((d) => d.title)).not.toContain('Secret draft')
      expect(docs.every((d) => d._status === 'published')).toBe(true)
      expect(totalDocs).toBe(docs.length)
      await expectRefused(payload.findByID({ collection: 'releases', id: draft.id, draft: draft_, overrideAccess: false }), NOT_FOUND)
    }
    await expectRefused(payload.findVersions({ collection: 'releases', overrideAccess: false }), NOT_ALLOWED)
    await expectRefused(payload.findVersionByID({ collection: 'releases', id: draft.id, overrideAccess: false }), NOT_ALLOWED)
    expect(await payload.count({ collection: 'releases', where: { title: { equals: 'Secret draft' } }, overrideAccess: false })).toEqual({
      totalDocs: 0,
    })
  })

  it('see the published copy, not the newer draft, of a published release', async () => {
    const release = await publishedRelease('Public wording')
    await payload.update({ collection: 'releases', id: release.id, data: { title: 'Unpublished wording' }, draft: true })
    for (const draft of [false, true]) {
      const read = await payload.findByID({ collection: 'releases', id: release.id, draft, overrideAccess: false })
      expect(read.title).toBe(release.title)
    }
  })
})

describe('anonymous readers and related documents', () => {
  it('get ids, not populated documents, for draft officials and for users linked from a published release', async () => {
    const official = await payload.create({ collection: 'officials', data: { name: 'Unannounced appointee' }, draft: true })
    const draft = await draftRelease(payload, submitter, agencyId, 'Mentions a draft official')
    const staffWrite = (user: TestUser, data: Record<string, unknown>, draftSave: boolean) =>
      payload.update({ collection: 'releases', id: draft.id, data, draft: draftSave, user, overrideAccess: false })
    await staffWrite(submitter, { officials: [official.id], workflow: { state: 'in_review' } }, true)
    await staffWrite(users.editor, { _status: 'published' }, false)

    const read = await payload.findByID({ collection: 'releases', id: draft.id, depth: 2, overrideAccess: false })
    expect(read._status).toBe('published')
    expect(read.officials).toEqual([official.id])
    // Who reviewed it is editorial data: readers get neither the user nor the id.
    expect(read.workflow).toBeUndefined()
    expect(read.leadAgency).toMatchObject({ id: agencyId, name: 'Ministry of Internal Affairs' })

    const asStaff = await payload.findByID({ collection: 'releases', id: draft.id, depth: 1, user: users.contributor, overrideAccess: false })
    expect(asStaff.officials).toMatchObject([{ id: official.id, name: 'Unannounced appointee' }])
  })

  it('get an id, not the document, for a draft parent agency', async () => {
    const parent = await payload.create({ collection: 'agencies', data: { name: 'Not yet announced', kind: 'ministry' }, draft: true })
    const child = await payload.create({
      collection: 'agencies',
      data: { name: 'Announced unit', kind: 'structural-unit', parent: parent.id, _status: 'published' },
    })
    const read = await payload.findByID({ collection: 'agencies', id: child.id, depth: 1, overrideAccess: false })
    expect(read.parent).toBe(parent.id)
  })
})
