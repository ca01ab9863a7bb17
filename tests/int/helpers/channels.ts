/**
 * One interface over the three ways a client reaches the data: the local API with access control on
 * (`overrideAccess: false`), REST and GraphQL. REST and GraphQL go through the route handlers the app
 * mounts in `src/app/(payload)/api/…`, called with a `Request` (no Next server), signed in with a real
 * login: REST with the `Authorization: JWT …` header, GraphQL with the `payload-token` cookie the admin uses.
 * Every call resolves to a Result, so a test compares refusals across channels the same way.
 */
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload, SanitizedConfig, Where } from 'payload'

import type { TestUser } from './payload'

export const CHANNELS = ['local', 'rest', 'graphql'] as const
export type Channel = (typeof CHANNELS)[number]

export type Doc = { id: string; _status?: string | null; [key: string]: unknown }
export type List = { docs: Doc[]; totalDocs: number }
export type Result<T> = { ok: true; value: T } | { ok: false; status: number; message: string }

export interface Upload {
  data: Buffer
  mimetype: string
  name: string
  size: number
}

export interface Api {
  create(collection: string, data: Record<string, unknown>, opts?: { draft?: boolean; file?: Upload }): Promise<Result<Doc>>
  findByID(collection: string, id: string, opts?: { draft?: boolean }): Promise<Result<Doc>>
  find(collection: string, where: Where, opts?: { draft?: boolean }): Promise<Result<List>>
  findVersions(collection: string, parent: string): Promise<Result<List>>
  findVersionByID(collection: string, id: string): Promise<Result<Doc>>
  update(collection: string, id: string, data: Record<string, unknown>, opts?: { draft?: boolean }): Promise<Result<Doc>>
  delete(collection: string, id: string): Promise<Result<Doc>>
}

const BASE = 'http://localhost:3000'
export const PASSWORD = 'correct horse battery staple'

/** The message and status Payload gives a refusal, from an error thrown by the local API. */
function fromError(error: unknown): { ok: false; status: number; message: string } {
  const e = error as { status?: number; message?: string }
  return { ok: false, status: e.status ?? 500, message: e.message ?? String(error) }
}

async function settle<T>(promise: Promise<T>): Promise<Result<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => fromError(error),
  )
}

/** `where[a][equals]=b` as Payload's REST API reads it (qs syntax). */
export function whereQuery(value: unknown, prefix = 'where'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => whereQuery(v, `${prefix}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => whereQuery(v, `${prefix}[${k}]`))
  }
  return [`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`]
}

/** GraphQL names Payload generates for each collection. */
const GQL: Record<string, { one: string; many: string; type: string; fields: string; versions?: string; version?: string }> = {
  releases: { one: 'Release', many: 'Releases', type: 'Release', fields: 'id _status title', versions: 'versionsReleases', version: 'versionRelease' },
  officials: { one: 'Official', many: 'Officials', type: 'Official', fields: 'id _status name', versions: 'versionsOfficials', version: 'versionOfficial' },
  agencies: { one: 'Agency', many: 'Agencies', type: 'Agency', fields: 'id _status name', versions: 'versionsAgencies', version: 'versionAgency' },
  galleries: { one: 'Gallery', many: 'Galleries', type: 'Gallery', fields: 'id _status title', versions: 'versionsGalleries', version: 'versionGallery' },
  media: { one: 'Media', many: 'allMedia', type: 'Media', fields: 'id alt filename' },
  users: { one: 'User', many: 'Users', type: 'User', fields: 'id name email roles' },
  'removed-releases': { one: 'RemovedRelease', many: 'RemovedReleases', type: 'RemovedRelease', fields: 'id slug' },
  'audit-events': { one: 'AuditEvent', many: 'AuditEvents', type: 'AuditEvent', fields: 'id action targetTitle' },
}

const gqlString = (value: string) => JSON.stringify(value)

/** A GraphQL where literal for the simple `{ field: { operator: value } }` queries the tests use. */
function gqlWhere(where: Where): string {
  const parts = Object.entries(where).map(([field, condition]) => {
    const ops = Object.entries(condition as Record<string, unknown>).map(([op, v]) => `${op}: ${JSON.stringify(v)}`)
    return `${field}: { ${ops.join(', ')} }`
  })
  return `{ ${parts.join(', ')} }`
}

let addressCounter = 0
/**
 * A client address of its own for a sign-in that does not care about addresses. In production Next
 * writes the socket's address into X-Forwarded-For; a request with none counts under the one shared
 * "unknown" address of the sign-in throttle (src/auth/signInThrottle.ts), as would a whole file's failures.
 */
export function testClientAddress(): string {
  addressCounter += 1
  return `100.64.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`
}

export interface Clients {
  /** Signs `user` in through REST and returns its token (cached per user). */
  tokenOf(user: TestUser): Promise<string>
  api(channel: Channel, user: TestUser | null): Promise<Api>
  rest: {
    get(path: string, headers?: Record<string, string>): Promise<Response>
    post(path: string, body: BodyInit | null, headers?: Record<string, string>): Promise<Response>
    patch(path: string, body: BodyInit | null, headers?: Record<string, string>): Promise<Response>
    delete(path: string, headers?: Record<string, string>): Promise<Response>
  }
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLBody>
  authHeader(user: TestUser | null): Promise<Record<string, string>>
  cookieHeader(user: TestUser | null): Promise<Record<string, string>>
}

export type GraphQLBody = {
  data?: Record<string, unknown> | null
  errors?: { message: string; extensions?: { statusCode?: number; name?: string } }[]
}

export function clients(payload: Payload, config: Promise<SanitizedConfig> | SanitizedConfig): Clients {
  const handlers = { get: REST_GET(config), post: REST_POST(config), patch: REST_PATCH(config), del: REST_DELETE(config) }
  const graphqlPost = GRAPHQL_POST(config)
  const params = (url: URL) => ({ params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) })

  const rest = {
    async get(path: string, headers: Record<string, string> = {}) {
      const url = new URL(`${BASE}/api/${path}`)
      return handlers.get(new Request(url, { headers }), params(url))
    },
    async post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
      const url = new URL(`${BASE}/api/${path}`)
      return handlers.post(new Request(url, { method: 'POST', body, headers }), params(url))
    },
    async patch(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
      const url = new URL(`${BASE}/api/${path}`)
      return handlers.patch(new Request(url, { method: 'PATCH', body, headers }), params(url))
    },
    async delete(path: string, headers: Record<string, string> = {}) {
      const url = new URL(`${BASE}/api/${path}`)
      return handlers.del(new Request(url, { method: 'DELETE', headers }), params(url))
    },
  }

  const tokens = new Map<string, string>()
  async function tokenOf(user: TestUser): Promise<string> {
    const cached = tokens.get(user.id)
    if (cached) return cached
    const response = await rest.post('users/login', JSON.stringify({ email: user.email, password: PASSWORD }), {
      'Content-Type': 'application/json',
    })
    const body = (await response.json()) as { token?: string }
    if (response.status !== 200 || !body.token) throw new Error(`login of ${user.email} failed: ${response.status} ${JSON.stringify(body)}`)
    tokens.set(user.id, body.token)
    return body.token
  }
  const authHeader = async (user: TestUser | null): Promise<Record<string, string>> =>
    user ? { Authorization: `JWT ${await tokenOf(user)}` } : {}
  // A browser sends its Origin with a POST; Payload takes the cookie only from an origin it trusts (csrf).
  const cookieHeader = async (user: TestUser | null): Promise<Record<string, string>> =>
    user ? { Cookie: `payload-token=${await tokenOf(user)}`, ...(payload.config.serverURL ? { Origin: payload.config.serverURL } : {}) } : {}

  async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await graphqlPost(
      new Request(`${BASE}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      }),
    )
    return (await response.json()) as GraphQLBody
  }

  function localApi(user: TestUser | null): Api {
    const as = user ? { user, overrideAccess: false as const } : { overrideAccess: false as const }
    type Loose = Record<string, (args: Record<string, unknown>) => Promise<unknown>>
    const p = payload as unknown as Loose
    return {
      create: (collection, data, opts = {}) =>
        settle(p.create!({ collection, data, draft: opts.draft, ...(opts.file ? { file: opts.file } : {}), depth: 0, ...as }) as Promise<Doc>),
      findByID: (collection, id, opts = {}) => settle(p.findByID!({ collection, id, draft: opts.draft, depth: 0, ...as }) as Promise<Doc>),
      find: (collection, where, opts = {}) => settle(p.find!({ collection, where, draft: opts.draft, depth: 0, limit: 100, ...as }) as Promise<List>),
      findVersions: (collection, parent) => settle(p.findVersions!({ collection, where: { parent: { equals: parent } }, depth: 0, ...as }) as Promise<List>),
      findVersionByID: (collection, id) => settle(p.findVersionByID!({ collection, id, depth: 0, ...as }) as Promise<Doc>),
      update: (collection, id, data, opts = {}) => settle(p.update!({ collection, id, data, draft: opts.draft, depth: 0, ...as }) as Promise<Doc>),
      delete: (collection, id) => settle(p.delete!({ collection, id, depth: 0, ...as }) as Promise<Doc>),
    }
  }

  async function restApi(user: TestUser | null): Promise<Api> {
    const auth = await authHeader(user)
    const json = { ...auth, 'Content-Type': 'application/json' }
    async function read<T>(response: Response, pick: (body: Record<string, unknown>) => T): Promise<Result<T>> {
      const body = (await response.json()) as Record<string, unknown>
      if (response.ok) return { ok: true, value: pick(body) }
      const errors = (body.errors as { message: string }[] | undefined) ?? []
      return { ok: false, status: response.status, message: errors[0]?.message ?? JSON.stringify(body) }
    }
    const q = (draft?: boolean, more: string[] = []) => {
      const parts = ['depth=0', ...(draft === undefined ? [] : [`draft=${draft}`]), ...more]
      return `?${parts.join('&')}`
    }
    return {
      async create(collection, data, opts = {}) {
        if (opts.file) {
          const form = new FormData()
          form.append('file', new Blob([new Uint8Array(opts.file.data)], { type: opts.file.mimetype }), opts.file.name)
          form.append('_payload', JSON.stringify(data))
          return read(await rest.post(`${collection}${q(opts.draft)}`, form, auth), (b) => b.doc as Doc)
        }
        return read(await rest.post(`${collection}${q(opts.draft)}`, JSON.stringify(data), json), (b) => b.doc as Doc)
      },
      findByID: async (collection, id, opts = {}) => read(await rest.get(`${collection}/${id}${q(opts.draft)}`, auth), (b) => b as Doc),
      find: async (collection, where, opts = {}) =>
        read(await rest.get(`${collection}${q(opts.draft, ['limit=100', ...whereQuery(where)])}`, auth), (b) => b as unknown as List),
      findVersions: async (collection, parent) =>
        read(await rest.get(`${collection}/versions${q(undefined, whereQuery({ parent: { equals: parent } }))}`, auth), (b) => b as unknown as List),
      findVersionByID: async (collection, id) => read(await rest.get(`${collection}/versions/${id}${q()}`, auth), (b) => b as Doc),
      update: async (collection, id, data, opts = {}) =>
        read(await rest.patch(`${collection}/${id}${q(opts.draft)}`, JSON.stringify(data), json), (b) => b.doc as Doc),
      delete: async (collection, id) => read(await rest.delete(`${collection}/${id}`, auth), (b) => b.doc as Doc),
    }
  }

  async function graphqlApi(user: TestUser | null): Promise<Api> {
    const cookie = await cookieHeader(user)
    async function run<T>(field: string, query: string, variables: Record<string, unknown> = {}): Promise<Result<T>> {
      const body = await graphql(query, variables, cookie)
      const error = body.errors?.[0]
      if (error) {
        const status =
          error.extensions?.statusCode ??
          (error.message === 'You are not allowed to perform this action.' ? 403 : error.message === 'Not Found' ? 404 : 400)
        return { ok: false, status, message: error.message }
      }
      const value = body.data?.[field]
      if (value == null) return { ok: false, status: 404, message: 'Not Found' }
      return { ok: true, value: value as T }
    }
    const names = (collection: string) => {
      const n = GQL[collection]
      if (!n) throw new Error(`no GraphQL names for ${collection}`)
      return n
    }
    const draftArg = (draft?: boolean) => (draft === undefined ? '' : `, draft: ${draft}`)
    return {
      create(collection, data, opts = {}) {
        const n = names(collection)
        const field = `create${n.type}`
        return run<Doc>(
          field,
          `mutation ($data: mutation${n.type}Input!) { ${field}(data: $data${draftArg(opts.draft)}) { ${n.fields} } }`,
          { data },
        )
      },
      findByID(collection, id, opts = {}) {
        const n = names(collection)
        return run<Doc>(n.one, `{ ${n.one}(id: ${gqlString(id)}${draftArg(opts.draft)}) { ${n.fields} } }`)
      },
      find(collection, where, opts = {}) {
        const n = names(collection)
        return run<List>(n.many, `{ ${n.many}(where: ${gqlWhere(where)}, limit: 100${draftArg(opts.draft)}) { totalDocs docs { ${n.fields} } } }`)
      },
      findVersions(collection, parent) {
        const n = names(collection)
        return run<List>(n.versions!, `{ ${n.versions}(where: { parent: { equals: ${gqlString(parent)} } }) { totalDocs docs { id parent { id } } } }`)
      },
      findVersionByID(collection, id) {
        const n = names(collection)
        return run<Doc>(n.version!, `{ ${n.version}(id: ${gqlString(id)}) { id } }`)
      },
      update(collection, id, data, opts = {}) {
        const n = names(collection)
        const field = `update${n.type}`
        return run<Doc>(
          field,
          `mutation ($data: mutation${n.type}UpdateInput!) { ${field}(id: ${gqlString(id)}, data: $data${draftArg(opts.draft)}) { ${n.fields} } }`,
          { data },
        )
      },
      delete(collection, id) {
        const n = names(collection)
        const field = `delete${n.type}`
        return run<Doc>(field, `mutation { ${field}(id: ${gqlString(id)}) { id } }`)
      },
    }
  }

  return {
    tokenOf,
    authHeader,
    cookieHeader,
    rest,
    graphql,
    api: async (channel, user) => (channel === 'local' ? localApi(user) : channel === 'rest' ? restApi(user) : graphqlApi(user)),
  }
}
