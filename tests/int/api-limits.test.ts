/**
 * What the hostile corpus cannot hold as data: bodies counted while they stream in (413 before
 * anything parses them, with or without a Content-Length), the larger limit of uploads, a photo
 * whose file is gone from the disk, the RSS feed with characters XML does not allow already stored,
 * what stays allowed (tabs and line breaks in multi-line text, emoji, the admin's bulk delete), and a
 * bounded fuzz of every public input through the route handlers the app mounts: never a 500.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { draftRelease, makeAgency, paragraph } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'
import { leakIn } from './hostile/leaks'

const MEDIA = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-limits-media-'))
process.env.MEDIA_DIR = MEDIA
process.env.MEDIA_MAX_FILE_MB = '4'

const BASE = 'http://localhost:3000'
const MB = 1024 * 1024
const PASSWORD = 'correct horse battery staple'

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let routes: Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>
let graphqlRoute: (request: Request) => Promise<Response>
let payload: Payload
let cleanup: () => Promise<void>
let editor: TestUser
let editorToken: string
let adminToken: string
let releaseId: string
let agencyId: string
let jpeg: Buffer

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

async function rest(method: keyof typeof routes, apiPath: string, init: { headers?: Record<string, string>; body?: BodyInit | null } = {}) {
  const url = new URL(`${BASE}/api/${apiPath}`)
  const request = new Request(url, { method, headers: init.headers, body: init.body, ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit)
  return routes[method](request, { params: Promise.resolve({ slug: slugOf(url) }) })
}

async function graphql(body: BodyInit, headers: Record<string, string> = {}, search = '') {
  const init = { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) }
  return graphqlRoute(new Request(`${BASE}/api/graphql${search}`, init as RequestInit))
}

/** A body of `total` bytes handed out in 64 KB chunks, counting how much was read. */
function countingStream(total: number, fillByte = 0x61, prefix = '') {
  const chunk = 64 * 1024
  const state = { pulled: 0 }
  let sent = 0
  const head = new TextEncoder().encode(prefix)
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close()
      const size = Math.min(chunk, total - sent)
      const bytes = new Uint8Array(size).fill(fillByte)
      if (sent === 0) bytes.set(head.subarray(0, size))
      sent += size
      state.pulled += size
      controller.enqueue(bytes)
    },
  })
  return { stream, state }
}

const auth = () => ({ Authorization: `JWT ${editorToken}` })
const messageOf = async (response: Response) => {
  const text = await response.text()
  try {
    const body = JSON.parse(text) as { errors?: { message?: string }[] }
    return body.errors?.[0]?.message ?? text
  } catch {
    return text
  }
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const handlers = await import('@/app/(payload)/api/[...slug]/route')
  routes = { GET: handlers.GET, POST: handlers.POST, PATCH: handlers.PATCH, DELETE: handlers.DELETE } as typeof routes
  graphqlRoute = (await import('@/app/(payload)/api/graphql/route')).POST as typeof graphqlRoute
  editor = await makeUser(payload, ['editor'])
  const contributor = await makeUser(payload, ['contributor'])
  editorToken = (await payload.login({ collection: 'users', data: { email: editor.email, password: PASSWORD } })).token!
  const admin = await makeUser(payload, ['admin'])
  adminToken = (await payload.login({ collection: 'users', data: { email: admin.email, password: PASSWORD } })).token!
  agencyId = (await makeAgency(payload)).id
  // Written through the local API, which is trusted: as if stored before the API refused it.
  const release = await draftRelease(payload, contributor, agencyId, 'Bell\u0007 and NUL\u0000 in a stored title\uFFFE')
  releaseId = release.id
  await payload.update({ collection: 'releases', id: release.id, data: { lead: 'Lead with ESC\u001B and a lone \uD800 half', workflow: { state: 'in_review' } }, draft: true, user: contributor, overrideAccess: false })
  await payload.update({ collection: 'releases', id: release.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
  jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).jpeg().toBuffer()
})

afterAll(async () => {
  await cleanup()
  fs.rmSync(MEDIA, { recursive: true, force: true })
})

describe('body size: counted before parsing', () => {
  it('a JSON body declaring 30 MB is refused from its Content-Length, nothing read', async () => {
    const { stream, state } = countingStream(30 * MB, 0x61, '{"title":"')
    const response = await rest('POST', 'releases', { headers: { ...auth(), 'Content-Type': 'application/json', 'Content-Length': String(30 * MB) }, body: stream })
    expect(response.status).toBe(413)
    expect(await messageOf(response)).toMatch(/larger than 2 MB/)
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024)
  })

  it('a chunked JSON body of 30 MB without Content-Length is refused once it passes the limit', async () => {
    const { stream, state } = countingStream(30 * MB, 0x61, '{"title":"')
    const response = await rest('PATCH', `releases/${releaseId}?draft=true`, { headers: { ...auth(), 'Content-Type': 'application/json' }, body: stream })
    expect(response.status).toBe(413)
    expect(await messageOf(response)).toMatch(/larger than 2 MB/)
    expect(state.pulled).toBeLessThan(3 * MB)
  })

  it('a chunked form body of 30 MB is refused the same way', async () => {
    const { stream, state } = countingStream(30 * MB, 0x61, 'title=')
    const response = await rest('POST', 'releases', { headers: { ...auth(), 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' }, body: stream })
    expect(response.status).toBe(413)
    expect(state.pulled).toBeLessThan(3 * MB)
  })

  it('a chunked GraphQL body of 30 MB is refused', async () => {
    const { stream, state } = countingStream(30 * MB, 0x61, '{"query":"')
    const response = await graphql(stream)
    expect(response.status).toBe(413)
    expect(await messageOf(response)).toMatch(/too large/)
    expect(state.pulled).toBeLessThan(3 * MB)
  })

  it('an upload keeps its own, larger limit: 3 MB reaches the photo checks, 6 MB is refused with 413', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(3 * MB).fill(0x61)], { type: 'image/jpeg' }), 'big.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Big' }))
    const accepted = await rest('POST', 'media', { headers: auth(), body: form })
    expect(accepted.status, await accepted.clone().text()).not.toBe(413)
    expect(accepted.status).toBeLessThan(500)

    const boundary = 'x-boundary'
    const { stream, state } = countingStream(30 * MB, 0x61, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`)
    const refused = await rest('POST', 'media', { headers: { ...auth(), 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body: stream })
    expect(refused.status).toBe(413)
    expect(await messageOf(refused)).toMatch(/upload is larger than 5 MB/)
    expect(state.pulled).toBeLessThan(6 * MB)
  })
})

describe('a photo whose file is gone from the disk', () => {
  it('answers staff with 404 and a sentence, not 500', async () => {
    const media = await payload.create({ collection: 'media', data: { alt: 'Gone' }, file: { data: jpeg, name: 'gone.jpg', mimetype: 'image/jpeg', size: jpeg.length } })
    fs.rmSync(path.join(MEDIA, media.filename!))
    const response = await rest('GET', `media/file/${media.filename}`, { headers: auth() })
    expect(response.status).toBe(404)
    expect(await messageOf(response)).toMatch(/not on the server/)
  })
})

describe('what stays allowed', () => {
  it('tabs and line breaks in multi-line text, emoji anywhere', async () => {
    const response = await rest('PATCH', `releases/${releaseId}?draft=true`, {
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Emoji 🎉 in a title', lead: 'Line one\r\nLine\ttwo', body: paragraph('Tab\tand\nnewline 🎉') }),
    })
    expect(response.status, await response.clone().text()).toBe(200)
  })

  it("the admin's bulk delete with limit=0, and pages of 100", async () => {
    const bulk = await rest('DELETE', `releases?limit=0&where[id][in][0]=${encodeURIComponent('00000000-0000-4000-8000-000000000000')}`, { headers: { Authorization: `JWT ${adminToken}` } })
    expect(bulk.status, await bulk.clone().text()).toBe(200)
    const page = await rest('GET', 'releases?limit=100&draft=true&depth=1', { headers: auth() })
    expect(page.status, await page.clone().text()).toBe(200)
  })
})

describe('the RSS feed', () => {
  it('leaves out characters XML does not allow, from text stored before the API refused them', async () => {
    const { releasesFeed } = await import('@/site/feed')
    const feed = await releasesFeed('az')
    expect(feed).toContain('Bell and NUL in a stored title')
    // SQLite stored the lone surrogate as U+FFFD already; the ESC is the feed's to drop.
    expect(feed).toMatch(/Lead with ESC and a lone .? half/)
    expect(feed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  })
})

/** mulberry32: a small seeded generator, so every run tries the same cases. */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, pick }
}

const NASTY = ['', '0', '-1', '1', '101', '1e400', 'NaN', 'true', 'false', 'maybe', 'null', '%00', '%', '%25', '%2525', '..', '../..', '%252e%252e', 'ä', '\u00c3\u00a4', 'x'.repeat(300), '[]', '{}', '{"a":1}', '2025-13-45', '2025-01-31', '1,2,3', 'all', '*', 'az', 'AZ', "' OR 1=1 --", '<script>', 'Polygon']
const FIELDS = ['title', 'lead', 'body', 'publishedAt', 'featured', 'type', 'leadAgency', 'supportingAgencies', 'officials', 'heroImage', 'gallery', 'source.originalDate', 'source.byline', 'source.outlet', 'id', 'createdAt', 'updatedAt', '_status', 'slug', 'changeHistory.date', 'changeHistory.note', 'workflow.state', 'leadAgency.name', 'leadAgency.kind', 'nonexistent', 'version.title']
const OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'not_like', 'contains', 'near', 'within', 'intersects', 'regex', '$gt']
const PARAMS = ['limit', 'page', 'depth', 'locale', 'fallback-locale', 'fallbackLocale', 'draft', 'pagination', 'sort', 'trash', 'data', 'where', 'select[title]', 'select', 'populate[agencies][name]', 'populate', 'joins', 'autosave', 'publishSpecificLocale', 'overrideLock', 'flattenLocales']
const COLLECTIONS = ['releases', 'agencies', 'officials', 'galleries', 'media', 'users', 'removed-releases']
const JSON_VALUES: unknown[] = [null, true, 0, -1, 1e308, '', 'x', 'ä\u0000', '2025-13-45', [], [1], {}, { $ne: null }, { root: {} }, 'x'.repeat(2000), ['a', 'b'], { az: 'x' }]

interface FuzzCase {
  label: string
  run: () => Promise<Response>
}

function fuzzCases(count: number): FuzzCase[] {
  const { next, pick } = random(20_251_207)
  const cases: FuzzCase[] = []
  const enc = (value: string) => (next() < 0.5 ? encodeURIComponent(value) : encodeURIComponent(encodeURIComponent(value)))
  const whereTerm = () => {
    const shape = next()
    const base = `where[${pick(FIELDS)}][${pick(OPERATORS)}]`
    if (shape < 0.5) return `${base}=${enc(pick(NASTY))}`
    if (shape < 0.7) return `${base}[${pick(['0', 'a', 'type', 'coordinates'])}]=${enc(pick(NASTY))}`
    if (shape < 0.85) return `where[${pick(['or', 'and'])}][${pick(['0', 'a'])}][${pick(FIELDS)}][${pick(OPERATORS)}]=${enc(pick(NASTY))}`
    return `where=${enc(pick(['notjson', '{"title":{"equals":{"a":1}}}', '{"publishedAt":{"greater_than":"x"}}', '[]', 'null']))}`
  }
  for (let i = 0; i < count; i++) {
    const kind = i % 6
    const as = next() < 0.5 ? auth() : ({} as Record<string, string>)
    if (kind === 0 || kind === 1) {
      const terms = Array.from({ length: 1 + Math.floor(next() * 3) }, () => (next() < 0.6 ? whereTerm() : `${pick(PARAMS)}=${enc(pick(NASTY))}`))
      const apiPath = `${pick(COLLECTIONS)}${next() < 0.2 ? '/versions' : ''}?${terms.join('&')}`
      cases.push({ label: `GET ${apiPath}`, run: () => rest('GET', apiPath, { headers: as }) })
    } else if (kind === 2) {
      const segment = enc(pick(NASTY))
      const apiPath = pick([`releases/${segment}`, `media/file/${segment}`, `releases/versions/${segment}`, `users/${segment}`, `${segment}`, `releases/${segment}/duplicate`])
      const method = pick(['GET', 'DELETE', 'PATCH', 'POST'] as const)
      cases.push({ label: `${method} ${apiPath}`, run: () => rest(method, apiPath, { headers: { ...as, ...(method === 'PATCH' || method === 'POST' ? { 'Content-Type': 'application/json' } : {}) }, body: method === 'PATCH' || method === 'POST' ? '{}' : undefined }) })
    } else if (kind === 3) {
      const latin1 = Array.from({ length: 1 + Math.floor(next() * 8) }, () => String.fromCharCode(0x20 + Math.floor(next() * 0xdf))).join('')
      const header = pick(['Authorization', 'Cookie', 'Accept-Language', 'Content-Type', 'X-Payload-HTTP-Method-Override', 'Origin'])
      const value = header === 'Authorization' ? `${pick(['JWT', 'Bearer', 'users API-Key'])} ${latin1}` : header === 'Cookie' ? `payload-token=${latin1}` : latin1
      const method = pick(['GET', 'POST'] as const)
      cases.push({
        label: `${method} releases with ${header}: ${JSON.stringify(value)}`,
        run: () => rest(method, 'releases?draft=true', { headers: { [header]: value, ...(method === 'POST' && header !== 'Content-Type' ? { 'Content-Type': 'application/json' } : {}) }, body: method === 'POST' ? '{"title":"x"}' : undefined }),
      })
    } else if (kind === 4) {
      const data: Record<string, unknown> = {}
      for (let k = 0; k < 1 + Math.floor(next() * 3); k++) data[pick(['title', 'lead', 'body', 'publishedAt', 'publishedAt_tz', 'featured', 'type', 'leadAgency', 'supportingAgencies', 'source', 'changeHistory', 'workflow', 'datePrecision', 'place', '_status'])] = pick(JSON_VALUES)
      const contentType = pick(['application/json', 'application/json', 'application/json; charset=utf-8', 'Application/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])
      const query = pick(['?draft=true', '?draft=true&autosave=true', '?locale=en&draft=true', '?locale=all&draft=true', ''])
      const target = pick([`releases/${releaseId}`, 'releases', `agencies/${agencyId}`])
      const method = target === 'releases' ? 'POST' : 'PATCH'
      cases.push({ label: `${method} ${target}${query} ${contentType} ${JSON.stringify(data).slice(0, 120)}`, run: () => rest(method, `${target}${query}`, { headers: { ...auth(), 'Content-Type': contentType }, body: JSON.stringify(data) }) })
    } else {
      const templates = [
        () => `{ Releases(limit: ${pick(['0', '1', '100', '101', '-1', '2147483647'])}, page: ${pick(['0', '1', '-5', '99999'])}) { docs { id } } }`,
        () => `{ Releases(where: { ${pick(['title', 'publishedAt', 'featured', 'createdAt', 'id', 'leadAgency'])}: { ${pick(['equals', 'greater_than', 'in', 'exists', 'like', 'near', 'all'])}: ${pick(['"notadate"', '"2025-13-45"', '1', 'true', '["a"]', '"x"', 'null', '"1,2,3"'])} } }) { docs { id } } }`,
        () => `{ Release(id: ${JSON.stringify(pick(NASTY))}, draft: ${pick(['true', 'false'])}) { id } }`,
        () => `query { ...A } fragment A on Query { ${pick(['...A', '...B', 'Releases { docs { id } }'])} } fragment B on Query { ${pick(['...A', 'Releases { docs { id } }'])} }`,
        () => `mutation { updateRelease(id: "${releaseId}", draft: true, data: { title: ${JSON.stringify(pick(NASTY))}, publishedAt: ${JSON.stringify(pick(NASTY))} }) { id } }`,
        () => `{ Releases(locale: ${pick(['az', 'en', 'all', 'xx'])}, fallbackLocale: ${pick(['az', 'none', 'xx'])}) { docs { id } } }`,
      ]
      const query = pick(templates)()
      const search = pick(['', '', '?locale=all', '?locale=xx', '?draft=maybe'])
      cases.push({ label: `GraphQL${search} ${query.slice(0, 140)}`, run: () => graphql(JSON.stringify({ query }), as, search) })
    }
  }
  return cases
}

describe('fuzz: every public input, a few hundred seeded cases', () => {
  it('never answers 500, and every refusal carries a message without internals', async () => {
    const failures: string[] = []
    for (const c of fuzzCases(360)) {
      let response: Response
      try {
        response = await c.run()
      } catch (error) {
        failures.push(`threw ${(error as Error).message.slice(0, 80)}: ${c.label}`)
        continue
      }
      const text = await response.text()
      if (response.status >= 500) failures.push(`${response.status} ${text.slice(0, 100)}: ${c.label}`)
      else if (response.status >= 400 && !text.trim()) failures.push(`${response.status} with an empty body: ${c.label}`)
      else if (leakIn(text)) failures.push(`${response.status} shows ${leakIn(text)}: ${c.label}`)
    }
    expect(failures).toEqual([])
  }, 120_000)
})

describe('the RSS feed against CDATA breaking (red team round 2)', () => {
  it('a title or lead holding "]]>" cannot end the CDATA and add elements', async () => {
    const { feedText } = await import('@/site/feed')
    const hostile = 'Feed test ]]> x ]]></title><link>javascript:alert(1)</link><title><![CDATA[ end'
    expect(feedText(hostile)).not.toContain(']]>')
    expect(feedText(hostile)).toContain('</title><link>')
  })
})

describe('list fields (red team round 3)', () => {
  it('a draft gallery of thousands of photos, or one naming a photo twice, is refused', async () => {
    const data = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#333' } }).jpeg().toBuffer()
    const photo = await payload.create({ collection: 'media', data: { alt: 'One photo' }, file: { data, name: `rows-${Date.now()}.jpg`, mimetype: 'image/jpeg', size: data.length } })
    const post = (photos: string[]) =>
      rest('POST', 'galleries?draft=true&locale=en', { headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify({ title: `Rows ${Date.now()}`, photos }) })
    const many = await post(Array.from({ length: 3000 }, () => photo.id))
    expect(many.status).toBe(400)
    expect(await many.text()).toMatch(/more than 200/)
    const twice = await post([photo.id, photo.id])
    expect(twice.status).toBe(400)
    expect(await twice.text()).toMatch(/twice/)
    expect((await post([photo.id])).status).toBe(201)
  })
})

describe('GraphQL aliases (red team round 4)', () => {
  it('one request cannot ask for hundreds of lists (or logins) at once', async () => {
    const lists = Array.from({ length: 50 }, (_, i) => `a${i}: Releases(limit: 100) { totalDocs }`).join(' ')
    const many = await graphql(JSON.stringify({ query: `{ ${lists} }` }))
    const body = (await many.json()) as { errors?: { message: string }[]; data?: unknown }
    expect(body.errors?.[0]?.message).toMatch(/at most 10 things at once/)
    expect(body.data ?? null).toBeNull()
    const logins = Array.from({ length: 30 }, (_, i) => `l${i}: loginUser(email: "nobody@test.example", password: "x") { token }`).join(' ')
    const tried = (await (await graphql(JSON.stringify({ query: `mutation { ${logins} }` }))).json()) as { errors?: { message: string }[] }
    expect(tried.errors?.[0]?.message).toMatch(/at most 10 things at once/)
    const few = (await (await graphql(JSON.stringify({ query: '{ a: Releases(limit: 5) { totalDocs } b: Agencies(limit: 5) { totalDocs } }' }))).json()) as { errors?: unknown[] }
    expect(few.errors).toBeUndefined()
  })
})

describe('odd bodies and bulk writes (red team round 4)', () => {
  it('a multipart form without _payload, and a bulk write naming no documents, get a 400 that says why', async () => {
    const form = new FormData()
    form.append('a', 'b')
    const multipart = await rest('POST', 'agencies?draft=true', { headers: auth(), body: form })
    expect(multipart.status).toBe(400)
    expect(await multipart.text()).toMatch(/_payload/)
    const bulk = await rest('PATCH', 'releases?draft=true', { headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify({ lead: 'x' }) })
    expect(bulk.status).toBe(400)
    expect(await bulk.text()).toMatch(/Say which documents/)
  })
})
