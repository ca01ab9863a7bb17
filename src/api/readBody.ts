import { mediaMaxFileBytes } from '@/config/env'

/** A JSON (or form) body larger than this is refused before it is parsed: 1 MB of text in a field plus its rich text fits. */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024
/** An upload: the largest file accepted (MEDIA_MAX_FILE_MB) plus room for the form's other fields. */
export const maxMultipartBodyBytes = (): number => mediaMaxFileBytes() + 1024 * 1024

const readable = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`)

/**
 * Reads a write's body once, counting bytes as they arrive: a body larger than its limit (JSON and
 * forms: MAX_JSON_BODY_BYTES; multipart uploads: the upload limit) is refused with 413 from its
 * Content-Length, or as soon as a chunked body passes the limit, before anything parses it. Payload
 * gets a copy of the request holding the bytes read, with the content type in its canonical form.
 */
export async function readBody(request: Request, { json = MAX_JSON_BODY_BYTES, multipart = maxMultipartBodyBytes() } = {}): Promise<{ request: Request } | { status: number; message: string }> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS' || !request.body) return { request }
  const rawType = request.headers.get('content-type') ?? ''
  const type = rawType.split(';')[0]!.trim().toLowerCase()
  const limit = type.startsWith('multipart/') ? multipart : json
  const tooLarge = {
    status: 413,
    message: type.startsWith('multipart/')
      ? `The upload is larger than ${readable(limit)}, the largest accepted (MEDIA_MAX_FILE_MB).`
      : `The request body is larger than ${readable(limit)}, the largest accepted.`,
  }
  const declared = request.headers.get('content-length')
  if (declared !== null && (!/^\d{1,15}$/.test(declared.trim()) || Number(declared) > limit)) {
    if (!/^\d{1,15}$/.test(declared.trim())) return { status: 400, message: 'The Content-Length header is not a number.' }
    await request.body.cancel().catch(() => undefined)
    return tooLarge
  }
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => undefined)
        return tooLarge
      }
      chunks.push(value)
    }
  } catch {
    return { status: 400, message: 'The request body could not be read.' }
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  const headers = new Headers(request.headers)
  headers.delete('transfer-encoding')
  headers.set('content-length', String(size))
  // Payload reads JSON only under this exact spelling; `Application/JSON` would reach it as no data at all.
  if (type && rawType.trim() !== type && !type.startsWith('multipart/')) headers.set('content-type', [type, ...rawType.split(';').slice(1)].join(';'))
  return { request: new Request(request.url, { method: request.method, headers, body: size ? bytes : null, signal: request.signal }) }
}
