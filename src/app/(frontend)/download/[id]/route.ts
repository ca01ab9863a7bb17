import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

import { mediaDir } from '@/config/env'
import { attachmentHeader, creditedFilename } from '@/media/download'
import { site } from '@/site/payload'

const notFound = () => new Response('No such photo.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * `/download/{id}`: the original file of a photo as an attachment named "Credit - file.jpg", for
 * journalists. The stored original is already upright and without location or camera data.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  if (!/^[\w-]{1,64}$/.test(id)) return notFound()
  const payload = await site()
  const media = await payload
    .findByID({ collection: 'media', id, depth: 0, overrideAccess: false, disableErrors: true })
    .catch(() => null)
  if (!media?.filename || !media.url) return notFound()

  const headers = {
    'Content-Type': media.mimeType ?? 'application/octet-stream',
    'Content-Disposition': attachmentHeader(creditedFilename(media.filename, media.credit)),
    // Checked on every request: no shared cache keeps an original after its photo went private.
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
  }
  const file = path.join(mediaDir(), path.basename(media.filename))
  const info = await stat(file).catch(() => null)
  if (info?.isFile()) {
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream
    return new Response(body, { headers: { ...headers, 'Content-Length': String(info.size) } })
  }
  // Stored elsewhere (e.g. S3): pass the file through from its own address.
  const upstream = await fetch(new URL(media.url, request.url)).catch(() => null)
  if (!upstream?.ok || !upstream.body) return notFound()
  return new Response(upstream.body, { headers })
}
