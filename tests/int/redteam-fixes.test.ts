/**
 * Findings of a red-team pass against a production build, each tried through the ways in the app
 * mounts (its own REST and GraphQL routes, with the checks before Payload), and the local API.
 *
 * A. GraphQL paging is checked for the operation that actually runs (`operationName`), with its own
 *    variables and defaults and the fragments it spreads: never a list of everything.
 * B. A version restore is a draft on every way in (GraphQL, the local API's restore operation), for
 *    releases, agencies, officials and galleries: restoring a published version never publishes it.
 * C. A document lock's timestamps are the server's: a client cannot date a lock into the future (a
 *    lock that never expires) on create, update, bulk update or GraphQL.
 */
import { createLocalReq, restoreVersionOperation, type CollectionSlug, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clients, type Clients } from './helpers/channels'
import { makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let contributor: TestUser
let editor: TestUser
let agencyId: string
let counter = 0

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let graphqlRoute: (request: Request) => Promise<Response>
let restRoutes: Record<'GET' | 'POST' | 'PATCH', Handler>

const BASE = 'http://localhost:3000'

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  graphqlRoute = (await import('@/app/(payload)/api/graphql/route')).POST as typeof graphqlRoute
  const rest = await import('@/app/(payload)/api/[...slug]/route')
  restRoutes = { GET: rest.GET, POST: rest.POST, PATCH: rest.PATCH } as typeof restRoutes
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  agencyId = String((await makeAgency(payload)).id)
  // More published agencies than a default page holds, so "everything" shows.
  for (let i = 0; i < 12; i++) await makeAgency(payload, `Published agency ${i}`)
})
afterAll(async () => cleanup?.())

/** A request through the app's own GraphQL route (the checks in src/api/graphql.ts, then Payload). */
async function graphqlAsApp(body: unknown, headers: Record<string, string> = {}) {
  const response = await graphqlRoute(
    new Request(`${BASE}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }),
  )
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { message: string }[] } }
}

/** A request through the app's own REST route (src/api/requestChecks.ts, then Payload). */
async function restAsApp(method: 'GET' | 'POST' | 'PATCH', path: string, body: unknown, headers: Record<string, string>) {
  const url = new URL(`${BASE}/api/${path}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) } }
  if (body !== undefined) init.body = JSON.stringify(body)
  const response = await restRoutes[method](new Request(url, init), { params: Promise.resolve({ slug }) })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

// ---------------------------------------------------------------------------------------------------
// A. GraphQL paging, for the operation that runs
// ---------------------------------------------------------------------------------------------------

describe('A: GraphQL paging is checked for the operation that runs', () => {
  const refusedPaging = (answer: Awaited<ReturnType<typeof graphqlAsApp>>, what: RegExp) => {
    expect(answer.status, answer.text.slice(0, 400)).toBe(400)
    expect(answer.body.errors?.[0]?.message ?? '').toMatch(what)
    expect(answer.body.data ?? null).toBeNull()
  }

  it('limit: 0 as the default of the operation run, another operation giving the same variable 5', async () => {
    refusedPaging(
      await graphqlAsApp({
        query: 'query A($l: Int = 0){ Agencies(limit:$l){ totalDocs limit docs{id} } } query B($l: Int = 5){ Agencies(limit:$l){ totalDocs } }',
        operationName: 'A',
      }),
      /limit/,
    )
  })

  it('pagination: false as the default of the operation run, another operation giving true', async () => {
    refusedPaging(
      await graphqlAsApp({
        query: 'query Q($p:Boolean = false){ Agencies(pagination:$p){ totalDocs limit } } query B($p:Boolean = true){ Agencies(pagination:$p){ totalDocs } }',
        operationName: 'Q',
      }),
      /pagination/,
    )
  })

  it('limit: 0 through a fragment the operation spreads, the default taken from the operation run', async () => {
    refusedPaging(
      await graphqlAsApp({
        query: 'query A($l: Int = 0){ ...F } query B($l: Int = 5){ ...F } fragment F on Query { Agencies(limit:$l){ totalDocs limit docs{id} } }',
        operationName: 'A',
      }),
      /limit/,
    )
  })

  it('variables named like Object.prototype members (constructor, toString) are read from the request only', async () => {
    for (const name of ['constructor', 'toString', 'valueOf', '__proto__']) {
      refusedPaging(await graphqlAsApp({ query: `query($${name}: Int = 0){ Agencies(limit:$${name}){ totalDocs limit docs{id} } }` }), /limit/)
    }
    refusedPaging(await graphqlAsApp({ query: 'query($hasOwnProperty: Boolean = false){ Agencies(pagination:$hasOwnProperty){ totalDocs limit } }' }), /pagination/)
  })

  it('pagination: null (Payload reads it as "no pages": every document) is refused, literal or from a variable', async () => {
    refusedPaging(await graphqlAsApp({ query: '{ Agencies(pagination: null){ totalDocs limit docs{id} } }' }), /pagination/)
    refusedPaging(await graphqlAsApp({ query: 'query($p: Boolean){ Agencies(pagination:$p){ totalDocs limit } }', variables: { p: null } }), /pagination/)
    refusedPaging(await graphqlAsApp({ query: 'query($p: Boolean = null){ Agencies(pagination:$p){ totalDocs limit } }' }), /pagination/)
  })

  it('a document too long for the check (over 50 000 tokens) is refused, not run unchecked', async () => {
    const padding = Array.from({ length: 60_000 }, () => '"a"').join(' ')
    const answer = await graphqlAsApp({
      query: `query A { Agencies(limit: 0){ totalDocs limit docs{id} } } query B { Agencies(where: { id: { in: [${padding}] } }){ totalDocs } }`,
      operationName: 'A',
    })
    expect(answer.status, answer.text.slice(0, 400)).toBe(400)
    expect(answer.body.errors?.[0]?.message ?? '').toMatch(/tokens|long/i)
  })

  it('still answers: the operation run asks for a page; an operation not run may say anything', async () => {
    const answer = await graphqlAsApp({
      query: 'query A($l: Int = 5){ Agencies(limit:$l){ totalDocs limit docs{id} } } query B($l: Int = 0){ Agencies(limit:$l){ totalDocs } }',
      operationName: 'A',
    })
    expect(answer.status, answer.text.slice(0, 400)).toBe(200)
    const list = answer.body.data?.Agencies as { totalDocs: number; limit: number; docs: unknown[] }
    expect(list.limit).toBe(5)
    expect(list.docs).toHaveLength(5)
    expect(list.totalDocs).toBeGreaterThan(5)
    // A variable given in the request wins over the default, as GraphQL reads it.
    const given = await graphqlAsApp({ query: 'query($l: Int = 0){ Agencies(limit:$l){ limit } }', variables: { l: 3 } })
    expect(given.status, given.text.slice(0, 400)).toBe(200)
    expect((given.body.data?.Agencies as { limit: number }).limit).toBe(3)
  })
})

// ---------------------------------------------------------------------------------------------------
// B. Every restore is a draft
// ---------------------------------------------------------------------------------------------------

type Editorial = 'agencies' | 'officials' | 'galleries'
const EDITORIAL: Editorial[] = ['agencies', 'officials', 'galleries']
const TYPE: Record<Editorial | 'releases', string> = { agencies: 'Agency', officials: 'Official', galleries: 'Gallery', releases: 'Release' }
const titleOf = (collection: Editorial) => (collection === 'galleries' ? 'title' : 'name')
const RESTORE_AS_DRAFT = /Restore it as a draft, then publish it/

/** Published as "<label> first", then published again as "<label> second" by an editor: the first published version's id. */
async function documentWithTwoPublishedVersions(collection: Editorial, label: string) {
  const field = titleOf(collection)
  const extra = collection === 'agencies' ? { kind: 'ministry' } : {}
  const doc = await payload.create({ collection, data: { [field]: `${label} first`, ...extra, _status: 'published' } as never })
  await payload.update({ collection, id: doc.id, data: { [field]: `${label} second`, _status: 'published' } as never, user: editor, overrideAccess: false })
  const { docs } = await payload.findVersions({ collection, where: { parent: { equals: doc.id } }, depth: 0, limit: 50, overrideAccess: true })
  const first = docs.find((v) => v.version._status === 'published' && (v.version as unknown as Record<string, unknown>)[field] === `${label} first`)
  if (!first) throw new Error(`no first published version of ${collection} ${doc.id}`)
  return { id: String(doc.id), firstVersion: String(first.id) }
}

const publicTitle = async (collection: Editorial, id: string) => {
  const { docs } = await payload.find({ collection, where: { id: { equals: id } }, overrideAccess: false, depth: 0 })
  return ((docs[0] as unknown as Record<string, unknown> | undefined)?.[titleOf(collection)] as string | undefined) ?? null
}
const latestDraftTitle = async (collection: Editorial, id: string) =>
  ((await payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>)[titleOf(collection)]

describe('B: a version restore is a draft on every way in', () => {
  for (const collection of EDITORIAL) {
    it(`${collection}, GraphQL: restoring a published version without draft (or draft: false) is refused; the public copy stays`, async () => {
      counter += 1
      const { id, firstVersion } = await documentWithTwoPublishedVersions(collection, `GraphQL ${collection} ${counter}`)
      const cookie = await http.cookieHeader(editor)
      for (const args of ['', ', draft: false']) {
        const body = await http.graphql(`mutation ($id: String!) { restoreVersion${TYPE[collection]}(id: $id${args}) { id _status } }`, { id: firstVersion }, cookie)
        expect(body.errors?.[0]?.message ?? '', JSON.stringify(body)).toMatch(RESTORE_AS_DRAFT)
        expect(await publicTitle(collection, id)).toBe(`GraphQL ${collection} ${counter} second`)
      }
      // As a draft it works: the old text is the latest draft, the public copy is as it was.
      const body = await http.graphql(`mutation ($id: String!) { restoreVersion${TYPE[collection]}(id: $id, draft: true) { id _status } }`, { id: firstVersion }, cookie)
      expect(body.errors, JSON.stringify(body)).toBeUndefined()
      expect((body.data?.[`restoreVersion${TYPE[collection]}`] as { _status: string })._status).toBe('draft')
      expect(await latestDraftTitle(collection, id)).toBe(`GraphQL ${collection} ${counter} first`)
      expect(await publicTitle(collection, id)).toBe(`GraphQL ${collection} ${counter} second`)
    })

    it(`${collection}, local API: restoreVersionOperation and restoreVersion without draft are refused; the public copy stays`, async () => {
      counter += 1
      const { id, firstVersion } = await documentWithTwoPublishedVersions(collection, `Local ${collection} ${counter}`)
      const req = await createLocalReq({ user: editor }, payload)
      await expect(
        restoreVersionOperation({ id: firstVersion, collection: payload.collections[collection], overrideAccess: false, req }),
      ).rejects.toThrow(RESTORE_AS_DRAFT)
      await expect(
        restoreVersionOperation({ id: firstVersion, collection: payload.collections[collection], draft: false, overrideAccess: false, req: await createLocalReq({ user: editor }, payload) }),
      ).rejects.toThrow(RESTORE_AS_DRAFT)
      await expect(payload.restoreVersion({ collection, id: firstVersion, user: editor, overrideAccess: false })).rejects.toThrow(RESTORE_AS_DRAFT)
      // Trusted code (no user, access off) does not publish by restore either.
      await expect(payload.restoreVersion({ collection, id: firstVersion })).rejects.toThrow(RESTORE_AS_DRAFT)
      expect(await publicTitle(collection, id)).toBe(`Local ${collection} ${counter} second`)
      const restored = await restoreVersionOperation({
        id: firstVersion,
        collection: payload.collections[collection],
        draft: true,
        overrideAccess: false,
        req: await createLocalReq({ user: editor }, payload),
      })
      expect(restored._status).toBe('draft')
      expect(await latestDraftTitle(collection, id)).toBe(`Local ${collection} ${counter} first`)
      expect(await publicTitle(collection, id)).toBe(`Local ${collection} ${counter} second`)
    })
  }

  it('releases, GraphQL: restoring a published version without draft is refused with the same words', async () => {
    const release = await payload.create({
      collection: 'releases',
      data: { title: 'Release first wording', type: 'press-release', leadAgency: agencyId, _status: 'published' } as never,
    })
    await payload.update({ collection: 'releases', id: release.id, data: { title: 'Release second wording', _status: 'published' } as never })
    const { docs } = await payload.findVersions({ collection: 'releases', where: { parent: { equals: release.id } }, depth: 0, overrideAccess: true })
    const first = docs.find((v) => v.version._status === 'published' && v.version.title === 'Release first wording')!
    const body = await http.graphql('mutation ($id: String!) { restoreVersionRelease(id: $id) { id _status } }', { id: first.id }, await http.cookieHeader(editor))
    expect(body.errors?.[0]?.message ?? '', JSON.stringify(body)).toMatch(RESTORE_AS_DRAFT)
    const { docs: publicDocs } = await payload.find({ collection: 'releases', where: { id: { equals: release.id } }, overrideAccess: false })
    expect(publicDocs[0]?.title).toBe('Release second wording')
  })
})

// ---------------------------------------------------------------------------------------------------
// C. Lock timestamps are the server's
// ---------------------------------------------------------------------------------------------------

const LOCKS = 'payload-locked-documents' as CollectionSlug
const FUTURE = '2099-01-01T00:00:00.000Z'
const PAST = '2000-01-01T00:00:00.000Z'
type StoredLock = { id: string; createdAt: string; updatedAt: string }
const storedLock = async (id: string) => (await payload.findByID({ collection: LOCKS, id, depth: 0, overrideAccess: true })) as unknown as StoredLock

/** Both timestamps within a minute of the server's clock. */
function datedByServer(lock: StoredLock, label: string) {
  for (const field of ['createdAt', 'updatedAt'] as const) {
    expect(Math.abs(Date.parse(lock[field]) - Date.now()), `${label}: ${field} ${lock[field]}`).toBeLessThan(60_000)
  }
}

async function agencyToLock(): Promise<string> {
  counter += 1
  return String((await makeAgency(payload, `Locked agency ${counter}`)).id)
}

const locksOn = async (agency: string) =>
  (
    await payload.find({
      collection: LOCKS,
      where: { and: [{ 'document.relationTo': { equals: 'agencies' } }, { 'document.value': { equals: agency } }] },
      depth: 0,
      overrideAccess: true,
    })
  ).docs as unknown as StoredLock[]

describe('C: a lock is dated by the server', () => {
  it('REST create with updatedAt/createdAt in 2099, as a contributor: stored with the server time', async () => {
    const agency = await agencyToLock()
    const created = await restAsApp(
      'POST',
      `${LOCKS}?depth=0`,
      { document: { relationTo: 'agencies', value: agency }, updatedAt: FUTURE, createdAt: FUTURE },
      await http.authHeader(contributor),
    )
    const locks = await locksOn(agency)
    // Refused, or stored with the server's time: never dated by the client.
    if (created.status < 300) expect(locks).toHaveLength(1)
    for (const lock of locks) datedByServer(lock, 'REST create')
  })

  it('REST update of an own lock with a future updatedAt and a past createdAt: the server keeps its own', async () => {
    const agency = await agencyToLock()
    const own = (await payload.create({ collection: LOCKS, data: { document: { relationTo: 'agencies', value: agency } } as never, user: contributor, overrideAccess: false })) as unknown as StoredLock
    datedByServer(await storedLock(own.id), 'own lock')
    const createdAt = (await storedLock(own.id)).createdAt
    await restAsApp('PATCH', `${LOCKS}/${own.id}?depth=0`, { updatedAt: FUTURE, createdAt: PAST }, await http.authHeader(contributor))
    const after = await storedLock(own.id)
    datedByServer(after, 'REST update')
    expect(after.createdAt).toBe(createdAt)
    // In bulk.
    await restAsApp('PATCH', `${LOCKS}?where[id][equals]=${own.id}&depth=0`, { updatedAt: FUTURE, createdAt: FUTURE }, await http.authHeader(contributor))
    const bulk = await storedLock(own.id)
    datedByServer(bulk, 'REST bulk update')
    expect(bulk.createdAt).toBe(createdAt)
    // Duplicated, with a future date in the body: a new lock, dated now.
    await restAsApp('POST', `${LOCKS}/${own.id}/duplicate?depth=0`, { updatedAt: FUTURE, createdAt: FUTURE }, await http.authHeader(contributor))
    for (const lock of await locksOn(agency)) datedByServer(lock, 'REST duplicate')
  })

  it('GraphQL create and update, and the local API: the client cannot date a lock', async () => {
    const agency = await agencyToLock()
    const cookie = await http.cookieHeader(contributor)
    const created = await http.graphql(
      'mutation ($data: mutationPayloadLockedDocumentInput!) { createPayloadLockedDocument(data: $data) { id } }',
      { data: { document: { relationTo: 'agencies', value: agency }, updatedAt: FUTURE, createdAt: FUTURE } },
      cookie,
    )
    for (const lock of await locksOn(agency)) datedByServer(lock, 'GraphQL create')
    const id = (created.data?.createPayloadLockedDocument as { id?: string } | null)?.id
    if (id) {
      const createdAt = (await storedLock(id)).createdAt
      await http.graphql(
        'mutation ($id: String!, $data: mutationPayloadLockedDocumentUpdateInput!) { updatePayloadLockedDocument(id: $id, data: $data) { id } }',
        { id, data: { updatedAt: FUTURE, createdAt: PAST } },
        cookie,
      )
      datedByServer(await storedLock(id), 'GraphQL update')
      expect((await storedLock(id)).createdAt).toBe(createdAt)
    }
    const other = await agencyToLock()
    await payload
      .create({ collection: LOCKS, data: { document: { relationTo: 'agencies', value: other }, updatedAt: FUTURE, createdAt: FUTURE } as never, user: contributor, overrideAccess: false })
      .catch(() => undefined)
    for (const lock of await locksOn(other)) datedByServer(lock, 'local create')
  })

  it("a contributor's lock dated in 2099 is stored as of now, so it expires with the lock duration", async () => {
    const agency = await agencyToLock()
    await restAsApp(
      'POST',
      `${LOCKS}?depth=0`,
      { document: { relationTo: 'agencies', value: agency }, updatedAt: FUTURE },
      await http.authHeader(contributor),
    )
    // Every lock on the agency is dated now, so it expires with the collection's lock duration.
    const locks = await locksOn(agency)
    for (const lock of locks) expect(Date.parse(lock.updatedAt)).toBeLessThanOrEqual(Date.now())
  })
})
