import {
  BREAK,
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  type OperationDefinitionNode,
  parse,
  type ValidationRule,
  type ValueNode,
  visit,
} from 'graphql'
// The CommonJS build, which graphql-http checks errors against: `import 'graphql'` may resolve to the
// ES build, a second copy whose errors graphql-http would not recognise.
import { GraphQLError } from 'graphql/error/GraphQLError.js'

import { headerProblem, MAX_PAGE_SIZE, queryProblem, readBody, refusal } from './requestChecks'

/** Auth internals Payload keeps on users: never selectable, whoever asks (they would only ever be null). */
const HIDDEN_AUTH_FIELDS = new Set(['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil', '_verificationToken', 'sessions'])

export const refuseHiddenAuthFields: ValidationRule = (context) => ({
  Field(node) {
    if (!HIDDEN_AUTH_FIELDS.has(node.name.value)) return
    const parent = context.getParentType()
    context.reportError(new GraphQLError(`Cannot query field "${node.name.value}" on type "${parent?.name ?? 'unknown'}".`, { nodes: node }))
  },
})

/** Deep enough for every real query of this schema and for introspection; deeper ones only cost. */
export const MAX_QUERY_DEPTH = 15

type Selectable = { selectionSet?: { selections: readonly Selection[] } }
type Selection = Selectable & { kind: string; name?: { value: string } }

export const limitQueryDepth: ValidationRule = (context) => {
  const depthOf = (node: Selectable, seen: Set<string>): number => {
    let deepest = 0
    for (const selection of node.selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') deepest = Math.max(deepest, 1 + depthOf(selection, seen))
      else if (selection.kind === 'InlineFragment') deepest = Math.max(deepest, depthOf(selection, seen))
      else if (selection.kind === 'FragmentSpread' && selection.name && !seen.has(selection.name.value)) {
        const fragment = context.getFragment(selection.name.value)
        if (fragment) deepest = Math.max(deepest, depthOf(fragment, new Set([...seen, selection.name.value])))
      }
      if (deepest > MAX_QUERY_DEPTH) break
    }
    return deepest
  }
  return {
    OperationDefinition(node) {
      if (depthOf(node, new Set()) > MAX_QUERY_DEPTH) {
        context.reportError(new GraphQLError(`The query is nested deeper than ${MAX_QUERY_DEPTH} levels.`, { nodes: node }))
      }
    },
  }
}

/**
 * Each top-level field is its own database query (aliases repeat one as often as asked): one
 * anonymous request of 500 aliased lists held the server for 10 s (red team). At most this many per
 * operation, counted through fragments.
 */
export const MAX_ROOT_FIELDS = 10

export const limitRootFields: ValidationRule = (context) => {
  const countOf = (node: Selectable, seen: Set<string>): number => {
    let count = 0
    for (const selection of node.selectionSet?.selections ?? []) {
      const name = selection.name?.value ?? ''
      if (selection.kind === 'Field') count += name.startsWith('__') ? 0 : 1
      else if (selection.kind === 'InlineFragment') count += countOf(selection, seen)
      else if (selection.kind === 'FragmentSpread' && !seen.has(name)) {
        const fragment = context.getFragment(name)
        if (fragment) count += countOf(fragment, new Set([...seen, name]))
      }
    }
    return count
  }
  return {
    OperationDefinition(node) {
      const count = countOf(node, new Set())
      if (count > MAX_ROOT_FIELDS) {
        context.reportError(new GraphQLError(`A request may ask for at most ${MAX_ROOT_FIELDS} things at once: split it into several.`, { nodes: node }))
      }
      // Mutations in one request share one request object, and state Payload or a hook leaves on it
      // carried into the next (red team: a refused restore made a publish count as a draft save;
      // a password reset let a sign-in skip its second factor). One change per request.
      if (node.operation === 'mutation' && count > 1) {
        context.reportError(new GraphQLError('A request may make one change at a time: send each mutation in its own request.', { nodes: node }))
      }
    },
  }
}

/** The first fragment that spreads itself (directly or through others), or null. */
export function fragmentCycle(document: DocumentNode): string | null {
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind !== 'FragmentDefinition') continue
    const names: string[] = []
    const stack: Selectable[] = [definition as Selectable]
    while (stack.length) {
      for (const selection of stack.pop()!.selectionSet?.selections ?? []) {
        if (selection.kind === 'FragmentSpread' && selection.name) names.push(selection.name.value)
        else stack.push(selection)
      }
    }
    spreads.set(definition.name.value, names)
  }
  // Depth-first search with colours: grey = on the current path.
  const colour = new Map<string, 'grey' | 'black'>()
  for (const start of spreads.keys()) {
    if (colour.has(start)) continue
    const path: [string, number][] = [[start, 0]]
    colour.set(start, 'grey')
    while (path.length) {
      const top = path[path.length - 1]!
      const next = spreads.get(top[0])?.[top[1]++]
      if (next === undefined) {
        colour.set(top[0], 'black')
        path.pop()
      } else if (colour.get(next) === 'grey') return next
      else if (!colour.has(next) && spreads.has(next)) {
        colour.set(next, 'grey')
        path.push([next, 0])
      }
    }
  }
  return null
}

/** More than this many tokens and the document is refused unread (GraphQL itself would parse any length). */
const MAX_TOKENS = 50_000

/**
 * What Payload's GraphQL handler cannot be trusted with: fragment cycles (its complexity count
 * recursed until the stack ran out) and pages of everything. The checks read the document as
 * graphql-http will run it: the operation `operationName` selects (GraphQL's own getOperationAST),
 * its variables and their defaults, the fragments it spreads. A document too long to check is refused
 * rather than passed on unchecked.
 */
function documentProblem(bodyText: string): string | null {
  let body: unknown
  try {
    body = JSON.parse(bodyText)
  } catch {
    return null
  }
  for (const item of Array.isArray(body) ? body : [body]) {
    const request = (item ?? {}) as { query?: unknown; operationName?: unknown; variables?: unknown }
    if (typeof request.query !== 'string') continue
    let document: DocumentNode
    try {
      document = parse(request.query, { maxTokens: MAX_TOKENS })
    } catch (error) {
      // graphql 16 spells it "more that 50000 tokens".
      if (/more th(?:an|at) \d+ tokens/.test((error as Error).message)) return `The GraphQL query is too long: more than ${MAX_TOKENS} tokens.`
      continue // GraphQL answers a syntax error itself, with its position.
    }
    const cycle = fragmentCycle(document)
    if (cycle) return `Cannot spread fragment "${cycle.slice(0, 60)}" within itself.`
    // graphql-http refuses an operationName that is not a string; GraphQL answers an unknown or missing one itself.
    if (request.operationName != null && typeof request.operationName !== 'string') continue
    const operation = getOperationAST(document, request.operationName as string | null | undefined)
    if (!operation) continue
    // There is no subscription type: graphql-http answered one with a 500 and an empty body.
    if (operation.operation === 'subscription') return 'Subscriptions are not offered: ask with a query.'
    const paging = pagingProblem(document, operation, request.variables)
    if (paging) return paging
  }
  return null
}

/** The fragments `operation` spreads, directly or through other fragments. */
function fragmentsUsedBy(document: DocumentNode, operation: OperationDefinitionNode): FragmentDefinitionNode[] {
  const byName = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) if (definition.kind === 'FragmentDefinition') byName.set(definition.name.value, definition)
  const used = new Map<string, FragmentDefinitionNode>()
  const stack: Selectable[] = [operation as Selectable]
  while (stack.length) {
    for (const selection of stack.pop()!.selectionSet?.selections ?? []) {
      if (selection.kind !== 'FragmentSpread') stack.push(selection)
      else if (selection.name && !used.has(selection.name.value)) {
        const fragment = byName.get(selection.name.value)
        if (fragment) {
          used.set(selection.name.value, fragment)
          stack.push(fragment as Selectable)
        }
      }
    }
  }
  return [...used.values()]
}

/**
 * `limit` and `pagination` arguments of the operation that runs and the fragments it spreads, literal
 * or from its variables (given, else the operation's own default): pages of 1 to MAX_PAGE_SIZE
 * documents, never "everything" (`limit: 0`, `pagination: false` or `null`, which Payload reads as no
 * pages), as on REST. A variable counts as given only as the request's own key, as GraphQL reads it
 * (not `constructor` or `toString` inherited by every object).
 */
function pagingProblem(document: DocumentNode, operation: OperationDefinitionNode, variables: unknown): string | null {
  const given = variables !== null && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : {}
  const defaults = new Map<string, ValueNode>()
  for (const variable of operation.variableDefinitions ?? []) if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue)
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === 'Variable') {
      const name = node.name.value
      if (Object.hasOwn(given, name)) return given[name]
      const fallback = defaults.get(name)
      return fallback ? valueOf(fallback) : undefined
    }
    if (node.kind === 'IntValue' || node.kind === 'FloatValue') return Number(node.value)
    if (node.kind === 'BooleanValue') return node.value
    if (node.kind === 'NullValue') return null
    return 'other'
  }
  let problem: string | null = null
  const check = {
    Argument(node: { name: { value: string }; value: ValueNode }) {
      if (problem) return BREAK
      const value = valueOf(node.value)
      if (node.name.value === 'limit' && typeof value === 'number' && !(Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE)) {
        problem = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`
      } else if (node.name.value === 'pagination' && (value === false || value === null)) {
        problem = `pagination: ${String(value)} is not offered: ask for pages of up to ${MAX_PAGE_SIZE} documents.`
      }
      return undefined
    },
  }
  for (const definition of [operation, ...fragmentsUsedBy(document, operation)]) {
    visit(definition, check)
    if (problem) return problem
  }
  return problem
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The GraphQL request could not be read: send a JSON object with a "query" string.',
  405: 'Send GraphQL requests with POST.',
  406: 'Ask for application/json or application/graphql-response+json.',
  413: 'The GraphQL request is too large.',
  415: 'Send the GraphQL request as application/json.',
}

/**
 * Payload's GraphQL handler reads the body outside its error handling (malformed JSON becomes a
 * 500) and graphql-http refuses some requests with an empty body: both become a JSON refusal with a
 * message here. Before it: the URL's parameters (Payload reads `locale` and `fallback-locale` from
 * them), sign-in token headers, the body's size (counted as it streams in) and fragment cycles.
 */
export function checkedGraphql(handler: (request: Request) => Promise<Response>) {
  return async (incoming: Request): Promise<Response> => {
    const query = queryProblem(new URL(incoming.url).search.slice(1))
    if (query) return refusal(400, query)
    const header = headerProblem(incoming.headers)
    if (header) return refusal(400, header)
    const read = await readBody(incoming)
    if ('status' in read) return refusal(read.status, read.status === 413 ? `${STATUS_MESSAGES[413]} ${read.message}` : read.message)
    const request = read.request
    if (request.method === 'POST') {
      const problem = documentProblem(await request.clone().text())
      if (problem) return refusal(400, problem)
    }
    let response: Response
    try {
      response = await handler(request)
    } catch (error) {
      const status = (error as { status?: number }).status
      if (typeof status === 'number' && status >= 400 && status < 500) return refusal(status, (error as Error).message)
      throw error
    }
    if (response.status < 400 || response.status >= 500) return response
    const text = await response.clone().text()
    if (text.trim()) return response
    return refusal(response.status, STATUS_MESSAGES[response.status] ?? 'The GraphQL request was refused.')
  }
}

/**
 * Email verification is not used here (an admin creates each account): Payload still offers
 * `verifyEmail<Collection>` mutations, which looked for a column that does not exist (a 500).
 */
export const refuseEmailVerification: ValidationRule = (context) => ({
  Field(node) {
    if (context.getParentType()?.name !== 'Mutation' || !node.name.value.startsWith('verifyEmail')) return
    context.reportError(new GraphQLError('Email addresses are not verified here: an admin creates each account, ready to sign in.', { nodes: node }))
  },
})

type GraphQLModule = typeof import('graphql')
type FieldConfig = { type: unknown; resolve?: (...args: unknown[]) => unknown }

/**
 * The value `type` describes, from Payload's compacted permissions: `true` stands for an object whose
 * every permission is true, a missing permission is false, a missing `where` is null.
 */
function expandPermissions(value: unknown, type: unknown, GraphQL: GraphQLModule): unknown {
  const inner = GraphQL.isNonNullType(type) ? type.ofType : type
  if (GraphQL.isObjectType(inner)) {
    const out: Record<string, unknown> = {}
    for (const [name, field] of Object.entries(inner.getFields())) {
      const child = value === true ? true : value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined
      out[name] = expandPermissions(child, field.type, GraphQL)
    }
    return out
  }
  if (inner === GraphQL.GraphQLBoolean) return value === true
  return value === undefined || value === true ? null : value
}

/**
 * Payload's `Access` query answers with the permissions it compacts for the admin (`true` for a
 * whole object of true permissions; false ones and `canAccessAdmin: false` deleted), which the
 * schema's non-null Booleans cannot hold: an anonymous `{ Access { canAccessAdmin } }` was a 500.
 * The same answer, in the schema's shape.
 */
export function accessQuery(GraphQL: GraphQLModule, { Query }: { Query: { fields: Record<string, FieldConfig> } }): Record<string, FieldConfig> {
  const access = Query.fields.Access
  const resolve = access?.resolve
  if (!access || !resolve) return {}
  return { Access: { ...access, resolve: async (...args: unknown[]) => expandPermissions(await resolve(...args), access.type, GraphQL) } }
}
