import type { ValidationRule } from 'graphql'
// The CommonJS build, which graphql-http checks errors against: `import 'graphql'` may resolve to the
// ES build, a second copy whose errors graphql-http would not recognise.
import { GraphQLError } from 'graphql/error/GraphQLError.js'

import { refusal } from './requestChecks'

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
 * message here.
 */
export function checkedGraphql(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
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
