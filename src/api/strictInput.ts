import type { CollectionBeforeOperationHook, CollectionConfig, Field, PayloadRequest } from 'payload'

import { PublicError } from '@/lib/errors'
import { isSafeLinkUrl } from '@/lib/safeUrl'

/**
 * Writes from the REST and GraphQL APIs are checked against the collection's fields before Payload
 * sees them, for what Payload would silently drop, coerce or store without validating (draft saves
 * skip validation): unknown and hidden fields (`hash`, `salt`, `resetPasswordToken`…), values of the
 * wrong type (`title: 123` would be stored as "123"), text over its maxLength, malformed or oversized
 * rich text, links with unsafe schemes (`javascript:`), and fields the user may not set (`roles`
 * from a contributor, silently ignored by Payload). The local API (seed, importer, jobs) is trusted.
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
      return null
    }
    case 'date':
    case 'radio':
      return each((v) => typeof v === 'string', 'string')
    case 'select':
      return each((v) => typeof v === 'string', 'string')
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
      if (typeof value !== 'string' && value !== null) return { message: `${at} must be a time zone name.`, status: 400 }
      continue
    }
    if (value === undefined || value === null) continue
    const denied = await deniedProblem(field, value, data, at, ctx)
    if (denied) return { message: denied, status: 403 }
    if (field.localized && ctx.req.locale === 'all') continue
    let problem: { message: string; status: number } | null = null
    if (field.type === 'group') problem = await check(field.fields, value, at, ctx, new Set())
    else if (field.type === 'array') {
      if (!Array.isArray(value)) return { message: `${at} must be a list.`, status: 400 }
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

export const strictInput: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  // Server code is trusted: the local API, and operations a hook runs inside a REST or GraphQL
  // request with `overrideAccess: true` (they share the client's `req`, but not its data).
  if (req.payloadAPI === 'local' || (args as { overrideAccess?: boolean }).overrideAccess === true) return args
  if (operation === 'read') {
    const problem = sortProblem(collection.fields, (args as { sort?: unknown }).sort)
    if (problem) throw new InputError(problem)
    return args
  }
  if (operation !== 'create' && operation !== 'update') return args
  const { data, id } = args as { data?: unknown; id?: string | number }
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

/** Adds the check to a collection, before its own beforeOperation hooks. */
export function withStrictInput(collection: CollectionConfig): CollectionConfig {
  return { ...collection, hooks: { ...collection.hooks, beforeOperation: [strictInput, ...(collection.hooks?.beforeOperation ?? [])] } }
}
