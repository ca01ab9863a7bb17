/**
 * Changes to what readers see that skip review, and document locks used against editors (findings of
 * an outside attack). Every rule is tried through the local API with access control on
 * (`overrideAccess: false`), REST and GraphQL, signed in with real logins.
 *
 * Class 1: a contributor only ever writes drafts of editorial documents and may not change a photo a
 * published document shows (caption, alt text, credit in any language, focal point, the file itself),
 * by any path: by id, in bulk, by autosave, by duplicate, by restore. Editors keep working; contributors
 * keep uploading photos and editing photos no published page shows yet.
 *
 * Class 7: a lock's owner is always the user who asks for it; a contributor cannot take over, move or
 * remove someone else's lock; editors and admins can always take a lock over.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CollectionSlug, Payload, Where } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHANNELS, clients, type Clients, type Doc, type Result, type Upload } from './helpers/channels'
import { makeAgency, paragraph } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

// This file's own media folder: other test files clean theirs up while this one runs.
const MEDIA = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-bypass-'))
process.env.MEDIA_DIR = MEDIA

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let contributor: TestUser
let otherContributor: TestUser
let editor: TestUser
let admin: TestUser
let agencyId: string
let counter = 0

const NOT_ALLOWED = 'You are not allowed to perform this action.'
const PHOTO_REFUSAL = /This photo is on a published page: an editor must change it\./

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  contributor = await makeUser(payload, ['contributor'])
  otherContributor = await makeUser(payload, ['contributor'], 'other-contributor')
  editor = await makeUser(payload, ['editor'])
  admin = await makeUser(payload, ['admin'])
  agencyId = String((await makeAgency(payload)).id)
})
afterAll(async () => {
  await cleanup?.()
  fs.rmSync(MEDIA, { recursive: true, force: true })
})

async function png(color = '#888', width = 64, height = 48): Promise<Upload> {
  const data = await sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer()
  counter += 1
  return { data, mimetype: 'image/png', name: `bypass-${process.pid}-${counter}.png`, size: data.length }
}

type Photo = { id: string; alt?: unknown; caption?: unknown; credit?: unknown; focalX?: number; focalY?: number; filename?: string; filesize?: number; inPublishedUse?: boolean }

/** A photo uploaded by trusted code, in two languages, with a caption and a credit. */
async function photo(): Promise<Photo> {
  const doc = await payload.create({
    collection: 'media',
    data: { alt: 'Nazir çıxış edir', caption: 'Müşavirə', credit: 'Press service' },
    locale: 'az',
    file: await png(),
  })
  await payload.update({ collection: 'media', id: doc.id, locale: 'en', data: { alt: 'The minister speaks', caption: 'The meeting' } })
  return doc as unknown as Photo
}

/** A photo a published release shows. */
async function shownPhoto(): Promise<Photo> {
  const doc = await photo()
  counter += 1
  await payload.create({
    collection: 'releases',
    data: { title: `Release with photo ${counter}`, type: 'news', leadAgency: agencyId, body: paragraph('Text.'), heroImage: doc.id, _status: 'published' } as never,
  })
  const stored = await storedPhoto(doc.id)
  expect(stored.inPublishedUse).toBe(true)
  return stored
}

/** A photo only a draft release shows: not on any public page yet. */
async function draftPhoto(): Promise<Photo> {
  const doc = await photo()
  counter += 1
  await payload.create({
    collection: 'releases',
    data: { title: `Draft with photo ${counter}`, type: 'news', leadAgency: agencyId, body: paragraph('Text.'), heroImage: doc.id } as never,
    draft: true,
  })
  const stored = await storedPhoto(doc.id)
  expect(stored.inPublishedUse).toBe(false)
  return stored
}

/** The photo as stored, every language. */
const storedPhoto = async (id: string) =>
  (await payload.findByID({ collection: 'media', id, locale: 'all', depth: 0, overrideAccess: true })) as unknown as Photo

const refusedAsPhotoInUse = (result: Result<unknown>) => {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: false, status: 403 })
  expect((result as { message: string }).message).toMatch(PHOTO_REFUSAL)
}

const restJson = async (user: TestUser) => ({ ...(await http.authHeader(user)), 'Content-Type': 'application/json' })
const restError = async (response: Response) => {
  const body = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, message: body.errors?.[0]?.message ?? JSON.stringify(body) }
}

describe('class 1: a photo on a published page', () => {
  for (const channel of CHANNELS) {
    it(`${channel}: a contributor cannot change its alt text, caption, credit or focal point; nothing changes`, async () => {
      const shown = await shownPhoto()
      const api = await http.api(channel, contributor)
      for (const data of [{ alt: 'Changed alt' }, { caption: 'Changed caption' }, { credit: 'Someone else' }, { focalX: 10, focalY: 90 }]) {
        refusedAsPhotoInUse(await api.update('media', shown.id, data))
      }
      expect(await storedPhoto(shown.id)).toEqual(shown)
    })

    it(`${channel}: a contributor cannot change its alt text or caption in another language`, async () => {
      const shown = await shownPhoto()
      let result: Result<unknown>
      if (channel === 'local') {
        result = await payload
          .update({ collection: 'media', id: shown.id, locale: 'en', data: { alt: 'Changed', caption: 'Changed' }, user: contributor, overrideAccess: false })
          .then((value) => ({ ok: true as const, value }), (e: { status?: number; message: string }) => ({ ok: false as const, status: e.status ?? 500, message: e.message }))
      } else if (channel === 'rest') {
        const response = await http.rest.patch(`media/${shown.id}?locale=en`, JSON.stringify({ alt: 'Changed', caption: 'Changed' }), await restJson(contributor))
        result = response.ok ? { ok: true, value: await response.json() } : { ok: false, ...(await restError(response)) }
      } else {
        const body = await http.graphql(
          `mutation ($id: String!) { updateMedia(id: $id, locale: en, data: { alt: "Changed", caption: "Changed" }) { id } }`,
          { id: shown.id },
          await http.cookieHeader(contributor),
        )
        const error = body.errors?.[0]
        result = error ? { ok: false, status: error.extensions?.statusCode ?? 400, message: error.message } : { ok: true, value: body.data }
      }
      refusedAsPhotoInUse(result)
      expect(await storedPhoto(shown.id)).toEqual(shown)
    })

    it(`${channel}: a contributor cannot delete it`, async () => {
      const shown = await shownPhoto()
      const result = await (await http.api(channel, contributor)).delete('media', shown.id)
      expect(result).toMatchObject({ ok: false, status: 403 })
      expect(await storedPhoto(shown.id)).toEqual(shown)
    })

    it(`${channel}: an editor still changes its caption`, async () => {
      const shown = await shownPhoto()
      const saved = await (await http.api(channel, editor)).update('media', shown.id, { caption: `Caption by an editor (${channel})` })
      expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
      expect(((await storedPhoto(shown.id)).caption as Record<string, string>).az).toBe(`Caption by an editor (${channel})`)
    })

    it(`${channel}: a contributor still edits a photo no published page shows (a draft's photo)`, async () => {
      const unpublished = await draftPhoto()
      const saved = await (await http.api(channel, contributor)).update('media', unpublished.id, { caption: `Caption for the draft (${channel})`, focalX: 20, focalY: 30 })
      expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
      const stored = await storedPhoto(unpublished.id)
      expect((stored.caption as Record<string, string>).az).toBe(`Caption for the draft (${channel})`)
      expect([stored.focalX, stored.focalY]).toEqual([20, 30])
    })
  }

  it('local and REST: a contributor still uploads a new photo', async () => {
    for (const channel of ['local', 'rest'] as const) {
      const created = await (await http.api(channel, contributor)).create('media', { alt: `New photo (${channel})` }, { file: await png('#246') })
      expect(created, JSON.stringify(created)).toMatchObject({ ok: true })
    }
  })

  it('local and REST: a contributor cannot replace its file (update with a file); the stored file stays', async () => {
    const shown = await shownPhoto()
    const before = fs.readFileSync(path.join(MEDIA, shown.filename!))
    const local = await payload
      .update({ collection: 'media', id: shown.id, data: {}, file: await png('#d00', 80, 60), user: contributor, overrideAccess: false })
      .then((value) => ({ ok: true as const, value }), (e: { status?: number; message: string }) => ({ ok: false as const, status: e.status ?? 500, message: e.message }))
    refusedAsPhotoInUse(local)
    const replacement = await png('#0d0', 80, 60)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(replacement.data)], { type: replacement.mimetype }), replacement.name)
    form.append('_payload', JSON.stringify({}))
    const response = await http.rest.patch(`media/${shown.id}`, form, await http.authHeader(contributor))
    refusedAsPhotoInUse({ ok: false, ...(await restError(response)) })
    expect(await storedPhoto(shown.id)).toEqual(shown)
    expect(fs.readFileSync(path.join(MEDIA, shown.filename!)).equals(before)).toBe(true)
  })

  it('local and REST: a contributor cannot change it by a bulk update (`PATCH /api/media?where=…`)', async () => {
    const shown = await shownPhoto()
    const where: Where = { id: { equals: shown.id } }
    const local = await payload
      .update({ collection: 'media', where, data: { caption: 'Bulk change' }, user: contributor, overrideAccess: false })
      .then((value) => ({ ok: true as const, value }), (e: { status?: number; message: string }) => ({ ok: false as const, status: e.status ?? 500, message: e.message }))
    refusedAsPhotoInUse(local)
    const response = await http.rest.patch(`media?where[id][equals]=${shown.id}`, JSON.stringify({ caption: 'Bulk change' }), await restJson(contributor))
    refusedAsPhotoInUse({ ok: false, ...(await restError(response)) })
    expect(await storedPhoto(shown.id)).toEqual(shown)
  })
})

type Editorial = 'agencies' | 'officials' | 'galleries'
const EDITORIAL: Editorial[] = ['agencies', 'officials', 'galleries']
const titleOf = (collection: Editorial) => (collection === 'galleries' ? 'title' : 'name')
const newData = (collection: Editorial, label: string): Record<string, unknown> =>
  collection === 'agencies' ? { name: label, kind: 'ministry' } : { [titleOf(collection)]: label }

/** A published document made by trusted code. */
async function published(collection: Editorial): Promise<Doc> {
  counter += 1
  return (await payload.create({ collection, data: { ...newData(collection, `Public ${collection} ${counter}`), _status: 'published' } as never })) as unknown as Doc
}

/** What a reader gets for the document: its public copy's title, or null. */
const publicTitle = async (collection: Editorial, id: string) => {
  const { docs } = await payload.find({ collection, where: { id: { equals: id } }, overrideAccess: false, depth: 0 })
  return ((docs[0] as unknown as Record<string, unknown> | undefined)?.[titleOf(collection)] as string | undefined) ?? null
}
const publicCount = async (collection: Editorial) => (await payload.count({ collection, overrideAccess: false })).totalDocs

describe('class 1: contributors write only drafts of agencies, officials and galleries', () => {
  for (const collection of EDITORIAL) {
    for (const channel of CHANNELS) {
      it(`${collection}, ${channel}: a save that is not a draft, with or without a status, is refused; the public copy stays`, async () => {
        const doc = await published(collection)
        const title = doc[titleOf(collection)] as string
        const api = await http.api(channel, contributor)
        const attempts: [Record<string, unknown>, { draft?: boolean }][] = [
          [{ [titleOf(collection)]: 'Changed without review' }, {}],
          [{ [titleOf(collection)]: 'Changed without review' }, { draft: false }],
          [{ [titleOf(collection)]: 'Changed without review', _status: 'draft' }, { draft: false }],
          [{ [titleOf(collection)]: 'Changed without review', _status: 'published' }, { draft: true }],
        ]
        for (const [data, opts] of attempts) {
          const result = await api.update(collection, doc.id, data, opts)
          expect(result, JSON.stringify({ data, opts, result })).toMatchObject({ ok: false, status: 403 })
          // A published status is refused by access (no Publish for contributors), the rest by the workflow's own words.
          if (data._status === 'published') expect((result as { message: string }).message).toBe(NOT_ALLOWED)
          else expect((result as { message: string }).message).toMatch(/editor/)
        }
        expect(await publicTitle(collection, doc.id)).toBe(title)
      })

      it(`${collection}, ${channel}: a draft save is allowed and leaves the public copy as it is`, async () => {
        const doc = await published(collection)
        const saved = await (await http.api(channel, contributor)).update(collection, doc.id, { [titleOf(collection)]: 'A draft of a change' }, { draft: true })
        expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
        expect(await publicTitle(collection, doc.id)).toBe(doc[titleOf(collection)])
      })

      it(`${collection}, ${channel}: creating a published document is refused; deleting one is forbidden`, async () => {
        const before = await publicCount(collection)
        const api = await http.api(channel, contributor)
        for (const draft of [undefined, false, true]) {
          const result = await api.create(collection, { ...newData(collection, `Created published ${counter++}`), _status: 'published' }, { draft })
          // Refused, or (asked as a draft) stored as a draft: never a new public page.
          if (result.ok) expect([draft, result.value._status], JSON.stringify(result)).toEqual([true, 'draft'])
          else expect(result.status, JSON.stringify(result)).toBe(403)
        }
        expect(await publicCount(collection)).toBe(before)
        const doc = await published(collection)
        expect(await api.delete(collection, doc.id)).toMatchObject({ ok: false, status: 403, message: NOT_ALLOWED })
        expect(await publicTitle(collection, doc.id)).toBe(doc[titleOf(collection)])
      })
    }

    it(`${collection}, REST: autosave, bulk update and bulk delete, duplicate and restore leave the public copy as it is`, async () => {
      const doc = await published(collection)
      const title = doc[titleOf(collection)] as string
      const json = await restJson(contributor)
      const change = JSON.stringify({ [titleOf(collection)]: 'Changed without review' })
      await http.rest.patch(`${collection}/${doc.id}?draft=true&autosave=true`, change, json)
      expect(await publicTitle(collection, doc.id)).toBe(title)
      for (const query of ['', '&draft=false']) {
        const response = await http.rest.patch(`${collection}?where[id][equals]=${doc.id}${query}`, change, json)
        const body = (await response.json()) as { docs?: unknown[] }
        expect(body.docs ?? []).toEqual([])
        expect(await publicTitle(collection, doc.id)).toBe(title)
      }
      await http.rest.delete(`${collection}?where[id][equals]=${doc.id}`, await http.authHeader(contributor))
      expect(await publicTitle(collection, doc.id)).toBe(title)
      const before = await publicCount(collection)
      await http.rest.post(`${collection}/${doc.id}/duplicate`, null, json)
      await http.rest.post(`${collection}/${doc.id}/duplicate?draft=false`, null, json)
      expect(await publicCount(collection)).toBe(before)
      // A draft version, then a restore of the published one: a draft again, the public copy untouched.
      await http.rest.patch(`${collection}/${doc.id}?draft=true`, change, json)
      const { docs } = await payload.findVersions({ collection, where: { parent: { equals: doc.id } }, sort: 'createdAt', depth: 0 })
      for (const version of docs) {
        await http.rest.post(`${collection}/versions/${version.id}?draft=false`, null, json)
        expect(await publicTitle(collection, doc.id)).toBe(title)
      }
    })

    it(`${collection}, GraphQL: restoring a version as it is, and duplicating, do not change what readers see`, async () => {
      const doc = await published(collection)
      const title = doc[titleOf(collection)] as string
      const api = await http.api('graphql', contributor)
      await api.update(collection, doc.id, { [titleOf(collection)]: 'Draft wording' }, { draft: true })
      const type = { agencies: 'Agency', officials: 'Official', galleries: 'Gallery' }[collection]
      const { docs } = await payload.findVersions({ collection, where: { parent: { equals: doc.id } }, depth: 0 })
      const cookie = await http.cookieHeader(contributor)
      for (const version of docs) {
        await http.graphql(`mutation ($id: String!) { restoreVersion${type}(id: $id) { id } }`, { id: version.id }, cookie)
        expect(await publicTitle(collection, doc.id)).toBe(title)
      }
      const before = await publicCount(collection)
      await http.graphql(`mutation ($id: String!) { duplicate${type}(id: $id) { id } }`, { id: doc.id }, cookie)
      expect(await publicCount(collection)).toBe(before)
    })

    it(`${collection}, local: a bulk update that is not a draft is refused`, async () => {
      const doc = await published(collection)
      const result = await payload
        .update({ collection, where: { id: { equals: doc.id } }, data: { [titleOf(collection)]: 'Bulk change' } as never, user: contributor, overrideAccess: false })
        .then((r) => r.errors.length, () => 'thrown')
      expect(result === 'thrown' || result === 1).toBe(true)
      expect(await publicTitle(collection, doc.id)).toBe(doc[titleOf(collection)])
    })
  }
})

// ---------------------------------------------------------------------------------------------------
// Class 7: document locks
// ---------------------------------------------------------------------------------------------------

const LOCKS = 'payload-locked-documents' as CollectionSlug
type Lock = { id: string; user?: { relationTo: string; value: string | { id: string } }; document?: { relationTo: string; value: string | { id: string } } }
const ownerOf = (lock: Lock | undefined) => (lock?.user ? (typeof lock.user.value === 'object' ? lock.user.value.id : lock.user.value) : null)

async function draftReleaseId(): Promise<string> {
  counter += 1
  const doc = await payload.create({
    collection: 'releases',
    data: { title: `Locked release ${counter}`, type: 'news', leadAgency: agencyId, body: paragraph('Text.') } as never,
    draft: true,
  })
  return String(doc.id)
}

/** The lock as the admin makes it when someone opens the document (handleFormStateLocking: the database adapter, as req.user). */
async function lockAsAdminDoes(releaseId: string, user: TestUser): Promise<Lock> {
  return (await payload.db.create({
    collection: LOCKS,
    data: { document: { relationTo: 'releases', value: releaseId }, user: { relationTo: 'users', value: user.id } },
  })) as unknown as Lock
}

const locksOf = async (releaseId: string): Promise<Lock[]> =>
  (
    await payload.find({
      collection: LOCKS,
      where: { and: [{ 'document.relationTo': { equals: 'releases' } }, { 'document.value': { equals: releaseId } }] },
      sort: '-updatedAt',
      depth: 0,
      overrideAccess: true,
    })
  ).docs as unknown as Lock[]

type LockWrite = { ok: boolean; status: number; message: string; lock?: Lock }

/** Writes a lock record through one channel, as `user`. */
async function writeLock(
  channel: (typeof CHANNELS)[number],
  user: TestUser,
  op: 'create' | 'update' | 'delete',
  { id, data }: { id?: string; data?: Record<string, unknown> },
): Promise<LockWrite> {
  if (channel === 'local') {
    const run = () =>
      op === 'create'
        ? payload.create({ collection: LOCKS, data: data as never, user, overrideAccess: false, depth: 0 })
        : op === 'update'
          ? payload.update({ collection: LOCKS, id: id!, data: data as never, user, overrideAccess: false, depth: 0 })
          : payload.delete({ collection: LOCKS, id: id!, user, overrideAccess: false, depth: 0 })
    return run().then(
      (lock) => ({ ok: true, status: 200, message: '', lock: lock as unknown as Lock }),
      (e: { status?: number; message: string }) => ({ ok: false, status: e.status ?? 500, message: e.message }),
    )
  }
  if (channel === 'rest') {
    const headers = await restJson(user)
    const response =
      op === 'create'
        ? await http.rest.post(`${LOCKS}?depth=0`, JSON.stringify(data), headers)
        : op === 'update'
          ? await http.rest.patch(`${LOCKS}/${id}?depth=0`, JSON.stringify(data), headers)
          : await http.rest.delete(`${LOCKS}/${id}`, headers)
    const body = (await response.json()) as { doc?: Lock; errors?: { message: string }[] }
    return { ok: response.ok, status: response.status, message: body.errors?.[0]?.message ?? '', lock: body.doc }
  }
  const cookie = await http.cookieHeader(user)
  const fields = 'id user { relationTo value { ... on User { id } } }'
  const body =
    op === 'create'
      ? await http.graphql(`mutation ($data: mutationPayloadLockedDocumentInput!) { createPayloadLockedDocument(data: $data) { ${fields} } }`, { data }, cookie)
      : op === 'update'
        ? await http.graphql(
            `mutation ($id: String!, $data: mutationPayloadLockedDocumentUpdateInput!) { updatePayloadLockedDocument(id: $id, data: $data) { ${fields} } }`,
            { id, data },
            cookie,
          )
        : await http.graphql(`mutation ($id: String!) { deletePayloadLockedDocument(id: $id) { id } }`, { id }, cookie)
  const error = body.errors?.[0]
  if (error) return { ok: false, status: error.extensions?.statusCode ?? (error.message === NOT_ALLOWED ? 403 : 400), message: error.message }
  const lock = Object.values(body.data ?? {})[0] as Lock | null
  return lock ? { ok: true, status: 200, message: '', lock } : { ok: false, status: 404, message: 'Not Found' }
}

const lockData = (releaseId: string, owner: TestUser) => ({
  document: { relationTo: 'releases', value: releaseId },
  user: { relationTo: 'users', value: owner.id },
})

describe('class 7: document locks', () => {
  for (const channel of CHANNELS) {
    it(`${channel}: a lock's owner is the user who asks for it, never a user the client names`, async () => {
      const releaseId = await draftReleaseId()
      const result = await writeLock(channel, contributor, 'create', { data: lockData(releaseId, editor) })
      const locks = await locksOf(releaseId)
      // Either refused, or made in the contributor's own name: never in the editor's.
      if (result.ok) expect(ownerOf(locks[0])).toBe(contributor.id)
      expect(locks.map(ownerOf)).not.toContain(editor.id)
      // Their own lock, renamed to someone else: stays theirs.
      const own = await lockAsAdminDoes(await draftReleaseId(), contributor)
      await writeLock(channel, contributor, 'update', { id: own.id, data: { user: { relationTo: 'users', value: admin.id } } })
      expect(ownerOf((await payload.findByID({ collection: LOCKS, id: own.id, depth: 0 })) as unknown as Lock)).toBe(contributor.id)
    })

    it(`${channel}: a contributor cannot take over, move onto, or remove an editor's lock`, async () => {
      const releaseId = await draftReleaseId()
      const editorsLock = await lockAsAdminDoes(releaseId, editor)
      // Taking over (what the admin's "Take over" sends), in their own name or another's.
      for (const owner of [contributor, otherContributor]) {
        const result = await writeLock(channel, contributor, 'update', { id: editorsLock.id, data: { user: { relationTo: 'users', value: owner.id } } })
        expect(result.ok, JSON.stringify(result)).toBe(false)
      }
      // A newer lock of their own on the same release (the newest lock is the one that counts).
      const created = await writeLock(channel, contributor, 'create', { data: lockData(releaseId, contributor) })
      expect(created.ok, JSON.stringify(created)).toBe(false)
      // Their own lock on another release, moved onto this one.
      const own = await lockAsAdminDoes(await draftReleaseId(), contributor)
      const moved = await writeLock(channel, contributor, 'update', { id: own.id, data: { document: { relationTo: 'releases', value: releaseId } } })
      expect(moved.ok, JSON.stringify(moved)).toBe(false)
      // Removing it.
      const removed = await writeLock(channel, contributor, 'delete', { id: editorsLock.id })
      expect(removed.ok, JSON.stringify(removed)).toBe(false)
      expect((await locksOf(releaseId)).map(ownerOf)).toEqual([editor.id])
    })

    it(`${channel}: an editor takes over a contributor's lock, and then saves`, async () => {
      const releaseId = await draftReleaseId()
      const contributorsLock = await lockAsAdminDoes(releaseId, contributor)
      const result = await writeLock(channel, editor, 'update', { id: contributorsLock.id, data: { user: { relationTo: 'users', value: editor.id } } })
      expect(result.ok, JSON.stringify(result)).toBe(true)
      expect((await locksOf(releaseId)).map(ownerOf)).toEqual([editor.id])
      const response = await http.rest.patch(`releases/${releaseId}?draft=true`, JSON.stringify({ title: `Saved by the editor (${channel})` }), await restJson(editor))
      expect(response.status).toBe(200)
    })
  }

  it('REST: bulk update and bulk delete of locks touch only the contributor\'s own', async () => {
    const releaseId = await draftReleaseId()
    await lockAsAdminDoes(releaseId, editor)
    const headers = await restJson(contributor)
    await http.rest.patch(`${LOCKS}?where[id][exists]=true`, JSON.stringify({ user: { relationTo: 'users', value: contributor.id } }), headers)
    expect((await locksOf(releaseId)).map(ownerOf)).toEqual([editor.id])
    await http.rest.delete(`${LOCKS}?where[id][exists]=true`, headers)
    expect((await locksOf(releaseId)).map(ownerOf)).toEqual([editor.id])
  })

  it("the admin's own locking still works for a contributor: it reads locks, refreshes and releases its own", async () => {
    const releaseId = await draftReleaseId()
    const own = await lockAsAdminDoes(releaseId, contributor)
    const headers = await http.authHeader(contributor)
    // What the admin's DocumentInfo provider sends when the document is left: find the lock, delete it.
    const found = await http.rest.get(`${LOCKS}?where[document.relationTo][equals]=releases&where[document.value][equals]=${releaseId}`, headers)
    expect(((await found.json()) as { docs: Lock[] }).docs.map((d) => d.id)).toEqual([own.id])
    const refreshed = await http.rest.patch(`${LOCKS}/${own.id}`, JSON.stringify({ user: { relationTo: 'users', value: contributor.id } }), await restJson(contributor))
    expect(refreshed.status).toBe(200)
    const released = await http.rest.delete(`${LOCKS}/${own.id}`, headers)
    expect(released.status).toBe(200)
    expect(await locksOf(releaseId)).toEqual([])
  })

  it('anonymous readers cannot read or write locks', async () => {
    const releaseId = await draftReleaseId()
    await lockAsAdminDoes(releaseId, editor)
    expect((await http.rest.get(LOCKS)).status).toBe(403)
    expect((await http.rest.post(LOCKS, JSON.stringify(lockData(releaseId, editor)), { 'Content-Type': 'application/json' })).status).toBe(403)
  })
})

describe('red-team round 6: a photo of a release waiting for review', () => {
  async function submittedWith(photoId: string) {
    counter += 1
    return payload.create({
      collection: 'releases',
      data: { title: `Waiting with photo ${counter}`, type: 'news', leadAgency: agencyId, heroImage: photoId, workflow: { state: 'in_review' } } as never,
      draft: true,
      user: contributor,
      overrideAccess: false,
    })
  }

  it('contributors cannot change it while an editor may be reviewing it (metadata or file, REST too); back in draft they can', async () => {
    const doc = await photo()
    const release = await submittedWith(doc.id)
    await expect(payload.update({ collection: 'media', id: doc.id, locale: 'az', data: { alt: 'SWAPPED' }, user: contributor, overrideAccess: false })).rejects.toThrow(/waiting for review/)
    const file = await http.rest.patch(`media/${doc.id}?locale=az`, JSON.stringify({ caption: 'SWAPPED' }), { ...(await http.authHeader(otherContributor)), 'Content-Type': 'application/json' })
    expect(file.status).toBe(403)
    expect((await storedPhoto(doc.id)).alt).toMatchObject({ az: 'Nazir çıxış edir' })

    await payload.update({ collection: 'releases', id: release.id, data: { workflow: { state: 'draft' } }, draft: true, user: contributor, overrideAccess: false })
    await payload.update({ collection: 'media', id: doc.id, locale: 'az', data: { alt: 'Yeni təsvir' }, user: contributor, overrideAccess: false })
    expect((await storedPhoto(doc.id)).alt).toMatchObject({ az: 'Yeni təsvir' })
  })

  it('a photo of the release’s gallery too (the reviewer sees it in the preview)', async () => {
    const hero = await photo()
    const inGallery = await photo()
    counter += 1
    const gallery = await payload.create({ collection: 'galleries', data: { title: `Gallery in review ${counter}`, photos: [inGallery.id] }, draft: true, user: contributor, overrideAccess: false })
    await payload.create({
      collection: 'releases',
      data: { title: `Waiting with a gallery ${counter}`, type: 'news', leadAgency: agencyId, heroImage: hero.id, gallery: gallery.id, workflow: { state: 'in_review' } } as never,
      draft: true,
      user: contributor,
      overrideAccess: false,
    })
    await expect(payload.update({ collection: 'media', id: inGallery.id, locale: 'az', data: { caption: 'UNREVIEWED' }, user: contributor, overrideAccess: false })).rejects.toThrow(/waiting for review/)
  })

  it('editors still change it (an editor reviewing may correct a caption)', async () => {
    const doc = await photo()
    await submittedWith(doc.id)
    await payload.update({ collection: 'media', id: doc.id, locale: 'az', data: { caption: 'Düzəldilib' }, user: editor, overrideAccess: false })
    expect((await storedPhoto(doc.id)).caption).toMatchObject({ az: 'Düzəldilib' })
  })
})

describe('the document lock names its holder', () => {
  // Payload's "Document locked" modal shows `user.email ?? user.id` (DocumentLocked); staff may not read
  // each other's emails, so without this it showed a raw id.
  const shownHolder = (lock: Lock | undefined) => {
    const user = lock?.user?.value as { id: string; email?: string } | string | undefined
    return typeof user === 'object' ? (user.email ?? user.id) : user
  }

  it.each(['contributor', 'editor'] as const)('a %s sees the name of the editor holding a lock, as the admin reads it (REST and local API)', async (role) => {
    const releaseId = await draftReleaseId()
    await lockAsAdminDoes(releaseId, editor)
    const reader = role === 'contributor' ? contributor : await makeUser(payload, ['editor'], 'second-editor')
    const { docs } = await payload.find({ collection: LOCKS, where: { 'document.value': { equals: releaseId } }, depth: 1, user: reader, overrideAccess: false })
    expect(shownHolder(docs[0] as unknown as Lock)).toBe(editor.name)
    const rest = await http.rest.get(`${LOCKS}?depth=1&where[document.value][equals]=${releaseId}`, await http.authHeader(reader))
    const body = (await rest.json()) as { docs: Lock[] }
    expect(shownHolder(body.docs[0])).toBe(editor.name)
  })
})
