/**
 * The hostile corpus (tests/int/hostile/corpus.ts) against the REST and GraphQL route handlers the
 * app mounts, the upload endpoint and the importer. Every case must be refused with a 4xx and a
 * clear message, leave every stored document (and the media folder) exactly as it was, and show no
 * stack trace or server path.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '@/config/env'
import { importTargets, knownAgencies, type ImportResult } from '@/import/importer'
import { hasMalformedPercentEncoding } from '@/lib/percentEncoding'
import { isSafeLinkUrl } from '@/lib/safeUrl'

import { draftRelease, makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'
import { corpus, type GraphqlCase, type HostileCase, type ImporterCase, type RestCase, type Role, type UploadCase } from './hostile/corpus'
import { leakIn } from './hostile/leaks'

const MEDIA = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-hostile-media-'))
process.env.MEDIA_DIR = MEDIA
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-hostile-import-'))

const BASE = 'http://localhost:3000'
const PASSWORD = 'correct horse battery staple'

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let routes: Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>
let graphqlRoute: (request: Request) => Promise<Response>

let payload: Payload
let cleanup: () => Promise<void>
let dbFile: string
const users = {} as Record<Exclude<Role, 'anonymous'>, TestUser>
const tokens = {} as Record<Exclude<Role, 'anonymous'>, string>
let placeholders: Record<string, string>
let jpeg: Buffer

const fill = (value: string) => value.replace(/\{(\w+)\}/g, (whole, key: string) => placeholders[key] ?? whole)
const fillDeep = (value: unknown): unknown => JSON.parse(fill(JSON.stringify(value)))

const authHeaders = (role: Role): Record<string, string> => (role === 'anonymous' ? {} : { Authorization: `JWT ${tokens[role]}` })

/** Everything stored: every document of every collection in every language, drafts and versions, and the media folder. */
async function snapshot(): Promise<string> {
  const parts: Record<string, unknown> = {}
  for (const collection of payload.config.collections) {
    const slug = collection.slug as 'releases'
    const { docs } = await payload.find({ collection: slug, locale: 'all', draft: true, depth: 0, pagination: false, overrideAccess: true, showHiddenFields: true })
    parts[slug] = docs
    if (collection.versions) {
      parts[`${slug}:versions`] = (await payload.findVersions({ collection: slug, locale: 'all', depth: 0, pagination: false, overrideAccess: true })).docs
    }
  }
  parts.media = fs.readdirSync(MEDIA).sort()
  return JSON.stringify(parts)
}

interface Answer {
  status: number
  text: string
  message: string
}

const firstMessage = (body: unknown): string => {
  const { errors, message } = (body ?? {}) as { errors?: { message?: string }[]; message?: string }
  return errors?.[0]?.message ?? message ?? ''
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text()
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {
    // A plain-text refusal: its text is the message.
  }
  return { status: response.status, text, message: body === null ? text : firstMessage(body) }
}

/** The route's `slug` as Next gives it: each path segment percent-decoded once. */
const slugOf = (url: URL) =>
  url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })

async function sendRest(c: RestCase): Promise<Answer> {
  const url = new URL(`${BASE}/api/${fill(c.path)}`)
  const headers: Record<string, string> = { ...authHeaders(c.as), ...c.headers }
  let body: string | undefined
  if (c.raw !== undefined || c.json !== undefined) {
    headers['Content-Type'] = c.contentType ?? 'application/json'
    body = c.raw !== undefined ? fill(c.raw) : JSON.stringify(fillDeep(c.json))
  }
  const response = await routes[c.method](new Request(url, { method: c.method, headers, body }), { params: Promise.resolve({ slug: slugOf(url) }) })
  return answer(response)
}

async function sendGraphql(c: GraphqlCase): Promise<Answer> {
  const body = c.raw ?? JSON.stringify({ query: c.query, variables: c.variables ? fillDeep(c.variables) : undefined })
  const response = await graphqlRoute(
    new Request(`${BASE}/api/graphql${c.search ?? ''}`, {
      method: 'POST',
      headers: { 'Content-Type': c.contentType ?? 'application/json', ...authHeaders(c.as), ...c.headers },
      body,
    }),
  )
  const result = await answer(response)
  if (result.status !== 200) return result
  // GraphQL answers 200 for a request it refuses: without `data` the request itself was refused
  // (syntax, schema, validation rules), which is the client's error; an error met while executing
  // carries its own status.
  const parsed = JSON.parse(result.text) as { data?: Record<string, unknown> | null; errors?: { extensions?: { statusCode?: number } }[] }
  if (!parsed.errors?.length) return result
  if (!('data' in parsed)) return { ...result, status: 400 }
  const wrote = Object.values(parsed.data ?? {}).some((v) => v !== null)
  return { ...result, status: wrote ? 200 : Math.max(...parsed.errors.map((e) => e.extensions?.statusCode ?? 500)) }
}

async function sendUpload(c: UploadCase): Promise<Answer> {
  const form = new FormData()
  const contents: Record<UploadCase['content'], Buffer | null> = {
    jpeg,
    text: Buffer.from('root:x:0:0:root:/root:/bin/bash\n'),
    html: Buffer.from('<!doctype html><script>alert(1)</script>'),
    svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
    empty: Buffer.alloc(0),
    none: null,
  }
  const data = contents[c.content]
  if (data) form.append('file', new Blob([new Uint8Array(data)], { type: c.mimeType ?? 'image/jpeg' }), c.fileName)
  form.append('_payload', c.payloadField ?? JSON.stringify({ alt: 'A photo' }))
  const method = c.method ?? 'POST'
  const apiPath = method === 'PATCH' ? `media/${placeholders.media}` : 'media'
  const request = new Request(`${BASE}/api/${apiPath}${c.search ?? ''}`, { method, headers: authHeaders(c.as), body: form })
  return answer(await routes[method](request, { params: Promise.resolve({ slug: apiPath.split('/') }) }))
}

async function runImporter(c: ImporterCase): Promise<ImportResult[]> {
  const dir = fs.mkdtempSync(path.join(WORK, 'case-'))
  for (const [name, content] of Object.entries(c.files ?? {})) {
    if (content.startsWith('@symlink:')) fs.symlinkSync(content.slice('@symlink:'.length), path.join(dir, name))
    else fs.writeFileSync(path.join(dir, name), content)
  }
  const target = path.isAbsolute(c.target) ? c.target : path.join(dir, c.target)
  return importTargets(payload, [target], { dryRun: false, agencies: await knownAgencies(payload) })
}

const inRange = (status: number, expected: RestCase['status']) =>
  typeof expected === 'number' ? status === expected : status >= expected[0] && status <= expected[1]

beforeAll(async () => {
  ;({ payload, cleanup, dbFile } = await startPayload())
  const rest = await import('@/app/(payload)/api/[...slug]/route')
  routes = { GET: rest.GET, POST: rest.POST, PATCH: rest.PATCH, DELETE: rest.DELETE } as typeof routes
  graphqlRoute = (await import('@/app/(payload)/api/graphql/route')).POST as typeof graphqlRoute

  for (const role of ['contributor', 'editor', 'admin'] as const) {
    users[role] = await makeUser(payload, [role])
    tokens[role] = (await payload.login({ collection: 'users', data: { email: users[role].email, password: PASSWORD } })).token!
  }
  const agency = await makeAgency(payload)
  const release = await draftRelease(payload, users.contributor, agency.id, 'A published release')
  const as = (user: TestUser) => ({ user, overrideAccess: false as const })
  await payload.update({ collection: 'releases', id: release.id, data: { workflow: { state: 'in_review' } }, draft: true, ...as(users.contributor) })
  await payload.update({ collection: 'releases', id: release.id, data: { _status: 'published' }, ...as(users.editor) })
  jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).jpeg().toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'A green square' },
    file: { data: jpeg, name: 'square.jpg', mimetype: 'image/jpeg', size: jpeg.length },
  })
  placeholders = { release: release.id, agency: agency.id, media: media.id, admin: users.admin.id }
})

afterAll(async () => {
  await cleanup()
  fs.rmSync(MEDIA, { recursive: true, force: true })
  fs.rmSync(WORK, { recursive: true, force: true })
})

const byChannel = <C extends HostileCase['channel']>(channel: C) => corpus.filter((c): c is Extract<HostileCase, { channel: C }> => c.channel === channel)

describe('the corpus', () => {
  it('has at least 100 cases, each with a unique name', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100)
    expect(new Set(corpus.map((c) => `${c.channel}: ${c.name}`)).size).toBe(corpus.length)
  })
})

describe.each([
  ['REST', byChannel('rest'), sendRest],
  ['GraphQL', byChannel('graphql'), sendGraphql],
  ['upload', byChannel('upload'), sendUpload],
] as const)('%s', (_, cases, send) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    placeholders.self = c.as === 'anonymous' ? '' : users[c.as].id
    const before = await snapshot()
    const result = await (send as (c: HostileCase) => Promise<Answer>)(c)
    const shown = `${result.status} ${result.text.slice(0, 400)}`
    expect(inRange(result.status, c.status), shown).toBe(true)
    expect(result.message, shown).toMatch(c.message)
    expect(leakIn(result.text), shown).toBeNull()
    expect(await snapshot(), 'stored documents changed').toBe(before)
  })
})

describe('the checks behind the renderer and the proxy', () => {
  it('isSafeLinkUrl: http(s), mailto, tel and paths; never javascript:, data:, vbscript: however disguised', () => {
    for (const url of ['https://gov.az/x?a=1#b', 'http://x.example', 'mailto:press@gov.az', 'tel:+994125555555', '/az/releases', '#top', 'page?x=1', 'javascript%3Aalert(1)']) {
      expect(isSafeLinkUrl(url), url).toBe(true)
    }
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0000javascript:x', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd', 'x'.repeat(3000), 42, null]) {
      expect(isSafeLinkUrl(url), String(url)).toBe(false)
    }
  })

  it('hasMalformedPercentEncoding: only escapes that do not decode', () => {
    for (const path of ['/az/releases/%E0%A4%A', '/az/%', '/az/agencies/%ZZ', '/x/%C3%28', '/download/%E0%A4%A']) expect(hasMalformedPercentEncoding(path), path).toBe(true)
    for (const path of ['/az/releases/bak%C4%B1', '/az/releases/plain-slug', '/az/releases/%20', '/']) expect(hasMalformedPercentEncoding(path), path).toBe(false)
  })
})

describe('what the admin sends is not refused', () => {
  it('a POST with a JSON content type and no body (access check)', async () => {
    const response = await routes.POST(
      new Request(`${BASE}/api/media/access`, { method: 'POST', headers: { ...authHeaders('editor'), 'Content-Type': 'application/json' } }),
      { params: Promise.resolve({ slug: ['media', 'access'] }) },
    )
    expect(response.status, await response.clone().text()).toBe(200)
  })

  it('a long query in a method-override body', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => `where[id][in][${i}]=${placeholders.release}`).join('&')
    const response = await routes.POST(
      new Request(`${BASE}/api/releases`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
        body: `${ids}&limit=10&depth=0`,
      }),
      { params: Promise.resolve({ slug: ['releases'] }) },
    )
    expect(response.status, await response.clone().text()).toBe(200)
    expect(((await response.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })
})

describe('importer', () => {
  it.each(byChannel('importer').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot()
    const results = await runImporter(c)
    expect(results.length, JSON.stringify(results)).toBeGreaterThan(0)
    for (const result of results) {
      expect(result.status, JSON.stringify(result)).toBe('failed')
      expect(result.message).toMatch(c.message)
      // The operator named the path, so it may be shown; a stack trace may not.
      expect(result.message).not.toMatch(/\n\s+at |node_modules/)
    }
    expect(await snapshot(), 'stored documents changed').toBe(before)
  })

  it('the CLI refuses every hostile target at once: exit code 1, each one failed, nothing stored', async () => {
    const before = await snapshot()
    const targets = ['/etc/passwd', '/dev/zero', path.join(WORK, 'no-such-file.txt'), `${WORK}/../../../../etc/hostname`]
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        path.join(projectRoot, 'node_modules/.bin/tsx'),
        ['src/import/cli.ts', ...targets, '--json'],
        { cwd: projectRoot, timeout: 60_000, env: { ...process.env, DATABASE_URI: `file:${dbFile}`, NODE_OPTIONS: '--no-deprecation' } },
        (error, out, err) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout: out, stderr: err }),
      )
    })
    expect(code, stderr).toBe(1)
    const { results } = JSON.parse(stdout) as { results: ImportResult[] }
    expect(results.map((r) => r.status)).toEqual(targets.map(() => 'failed'))
    expect(await snapshot()).toBe(before)
  }, 70_000)
})
