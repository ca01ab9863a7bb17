import { stat } from 'node:fs/promises'
import path from 'node:path'

import type { SanitizedConfig } from 'payload'

import { mediaDir } from '@/config/env'
import { LOCALE_CODES } from '@/i18n/locales'

import { endpointRefusal } from './endpointChecks'
import { MAX_JSON_BODY_BYTES, readBody } from './readBody'

export { MAX_JSON_BODY_BYTES, maxMultipartBodyBytes, readBody } from './readBody'

/**
 * Refusals made before a REST request reaches Payload, for what Payload would otherwise ignore,
 * coerce or answer with a 500: odd paging, sort, depth and locale parameters, over-long query
 * strings, bodies that are not a JSON object, JSON nested too deep or too large (413, counted while
 * the body streams in, before anything parses it), sign-in tokens that cannot be tokens, and file
 * names carrying a path. Each refusal is Payload's error shape, `{ errors: [{ message }] }`.
 */

const MAX_QUERY_LENGTH = 8 * 1024
/** The largest page anyone may ask for (REST `limit`, GraphQL `limit`); the admin's lists offer up to 100. */
export const MAX_PAGE_SIZE = 100
const MAX_PAGE = 100_000
const MAX_DEPTH = 10
const MAX_SORT_FIELDS = 5
/** Deeper than any document of this app (rich text included) needs. */
export const MAX_JSON_NESTING = 64

const JSON_TYPES = new Set(['application/json'])

export function refusal(status: number, message: string): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })
}

const integerIn = (value: string, min: number, max: number) => /^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max

/** The first problem with the paging, sort, depth and locale parameters, or null. */
export function queryProblem(search: string, { maxLength = MAX_QUERY_LENGTH, read = false } = {}): string | null {
  if (search.length > maxLength) return `The query string is longer than ${MAX_QUERY_LENGTH / 1024} KB.`
  const params = new URLSearchParams(search)
  for (const key of new Set(params.keys())) {
    const name = key.split('[')[0]!
    const values = params.getAll(key)
    const value = values[0]!
    const checks: Record<string, () => string | null> = {
      // A read is a page of 1 to MAX_PAGE_SIZE documents; 0 (every match) is left to bulk updates and
      // deletes, which the admin sends with limit=0 and only staff may make.
      limit: () => (integerIn(value, read ? 1 : 0, MAX_PAGE_SIZE) ? null : `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`),
      pagination: () =>
        value !== 'true' && value !== 'false' ? 'pagination must be true or false.' : read && value === 'false' ? `pagination=false is not offered: ask for pages of up to ${MAX_PAGE_SIZE} documents.` : null,
      page: () => (integerIn(value, 1, MAX_PAGE) ? null : `page must be a whole number from 1 to ${MAX_PAGE}.`),
      depth: () => (integerIn(value, 0, MAX_DEPTH) ? null : `depth must be a whole number from 0 to ${MAX_DEPTH}.`),
      locale: () => (value === 'all' || (LOCALE_CODES as readonly string[]).includes(value) ? null : `Unknown locale "${value.slice(0, 20)}": use ${LOCALE_CODES.join(', ')} or all.`),
      'fallback-locale': () => fallbackProblem('fallback-locale', value),
      fallbackLocale: () => fallbackProblem('fallbackLocale', value),
      publishSpecificLocale: () => ((LOCALE_CODES as readonly string[]).includes(value) ? null : `Unknown publishSpecificLocale "${value.slice(0, 20)}": use ${LOCALE_CODES.join(', ')}.`),
      sort: () => sortProblem(value),
      // Payload JSON-parses these when they come as one string (a parse error was a 500).
      where: () => (jsonObjectText(value) ? null : 'where must be given as where[field][operator]=value, or as one JSON object.'),
      data: () => (jsonObjectText(value) ? null : 'data must be a JSON object.'),
      ...Object.fromEntries(BOOLEAN_PARAMS.map((param) => [param, () => (value === 'true' || value === 'false' ? null : `${param} must be true or false.`)])),
    }
    // select[field]=true, populate[collection][field]=true: any other shape reached Payload as a value it failed on.
    if (name === 'select' || name === 'populate' || name === 'joins') {
      if (key === name && !(name === 'joins' && value === '')) return `${name} must be given as ${name === 'populate' ? 'populate[collection][field]' : `${name}[field]`}=true.`
      if (name !== 'joins' && values.some((v) => v !== 'true' && v !== 'false')) return `${name}[…] takes true or false.`
      continue
    }
    const check = Object.hasOwn(checks, name) ? checks[name] : undefined
    // where[…] and data[…] are objects by design: only their one-string form is checked here.
    if ((name === 'where' || name === 'data') && key !== name) continue
    if (!check || (key === name && values.length === 1 && value === '')) continue
    if (key !== name || values.length > 1) return `${name} must be given once, as a plain value.`
    const problem = check()
    if (problem) return problem
  }
  return null
}

const BOOLEAN_PARAMS = ['draft', 'autosave', 'trash', 'overrideLock', 'flattenLocales', 'publishAllLocales', 'unpublishAllLocales']

function fallbackProblem(param: string, value: string): string | null {
  return ['none', 'null', 'false'].includes(value) || (LOCALE_CODES as readonly string[]).includes(value) ? null : `Unknown ${param} "${value.slice(0, 20)}": use ${LOCALE_CODES.join(', ')} or none.`
}

const jsonObjectText = (value: string): boolean => jsonDocumentProblem(value) === null

/** `sort` syntax: a few comma-separated field paths, each optionally prefixed with `-`. */
function sortProblem(value: string): string | null {
  const fields = value.split(',')
  if (fields.length > MAX_SORT_FIELDS) return `sort takes at most ${MAX_SORT_FIELDS} fields.`
  for (const field of fields) {
    if (!/^-?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(field)) return `Cannot sort by "${field.slice(0, 60)}".`
  }
  return null
}

/** Nesting depth of a parsed JSON value, without recursion (a hostile value may be very deep). */
export function jsonDepth(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [item, depth] = stack.pop()!
    if (item === null || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > MAX_JSON_NESTING) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

type Params = { params?: Promise<{ slug?: string[] }> }

/** Refuses a hostile REST request before Payload sees it; otherwise hands it to `handler`. */
export function checked<Context extends Params>(handler: (request: Request, context: Context) => Promise<Response>, config?: Promise<SanitizedConfig> | SanitizedConfig) {
  return async (incoming: Request, context: Context): Promise<Response> => {
    let request = incoming
    // A method override is the read it becomes, with the query Payload acts on, through every check below.
    if (isMethodOverride(incoming)) {
      const read = await overrideAsGet(incoming)
      if ('status' in read) return refusal(read.status, read.message)
      request = read.request
    }
    // Long queries are what the override is for: its body is capped as a body (readBody), not as a URL.
    const maxLength = request === incoming ? MAX_QUERY_LENGTH : MAX_QUERY_LENGTH + MAX_JSON_BODY_BYTES
    const problem = queryProblem(new URL(request.url).search.slice(1), { read: request.method === 'GET' || request.method === 'HEAD', maxLength })
    if (problem) return refusal(problem.startsWith('The query string is longer') ? 414 : 400, problem)
    const header = headerProblem(request.headers)
    if (header) return refusal(400, header)
    const slug = (await context?.params)?.slug ?? []
    // Payload answers /versions of a collection without versions with a 500.
    if (config && slug[1] === 'versions') {
      const collection = (await config).collections.find((c) => c.slug === slug[0])
      if (collection && !collection.versions) return refusal(404, `${slug[0].slice(0, 40)} keeps no versions.`)
    }
    // A bulk write names its documents: Payload answers one without `where` with "An unknown error occurred."
    if (config && slug.length === 1 && (request.method === 'PATCH' || request.method === 'DELETE') && ![...new URL(request.url).searchParams.keys()].some((key) => key === 'where' || key.startsWith('where['))) {
      if ((await config).collections.some((c) => c.slug === slug[0])) {
        return refusal(400, 'Say which documents: an id in the address, or a where filter in the query.')
      }
    }
    const endpoint = config ? await endpointRefusal(request.method, slug, request.headers, config) : null
    if (endpoint) return refusal(endpoint.status, endpoint.message)
    const file = mediaFileName(request.method, slug)
    if (file !== null) {
      const name = fileNameProblem(file)
      if (name) return refusal(400, name)
    }
    const read = await readBody(request)
    if ('status' in read) return refusal(read.status, read.message)
    const body = await bodyProblem(read.request)
    if (body) return refusal(body.status, body.message)
    const response = await handler(read.request, context)
    if (file !== null && response.status === 500 && !(await stat(path.join(mediaDir(), file)).catch(() => null))?.isFile()) {
      // Payload answers a file missing from the disk with a bare 500.
      return refusal(404, `The file "${file.slice(0, 100)}" is not on the server: upload the photo again.`)
    }
    return response
  }
}

const OVERRIDE_HEADERS = ['x-payload-http-method-override', 'x-http-method-override']

/**
 * Payload runs a POST carrying `X-Payload-HTTP-Method-Override: GET` or `X-HTTP-Method-Override: GET`
 * (exactly so) as a GET (handleEndpoints), with a query it builds from the body: a form body pasted
 * after the URL's own `?`, or a JSON body's `locale` and `fallbackLocale` pasted in unescaped
 * (`{"locale":"az&limit=0&pagination=false"}` became `?locale=az&limit=0&pagination=false`).
 */
export const isMethodOverride = (request: Request): boolean =>
  request.method.toUpperCase() === 'POST' && OVERRIDE_HEADERS.some((name) => request.headers.get(name) === 'GET')

/** Keys Payload reads from a JSON method-override body (as `locale` and `fallbackLocale` parameters). */
const OVERRIDE_JSON_KEYS = ['locale', 'fallbackLocale']

/**
 * The GET a method-override POST stands for, built here rather than by Payload, so the query every
 * check reads is the one Payload acts on: the URL's parameters and then a form body's (the admin sends
 * long list queries so), or a JSON body's `locale` and `fallbackLocale` as properly escaped values.
 * A JSON body holding anything else, or values that are not plain strings, and bodies of any other
 * type are refused. The body is read under the same size limits as any other.
 */
export async function overrideAsGet(request: Request): Promise<{ request: Request } | { status: number; message: string }> {
  const read = await readBody(request)
  if ('status' in read) return read
  const text = await read.request.text()
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const url = new URL(request.url)
  const parts = url.search.slice(1) ? [url.search.slice(1)] : []
  if (text.trim() !== '') {
    if (type === 'application/x-www-form-urlencoded') parts.push(text)
    else if (JSON_TYPES.has(type)) {
      const problem = jsonDocumentProblem(text, 'The method-override body')
      if (problem) return { status: 400, message: problem }
      const data = JSON.parse(text) as Record<string, unknown>
      for (const [key, value] of Object.entries(data)) {
        if (!OVERRIDE_JSON_KEYS.includes(key)) {
          return { status: 400, message: `A JSON method-override body carries only ${OVERRIDE_JSON_KEYS.join(' and ')}: send "${key.slice(0, 40)}" and other query parameters as a form (application/x-www-form-urlencoded).` }
        }
        if (typeof value !== 'string') return { status: 400, message: `${key} in a method-override body must be a language code.` }
        parts.push(`${key}=${encodeURIComponent(value)}`)
      }
    } else return { status: 415, message: 'Send a method-override query as a form (application/x-www-form-urlencoded), or as JSON with locale and fallbackLocale.' }
  }
  url.search = parts.join('&')
  const headers = new Headers(request.headers)
  for (const name of [...OVERRIDE_HEADERS, 'content-type', 'content-length', 'transfer-encoding']) headers.delete(name)
  return { request: new Request(url, { method: 'GET', headers, signal: request.signal }) }
}

/** The file name of `GET /api/media/file/<name>`, or null for any other request. */
function mediaFileName(method: string, slug: string[]): string | null {
  if ((method !== 'GET' && method !== 'HEAD') || slug[0] !== 'media' || slug[1] !== 'file' || slug.length < 3) return null
  return slug.slice(2).join('/')
}

/** Characters a token never holds: outside printable ASCII. */
const NOT_TOKEN = /[^\x21-\x7E]/

/**
 * A sign-in token (Authorization header, payload-token cookie) holding characters no token has:
 * refused, rather than silently read as "not signed in" or failing deeper down.
 */
export function headerProblem(headers: Headers): string | null {
  const authorization = headers.get('authorization')
  if (authorization !== null && /[^\x20-\x7E]/.test(authorization)) return 'The Authorization header holds characters no sign-in token has: sign in again.'
  const cookie = headers.get('cookie')
  if (cookie) {
    for (const part of cookie.split(';')) {
      const at = part.indexOf('=')
      if (at < 0 || part.slice(0, at).trim() !== 'payload-token') continue
      const value = part.slice(at + 1).trim()
      if (NOT_TOKEN.test(value) || /%/.test(value)) return 'The payload-token cookie holds characters no sign-in token has: sign in again.'
    }
  }
  return null
}

/** A JSON document body: must parse, be an object, and not nest deeper than MAX_JSON_NESTING. */
export function jsonDocumentProblem(text: string, what = 'The request body'): string | null {
  // JSON.parse recurses: nesting deep enough to overflow its stack is refused before parsing.
  let open = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') {
      if (++open > MAX_JSON_NESTING) return `${what} is nested deeper than ${MAX_JSON_NESTING} levels.`
    } else if (c === '}' || c === ']') open--
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return `${what} is not valid JSON.`
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${what} must be a JSON object.`
  return null
}

/** A file name as the client sent it: a plain name, never a path. */
export function fileNameProblem(name: string): string | null {
   
  if (/[\u0000-\u001F\u007F]/.test(name)) return 'The file name contains control characters.'
  if (/[/\\]/.test(name) || name === '.' || name === '..') return 'The file name must be a plain name, without a folder path.'
  if (name.length > 255) return 'The file name is longer than 255 characters.'
  return null
}

/** The first problem with a write's body, or null. Reads a clone: the original is left for Payload. */
export async function bodyProblem(request: Request): Promise<{ status: number; message: string } | null> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return null
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const text = type.startsWith('multipart/') ? null : await request.clone().text()
  // The admin sends some POSTs (e.g. /api/media/access) with a JSON content type and no body.
  if (text === '') return null
  if (JSON_TYPES.has(type)) {
    const problem = jsonDocumentProblem(text ?? '')
    return problem ? { status: 400, message: problem } : null
  }
  // A form body is only ever a method-override query (overrideAsGet): Payload reads no form as a document.
  if (type !== 'multipart/form-data') return { status: 415, message: 'Send the body as application/json (or multipart/form-data for uploads).' }
  let form: FormData
  try {
    form = await request.clone().formData()
  } catch {
    return { status: 400, message: 'The multipart form could not be read.' }
  }
  // Payload reads a form's fields only from `_payload` (JSON); without it a write failed with a 500.
  if (!form.has('_payload') && !form.has('file')) {
    return { status: 400, message: 'A multipart form carries its fields as JSON in a _payload field (and a file for uploads).' }
  }
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      if (name !== '_payload') continue
      const problem = jsonDocumentProblem(value, 'The _payload field')
      if (problem) return { status: 400, message: problem }
    } else {
      const problem = fileNameProblem(value.name)
      if (problem) return { status: 400, message: problem }
    }
  }
  return null
}
