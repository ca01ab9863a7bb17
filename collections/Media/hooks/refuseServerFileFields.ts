import { type DocumentNode, Kind, parse, valueFromASTUntyped } from 'graphql'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { isStaffUser, type UserLike } from '@/access/roles'
import { PublicError } from '@/lib/errors'

/** The fields Payload fills from the uploaded file: which file a record serves, and its facts. */
export const SERVER_FILE_FIELDS = ['filename', 'url', 'thumbnailURL', 'mimeType', 'filesize', 'width', 'height', 'sizes'] as const

export const serverFileFieldMessage = (path: string) =>
  `The file name and the file's details (${path.slice(0, 80)}) are set by the server from the uploaded file: leave them out, or upload a new file to change them.`
export const CREATE_WITHOUT_FILE_MESSAGE =
  'A photo is added by uploading its file: the file name and address are set by the server, not taken from the request.'

type Data = Record<string, unknown>
const isObject = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value)
const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

/**
 * What the client sent. Payload drops `filename`, `url` and `sizes` from an API write before any hook
 * runs (and throws "Invalid filename." for one with a path), so a hook sees only what is left; the
 * request still holds the client's own body: REST's parsed JSON or multipart `_payload`
 * (`req.data`), GraphQL's query and variables. The local API (server code) has no such body: there
 * Payload's dropping is all, and the fields a hook does see are checked.
 */
function clientInputs(req: PayloadRequest, slug: string, operation: 'create' | 'update', id: unknown, data: unknown): Data[] {
  const inputs: Data[] = isObject(data) ? [data] : []
  const body = req.data as unknown
  if (req.payloadAPI === 'REST' && req.routeParams?.collection === slug && isObject(body)) inputs.push(body)
  if (req.payloadAPI === 'GraphQL' && isObject(body) && typeof body.query === 'string') {
    const typeName = (req.payload.collections[slug as 'media'] as { graphQL?: { type?: { name?: string } } } | undefined)?.graphQL?.type?.name
    inputs.push(...graphqlInputs(body.query, isObject(body.variables) ? body.variables : {}, typeName ?? 'Media', operation, id))
  }
  return inputs
}

/** The `data` of every create, update or duplicate of this collection in the GraphQL document (an update's only for this id). */
function graphqlInputs(query: string, variables: Data, typeName: string, operation: 'create' | 'update', id: unknown): Data[] {
  let document: DocumentNode
  try {
    document = parse(query)
  } catch {
    return []
  }
  const names = operation === 'create' ? [`create${typeName}`, `duplicate${typeName}`] : [`update${typeName}`]
  const out: Data[] = []
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') continue
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || !names.includes(selection.name.value)) continue
      const args = Object.fromEntries((selection.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, variables)]))
      if (operation === 'update' && id !== undefined && String(args.id) !== String(id)) continue
      if (isObject(args.data)) out.push(args.data)
    }
  }
  return out
}

/** The first path under `value` whose leaf differs from the same path in `original` (empty counts as empty). */
function changedPath(value: unknown, original: unknown, path: string, emptyIsNoAttempt: boolean): string | null {
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const found = changedPath(inner, isObject(original) ? original[key] : undefined, `${path}.${key}`, emptyIsNoAttempt)
      if (found) return found
    }
    return null
  }
  if (isEmpty(value) && (emptyIsNoAttempt || isEmpty(original))) return null
  if (Array.isArray(value) || JSON.stringify(value) !== JSON.stringify(original)) return path
  return null
}

/**
 * A photo's file fields (`SERVER_FILE_FIELDS`) are the server's: a client could otherwise point its
 * record at another record's file (served under that record's rules) or at a path, and Payload's
 * focal-point and crop re-processing, which reads and rewrites the file a record names, would then
 * overwrite a file readers see. A create must carry the file itself: Payload would otherwise fetch the
 * file the request names (by address, a server-side request), past the checks of `prepareUpload`.
 *
 * The admin sends every field back on save, as it read them: a value equal to the stored one (as the
 * API reads it) is no attempt to change it, and neither is an empty one on a create or next to a new
 * file. `focalX`/`focalY` and a crop (`uploadEdits`) are the client's to set. Server code with
 * `overrideAccess: true` is trusted.
 */
export const refuseServerFileFields: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { id, where, data, overrideAccess, duplicateFromID } = args as {
    id?: string | number
    where?: unknown
    data?: unknown
    overrideAccess?: boolean
    duplicateFromID?: string | number
  }
  if (overrideAccess === true) return args
  // Someone who may not write photos at all gets access's 403, not a 400 about the file.
  if (!isStaffUser(req.user as UserLike)) return args
  if (operation === 'create' && !req.file && duplicateFromID === undefined) throw new PublicError('FileRequired', CREATE_WITHOUT_FILE_MESSAGE, 400)

  const inputs = clientInputs(req, collection.slug, operation, id, data)
  const sent = inputs.flatMap((input) => SERVER_FILE_FIELDS.filter((key) => input[key] !== undefined).map((key) => ({ key, value: input[key] })))
  if (!sent.length) return args

  // A bulk update has no one stored value to compare with.
  if (operation === 'update' && id === undefined && where !== undefined) throw new PublicError('ServerFileField', serverFileFieldMessage(sent[0]!.key), 400)

  const sourceId = operation === 'update' ? id : duplicateFromID
  const original =
    sourceId === undefined
      ? null
      : ((await req.payload.findByID({ collection: collection.slug as 'media', id: sourceId, depth: 0, overrideAccess: true, req, disableErrors: true })) as Data | null)
  const emptyIsNoAttempt = operation === 'create' || Boolean(req.file)
  for (const { key, value } of sent) {
    const path = changedPath(value, original?.[key], key, emptyIsNoAttempt)
    if (path) throw new PublicError('ServerFileField', serverFileFieldMessage(path), 400)
  }
  return args
}
