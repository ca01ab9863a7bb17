/**
 * The audit log (issue 22): an append-only `audit-events` collection that admins read and export,
 * written by the server in the same transaction as the change it records.
 */
// The account lock after 5 wrong passwords (production default 50; one address may fail 10 times: tests/int/sign-in.test.ts).
process.env.LOGIN_MAX_ATTEMPTS = '5'

import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Payload, Where } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { csvCell } from '@/audit/exportCsv'
import { pruneAuditEvents } from '@/audit/retention'
import { clientAddress } from '@/lib/clientAddress'

import { CHANNELS, clients, PASSWORD, whereQuery, type Clients } from './helpers/channels'
import { draftRelease, makeAgency } from './helpers/fixtures'
import { minifyPayloadErrorNames } from './helpers/minified'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let contributor: TestUser
let editor: TestUser
let secondEditor: TestUser
let admin: TestUser
let agencyId: string

type Event = {
  id: string
  action: string
  who?: string | { id: string } | null
  whoName?: string | null
  when: string
  clientAddress?: string | null
  targetCollection?: string | null
  targetId?: string | null
  targetTitle?: string | null
  detail?: Record<string, unknown> | null
}

const json = { 'Content-Type': 'application/json' }
const idOf = (rel: Event['who']) => (rel && typeof rel === 'object' ? rel.id : rel)

async function events(where: Where): Promise<Event[]> {
  const { docs } = await payload.find({ collection: 'audit-events', where, sort: '-when', depth: 0, limit: 100, overrideAccess: true })
  return docs as unknown as Event[]
}
const eventsOf = (action: string, targetId?: string) =>
  events({ and: [{ action: { equals: action } }, ...(targetId ? [{ targetId: { equals: targetId } }] : [])] })
const countEvents = async () => (await payload.count({ collection: 'audit-events', overrideAccess: true })).totalDocs

/** The one event of `action` on `targetId`, checked for who, when and what. */
async function expectEvent(action: string, targetId: string, who: TestUser | null, extra: Partial<Event> = {}, since = new Date(Date.now() - 60_000)) {
  const found = await eventsOf(action, targetId)
  expect(found, `${action} on ${targetId}`).toHaveLength(1)
  const event = found[0]!
  if (who) {
    expect(idOf(event.who)).toBe(who.id)
    expect(event.whoName).toContain(who.name)
  }
  expect(new Date(event.when).getTime()).toBeGreaterThanOrEqual(since.getTime())
  expect(new Date(event.when).getTime()).toBeLessThanOrEqual(Date.now())
  expect(event).toMatchObject(extra)
  return event
}

const as = (user: TestUser) => ({ user, overrideAccess: false as const })
const update = (id: string, user: TestUser, data: Record<string, unknown>, draft = false) =>
  payload.update({ collection: 'releases', id, data, draft, ...as(user) })
const submit = (id: string, user: TestUser) => update(id, user, { workflow: { state: 'in_review' } }, true)

async function submittedRelease(title: string) {
  const draft = await draftRelease(payload, contributor, agencyId, title)
  await submit(draft.id, contributor)
  return draft.id
}

async function publishedRelease(title: string) {
  const id = await submittedRelease(title)
  await update(id, editor, { _status: 'published' })
  return id
}

const restWith = async (user: TestUser, ip?: string) => ({ ...json, ...(await http.authHeader(user)), ...(ip ? { 'X-Forwarded-For': ip } : {}) })

async function png(shade: string) {
  const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: shade } }).png().toBuffer()
  return { data, mimetype: 'image/png', name: `audit-${process.pid}-${shade.slice(1)}.png`, size: data.length }
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  contributor = await makeUser(payload, ['contributor'], 'Cora')
  editor = await makeUser(payload, ['editor'], 'Eddie')
  secondEditor = await makeUser(payload, ['editor'], 'Secondeditor')
  admin = await makeUser(payload, ['admin'], 'Ada')
  agencyId = (await makeAgency(payload)).id
})

afterAll(async () => {
  await payload?.delete({ collection: 'media', where: { id: { exists: true } }, context: { confirmInUse: true } }).catch(() => undefined)
  await cleanup?.()
})

describe('audit-events is append-only', () => {
  const roles = () => ({ anonymous: null, contributor, editor, admin }) as Record<string, TestUser | null>

  async function someEvent(): Promise<Event> {
    const doc = await payload.create({
      collection: 'audit-events',
      data: { action: 'sign-in', when: new Date().toISOString(), whoName: 'Original', targetTitle: 'Original' },
      overrideAccess: true,
    })
    return doc as unknown as Event
  }

  it('no role creates, updates or deletes an audit event through the local API, REST or GraphQL', async () => {
    const event = await someEvent()
    for (const [role, user] of Object.entries(roles())) {
      for (const channel of CHANNELS) {
        const api = await http.api(channel, user)
        const before = await countEvents()
        const created = await api.create('audit-events', { action: 'sign-in', when: new Date().toISOString(), whoName: `Forged by ${role}` })
        const updated = await api.update('audit-events', event.id, { whoName: `Changed by ${role}`, targetTitle: `Changed by ${role}` })
        const removed = await api.delete('audit-events', event.id)
        for (const result of [created, updated, removed]) {
          expect([role, channel, result.ok]).toEqual([role, channel, false])
          // GraphQL has no mutations for the collection at all; the other channels refuse by access.
          if (channel === 'graphql') expect((result as { message: string }).message).toMatch(/Cannot query field|Unknown type|cannot be used as an input type|not allowed/)
          else expect([role, channel, (result as { status: number }).status]).toEqual([role, channel, 403])
        }
        expect(await countEvents()).toBe(before)
      }
    }
    const after = (await payload.findByID({ collection: 'audit-events', id: event.id, overrideAccess: true })) as unknown as Event
    expect(after).toMatchObject({ whoName: 'Original', targetTitle: 'Original' })
  })

  it('no bulk update, bulk delete, duplicate or GraphQL mutation reaches it, even for an admin', async () => {
    const event = await someEvent()
    const auth = await restWith(admin)
    const cookie = await http.cookieHeader(admin)
    const before = await countEvents()
    const where = whereQuery({ id: { equals: event.id } }).join('&')
    const responses = [
      await http.rest.patch(`audit-events?${where}`, JSON.stringify({ whoName: 'Bulk' }), auth),
      await http.rest.delete(`audit-events?${where}`, auth),
      await http.rest.post(`audit-events/${event.id}/duplicate`, JSON.stringify({}), auth),
      await http.rest.post('audit-events', JSON.stringify({ action: 'sign-in', when: new Date().toISOString() }), auth),
    ]
    for (const response of responses) expect(response.status).toBeGreaterThanOrEqual(400)
    const schema = await http.graphql('{ __schema { mutationType { fields { name } } } }', {}, cookie)
    const mutations = ((schema.data?.__schema as { mutationType: { fields: { name: string }[] } }).mutationType.fields ?? []).map((f) => f.name)
    expect(mutations.filter((name) => /AuditEvent/i.test(name))).toEqual([])
    expect(await countEvents()).toBe(before)
    expect((await payload.findByID({ collection: 'audit-events', id: event.id, overrideAccess: true })) as unknown as Event).toMatchObject({ whoName: 'Original' })
    // No versions and no trash: nothing to restore an old copy from.
    const config = payload.collections['audit-events'].config
    expect(config.versions).toBeFalsy()
    expect(config.trash).toBeFalsy()
  })

  it('only admins read audit events, on every channel', async () => {
    const event = await someEvent()
    for (const [role, user] of Object.entries(roles())) {
      for (const channel of CHANNELS) {
        const api = await http.api(channel, user)
        const list = await api.find('audit-events', { id: { equals: event.id } })
        const byId = await api.findByID('audit-events', event.id)
        if (role === 'admin') {
          expect(list).toMatchObject({ ok: true, value: { docs: [{ id: event.id }] } })
          expect(byId).toMatchObject({ ok: true, value: { id: event.id } })
        } else {
          expect([role, channel, list.ok, byId.ok]).toEqual([role, channel, false, false])
        }
      }
    }
  })
})

describe('what is recorded', () => {
  it('sign-in, with who, when and the client address', async () => {
    const since = new Date()
    const response = await http.rest.post('users/login', JSON.stringify({ email: secondEditor.email, password: PASSWORD }), {
      ...json,
      'X-Forwarded-For': '203.0.113.10',
    })
    expect(response.status).toBe(200)
    const [event] = await eventsOf('sign-in', secondEditor.id)
    expect(event).toMatchObject({ clientAddress: '203.0.113.10', targetCollection: 'users', targetTitle: secondEditor.name })
    expect(idOf(event!.who)).toBe(secondEditor.id)
    expect(new Date(event!.when).getTime()).toBeGreaterThanOrEqual(since.getTime() - 1000)
  })

  it('a failed sign-in (wrong password, unknown address) and the lockout it causes', async () => {
    const target = await makeUser(payload, ['contributor'], 'LockedOut')
    const login = (email: string, password: string) =>
      http.rest.post('users/login', JSON.stringify({ email, password }), { ...json, 'X-Forwarded-For': '198.51.100.7' })
    expect((await login(target.email, 'wrong password 1')).status).toBe(401)
    const failed = await eventsOf('sign-in-failed', target.id)
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ clientAddress: '198.51.100.7', targetCollection: 'users', targetTitle: 'LockedOut' })

    expect((await login('nobody-here@test.example', 'whatever')).status).toBe(401)
    const unknown = await events({ and: [{ action: { equals: 'sign-in-failed' } }, { targetId: { exists: false } }] })
    expect(unknown.some((e) => e.detail?.email === 'nobody-here@test.example' && e.clientAddress === '198.51.100.7')).toBe(true)

    for (let i = 2; i <= 5; i++) await login(target.email, `wrong password ${i}`)
    await expectEvent('account-locked', target.id, null, { clientAddress: '198.51.100.7', targetTitle: 'LockedOut' })
    // GraphQL sign-in is recorded the same way.
    const before = (await eventsOf('sign-in-failed', target.id)).length
    await http.graphql(`mutation { loginUser(email: ${JSON.stringify(target.email)}, password: "nope") { token } }`)
    expect((await eventsOf('sign-in-failed', target.id)).length).toBe(before + 1)
  })

  // Red team on a production build: Payload's error classes are minified there, and a check of
  // `error.name === 'AuthenticationError'` / `'LockedAuth'` recorded no failure and no lockout.
  it('a failed sign-in and the lockout are recorded in the production bundle too (minified error names)', async () => {
    const restore = minifyPayloadErrorNames()
    try {
      const target = await makeUser(payload, ['contributor'], 'LockedOutMin')
      const login = (email: string, password: string) =>
        http.rest.post('users/login', JSON.stringify({ email, password }), { ...json, 'X-Forwarded-For': '198.51.100.8' })
      expect((await login(target.email, 'wrong password 1')).status).toBe(401)
      expect(await eventsOf('sign-in-failed', target.id)).toHaveLength(1)
      for (let i = 2; i <= 5; i++) await login(target.email, `wrong password ${i}`)
      await expectEvent('account-locked', target.id, null, { clientAddress: '198.51.100.8', targetTitle: 'LockedOutMin' })
      const before = await eventsOf('sign-in-failed', target.id)
      expect((await login(target.email, PASSWORD)).status).toBe(401)
      const after = await eventsOf('sign-in-failed', target.id)
      expect(after).toHaveLength(before.length + 1)
      expect(after[0]).toMatchObject({ detail: { email: target.email, reason: 'account locked' } })
    } finally {
      restore()
    }
  })

  it('password reset asked and done', async () => {
    const user = await makeUser(payload, ['contributor'], 'Forgetful')
    // As src/email/passwordReset.ts asks for it: after answering, with the asker's address in the context.
    const token = await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true, context: { auditClientAddress: '192.0.2.43' } })
    await expectEvent('password-reset-requested', user.id, null, { targetTitle: 'Forgetful', clientAddress: '192.0.2.43' })
    const response = await http.rest.post('users/reset-password', JSON.stringify({ token, password: 'a brand new passphrase here' }), {
      ...json,
      'X-Forwarded-For': '192.0.2.44',
    })
    expect(response.status).toBe(200)
    await expectEvent('password-reset', user.id, user, { clientAddress: '192.0.2.44' })
  })

  it('user created, role changed, disabled and deleted, by an admin', async () => {
    const auth = await restWith(admin, '192.0.2.1')
    const created = await http.rest.post(
      'users',
      JSON.stringify({ email: 'new-colleague@test.example', password: PASSWORD, name: 'New Colleague', roles: ['contributor'] }),
      auth,
    )
    expect(created.status).toBe(201)
    const id = ((await created.json()) as { doc: { id: string } }).doc.id
    await expectEvent('user-created', id, admin, { clientAddress: '192.0.2.1', targetCollection: 'users', targetTitle: 'New Colleague' })

    expect((await http.rest.patch(`users/${id}`, JSON.stringify({ roles: ['editor'] }), auth)).status).toBe(200)
    const role = await expectEvent('role-changed', id, admin, { targetTitle: 'New Colleague' })
    expect(role.detail).toMatchObject({ from: ['contributor'], to: ['editor'] })
    // A change that is not of the roles is not a role change.
    await http.rest.patch(`users/${id}`, JSON.stringify({ name: 'New Colleague Renamed' }), auth)
    expect(await eventsOf('role-changed', id)).toHaveLength(1)

    expect((await http.rest.delete(`users/${id}`, auth)).status).toBe(200)
    await expectEvent('user-deleted', id, admin, { targetTitle: 'New Colleague Renamed' })
  })

  it('publish, unpublish, withdraw and delete of a release', async () => {
    const id = await submittedRelease('Audited publication')
    const auth = await restWith(editor, '192.0.2.20')
    expect((await http.rest.patch(`releases/${id}`, JSON.stringify({ _status: 'published' }), auth)).status).toBe(200)
    await expectEvent('publish', id, editor, { clientAddress: '192.0.2.20', targetCollection: 'releases', targetTitle: 'Audited publication' })

    await update(id, editor, { _status: 'published', withdrawal: { withdrawn: true, explanation: 'Published in error.' } })
    const withdrawn = await expectEvent('withdraw', id, editor, { targetTitle: 'Audited publication' })
    expect(withdrawn.detail).toMatchObject({ explanation: 'Published in error.' })

    await update(id, editor, { _status: 'draft' })
    await expectEvent('unpublish', id, editor)
    // A draft save is neither a publish nor an unpublish.
    await update(id, editor, { lead: 'A new lead in a draft.' }, true)
    expect((await eventsOf('publish', id)).length + (await eventsOf('unpublish', id)).length).toBe(2)

    expect((await http.rest.delete(`releases/${id}`, await restWith(admin, '192.0.2.21'))).status).toBe(200)
    await expectEvent('delete', id, admin, { clientAddress: '192.0.2.21', targetCollection: 'releases', targetTitle: 'Audited publication' })
  })

  it('publish without review (with its reason), and the review that confirms it', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'Urgent statement')
    await update(draft.id, editor, { _status: 'published', workflow: { forcePublishReason: 'Minister asked for it at once' } })
    const forced = await expectEvent('publish-without-review', draft.id, editor, { targetTitle: 'Urgent statement' })
    expect(forced.detail).toMatchObject({ reason: 'Minister asked for it at once' })
    expect(await eventsOf('publish', draft.id)).toHaveLength(0)

    await update(draft.id, secondEditor, { _status: 'published', updateType: 'minor', workflow: { confirmForceReview: true } })
    await expectEvent('review-confirmed', draft.id, secondEditor, { targetTitle: 'Urgent statement' })
  })

  it('a scheduled publish, as the editor who scheduled it', async () => {
    const id = await submittedRelease('Scheduled statement')
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'releases', value: id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.run()
    const event = await expectEvent('scheduled-publish', id, editor, { targetTitle: 'Scheduled statement' })
    expect(event.detail).toMatchObject({ job: expect.any(String) })
  })

  it('a version restored', async () => {
    const id = await publishedRelease('Restorable')
    await update(id, editor, { title: 'Restorable, changed' }, true)
    const { docs } = await payload.findVersions({ collection: 'releases', where: { parent: { equals: id } }, sort: 'createdAt', limit: 1 })
    const response = await http.rest.post(`releases/versions/${docs[0]!.id}`, null, await restWith(editor, '192.0.2.30'))
    expect(response.status).toBe(200)
    const event = await expectEvent('version-restored', id, editor, { clientAddress: '192.0.2.30', targetCollection: 'releases' })
    expect(event.detail).toMatchObject({ version: docs[0]!.id })
  })

  it('a new file on an existing photo', async () => {
    const photo = await payload.create({ collection: 'media', data: { alt: 'Audit photo' }, file: await png('#123456'), ...as(editor) })
    await payload.update({ collection: 'media', id: photo.id, data: { alt: 'Audit photo, new alt' }, ...as(editor) })
    expect(await eventsOf('media-replaced', photo.id)).toHaveLength(0)
    await payload.update({ collection: 'media', id: photo.id, data: {}, file: await png('#654321'), ...as(editor) })
    const event = await expectEvent('media-replaced', photo.id, editor, { targetCollection: 'media' })
    expect(event.detail).toMatchObject({ from: photo.filename })
  })
})

describe('one transaction with the change', () => {
  it('a change that rolls back (a later hook throws) leaves no record', async () => {
    const id = await submittedRelease('Rolled back')
    const hooks = payload.collections.releases.config.hooks
    const failLater: CollectionAfterChangeHook = ({ context }) => {
      if (context.failForTest) throw new Error('a later hook failed')
    }
    hooks.afterChange.push(failLater)
    try {
      await expect(payload.update({ collection: 'releases', id, data: { _status: 'published' }, context: { failForTest: true }, ...as(editor) })).rejects.toThrow(
        'a later hook failed',
      )
    } finally {
      hooks.afterChange.splice(hooks.afterChange.indexOf(failLater), 1)
    }
    expect(await eventsOf('publish', id)).toHaveLength(0)
    expect((await payload.find({ collection: 'releases', where: { id: { equals: id } }, overrideAccess: false })).docs).toHaveLength(0)
  })

  it('a record that cannot be written makes the change fail', async () => {
    const id = await submittedRelease('Unrecordable')
    const hooks = payload.collections['audit-events'].config.hooks
    const refuse: CollectionBeforeChangeHook = () => {
      throw new Error('the audit log is unavailable')
    }
    hooks.beforeChange.push(refuse)
    try {
      await expect(update(id, editor, { _status: 'published' })).rejects.toThrow('the audit log is unavailable')
    } finally {
      hooks.beforeChange.splice(hooks.beforeChange.indexOf(refuse), 1)
    }
    const publicCopy = await payload.find({ collection: 'releases', where: { id: { equals: id } }, overrideAccess: false })
    expect(publicCopy.docs).toHaveLength(0)
    expect(await eventsOf('publish', id)).toHaveLength(0)
  })
})

describe('CSV export', () => {
  it('is for admins only', async () => {
    for (const user of [null, contributor, editor]) {
      const response = await http.rest.get('audit-events/export.csv', await http.authHeader(user))
      expect(response.status).toBe(403)
      expect(await response.text()).not.toContain('sign-in')
    }
  })

  it('exports what the filters select, escaped, with formulas neutralised', async () => {
    const title = '=HYPERLINK("http://evil.example","click"), "quoted"\nnext line'
    const id = await submittedRelease(title)
    await update(id, editor, { _status: 'published' })
    const response = await http.rest.get(
      `audit-events/export.csv?${whereQuery({ and: [{ action: { equals: 'publish' } }, { targetId: { equals: id } }] }).join('&')}`,
      await http.authHeader(admin),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="audit-events-.*\.csv"/)
    const text = (await response.text()).replace(/^\uFEFF/, '')
    const lines = text.trim().split('\r\n')
    expect(lines[0]).toBe('"when","action","who","who_id","client_address","collection","document_id","title","detail"')
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), ""quoted""\nnext line"`)
    expect(text).toContain(`"${id}"`)
    expect(text).toContain('"publish"')
    expect(text).not.toContain('"sign-in"')
  })

  it('refuses a malformed filter rather than exporting everything', async () => {
    const response = await http.rest.get('audit-events/export.csv?where[when][greater_than]=not-a-date', await http.authHeader(admin))
    expect(response.status).toBe(400)
  })

  it('guards every cell that a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`)
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"')
    expect(csvCell(null)).toBe('""')
    expect(csvCell({ reason: '=x' })).toBe('"{""reason"":""=x""}"')
  })
})

describe('retention', () => {
  async function eventAged(days: number) {
    return (await payload.create({
      collection: 'audit-events',
      data: { action: 'sign-in', when: new Date(Date.now() - days * 86_400_000).toISOString(), whoName: `aged ${days}` },
      overrideAccess: true,
    })) as unknown as Event
  }

  it('keeps every record when AUDIT_RETENTION_DAYS is unset', async () => {
    const old = await eventAged(4000)
    delete process.env.AUDIT_RETENTION_DAYS
    expect(await pruneAuditEvents(payload)).toBe(0)
    expect(await payload.count({ collection: 'audit-events', where: { id: { equals: old.id } }, overrideAccess: true })).toMatchObject({ totalDocs: 1 })
  })

  it('prunes records older than AUDIT_RETENTION_DAYS through the jobs queue, and records that it did', async () => {
    const old = await eventAged(40)
    const recent = await eventAged(20)
    process.env.AUDIT_RETENTION_DAYS = '30'
    try {
      await payload.jobs.queue({ task: 'pruneAuditEvents', input: {} })
      await payload.jobs.run()
    } finally {
      delete process.env.AUDIT_RETENTION_DAYS
    }
    const left = await events({ id: { in: [old.id, recent.id] } })
    expect(left.map((e) => e.id)).toEqual([recent.id])
    const [pruned] = await eventsOf('audit-pruned')
    expect(pruned?.detail).toMatchObject({ days: 30 })
    expect(Number(pruned?.detail?.removed)).toBeGreaterThanOrEqual(2) // the 40-day one and the 4000-day one
  })
})

describe('client address', () => {
  const headers = (xff?: string) => new Headers(xff ? { 'x-forwarded-for': xff } : {})

  it('is the nearest address that is not a trusted proxy (loopback by default)', () => {
    expect(clientAddress(headers('203.0.113.5'))).toBe('203.0.113.5')
    // A client's own X-Forwarded-For is not believed: nginx appends the address it saw.
    expect(clientAddress(headers('10.9.9.9, 203.0.113.5'))).toBe('203.0.113.5')
    expect(clientAddress(headers('203.0.113.5, 127.0.0.1'))).toBe('203.0.113.5')
    expect(clientAddress(headers('::ffff:203.0.113.5'))).toBe('203.0.113.5')
    expect(clientAddress(headers())).toBeNull()
  })

  it('skips the proxies named in TRUSTED_PROXY (addresses or ranges)', () => {
    expect(clientAddress(headers('203.0.113.5, 10.0.0.7'), '10.0.0.0/8')).toBe('203.0.113.5')
    expect(clientAddress(headers('203.0.113.5, 10.0.0.7'), '127.0.0.1')).toBe('10.0.0.7')
    expect(clientAddress(headers('garbage, 203.0.113.5'), '203.0.113.5')).toBeNull()
  })
})
