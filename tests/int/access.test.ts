/**
 * The access matrix: who may do what, to which collection, through the local API with access control
 * on (`overrideAccess: false`). Every cell of the table below is one named test.
 */
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { draftRelease, makeAgency, paragraph } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

type Role = 'anonymous' | 'contributor' | 'editor' | 'admin'
type Collection = 'releases' | 'officials' | 'agencies' | 'galleries' | 'media' | 'users'
type Op =
  | 'create'
  | 'read-draft'
  | 'read-published'
  | 'read-versions'
  | 'update'
  | 'publish'
  | 'delete'
  | 'read'
  | 'read-self'
  | 'read-other'
  | 'update-self'
  | 'update-other'

/** allowed; forbidden = refused with "You are not allowed…"; hidden = behaves as if the document did not exist. */
type Outcome = 'allowed' | 'forbidden' | 'hidden' | null
const Y: Outcome = 'allowed'
const F: Outcome = 'forbidden'
const H: Outcome = 'hidden'
const _: Outcome = null // not applicable

const ROLES: Role[] = ['anonymous', 'contributor', 'editor', 'admin']

// prettier-ignore
const EXPECTED: Record<Collection, Partial<Record<Op, [Outcome, Outcome, Outcome, Outcome]>>> = {
  //                  anonymous contributor editor admin
  releases: {
    'create':         [F, Y, Y, Y],
    'read-draft':     [H, Y, Y, Y],
    'read-published': [Y, Y, Y, Y],
    'read-versions':  [F, Y, Y, Y],
    'update':         [F, Y, Y, Y],
    'publish':        [F, F, Y, Y],
    'delete':         [F, F, F, Y],
  },
  officials: {
    'create':         [F, Y, Y, Y],
    'read-draft':     [H, Y, Y, Y],
    'read-published': [Y, Y, Y, Y],
    'read-versions':  [F, Y, Y, Y],
    'update':         [F, Y, Y, Y],
    'publish':        [F, F, Y, Y],
    'delete':         [F, F, F, Y],
  },
  agencies: {
    'create':         [F, Y, Y, Y],
    'read-draft':     [H, Y, Y, Y],
    'read-published': [Y, Y, Y, Y],
    'read-versions':  [F, Y, Y, Y],
    'update':         [F, Y, Y, Y],
    'publish':        [F, F, Y, Y],
    'delete':         [F, F, F, Y],
  },
  galleries: {
    'create':         [F, Y, Y, Y],
    'read-draft':     [H, Y, Y, Y],
    'read-published': [Y, Y, Y, Y],
    'read-versions':  [F, Y, Y, Y],
    'update':         [F, Y, Y, Y],
    'publish':        [F, F, Y, Y],
    'delete':         [F, F, F, Y],
  },
  media: {
    'create':         [F, Y, Y, Y],
    'read':           [Y, Y, Y, Y],
    'update':         [F, Y, Y, Y],
    'delete':         [F, F, Y, Y],
  },
  users: {
    'create':         [F, F, F, Y],
    'read-self':      [_, Y, Y, Y],
    'read-other':     [F, H, H, Y],
    'update-self':    [_, Y, Y, Y],
    'update-other':   [F, F, F, Y],
    'delete':         [F, F, F, Y],
  },
}

const ROWS = (Object.entries(EXPECTED) as [Collection, Partial<Record<Op, Outcome[]>>][]).flatMap(([collection, ops]) =>
  (Object.entries(ops) as [Op, Outcome[]][]).flatMap(([op, outcomes]) =>
    ROLES.flatMap((role, i) => (outcomes[i] ? [{ collection, op, role, expected: outcomes[i] as Exclude<Outcome, null> }] : [])),
  ),
)

let payload: Payload
let cleanup: () => Promise<void>
const users = {} as Record<Exclude<Role, 'anonymous'>, TestUser>
let submitter: TestUser
let agencyId: string
let counter = 0

/** The local API, loosely typed: the table drives the collection slug at run time. */
type Args = Record<string, unknown>
type Doc = { id: string; _status?: string | null; [key: string]: unknown }
const api = () =>
  payload as unknown as {
    create(args: Args): Promise<Doc>
    update(args: Args): Promise<Doc>
    findByID(args: Args): Promise<Doc>
    find(args: Args): Promise<{ docs: Doc[]; totalDocs: number }>
    findVersions(args: Args): Promise<{ docs: { parent: unknown }[]; totalDocs: number }>
    delete(args: Args): Promise<Doc>
    count(args: Args): Promise<{ totalDocs: number }>
  }

const as = (role: Role) => (role === 'anonymous' ? { overrideAccess: false } : { overrideAccess: false, user: users[role] })

async function tinyPng() {
  const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer()
  counter += 1
  return { data, mimetype: 'image/png', name: `access-test-${process.pid}-${counter}.png`, size: data.length }
}

/** Data for a new document of each collection (a draft unless `_status` is given). */
async function newData(collection: Collection): Promise<{ data: Args; file?: Awaited<ReturnType<typeof tinyPng>> }> {
  counter += 1
  const label = `Access ${collection} ${counter}`
  switch (collection) {
    case 'releases':
      return { data: { title: label, type: 'press-release', leadAgency: agencyId, body: paragraph('Text.') } }
    case 'officials':
      return { data: { name: label } }
    case 'agencies':
      return { data: { name: label, kind: 'ministry' } }
    case 'galleries':
      return { data: { title: label } }
    case 'media':
      return { data: { alt: label }, file: await tinyPng() }
    case 'users':
      return { data: { email: `access-${counter}@test.example`, password: 'correct horse battery staple', name: label, roles: ['contributor'] } }
  }
}

const VERSIONED: Collection[] = ['releases', 'officials', 'agencies', 'galleries']
const titleField = (collection: Collection) =>
  collection === 'officials' || collection === 'agencies' || collection === 'users' ? 'name' : collection === 'media' ? 'alt' : 'title'

/** A document made by trusted server code: a draft, or published. */
async function seedDoc(collection: Collection, status: 'draft' | 'published' = 'published'): Promise<Doc> {
  const { data, file } = await newData(collection)
  const versioned = VERSIONED.includes(collection)
  return api().create({
    collection,
    data: versioned ? { ...data, _status: status } : data,
    ...(versioned && status === 'draft' ? { draft: true } : {}),
    ...(file ? { file } : {}),
  })
}

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

/** Reads `id` as `role` every way the local API offers and checks it is visible or not. */
async function checkRead(collection: Collection, id: string, role: Role, expected: Exclude<Outcome, null>) {
  const variants = VERSIONED.includes(collection) ? [false, true] : [false]
  for (const draft of variants) {
    const byId = api().findByID({ collection, id, draft, ...as(role) })
    const list = api().find({ collection, where: { id: { equals: id } }, draft, ...as(role) })
    if (expected === 'allowed') {
      expect((await byId).id).toBe(id)
      expect((await list).docs.map((d) => d.id)).toEqual([id])
    } else if (expected === 'hidden') {
      await expectRefused(byId, NOT_FOUND)
      expect((await list).docs).toEqual([])
      expect((await list).totalDocs).toBe(0)
    } else {
      await expectRefused(byId, NOT_ALLOWED)
      await expectRefused(list, NOT_ALLOWED)
    }
  }
}

/** Is the document visible to the public, and with which status? */
const publicStatus = async (collection: Collection, id: string) =>
  (await api().find({ collection, where: { id: { equals: id } }, overrideAccess: false })).docs[0]?._status ?? null

const runCell: Record<Op, (collection: Collection, role: Role, expected: Exclude<Outcome, null>) => Promise<void>> = {
  async create(collection, role, expected) {
    const { data, file } = await newData(collection)
    const write = api().create({
      collection,
      data,
      ...(VERSIONED.includes(collection) ? { draft: true } : {}),
      ...(file ? { file } : {}),
      ...as(role),
    })
    if (expected === 'allowed') {
      const doc = await write
      expect(doc[titleField(collection)]).toBe(data[titleField(collection)])
      expect(await api().count({ collection, where: { id: { equals: doc.id } } })).toEqual({ totalDocs: 1 })
      if (VERSIONED.includes(collection)) expect(doc._status).toBe('draft')
    } else {
      const before = await api().count({ collection })
      await expectRefused(write, NOT_ALLOWED)
      expect(await api().count({ collection })).toEqual(before)
    }
  },

  async 'read-draft'(collection, role, expected) {
    const doc = await seedDoc(collection, 'draft')
    expect(doc._status).toBe('draft')
    await checkRead(collection, doc.id, role, expected)
  },

  async 'read-published'(collection, role, expected) {
    const doc = await seedDoc(collection, 'published')
    await checkRead(collection, doc.id, role, expected)
  },

  async read(collection, role, expected) {
    const doc = await seedDoc(collection)
    await checkRead(collection, doc.id, role, expected)
  },

  async 'read-versions'(collection, role, expected) {
    const doc = await seedDoc(collection, 'draft')
    const versions = api().findVersions({ collection, where: { parent: { equals: doc.id } }, ...as(role) })
    if (expected === 'allowed') {
      const { docs } = await versions
      expect(docs.length).toBeGreaterThanOrEqual(1)
      expect(docs.every((v) => v.parent === doc.id || (v.parent as Doc | null)?.id === doc.id)).toBe(true)
    } else {
      await expectRefused(versions, NOT_ALLOWED)
    }
  },

  async update(collection, role, expected) {
    const doc = await seedDoc(collection, 'draft')
    const field = titleField(collection)
    const write = api().update({
      collection,
      id: doc.id,
      data: { [field]: `Changed by ${role}` },
      ...(VERSIONED.includes(collection) ? { draft: true } : {}),
      ...as(role),
    })
    const latest = () => api().findByID({ collection, id: doc.id, draft: true })
    if (expected === 'allowed') {
      expect((await write)[field]).toBe(`Changed by ${role}`)
      expect((await latest())[field]).toBe(`Changed by ${role}`)
    } else {
      await expectRefused(write, expected === 'hidden' ? NOT_FOUND : NOT_ALLOWED)
      expect((await latest())[field]).toBe(doc[field])
    }
  },

  async publish(collection, role, expected) {
    let id: string
    if (collection === 'releases') {
      // Submitted by someone else, so the workflow's second pair of eyes is satisfied for an editor.
      id = (await draftRelease(payload, submitter, agencyId, `To publish as ${role}`)).id
      await payload.update({
        collection: 'releases',
        id,
        data: { workflow: { state: 'in_review' } },
        draft: true,
        user: submitter,
        overrideAccess: false,
      })
    } else {
      id = (await seedDoc(collection, 'draft')).id
    }
    expect(await publicStatus(collection, id)).toBeNull()
    const write = api().update({ collection, id, data: { _status: 'published' }, ...as(role) })
    if (expected === 'allowed') {
      expect((await write)._status).toBe('published')
      expect(await publicStatus(collection, id)).toBe('published')
    } else {
      await expectRefused(write, NOT_ALLOWED)
      expect(await publicStatus(collection, id)).toBeNull()
    }
  },

  async delete(collection, role, expected) {
    const doc = await seedDoc(collection)
    const remove = api().delete({ collection, id: doc.id, ...as(role) })
    if (expected === 'allowed') {
      expect((await remove).id).toBe(doc.id)
      expect(await api().count({ collection, where: { id: { equals: doc.id } } })).toEqual({ totalDocs: 0 })
    } else {
      await expectRefused(remove, NOT_ALLOWED)
      expect(await api().count({ collection, where: { id: { equals: doc.id } } })).toEqual({ totalDocs: 1 })
    }
  },

  async 'read-self'(collection, role, expected) {
    const self = users[role as Exclude<Role, 'anonymous'>]
    await checkRead(collection, self.id, role, expected)
  },

  async 'read-other'(collection, role, expected) {
    const other = await makeUser(payload, ['contributor'], 'other')
    await checkRead(collection, other.id, role, expected)
  },

  async 'update-self'(_collection, role, expected) {
    const self = users[role as Exclude<Role, 'anonymous'>]
    const saved = await payload.update({ collection: 'users', id: self.id, data: { name: `Renamed ${role}` }, ...as(role) })
    expect(expected).toBe('allowed')
    expect(saved.name).toBe(`Renamed ${role}`)
  },

  async 'update-other'(_collection, role, expected) {
    const other = await makeUser(payload, ['contributor'], 'other')
    const write = payload.update({ collection: 'users', id: other.id, data: { name: `Renamed by ${role}` }, ...as(role) })
    if (expected === 'allowed') {
      expect((await write).name).toBe(`Renamed by ${role}`)
    } else {
      await expectRefused(write, expected === 'hidden' ? NOT_FOUND : NOT_ALLOWED)
      expect((await payload.findByID({ collection: 'users', id: other.id })).name).toBe('other')
    }
  },
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  users.contributor = await makeUser(payload, ['contributor'])
  users.editor = await makeUser(payload, ['editor'])
  users.admin = await makeUser(payload, ['admin'])
  submitter = await makeUser(payload, ['contributor'], 'submitter')
  agencyId = (await makeAgency(payload)).id
})

afterAll(async () => {
  // Uploads are written to the project's media directory: remove them with their documents.
  await payload?.delete({ collection: 'media', where: { id: { exists: true } } }).catch(() => undefined)
  await cleanup?.()
})

describe('access matrix', () => {
  it('covers every role for every collection and operation in the table', () => {
    // 4 versioned collections × 7 operations × 4 roles, media 4 × 4, users 6 × 4 less 2 not applicable to anonymous.
    expect(ROWS).toHaveLength(4 * 7 * 4 + 4 * 4 + (6 * 4 - 2))
  })

  it.each(ROWS.map((row) => [`${row.collection}: ${row.op} as ${row.role} → ${row.expected}`, row] as const))(
    '%s',
    async (_name, { collection, op, role, expected }) => {
      await runCell[op](collection, role, expected)
    },
  )
})

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
    const release = await seedDoc('releases', 'published')
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
    expect(read.workflow?.reviewedBy).toBe(users.editor.id)
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

describe('users cannot raise their own roles', () => {
  it.each(['contributor', 'editor'] as const)('a %s updating their own roles to admin keeps their roles', async (role) => {
    const self = await makeUser(payload, [role], `climber-${role}`)
    const saved = await payload
      .update({ collection: 'users', id: self.id, data: { roles: ['admin'] }, user: self, overrideAccess: false })
      .catch((e: Error) => e)
    if (saved instanceof Error) expect(saved.message).toMatch(NOT_ALLOWED)
    else expect(saved.roles).toEqual([role])
    const stored = await payload.findByID({ collection: 'users', id: self.id })
    expect(stored.roles).toEqual([role])
  })

  it('an editor cannot create an admin', async () => {
    await expectRefused(
      payload.create({
        collection: 'users',
        data: { email: 'sneaky@test.example', password: 'correct horse battery staple', name: 'Sneaky', roles: ['admin'] },
        user: users.editor,
        overrideAccess: false,
      }),
      NOT_ALLOWED,
    )
  })

  it('an admin may change roles', async () => {
    const target = await makeUser(payload, ['contributor'], 'promoted')
    const saved = await payload.update({
      collection: 'users',
      id: target.id,
      data: { roles: ['editor'] },
      user: users.admin,
      overrideAccess: false,
    })
    expect(saved.roles).toEqual(['editor'])
  })
})

describe('login lockout', () => {
  it('locks an account after 5 wrong passwords; only an admin unlocks it', async () => {
    const victim = await makeUser(payload, ['contributor'], 'victim')
    const password = 'correct horse battery staple'
    const login = (pw: string) => payload.login({ collection: 'users', data: { email: victim.email, password: pw } })

    expect((await login(password)).user?.id).toBe(victim.id)
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expectRefused(login(`wrong-${attempt}`), /^The email or password provided is incorrect\.$/)
    }
    // The fifth wrong password locked the account: the right one is now refused too.
    await expectRefused(login(password), /^This user is locked due to having too many failed login attempts\.$/)
    const locked = await payload.findByID({ collection: 'users', id: victim.id, showHiddenFields: true })
    expect(new Date(String(locked.lockUntil)).getTime()).toBeGreaterThan(Date.now() + 14 * 60 * 1000)

    // Payload's generated type for unlock asks for a password too; unlocking only needs the email.
    const unlock = (by: TestUser) =>
      payload.unlock({
        collection: 'users',
        data: { email: victim.email } as { email: string; password: string },
        overrideAccess: false,
        req: { user: by },
      })
    await expectRefused(unlock(users.editor), NOT_ALLOWED)
    await expectRefused(login(password), /locked due to having too many failed login attempts/)

    await expect(unlock(users.admin)).resolves.toBe(true)
    const session = await login(password)
    expect(session.user?.id).toBe(victim.id)
    expect(session.token).toEqual(expect.any(String))
  })
})
