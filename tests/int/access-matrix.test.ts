/**
 * The access matrix: who may do what to which collection, through every channel a client has — the
 * local API with access control on (`overrideAccess: false`), REST and GraphQL (the app's own route
 * handlers, signed in with a real login per role). One table of expected outcomes; every cell of it,
 * in every channel, is one named test. The config has no globals (checked below).
 */
import type { Payload, Where } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CREATE_WITHOUT_FILE_MESSAGE } from '@collections/Media/hooks/refuseServerFileFields'

import { CHANNELS, clients, PASSWORD, type Api, type Channel, type Clients, type Doc, type Result, type Upload } from './helpers/channels'
import { makeAgency, paragraph } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

type Role = 'anonymous' | 'contributor' | 'editor' | 'admin'
type Collection = 'releases' | 'officials' | 'agencies' | 'galleries' | 'media' | 'users' | 'removed-releases' | 'audit-events'
type Op =
  | 'create'
  | 'read-draft'
  | 'read-published'
  | 'read-versions'
  | 'update'
  | 'publish'
  | 'unpublish'
  | 'delete'
  | 'read'
  | 'read-unused'
  | 'read-shown'
  | 'read-self'
  | 'read-other'
  | 'update-self'
  | 'update-other'

/**
 * allowed; forbidden = refused by access ("You are not allowed…", 403); hidden = behaves as if the
 * document did not exist (404, absent from lists); refused = let through access, refused by the review
 * workflow (403 with the workflow's own explanation).
 */
type Outcome = 'allowed' | 'forbidden' | 'hidden' | 'refused' | null
const Y: Outcome = 'allowed'
const F: Outcome = 'forbidden'
const H: Outcome = 'hidden'
const R: Outcome = 'refused'
const _: Outcome = null // not applicable

const ROLES: Role[] = ['anonymous', 'contributor', 'editor', 'admin']

const EDITORIAL = {
  //                  anonymous contributor editor admin
  'create':         [F, Y, Y, Y],
  'read-draft':     [H, Y, Y, Y],
  'read-published': [Y, Y, Y, Y],
  'read-versions':  [F, Y, Y, Y],
  'update':         [F, Y, Y, Y], // a draft save
  'publish':        [F, F, Y, Y],
  'unpublish':      [F, R, Y, Y],
  'delete':         [F, F, F, Y],
} as const

// prettier-ignore
const EXPECTED: Record<Collection, Partial<Record<Op, readonly Outcome[]>>> = {
  releases: EDITORIAL,
  officials: EDITORIAL,
  agencies: EDITORIAL,
  galleries: EDITORIAL,
  media: {
    //                anonymous contributor editor admin
    'create':         [F, Y, Y, Y],
    'read-unused':    [H, Y, Y, Y], // a photo no published document shows (uploaded for a draft)
    'read-shown':     [Y, Y, Y, Y], // a photo a published release shows
    'update':         [F, Y, Y, Y],
    'delete':         [F, F, Y, Y],
  },
  users: {
    'create':         [F, F, F, Y],
    'read-self':      [_, Y, Y, Y],
    'read-other':     [F, Y, Y, Y], // staff see each other by name only (admin-everyday.test.ts: no email, no roles)
    'update-self':    [_, Y, Y, Y],
    'update-other':   [F, F, F, Y],
    'delete':         [F, F, F, Y],
  },
  'removed-releases': {
    'create':         [F, F, F, F], // written only by the release delete hook
    'read':           [F, F, F, Y],
    'update':         [F, F, F, F],
    'delete':         [F, F, F, Y],
  },
  'audit-events': {
    'create':         [F, F, F, F], // written only by the server (src/audit/record.ts)
    'read':           [F, F, F, Y],
    'update':         [F, F, F, F], // append-only: GraphQL has no mutations for it at all
    'delete':         [F, F, F, F],
  },
}

const CELLS = (Object.entries(EXPECTED) as [Collection, Partial<Record<Op, Outcome[]>>][]).flatMap(([collection, ops]) =>
  (Object.entries(ops) as [Op, Outcome[]][]).flatMap(([op, outcomes]) =>
    ROLES.flatMap((role, i) => (outcomes[i] ? [{ collection, op, role, expected: outcomes[i] as Exclude<Outcome, null> }] : [])),
  ),
)
const ROWS = CELLS.flatMap((cell) => CHANNELS.map((channel) => ({ ...cell, channel })))

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
const users = {} as Record<Exclude<Role, 'anonymous'>, TestUser>
let submitter: TestUser
let agencyId: string
let counter = 0

const VERSIONED: Collection[] = ['releases', 'officials', 'agencies', 'galleries']
const titleField = (collection: Collection) =>
  ({ releases: 'title', officials: 'name', agencies: 'name', galleries: 'title', media: 'alt', users: 'name', 'removed-releases': 'slug', 'audit-events': 'targetTitle' })[collection]

const NOT_ALLOWED = 'You are not allowed to perform this action.'

const userOf = (role: Role) => (role === 'anonymous' ? null : users[role])
const apiFor = (channel: Channel, role: Role): Promise<Api> => http.api(channel, userOf(role))

async function tinyPng(): Promise<Upload> {
  const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer()
  counter += 1
  return { data, mimetype: 'image/png', name: `matrix-${process.pid}-${counter}.png`, size: data.length }
}

/** Data for a new document of each collection. */
async function newData(collection: Collection): Promise<{ data: Record<string, unknown>; file?: Upload }> {
  counter += 1
  const label = `Matrix ${collection} ${counter}`
  switch (collection) {
    case 'releases':
      return { data: { title: label, type: 'news', leadAgency: agencyId, body: paragraph('Text.') } }
    case 'officials':
      return { data: { name: label } }
    case 'agencies':
      return { data: { name: label, kind: 'ministry' } }
    case 'galleries':
      return { data: { title: label } }
    case 'media':
      return { data: { alt: label }, file: await tinyPng() }
    case 'users':
      return { data: { email: `matrix-${counter}@test.example`, password: PASSWORD, name: label, roles: ['contributor'] } }
    case 'removed-releases':
      return { data: { slug: `matrix-removed-${counter}`, removedAt: new Date().toISOString() } }
    case 'audit-events':
      return { data: { action: 'sign-in', when: new Date().toISOString(), targetTitle: label } }
  }
}

type Loose = Record<string, (args: Record<string, unknown>) => Promise<unknown>>
const trusted = () => payload as unknown as Loose

/** A document made by trusted server code: a draft, or published. */
async function seedDoc(collection: Collection, status: 'draft' | 'published' = 'published'): Promise<Doc> {
  const { data, file } = await newData(collection)
  const versioned = VERSIONED.includes(collection)
  return (await trusted().create!({
    collection,
    data: versioned ? { ...data, _status: status } : data,
    ...(versioned && status === 'draft' ? { draft: true } : {}),
    ...(file ? { file } : {}),
  })) as Doc
}

const count = async (collection: Collection, where: Where = {}) =>
  ((await trusted().count!({ collection, where })) as { totalDocs: number }).totalDocs

/** Is the document visible to the public, and with which status? */
const publicStatus = async (collection: Collection, id: string) =>
  (((await trusted().find!({ collection, where: { id: { equals: id } }, overrideAccess: false })) as { docs: Doc[] }).docs[0]?._status ??
    null) as string | null

/** The audit log has no GraphQL mutations: a write there is refused before access is even asked. */
const NO_SUCH_MUTATION = /Cannot query field|Unknown type|cannot be used as an input type/
const noMutations = (collection: Collection, channel: Channel) => collection === 'audit-events' && channel === 'graphql'

function expectOutcome<T>(result: Result<T>, expected: Exclude<Outcome, null>, mutationAbsent = false): T | undefined {
  if (mutationAbsent && expected === 'forbidden') {
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(NO_SUCH_MUTATION) })
    return undefined
  }
  switch (expected) {
    case 'allowed':
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true })
      return (result as { value: T }).value
    case 'forbidden':
      expect(result).toMatchObject({ ok: false, status: 403, message: NOT_ALLOWED })
      return undefined
    case 'hidden':
      expect(result).toMatchObject({ ok: false, status: 404, message: 'Not Found' })
      return undefined
    case 'refused':
      expect(result).toMatchObject({ ok: false, status: 403 })
      expect((result as { message: string }).message).not.toBe(NOT_ALLOWED)
      expect((result as { message: string }).message).toMatch(/editor/)
      return undefined
  }
}

/** Reads `id` by id and in a list, with and without `draft`, and checks it is visible or not. */
async function checkRead(api: Api, collection: Collection, id: string, expected: Exclude<Outcome, null>) {
  const variants = VERSIONED.includes(collection) ? [undefined, false, true] : [undefined]
  for (const draft of variants) {
    const byId = await api.findByID(collection, id, { draft })
    const list = await api.find(collection, { id: { equals: id } }, { draft })
    if (expected === 'allowed') {
      expect(expectOutcome(byId, 'allowed')?.id).toBe(id)
      expect(expectOutcome(list, 'allowed')?.docs.map((d) => d.id)).toEqual([id])
    } else if (expected === 'hidden') {
      expectOutcome(byId, 'hidden')
      expect(expectOutcome(list, 'allowed')).toMatchObject({ docs: [], totalDocs: 0 })
    } else {
      expectOutcome(byId, expected)
      expectOutcome(list, expected)
    }
  }
}

/** A release submitted for review by someone else: an editor may publish it without a reason. */
async function submittedRelease(): Promise<string> {
  const { data } = await newData('releases')
  const draft = await payload.create({ collection: 'releases', data: data as never, draft: true, user: submitter, overrideAccess: false })
  await payload.update({ collection: 'releases', id: draft.id, data: { workflow: { state: 'in_review' } }, draft: true, user: submitter, overrideAccess: false })
  return draft.id
}

type Cell = (api: Api, collection: Collection, role: Role, expected: Exclude<Outcome, null>, channel: Channel) => Promise<void>

const runCell: Record<Op, Cell> = {
  async create(api, collection, _role, expected, channel) {
    const { data, file } = await newData(collection)
    const before = await count(collection)
    const result = await api.create(collection, data, { draft: VERSIONED.includes(collection) ? true : undefined, file })
    if (collection === 'media' && channel === 'graphql') {
      // GraphQL takes no file uploads: access is asked first, so staff get past it to "no file".
      if (expected === 'allowed') expect(result).toMatchObject({ ok: false, status: 400, message: CREATE_WITHOUT_FILE_MESSAGE })
      else expectOutcome(result, expected)
      expect(await count(collection)).toBe(before)
      return
    }
    const doc = expectOutcome(result, expected, noMutations(collection, channel))
    if (expected === 'allowed') {
      expect(doc?.[titleField(collection)]).toBe(data[titleField(collection)])
      expect(await count(collection, { id: { equals: doc!.id } })).toBe(1)
      if (VERSIONED.includes(collection)) expect(doc?._status).toBe('draft')
    } else {
      expect(await count(collection)).toBe(before)
    }
  },

  async 'read-draft'(api, collection, _role, expected) {
    const doc = await seedDoc(collection, 'draft')
    expect(doc._status).toBe('draft')
    await checkRead(api, collection, doc.id, expected)
  },

  async 'read-published'(api, collection, _role, expected) {
    await checkRead(api, collection, (await seedDoc(collection, 'published')).id, expected)
  },

  async read(api, collection, _role, expected) {
    await checkRead(api, collection, (await seedDoc(collection)).id, expected)
  },

  async 'read-unused'(api, collection, _role, expected) {
    const photo = await seedDoc('media')
    // Shown only by a draft release: still not in use on the public site.
    await payload.create({ collection: 'releases', data: { ...(await newData('releases')).data, heroImage: photo.id } as never, draft: true })
    await checkRead(api, collection, photo.id, expected)
  },

  async 'read-shown'(api, collection, _role, expected) {
    const photo = await seedDoc('media')
    await payload.create({ collection: 'releases', data: { ...(await newData('releases')).data, heroImage: photo.id, _status: 'published' } as never })
    await checkRead(api, collection, photo.id, expected)
  },

  async 'read-versions'(api, collection, _role, expected) {
    const doc = await seedDoc(collection, 'draft')
    const { docs } = (await trusted().findVersions!({ collection, where: { parent: { equals: doc.id } } })) as { docs: Doc[] }
    expect(docs.length).toBeGreaterThanOrEqual(1)
    const list = expectOutcome(await api.findVersions(collection, doc.id), expected)
    const byId = expectOutcome(await api.findVersionByID(collection, docs[0]!.id), expected)
    if (expected === 'allowed') {
      expect(list!.docs.length).toBe(docs.length)
      expect(list!.docs.every((v) => v.parent === doc.id || (v.parent as Doc | null)?.id === doc.id)).toBe(true)
      expect(byId!.id).toBe(docs[0]!.id)
    }
  },

  async update(api, collection, role, expected, channel) {
    const doc = await seedDoc(collection, 'draft')
    const field = titleField(collection)
    const value = collection === 'removed-releases' ? `changed-by-${role}` : `Changed by ${role}`
    const saved = expectOutcome(
      await api.update(collection, doc.id, { [field]: value }, { draft: VERSIONED.includes(collection) ? true : undefined }),
      expected,
      noMutations(collection, channel),
    )
    const latest = (await trusted().findByID!({ collection, id: doc.id, draft: true })) as Doc
    if (expected === 'allowed') {
      expect(saved?.[field]).toBe(value)
      expect(latest[field]).toBe(value)
    } else {
      expect(latest[field]).toBe(doc[field])
    }
  },

  async publish(api, collection, _role, expected) {
    const id = collection === 'releases' ? await submittedRelease() : (await seedDoc(collection, 'draft')).id
    expect(await publicStatus(collection, id)).toBeNull()
    const saved = expectOutcome(await api.update(collection, id, { _status: 'published' }), expected)
    if (expected === 'allowed') expect(saved?._status).toBe('published')
    expect(await publicStatus(collection, id)).toBe(expected === 'allowed' ? 'published' : null)
  },

  async unpublish(api, collection, _role, expected) {
    const { id } = await seedDoc(collection, 'published')
    expect(await publicStatus(collection, id)).toBe('published')
    const saved = expectOutcome(await api.update(collection, id, { _status: 'draft' }), expected)
    if (expected === 'allowed') expect(saved?._status).toBe('draft')
    expect(await publicStatus(collection, id)).toBe(expected === 'allowed' ? null : 'published')
  },

  async delete(api, collection, _role, expected, channel) {
    const doc = await seedDoc(collection)
    const removed = expectOutcome(await api.delete(collection, doc.id), expected, noMutations(collection, channel))
    if (expected === 'allowed') expect(removed?.id).toBe(doc.id)
    expect(await count(collection, { id: { equals: doc.id } })).toBe(expected === 'allowed' ? 0 : 1)
  },

  async 'read-self'(api, collection, role, expected) {
    await checkRead(api, collection, users[role as Exclude<Role, 'anonymous'>].id, expected)
  },

  async 'read-other'(api, collection, _role, expected) {
    await checkRead(api, collection, (await makeUser(payload, ['contributor'], 'other')).id, expected)
  },

  // The probe is the email address: every user may change their own (a name only an admin sets).
  async 'update-self'(api, _collection, role, expected) {
    const self = users[role as Exclude<Role, 'anonymous'>]
    const saved = expectOutcome(await api.update('users', self.id, { email: `self-${role}-${counter++}@test.example` }), expected) as { email?: string } | undefined
    expect((await payload.findByID({ collection: 'users', id: self.id })).email).toBe(saved?.email)
    if (saved?.email) self.email = saved.email
  },

  async 'update-other'(api, _collection, role, expected) {
    const other = await makeUser(payload, ['contributor'], 'other')
    const email = `changed-by-${role}-${counter++}@test.example`
    expectOutcome(await api.update('users', other.id, { email }), expected)
    expect((await payload.findByID({ collection: 'users', id: other.id })).email).toBe(expected === 'allowed' ? email : other.email)
  },
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  users.contributor = await makeUser(payload, ['contributor'])
  users.editor = await makeUser(payload, ['editor'])
  users.admin = await makeUser(payload, ['admin'])
  submitter = await makeUser(payload, ['contributor'], 'submitter')
  agencyId = (await makeAgency(payload)).id
})

afterAll(async () => {
  // Uploads are written to the project's media directory: remove them with their documents.
  await payload?.delete({ collection: 'media', where: { id: { exists: true } }, context: { confirmInUse: true } }).catch(() => undefined)
  await cleanup?.()
})

describe('access matrix', () => {
  it('has a row for every collection in the config, and the config has no globals', () => {
    const own = payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
    expect(own.sort()).toEqual(Object.keys(EXPECTED).sort())
    expect(payload.config.globals).toEqual([])
  })

  it('covers every role and channel for every cell of the table', () => {
    // 4 versioned collections × 8 operations, media 5, users 6 (less 2 not applicable to anonymous), removed-releases 4, audit-events 4.
    expect(CELLS).toHaveLength(4 * 8 * 4 + 5 * 4 + (6 * 4 - 2) + 4 * 4 + 4 * 4)
    expect(ROWS).toHaveLength(CELLS.length * 3)
  })

  it('keeps Payload’s internal collections closed to everyone but the server', async () => {
    for (const collection of ['payload-jobs', 'payload-kv', 'payload-locked-documents', 'payload-preferences']) {
      for (const role of ROLES) {
        const response = await http.rest.get(`${collection}?limit=1`, await http.authHeader(userOf(role)))
        const body = (await response.json()) as { docs?: unknown[] }
        // Staff may see their own preferences and document locks (the admin needs them); nobody sees jobs or kv. (payload-migrations has no REST route.)
        const ownOnly = role !== 'anonymous' && (collection === 'payload-preferences' || collection === 'payload-locked-documents')
        if (!ownOnly) expect([response.status, collection, role]).toEqual([403, collection, role])
        else expect(response.status).toBe(200)
        if (response.status === 200) expect(body.docs).toBeDefined()
      }
    }
  })

  it.each(ROWS.map((row) => [`${row.collection}: ${row.op} as ${row.role} via ${row.channel} → ${row.expected}`, row] as const))(
    '%s',
    async (_name, { collection, op, role, expected, channel }) => {
      await runCell[op](await apiFor(channel, role), collection, role, expected, channel)
    },
  )
})
