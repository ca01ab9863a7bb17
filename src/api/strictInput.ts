import type { CollectionBeforeOperationHook, CollectionConfig, Field, PayloadRequest } from 'payload'

import { LOCALE_CODES } from '@/i18n/locales'
import { PublicError } from '@/lib/errors'
import { isSafeLinkUrl } from '@/lib/safeUrl'

/**
 * Writes from the REST and GraphQL APIs are checked against the collection's fields before Payload
 * sees them, for what Payload would silently drop, coerce or store without validating (draft saves
 * skip validation): unknown and hidden fields (`hash`, `salt`, `resetPasswordToken`…), values of the
 * wrong type (`title: 123` would be stored as "123"), text over its maxLength, malformed or oversized
 * rich text, links with unsafe schemes (`javascript:`), and fields the user may not set (`roles`
 * from a contributor, silently ignored by Payload), characters no text may hold (control
 * characters, lone surrogates, U+FFFE/U+FFFF: they break XML such as the RSS feed), dates that are
 * no dates. A write must name one language: with `locale=all` (or anything else this check cannot
 * read a field's value in) it is refused, not waved through. `where` conditions (reads, counts, bulk
 * updates and deletes) are checked against the fields' types before the database sees them. The
 * local API (seed, importer, jobs) is trusted.
 */

const MAX_RICH_TEXT_BYTES = 512 * 1024
const CORE_NODE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab']
/** Keys Payload itself reads on a write, besides the collection's fields. */
const SYSTEM_KEYS = new Set(['id', 'createdAt', 'updatedAt', '_status', 'password', 'confirm-password', 'file'])

export class InputError extends PublicError {
  constructor(message: string, status = 400) {
    super('InputError', message, status)
  }
}

type Data = Record<string, unknown>
type FieldWithName = Exclude<Extract<Field, { name: string }>, { type: 'ui' }>

interface Context {
  req: PayloadRequest
  operation: 'create' | 'update'
  id?: string | number
  data: Data
  original: () => Promise<Data | null>
}

const isObject = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value)

/** The fields whose values sit directly in `data`: rows, collapsibles and unnamed tabs are looked through. */
function dataFields(fields: Field[]): FieldWithName[] {
  const out: FieldWithName[] = []
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) out.push({ ...tab, type: 'group' } as unknown as FieldWithName)
        else out.push(...dataFields(tab.fields))
      }
    } else if (field.type === 'ui') continue
    else if ('name' in field && field.name) out.push(field as FieldWithName)
    else if ('fields' in field) out.push(...dataFields(field.fields))
  }
  return out
}

/** Characters no stored text may hold; `multiLine` text may hold tab, line feed and carriage return. */
const INVALID_SINGLE_LINE = /[\u0000-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const INVALID_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function invalidCharacter(value: string, multiLine: boolean): string | null {
  const found = (multiLine ? INVALID_MULTI_LINE : INVALID_SINGLE_LINE).exec(value)
  if (!found) return null
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

const characterProblem = (path: string, value: string, multiLine: boolean): string | null => {
  const found = invalidCharacter(value, multiLine)
  return found ? `${path} holds a character text may not contain (${found}, a control or invalid character): remove it.` : null
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/

/** An ISO 8601 date (or date and time) that names a real day: `2025-13-45` and `2025-02-30` are not. */
export function isIsoDate(value: string): boolean {
  const parts = ISO_DATE.exec(value)
  if (!parts) return false
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false
  if (parts[4] !== undefined && (Number(parts[4]) > 23 || Number(parts[5]) > 59 || Number(parts[6] ?? 0) > 59)) return false
  return !Number.isNaN(new Date(value).getTime())
}

function richTextProblem(field: FieldWithName, value: unknown, path: string): string | null {
  if (!isObject(value) || !isObject(value.root) || value.root.type !== 'root' || !Array.isArray(value.root.children)) {
    return `${path} must be a rich-text document with a root node.`
  }
  if (JSON.stringify(value).length > MAX_RICH_TEXT_BYTES) return `${path} is larger than ${MAX_RICH_TEXT_BYTES / 1024} KB.`
  const editor = (field as { editor?: { editorConfig?: { features?: { nodes?: { node: { getType: () => string } }[] } } } }).editor
  const known = new Set([...CORE_NODE_TYPES, ...(editor?.editorConfig?.features?.nodes ?? []).map((n) => n.node.getType())])
  const stack: unknown[] = [value.root]
  while (stack.length) {
    const node = stack.pop()
    if (!isObject(node) || typeof node.type !== 'string') return `${path} holds a malformed node.`
    if (!known.has(node.type)) return `${path} holds a node of unknown type "${node.type.slice(0, 40)}".`
    if (node.type === 'text' && typeof node.text !== 'string') return `${path} holds a text node without text.`
    if (node.type === 'text') {
      const problem = characterProblem(path, node.text as string, true)
      if (problem) return problem
    }
    if (node.type === 'link' || node.type === 'autolink') {
      const fields = isObject(node.fields) ? node.fields : {}
      if (fields.linkType !== 'internal' && !isSafeLinkUrl(fields.url)) {
        return `${path} holds a link to "${String(fields.url).slice(0, 60)}": links must be http, https, mailto or tel addresses, or paths on this site.`
      }
    }
    if (node.children !== undefined) {
      if (!Array.isArray(node.children)) return `${path} holds a malformed node.`
      stack.push(...node.children)
    }
  }
  return null
}

/** A list field's own maxRows, else 200: no list the site shows is longer. */
const DEFAULT_MAX_ROWS = 200
const maxRowsOf = (field: FieldWithName): number => ('maxRows' in field && typeof field.maxRows === 'number' ? field.maxRows : DEFAULT_MAX_ROWS)

function scalarProblem(field: FieldWithName, value: unknown, path: string): string | null {
  const many = 'hasMany' in field && field.hasMany
  const each = (check: (v: unknown) => boolean, kind: string) => {
    const values = many ? value : [value]
    if (!Array.isArray(values) || !values.every((v) => v === null || check(v))) return `${path} must be ${many ? `a list of ${kind}s` : `a ${kind}`}.`
    return null
  }
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      const problem = each((v) => typeof v === 'string', 'string')
      if (problem) return problem
      const max = 'maxLength' in field ? field.maxLength : undefined
      const values = (many ? value : [value]) as (string | null)[]
      if (max && values.some((v) => v !== null && v.length > max)) return `${path} is longer than ${max} characters.`
      const multiLine = field.type === 'textarea' || field.type === 'code'
      for (const v of values) {
        const bad = v === null ? null : characterProblem(path, v, multiLine)
        if (bad) return bad
      }
      return null
    }
    case 'date': {
      const problem = each((v) => typeof v === 'string', 'string')
      if (problem) return problem
      const values = (many ? value : [value]) as (string | null)[]
      if (values.some((v) => v !== null && !isIsoDate(v))) return `${path} must be a date such as 2025-01-31 or 2025-01-31T09:30:00.000Z.`
      return null
    }
    case 'radio':
    case 'select': {
      // Draft saves skip Payload's own check of the options.
      const options = new Set(field.options.map((option) => (typeof option === 'string' ? option : option.value)))
      const what = field.name.endsWith('_tz') ? 'a time zone name' : 'one of'
      return each((v) => typeof v === 'string' && options.has(v), 'string') ? `${path} must be ${what}: ${[...options].join(', ').slice(0, 200)}.` : null
    }
    case 'checkbox':
      return each((v) => typeof v === 'boolean', 'true or false value')
    case 'number':
      return each((v) => typeof v === 'number' && Number.isFinite(v), 'number')
    default:
      return null
  }
}

/** Ids of existing documents (the database would fail on others, draft saves skip Payload's own check). */
async function relationProblem(field: Extract<FieldWithName, { type: 'relationship' | 'upload' }>, value: unknown, path: string, ctx: Context): Promise<string | null> {
  const many = 'hasMany' in field && field.hasMany
  const values = many ? value : [value]
  if (!Array.isArray(values)) return `${path} must be a list of ids.`
  // Draft saves skip Payload's own maxRows: a list of thousands would be served on every read.
  if (values.length > maxRowsOf(field)) return `${path} holds more than ${maxRowsOf(field)} documents.`
  const keys = values.map((item) => JSON.stringify(isObject(item) ? [item.relationTo, item.value] : item))
  if (new Set(keys).size !== keys.length) return `${path} names the same document twice.`
  const wanted = new Map<string, Set<string | number>>()
  for (const item of values) {
    if (item === null) continue
    let collection: unknown = field.relationTo
    let id: unknown = item
    if (Array.isArray(field.relationTo)) {
      if (!isObject(item)) return `${path} must name the collection and the id of each document.`
      collection = item.relationTo
      id = item.value
    }
    if (typeof collection !== 'string' || !([field.relationTo].flat() as string[]).includes(collection)) {
      return `${path} may not point to "${String(collection).slice(0, 40)}".`
    }
    if ((typeof id !== 'string' || id === '' || id.length > 100) && typeof id !== 'number') return `${path} must hold document ids.`
    wanted.set(collection, (wanted.get(collection) ?? new Set()).add(id))
  }
  for (const [collection, ids] of wanted) {
    const { totalDocs } = await ctx.req.payload.count({ collection: collection as 'releases', where: { id: { in: [...ids] } }, overrideAccess: true, req: ctx.req })
    if (totalDocs !== ids.size) return `${path} points to a document that does not exist.`
  }
  return null
}

async function deniedProblem(field: FieldWithName, value: unknown, siblingData: Data, path: string, ctx: Context): Promise<string | null> {
  const access = field.access?.[ctx.operation]
  if (!access) return null
  const allowed = await access({ req: ctx.req, id: ctx.id, data: ctx.data, siblingData, doc: (await ctx.original()) ?? undefined })
  if (allowed) return null
  // Forms send every field back: the value already stored (or the default) is no attempt to change it.
  const stored = ctx.operation === 'update' ? storedValue(await ctx.original(), path) : 'defaultValue' in field ? field.defaultValue : undefined
  const empty = (v: unknown) => v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0)
  if (JSON.stringify(value) === JSON.stringify(stored) || (empty(value) && empty(stored))) return null
  return `You are not allowed to set ${path}.`
}

const storedValue = (doc: Data | null, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), doc)

async function check(fields: Field[], data: unknown, path: string, ctx: Context, extraKeys: Set<string>): Promise<{ message: string; status: number } | null> {
  if (!isObject(data)) return { message: `${path || 'The document'} must be an object.`, status: 400 }
  const byName = new Map(dataFields(fields).map((f) => [f.name, f]))
  for (const [key, value] of Object.entries(data)) {
    const at = path ? `${path}.${key}` : key
    const field = byName.get(key) ?? (key.endsWith('_tz') ? byName.get(key.slice(0, -3)) : undefined)
    if (!field) {
      if (extraKeys.has(key)) continue
      return { message: `Unknown field: ${at.slice(0, 100)}.`, status: 400 }
    }
    // Hidden fields (auth internals) are Payload's own: a client may only leave them empty.
    if (field.hidden && value !== null && value !== undefined) return { message: `Unknown field: ${at.slice(0, 100)}.`, status: 400 }
    if (field.name !== key) {
      const zones = (ctx.req.payload.config.admin?.timezones?.supportedTimezones ?? []).map((zone) => zone.value)
      if (value !== null && (typeof value !== 'string' || (zones.length > 0 && !zones.includes(value)))) {
        return { message: `${at} must be a time zone name: ${zones.join(', ') || 'e.g. Asia/Baku'}.`, status: 400 }
      }
      continue
    }
    // A group is an object: null reached the workflow and the database as a 500.
    if (value === null && field.type === 'group') return { message: `${at} must be an object (leave it out to keep what is stored).`, status: 400 }
    if (value === undefined || value === null) continue
    const denied = await deniedProblem(field, value, data, at, ctx)
    if (denied) return { message: denied, status: 403 }
    let problem: { message: string; status: number } | null = null
    if (field.type === 'group') problem = await check(field.fields, value, at, ctx, new Set())
    else if (field.type === 'array') {
      if (!Array.isArray(value)) return { message: `${at} must be a list.`, status: 400 }
      if (value.length > maxRowsOf(field)) return { message: `${at} holds more than ${maxRowsOf(field)} rows.`, status: 400 }
      for (const [i, row] of value.entries()) {
        problem ??= await check(field.fields, row, `${at}.${i}`, ctx, new Set(['id']))
      }
    } else if (field.type === 'blocks') {
      if (!Array.isArray(value)) return { message: `${at} must be a list.`, status: 400 }
      for (const [i, row] of value.entries()) {
        const block = isObject(row) ? field.blocks.find((b) => b.slug === row.blockType) : undefined
        if (!block) return { message: `${at}.${i} is not a known block.`, status: 400 }
        problem ??= await check(block.fields, row, `${at}.${i}`, ctx, new Set(['id', 'blockType', 'blockName']))
      }
    } else if (field.type === 'relationship' || field.type === 'upload') {
      const message = await relationProblem(field, value, at, ctx)
      if (message) problem = { message, status: 400 }
    } else if (field.type === 'richText') {
      const message = richTextProblem(field, value, at)
      if (message) problem = { message, status: 400 }
    } else {
      const message = scalarProblem(field, value, at)
      if (message) problem = { message, status: 400 }
    }
    if (problem) return problem
  }
  return null
}

const TIMESTAMP_PATHS = new Set(['id', 'createdAt', 'updatedAt', '_status'])

/** A sort path must name a visible field of the collection itself (no trip through a relationship). */
function sortProblem(fields: Field[], sort: unknown): string | null {
  const paths = (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []).map((p) => String(p).replace(/^-/, '')).filter(Boolean)
  for (const sortPath of paths) {
    if (TIMESTAMP_PATHS.has(sortPath)) continue
    let level = fields
    const segments = sortPath.split('.')
    for (const [i, segment] of segments.entries()) {
      const field = dataFields(level).find((f) => f.name === segment)
      const last = i === segments.length - 1
      if (!field || field.hidden || (!last && field.type !== 'group')) return `Cannot sort by "${sortPath.slice(0, 60)}".`
      if (field.type === 'group') level = field.fields
      else if (!last) return `Cannot sort by "${sortPath.slice(0, 60)}".`
    }
  }
  return null
}

const OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'not_like', 'contains', 'near', 'within', 'intersects'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const COMPARE_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const MAX_WHERE_NODES = 500

type Scalar = string | number | boolean | null
const isScalar = (value: unknown): value is Scalar => value === null || ['string', 'number', 'boolean'].includes(typeof value)
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : isObject(value) ? Object.values(value) : typeof value === 'string' ? value.split(',') : [value])
const isBooleanLike = (value: unknown) => typeof value === 'boolean' || value === 'true' || value === 'false'
const isDateLike = (value: unknown) =>
  (typeof value === 'string' || typeof value === 'number') && value !== '' && !Number.isNaN(new Date(value).getTime())

/** A path that goes on inside a rich-text field (`body.root`): the SQL adapters cannot query into one (a 500). */
export class InsideRichText {
  constructor(readonly field: string) {}
}

/** The field a where path names (through groups, arrays, blocks and relations), or undefined. */
function fieldAt(fields: Field[], segments: string[], ctx: { req: PayloadRequest }): FieldWithName | 'system-date' | InsideRichText | undefined {
  let level = fields
  let field: FieldWithName | undefined
  for (const [i, segment] of segments.entries()) {
    if (field && (field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      level = ctx.req.payload.collections[field.relationTo]?.config.fields ?? []
    }
    if (field?.type === 'richText') return new InsideRichText(segments.slice(0, i).join('.'))
    if ((segment === 'createdAt' || segment === 'updatedAt') && i === segments.length - 1) return 'system-date'
    field = dataFields(level).find((f) => f.name === segment)
    if (!field) return undefined
    if (field.type === 'group' || field.type === 'array') level = field.fields
    else if (field.type === 'blocks') level = field.blocks.flatMap((b) => b.fields)
  }
  return field
}

function conditionProblem(field: FieldWithName | 'system-date' | InsideRichText | undefined, path: string, operator: string, value: unknown): string | null {
  if (field instanceof InsideRichText) return `${path}: cannot search inside rich text; search ${field.field} itself (e.g. ${field.field} contains a word).`
  // Neither SQL adapter can answer "all" (Payload's drizzle adapter leaves it out): one answer on every database.
  if (operator === 'all') return `${path}: "all" is not offered; ask for each value with "equals" inside "and", or for any of them with "in".`
  const type = field === 'system-date' ? 'date' : field?.type
  // A relationship to several collections holds pairs: the SQL adapters fail on a condition on the pair itself.
  if (field !== 'system-date' && (field?.type === 'relationship' || field?.type === 'upload') && Array.isArray(field.relationTo)) {
    return `${path}: ask about ${path}.value (a document id) or ${path}.relationTo (a collection), not the pair.`
  }
  if (GEO_OPERATORS.has(operator)) return type === 'point' ? null : `${path}: "${operator}" works only on map points.`
  if (operator === 'exists') return isBooleanLike(value) ? null : `${path}: "exists" takes true or false.`
  if ((operator === 'like' || operator === 'not_like' || operator === 'contains') && (type === 'date' || type === 'number' || type === 'checkbox')) {
    return `${path}: "${operator}" works only on text.`
  }
  // GraphQL can send null, numbers and booleans where REST sends text: the SQL adapters failed on null, and on anything but text in rich text and JSON.
  if ((operator === 'like' || operator === 'not_like' || operator === 'contains') && typeof value !== 'string' && (typeof value !== 'number' || type === 'richText' || type === 'json')) {
    return `${path}: "${operator}" takes a piece of text.`
  }
  const values = LIST_OPERATORS.has(operator) ? asList(value) : [value]
  if (!values.every(isScalar)) return `${path}: "${operator}" takes ${LIST_OPERATORS.has(operator) ? 'a list of values' : 'one value'}, not an object.`
  if (values.length > 1000) return `${path}: "${operator}" takes at most 1000 values.`
  if (type === 'date' && COMPARE_OPERATORS.has(operator) && !values.every((v) => v === null || isDateLike(v))) {
    return `${path}: "${String(values.find((v) => !isDateLike(v))).slice(0, 40)}" is not a date (use e.g. 2025-01-31).`
  }
  if (type === 'number' && COMPARE_OPERATORS.has(operator) && !values.every((v) => v === null || (v !== '' && Number.isFinite(Number(v))))) return `${path}: "${operator}" takes a number.`
  if (type === 'checkbox' && (operator === 'equals' || operator === 'not_equals') && !values.every((v) => v === null || isBooleanLike(v))) return `${path}: "${operator}" takes true or false.`
  return null
}

/** The first problem with a where condition's shape or values, or null (unknown paths and operators are Payload's to refuse). */
export function whereProblem(fields: Field[], where: unknown, ctx: { req: PayloadRequest }, versions = false): string | null {
  if (where === undefined || where === null) return null
  let nodes = 0
  const stack: unknown[] = [where]
  while (stack.length) {
    const node = stack.pop()
    if (++nodes > MAX_WHERE_NODES) return `The where condition has more than ${MAX_WHERE_NODES} parts.`
    if (!isObject(node)) return 'where must be given as where[field][operator]=value.'
    for (const [key, condition] of Object.entries(node)) {
      if (key === 'and' || key === 'or') {
        if (!Array.isArray(condition) && !isObject(condition)) return `where: "${key}" takes a list of conditions.`
        stack.push(...Object.values(condition))
        continue
      }
      if (!isObject(condition)) continue // Payload refuses a path without an operator itself.
      let segments = key.split('.')
      if (versions && segments[0] === 'version') segments = segments.slice(1)
      const field = fieldAt(fields, segments, ctx)
      for (const [operator, value] of Object.entries(condition)) {
        if (!OPERATORS.has(operator)) continue
        const problem = conditionProblem(field, key.slice(0, 60), operator, value)
        if (problem) return problem
      }
    }
  }
  return null
}

/** Server code is trusted: the local API, and operations a hook runs inside a REST or GraphQL request with `overrideAccess: true` (they share the client's `req`, but not its data). */
const trusted = (args: unknown, req: PayloadRequest) => req.payloadAPI === 'local' || (args as { overrideAccess?: boolean }).overrideAccess === true

/** Refuses a `where` (any operation) or a `sort` (reads) the collection's fields cannot answer. */
function refuseBadQuery(args: unknown, operation: string, req: PayloadRequest, fields: Field[]): void {
  const where = whereProblem(fields, (args as { where?: unknown }).where, { req }, operation === 'findVersions' || operation === 'countVersions')
  if (where) throw new InputError(where)
  if (operation === 'read') {
    const problem = sortProblem(fields, (args as { sort?: unknown }).sort)
    if (problem) throw new InputError(problem)
  }
}

export const strictInput: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (trusted(args, req)) return args
  refuseBadQuery(args, operation, req, collection.fields)
  if (operation !== 'create' && operation !== 'update') return args
  const { data, id } = args as { data?: unknown; id?: string | number }
  // One language per write: with `all` (or a language this check does not know) a localized value
  // is a map of languages this check would have to wave through; Payload would store it unchecked.
  if (!(LOCALE_CODES as readonly (string | undefined)[]).includes(req.locale ?? undefined)) {
    throw new InputError(`Write one language at a time: locale must be ${LOCALE_CODES.join(', ')} (not "${String(req.locale).slice(0, 20)}").`)
  }
  if (data === undefined) return args
  let original: Promise<Data | null> | undefined
  const ctx: Context = {
    req,
    operation,
    id,
    data: isObject(data) ? data : {},
    original: () =>
      (original ??=
        id === undefined
          ? Promise.resolve(null)
          : req.payload
              .findByID({ collection: collection.slug as 'releases', id, depth: 0, draft: true, overrideAccess: true, locale: req.locale ?? undefined, fallbackLocale: false, req, disableErrors: true })
              .then((doc) => (doc ?? null) as Data | null)),
  }
  const problem = await check(collection.fields, data, '', ctx, SYSTEM_KEYS)
  if (problem) throw new InputError(problem.message, problem.status)
  return args
}

/**
 * The `where` and `sort` checks alone, for the collections Payload adds itself (preferences, document
 * locks, jobs…): their writes are Payload's own, but their `where` reached the database unchecked
 * (a list where a value belongs, `all`, a condition on a polymorphic relationship: a 500).
 */
export const strictWhere: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (!trusted(args, req)) refuseBadQuery(args, operation, req, collection.fields)
  return args
}

/** Adds strictWhere to every collection of a built config that has no strictInput (Payload's own). */
export function withStrictWhere<Config extends { collections: CollectionConfig[] }>(config: Config): Config {
  for (const collection of config.collections) {
    const hooks = (collection.hooks ??= {})
    const before = (hooks.beforeOperation ??= [])
    if (!before.includes(strictInput)) before.unshift(strictWhere)
  }
  return config
}

/** Adds the check to a collection, before its own beforeOperation hooks. */
export function withStrictInput(collection: CollectionConfig): CollectionConfig {
  return { ...collection, hooks: { ...collection.hooks, beforeOperation: [strictInput, ...(collection.hooks?.beforeOperation ?? [])] } }
}
