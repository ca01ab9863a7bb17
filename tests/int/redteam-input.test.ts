/**
 * Bad input always answers 4xx with a sentence, never a 500, and the query checks see every query
 * Payload acts on (issue 21, classes 6 and 9). Findings of a red-team pass against a production
 * build, each sent through the route handlers the app mounts (the checks in src/api/, then Payload):
 *
 * M1. A method-override POST (`X-HTTP-Method-Override: GET` or `X-Payload-HTTP-Method-Override: GET`)
 *     is checked as the read it becomes: Payload pasted a JSON body's `locale` into the URL unescaped
 *     (`az&limit=0&pagination=false` returned every document), and the checks never saw it.
 * M2. `where` on `all`, paths inside rich text, email verification, GraphQL `Access`, the jobs'
 *     schedule endpoint and a missing preference answered 500.
 * Fuzz: every where operator on a field of every type of every collection, REST and GraphQL.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let editor: TestUser
let admin: TestUser
const tokens = new Map<string, string>()

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let routes: Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>
let graphqlRoute: (request: Request) => Promise<Response>

const BASE = 'http://localhost:3000'
const PASSWORD = 'correct horse battery staple'

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const rest = await import('@/app/(payload)/api/[...slug]/route')
  routes = { GET: rest.GET, POST: rest.POST, PATCH: rest.PATCH, DELETE: rest.DELETE } as typeof routes
  graphqlRoute = (await import('@/app/(payload)/api/graphql/route')).POST as typeof graphqlRoute
  editor = await makeUser(payload, ['editor'])
  admin = await makeUser(payload, ['admin'])
  for (const user of [editor, admin]) tokens.set(user.id, (await payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })).token!)
  // More published agencies than a page of 100 would show.
  for (let i = 0; i < 3; i++) await makeAgency(payload, `Agency ${i}`)
})
afterAll(async () => cleanup?.())

const auth = (user: TestUser | null): Record<string, string> => (user ? { Authorization: `JWT ${tokens.get(user.id)}` } : {})

interface Answer {
  status: number
  text: string
  message: string
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text()
  let message = ''
  try {
    const body = JSON.parse(text) as { errors?: { message?: string }[]; message?: string }
    message = body.errors?.[0]?.message ?? body.message ?? ''
  } catch {
    message = text
  }
  return { status: response.status, text, message }
}

async function rest(method: keyof typeof routes, path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}): Promise<Answer> {
  const url = new URL(`${BASE}/api/${path}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
  return answer(await routes[method](new Request(url, { method, headers: init.headers, body: init.body }), { params: Promise.resolve({ slug }) }))
}

/** A GraphQL answer as a status: a refused request (no `data`) is a 400; an error while running carries its own. */
async function graphql(query: string, user: TestUser | null = null): Promise<Answer> {
  const response = await graphqlRoute(
    new Request(`${BASE}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth(user) }, body: JSON.stringify({ query }) }),
  )
  const result = await answer(response)
  if (result.status !== 200) return result
  const body = JSON.parse(result.text) as { data?: unknown; errors?: { message: string; extensions?: { statusCode?: number } }[] }
  if (!body.errors?.length) return result
  if (!('data' in body)) return { ...result, status: 400, message: body.errors[0]!.message }
  return { ...result, status: Math.max(...body.errors.map((e) => e.extensions?.statusCode ?? 500)), message: body.errors[0]!.message }
}

/** A refusal: 4xx, a sentence, not Payload's generic words for a failure. */
function refused(result: Answer, what?: RegExp) {
  const shown = `${result.status} ${result.text.slice(0, 300)}`
  expect(result.status, shown).toBeGreaterThanOrEqual(400)
  expect(result.status, shown).toBeLessThan(500)
  expect(result.message, shown).toMatch(/\w+ \w+/)
  expect(result.message, shown).not.toMatch(/Something went wrong|unknown error/i)
  if (what) expect(result.message, shown).toMatch(what)
}

// ---------------------------------------------------------------------------------------------------
// M1. Method override
// ---------------------------------------------------------------------------------------------------

describe('M1: a method-override POST is checked as the read it becomes', () => {
  const json = (header: string) => ({ [header]: 'GET', 'Content-Type': 'application/json' })

  for (const header of ['X-HTTP-Method-Override', 'X-Payload-HTTP-Method-Override']) {
    it(`${header} with a JSON locale carrying a where that is not JSON: 400, not 500`, async () => {
      refused(await rest('POST', 'releases', { headers: json(header), body: JSON.stringify({ locale: 'az&where=notjson' }) }))
    })

    it(`${header} with a JSON locale carrying limit=0&pagination=false: refused, not every document`, async () => {
      refused(await rest('POST', 'agencies', { headers: json(header), body: JSON.stringify({ locale: 'az&limit=0&pagination=false&depth=10' }) }))
      refused(await rest('POST', 'media', { headers: json(header), body: JSON.stringify({ locale: 'az&limit=0&pagination=false&depth=10' }) }))
    })

    it(`${header} with the paging in the URL (JSON, charset or no content type): checked as a read`, async () => {
      for (const type of ['application/json', 'application/json; charset=utf-8', 'text/plain', null]) {
        const headers: Record<string, string> = { [header]: 'GET', ...(type ? { 'Content-Type': type } : {}) }
        refused(await rest('POST', 'agencies?limit=0&pagination=false', { headers, body: type ? '{}' : undefined }), /limit|pagination|query|body/i)
      }
    })

    it(`${header} with a form body and paging hidden in the URL: refused`, async () => {
      // Payload joins them as `<url>?<body>`: the URL's last value swallows the body's "?".
      const headers = { [header]: 'GET', 'Content-Type': 'application/x-www-form-urlencoded' }
      refused(await rest('POST', 'agencies?pagination=false&limit=0&z=', { headers, body: 'depth=0' }))
      refused(await rest('POST', 'agencies', { headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }, body: 'limit=0&pagination=false' }), /limit|pagination/)
    })
  }

  it('an override body that is not an object of plain values is refused', async () => {
    const headers = json('X-Payload-HTTP-Method-Override')
    for (const body of [{ locale: ['az', 'en'] }, { locale: { az: 1 } }, { fallbackLocale: 'en&limit=0' }, { locale: 'xx' }]) {
      refused(await rest('POST', 'agencies', { headers, body: JSON.stringify(body) }))
    }
  })

  it('still answers what Payload and its admin send: a form query, a JSON locale', async () => {
    const form = await rest('POST', 'agencies', {
      headers: { ...auth(editor), 'X-Payload-HTTP-Method-Override': 'GET', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'limit=2&depth=0&where[name][like]=Agency',
    })
    expect(form.status, form.text.slice(0, 300)).toBe(200)
    expect((JSON.parse(form.text) as { docs: unknown[]; limit: number }).limit).toBe(2)
    const localized = await rest('POST', 'agencies?limit=2', { headers: json('X-HTTP-Method-Override'), body: JSON.stringify({ locale: 'en' }) })
    expect(localized.status, localized.text.slice(0, 300)).toBe(200)
    expect((JSON.parse(localized.text) as { limit: number }).limit).toBe(2)
  })
})

// ---------------------------------------------------------------------------------------------------
// M2. Answers that were 500
// ---------------------------------------------------------------------------------------------------

describe('M2: bad input that answered 500 is a 4xx with a sentence', () => {
  it('where … [all] on list fields (relationship and upload hasMany), REST and /count', async () => {
    for (const path of [
      'releases?where[supportingAgencies][all]=x',
      'releases?where[officials][all][0]=a&where[officials][all][1]=b',
      'galleries?where[photos][all]=x',
      'releases/count?where[supportingAgencies][all]=x',
      'users?where[roles][all]=admin',
    ]) {
      refused(await rest('GET', path, { headers: path.startsWith('users') ? auth(admin) : {} }), /all/)
    }
  })

  it('where … all in GraphQL', async () => {
    refused(await graphql('{ Releases(where: { supportingAgencies: { all: ["a"] } }) { docs { id } } }'), /all/)
    refused(await graphql('{ Galleries(where: { photos: { all: ["a"] } }) { docs { id } } }'), /all/)
  })

  it('paths inside rich text (body.*, biography.*)', async () => {
    for (const path of [
      'releases?where[body.root][exists]=true',
      'releases?where[body.root.children.text][like]=x',
      'releases/count?where[body.root.type][equals]=root',
      'officials?where[biography.root][exists]=true',
      'releases?where[or][0][body.x][equals]=1',
    ]) {
      refused(await rest('GET', path), /rich text|body|biography/i)
    }
  })

  it('email verification, which is not enabled: REST and GraphQL', async () => {
    refused(await rest('POST', 'users/verify/abc'))
    refused(await graphql('mutation { verifyEmailUser(token: "abc") }'))
  })

  it('GraphQL Access answers in its own shape, anonymous and signed in (never a 500)', async () => {
    const query = '{ Access { canAccessAdmin releases { create { permission } read { permission } fields { title { update { permission } } } } } }'
    const expected = (staff: boolean) => ({
      canAccessAdmin: staff,
      releases: { create: { permission: staff }, read: { permission: true }, fields: { title: { update: { permission: staff } } } },
    })
    for (const [user, staff] of [[null, false], [editor, true]] as const) {
      const result = await graphql(query, user)
      expect(result.status, result.text.slice(0, 300)).toBe(200)
      expect((JSON.parse(result.text) as { data: { Access: unknown } }).data.Access).toEqual(expected(staff))
    }
  })

  it('the jobs schedule endpoint, for staff', async () => {
    refused(await rest('GET', 'payload-jobs/handle-schedules', { headers: auth(editor) }))
  })

  it('deleting a preference that does not exist, for staff', async () => {
    refused(await rest('DELETE', 'payload-preferences/no-such-key', { headers: auth(editor) }))
  })
})

// ---------------------------------------------------------------------------------------------------
// Fuzz: every where operator on a field of each type, each collection, REST and GraphQL
// ---------------------------------------------------------------------------------------------------

const OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'not_like', 'contains', 'near', 'within', 'intersects']
/** Values as qs writes them after `where[path][operator]`. */
const REST_VALUES = ['=x', '=1', '=true', '=2025-01-31', '=', '[0]=a&W[1]=b', '[a]=1', '[a][b]=1']
const GRAPHQL_VALUES = ['"x"', '1', 'true', '"2025-01-31"', '["a", "b"]', 'null', '{ a: 1 }']

type Flat = { name: string; type: string; hasMany?: boolean; fields?: Flat[]; flattenedFields?: Flat[] }

/** One path per field type (and hasMany), through groups and arrays: `source.originalUrl`, `contacts.email`… */
function samplePaths(fields: Flat[], prefix = '', seen = new Set<string>()): string[] {
  const paths: string[] = []
  for (const field of fields) {
    const path = `${prefix}${field.name}`
    const children = field.flattenedFields ?? field.fields
    if ((field.type === 'group' || field.type === 'array' || field.type === 'tab') && children) {
      paths.push(...samplePaths(children, `${path}.`, seen))
      continue
    }
    const kind = `${field.type}${field.hasMany ? '[]' : ''}`
    if (seen.has(kind) && !prefix) continue
    seen.add(kind)
    paths.push(path)
  }
  return paths
}

const GRAPHQL_LIST: Record<string, string> = { releases: 'Releases', officials: 'Officials', agencies: 'Agencies', galleries: 'Galleries', media: 'allMedia', users: 'Users', 'removed-releases': 'RemovedReleases', 'audit-events': 'AuditEvents' }

describe('fuzz: where operators × field types never answer 500', () => {
  it('REST, every collection, as an admin and anonymous', async () => {
    const failures: string[] = []
    for (const collection of payload.config.collections) {
      const paths = [...samplePaths(collection.flattenedFields as unknown as Flat[]), 'id', 'createdAt', ...(collection.versions ? ['_status'] : [])]
      for (const user of [admin, null]) {
        for (const path of paths) {
          for (const operator of OPERATORS) {
            for (const value of REST_VALUES) {
              const query = `where[${path}][${operator}]${value.replace('&W', `&where[${path}][${operator}]`)}`
              const result = await rest('GET', `${collection.slug}?limit=5&depth=0&${query}`, { headers: auth(user) })
              if (result.status >= 500 || (result.status >= 400 && !/\w+ \w+/.test(result.message))) failures.push(`${user ? 'admin' : 'anonymous'} ${collection.slug}?${query} → ${result.status} ${result.message.slice(0, 80)}`)
            }
          }
        }
      }
    }
    expect(failures).toEqual([])
  }, 600_000)

  it('GraphQL, every collection, as an admin', async () => {
    const failures: string[] = []
    for (const [slug, list] of Object.entries(GRAPHQL_LIST)) {
      const collection = payload.collections[slug as 'releases'].config
      const paths = samplePaths(collection.flattenedFields as unknown as Flat[]).filter((p) => !p.includes('.'))
      for (const path of [...paths, 'id']) {
        for (const operator of OPERATORS) {
          for (const value of GRAPHQL_VALUES) {
            const query = `{ ${list}(where: { ${path}: { ${operator}: ${value} } }, limit: 5) { totalDocs } }`
            const result = await graphql(query, admin)
            if (result.status >= 500) failures.push(`${query} → ${result.status} ${result.message.slice(0, 80)}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
  }, 600_000)
})
