/**
 * Anonymous reads over REST and GraphQL, through the same Next.js route handlers the app mounts in
 * `src/app/(payload)/api/…`, called directly with a `Request` (no Next server needed).
 */
import { GRAPHQL_POST, REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { draftRelease, makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let contributor: TestUser
let editor: TestUser
let draftId: string
let publishedId: string
let updatedId: string

const DRAFT_TITLE = 'Embargoed draft: not for the public'
const PUBLISHED_TITLE = 'Published release for everyone'
const PUBLIC_WORDING = 'Public wording of an updated release'
const PENDING_WORDING = 'Pending wording not yet approved'

const BASE = 'http://localhost:3000'
// Built in beforeAll: the config may only be imported once startPayload has pointed DATABASE_URI at the test database.
let restGet: ReturnType<typeof REST_GET>
let restPost: ReturnType<typeof REST_POST>
let graphqlPost: ReturnType<typeof GRAPHQL_POST>

/** GET /api/<path> as the app's catch-all route receives it. */
async function get(path: string, headers: Record<string, string> = {}) {
  const url = new URL(`${BASE}/api/${path}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const response = await restGet(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function graphql(query: string, headers: Record<string, string> = {}) {
  const response = await graphqlPost(
    new Request(`${BASE}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    }),
  )
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] },
  }
}

const titlesOf = (body: Record<string, unknown>) => ((body.docs ?? []) as { title?: string }[]).map((d) => d.title)

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const { default: config } = await import('@payload-config')
  restGet = REST_GET(config)
  restPost = REST_POST(config)
  graphqlPost = GRAPHQL_POST(config)
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  const agencyId = (await makeAgency(payload)).id
  const as = (user: TestUser) => ({ user, overrideAccess: false as const })

  draftId = (await draftRelease(payload, contributor, agencyId, DRAFT_TITLE)).id

  const publish = async (title: string) => {
    const { id } = await draftRelease(payload, contributor, agencyId, title)
    await payload.update({ collection: 'releases', id, data: { workflow: { state: 'in_review' } }, draft: true, ...as(contributor) })
    await payload.update({ collection: 'releases', id, data: { _status: 'published' }, ...as(editor) })
    return id
  }
  publishedId = await publish(PUBLISHED_TITLE)
  updatedId = await publish(PUBLIC_WORDING)
  await payload.update({ collection: 'releases', id: updatedId, data: { title: PENDING_WORDING }, draft: true, ...as(contributor) })
})
afterAll(async () => cleanup())

describe('REST, anonymous', () => {
  it('lists the published release and not the draft', async () => {
    const { status, body } = await get('releases?limit=100')
    expect(status).toBe(200)
    expect(titlesOf(body)).toContain(PUBLISHED_TITLE)
    expect(titlesOf(body)).not.toContain(DRAFT_TITLE)
    expect(body.totalDocs).toBe(2)
  })

  it('does not list the draft, nor the pending wording of an updated release, with ?draft=true', async () => {
    const { status, body } = await get('releases?draft=true&limit=100')
    expect(status).toBe(200)
    expect(titlesOf(body)).toContain(PUBLISHED_TITLE)
    expect(titlesOf(body)).not.toContain(DRAFT_TITLE)
    // With ?draft=true Payload filters on the latest version, whose status is draft for the updated
    // release, so anonymous readers get it in neither wording (never the pending one).
    expect(titlesOf(body)).not.toContain(PENDING_WORDING)
    expect(JSON.stringify(body)).not.toContain(PENDING_WORDING)
  })

  it('lists the public wording, not the pending one, of an updated release', async () => {
    const { body } = await get('releases?limit=100')
    expect(titlesOf(body)).toContain(PUBLIC_WORDING)
    expect(JSON.stringify(body)).not.toContain(PENDING_WORDING)
  })

  it('does not find the draft by a where query on its title', async () => {
    const { status, body } = await get(`releases?where[title][equals]=${encodeURIComponent(DRAFT_TITLE)}&draft=true`)
    expect(status).toBe(200)
    expect(body.totalDocs).toBe(0)
  })

  it('gets 404 for the draft by id, with or without ?draft=true', async () => {
    for (const query of ['', '?draft=true']) {
      const { status, body } = await get(`releases/${draftId}${query}`)
      expect(status).toBe(404)
      expect(JSON.stringify(body)).not.toContain(DRAFT_TITLE)
    }
  })

  it('gets the published release by id, in its public wording', async () => {
    expect(await get(`releases/${publishedId}`)).toMatchObject({ status: 200, body: { id: publishedId, title: PUBLISHED_TITLE } })
    for (const query of ['', '?draft=true']) {
      expect(await get(`releases/${updatedId}${query}`)).toMatchObject({ status: 200, body: { title: PUBLIC_WORDING } })
    }
  })

  it('is refused the version history, as a list and by id', async () => {
    const list = await get('releases/versions')
    expect(list.status).toBe(403)
    expect(JSON.stringify(list.body)).toMatch(/You are not allowed to perform this action\./)
    expect(JSON.stringify(list.body)).not.toContain(DRAFT_TITLE)
    expect(JSON.stringify(list.body)).not.toContain(PENDING_WORDING)

    const { docs } = await payload.findVersions({ collection: 'releases', where: { parent: { equals: draftId } } })
    expect(docs.length).toBeGreaterThan(0)
    const byId = await get(`releases/versions/${docs[0]!.id}`)
    expect(byId.status).toBe(403)
    expect(JSON.stringify(byId.body)).not.toContain(DRAFT_TITLE)
  })

  it('is refused the users list', async () => {
    const { status, body } = await get('users')
    expect(status).toBe(403)
    expect(JSON.stringify(body)).not.toContain('@test.example')
  })

  it('still lets staff see the draft (the route really serves data)', async () => {
    const login = await restPost(
      new Request(`${BASE}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: contributor.email, password: 'correct horse battery staple' }),
      }),
      { params: Promise.resolve({ slug: ['users', 'login'] }) },
    )
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const auth = { Authorization: `JWT ${token}` }
    expect(await get(`releases/${draftId}`, auth)).toMatchObject({ status: 200, body: { title: DRAFT_TITLE } })
    expect(titlesOf((await get('releases?draft=true&limit=100', auth)).body)).toContain(DRAFT_TITLE)
    expect((await graphql(`{ Release(id: "${draftId}") { title } }`, auth)).body.data?.Release).toEqual({ title: DRAFT_TITLE })
  })
})

describe('GraphQL, anonymous', () => {
  it('lists the published release and not the draft', async () => {
    const { status, body } = await graphql('{ Releases(limit: 100) { totalDocs docs { id title } } }')
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    const releases = body.data?.Releases as { totalDocs: number; docs: { id: string; title: string }[] }
    expect(releases.docs.map((d) => d.title).sort()).toEqual([PUBLIC_WORDING, PUBLISHED_TITLE].sort())
    expect(releases.totalDocs).toBe(2)
  })

  it('does not list the draft with draft: true', async () => {
    const { body } = await graphql('{ Releases(draft: true, limit: 100) { docs { id title } } }')
    const titles = (body.data?.Releases as { docs: { title: string }[] }).docs.map((d) => d.title)
    expect(titles).not.toContain(DRAFT_TITLE)
    expect(titles).not.toContain(PENDING_WORDING)
  })

  it('gets null and an error for the draft by id', async () => {
    for (const args of [`id: "${draftId}"`, `id: "${draftId}", draft: true`]) {
      const { body } = await graphql(`{ Release(${args}) { title } }`)
      expect(body.data?.Release ?? null).toBeNull()
      expect(body.errors?.map((e) => e.message)).toEqual(['Not Found'])
      expect(JSON.stringify(body)).not.toContain(DRAFT_TITLE)
    }
  })

  it('gets the published release by id', async () => {
    const { body } = await graphql(`{ Release(id: "${publishedId}") { id title } }`)
    expect(body.errors).toBeUndefined()
    expect(body.data?.Release).toEqual({ id: publishedId, title: PUBLISHED_TITLE })
  })

  it('is refused the version history', async () => {
    const { body } = await graphql('{ versionsReleases { docs { id version { title } } } }')
    expect(body.data?.versionsReleases ?? null).toBeNull()
    expect(body.errors?.map((e) => e.message)).toEqual(['You are not allowed to perform this action.'])
    expect(JSON.stringify(body)).not.toContain(DRAFT_TITLE)
  })
})
