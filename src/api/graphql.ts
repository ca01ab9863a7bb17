import { BREAK, type DocumentNode, parse, type ValidationRule, type ValueNode, visit } from 'graphql'
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

/** What Payload's GraphQL handler cannot be trusted with: fragment cycles (its complexity count recursed until the stack ran out). */
function documentProblem(bodyText: string): string | null {
  let body: unknown
  try {
    body = JSON.parse(bodyText)
  } catch {
    return null
  }
  for (const item of Array.isArray(body) ? body : [body]) {
    const query = (item as { query?: unknown } | null)?.query
    if (typeof query !== 'string') continue
    let document: DocumentNode
    try {
      document = parse(query, { maxTokens: 50_000 })
    } catch {
      continue // GraphQL answers a syntax error itself, with its position.
    }
    const cycle = fragmentCycle(document)
    if (cycle) return `Cannot spread fragment "${cycle.slice(0, 60)}" within itself.`
    const paging = pagingProblem(document, (item as { variables?: unknown }).variables)
    if (paging) return paging
  }
  return null
}

/**
 * `limit` and `pagination` arguments, literal or from variables: pages of 1 to MAX_PAGE_SIZE
 * documents, never "everything" (`limit: 0`, `pagination: false`), as on REST.
 */
function pagingProblem(document: DocumentNode, variables: unknown): string | null {
  const given = variables !== null && typeof variables === 'object' ? (variables as Record<string, unknown>) : {}
  const defaults = new Map<string, ValueNode>()
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue
    for (const variable of definition.variableDefinitions ?? []) if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue)
  }
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === 'Variable') {
      const name = node.name.value
      if (name in given) return given[name]
      const fallback = defaults.get(name)
      return fallback ? valueOf(fallback) : undefined
    }
    if (node.kind === 'IntValue' || node.kind === 'FloatValue') return Number(node.value)
    if (node.kind === 'BooleanValue') return node.value
    if (node.kind === 'NullValue') return null
    return 'other'
  }
  let problem: string | null = null
  visit(document, {
    Argument(node) {
      if (problem) return BREAK
      const value = valueOf(node.value)
      if (node.name.value === 'limit' && typeof value === 'number' && !(Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE)) {
        problem = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`
      } else if (node.name.value === 'pagination' && value === false) {
        problem = `pagination: false is not offered: ask for pages of up to ${MAX_PAGE_SIZE} documents.`
      }
      return undefined
    },
  })
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
