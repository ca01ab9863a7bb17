import { LOCALE_CODES } from '@/i18n/locales'

/**
 * Refusals made before a REST request reaches Payload, for what Payload would otherwise ignore,
 * coerce or answer with a 500: odd paging, sort, depth and locale parameters, over-long query
 * strings, bodies that are not a JSON object, JSON nested too deep, and upload file names carrying
 * a path. Each refusal is Payload's error shape, `{ errors: [{ message }] }`.
 */

const MAX_QUERY_LENGTH = 8 * 1024
const MAX_LIMIT = 1000
const MAX_PAGE = 100_000
const MAX_DEPTH = 10
const MAX_SORT_FIELDS = 5
/** Deeper than any document of this app (rich text included) needs. */
export const MAX_JSON_NESTING = 64

const JSON_TYPES = new Set(['application/json'])
const FORM_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded'])

export function refusal(status: number, message: string): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })
}

const integerIn = (value: string, min: number, max: number) => /^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max

/** The first problem with the paging, sort, depth and locale parameters, or null. */
export function queryProblem(search: string, { maxLength = MAX_QUERY_LENGTH } = {}): string | null {
  if (search.length > maxLength) return `The query string is longer than ${MAX_QUERY_LENGTH / 1024} KB.`
  const params = new URLSearchParams(search)
  for (const key of new Set(params.keys())) {
    const name = key.split('[')[0]!
    const values = params.getAll(key)
    const value = values[0]!
    const checks: Record<string, () => string | null> = {
      limit: () => (integerIn(value, 0, MAX_LIMIT) ? null : `limit must be a whole number from 0 to ${MAX_LIMIT}.`),
      page: () => (integerIn(value, 1, MAX_PAGE) ? null : `page must be a whole number from 1 to ${MAX_PAGE}.`),
      depth: () => (integerIn(value, 0, MAX_DEPTH) ? null : `depth must be a whole number from 0 to ${MAX_DEPTH}.`),
      locale: () => (value === 'all' || (LOCALE_CODES as readonly string[]).includes(value) ? null : `Unknown locale "${value.slice(0, 20)}": use ${LOCALE_CODES.join(', ')} or all.`),
      'fallback-locale': () =>
        ['none', 'null', 'false'].includes(value) || (LOCALE_CODES as readonly string[]).includes(value)
          ? null
          : `Unknown fallback-locale "${value.slice(0, 20)}": use ${LOCALE_CODES.join(', ')} or none.`,
      draft: () => (value === 'true' || value === 'false' ? null : 'draft must be true or false.'),
      pagination: () => (value === 'true' || value === 'false' ? null : 'pagination must be true or false.'),
      sort: () => sortProblem(value),
    }
    const check = checks[name]
    if (!check || (key === name && values.length === 1 && value === '')) continue
    if (key !== name || values.length > 1) return `${name} must be given once, as a plain value.`
    const problem = check()
    if (problem) return problem
  }
  return null
}

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

/** Refuses a hostile REST request before Payload sees it; otherwise hands it to `handler`. */
export function checked<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const problem = queryProblem(new URL(request.url).search.slice(1))
    if (problem) return refusal(problem.startsWith('The query string is longer') ? 414 : 400, problem)
    const body = await bodyProblem(request)
    if (body) return refusal(body.status, body.message)
    return handler(request, context)
  }
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
  // `X-Payload-HTTP-Method-Override: GET` carries the query string in the body.
  if (request.headers.get('x-payload-http-method-override')?.toUpperCase() === 'GET' && type === 'application/x-www-form-urlencoded') {
    // Long queries are what the override is for: only the parameters are checked.
    const problem = queryProblem(text ?? '', { maxLength: Infinity })
    if (problem) return { status: 400, message: problem }
  }
  if (JSON_TYPES.has(type)) {
    const problem = jsonDocumentProblem(text ?? '')
    return problem ? { status: 400, message: problem } : null
  }
  if (!FORM_TYPES.has(type)) return { status: 415, message: 'Send the body as application/json (or multipart/form-data for uploads).' }
  if (type !== 'multipart/form-data') return null
  let form: FormData
  try {
    form = await request.clone().formData()
  } catch {
    return { status: 400, message: 'The multipart form could not be read.' }
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
