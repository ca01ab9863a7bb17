import type { Endpoint, Where } from 'payload'

import { MEDIA_FILE_PREFIX } from './visibility'

/**
 * `GET /api/media/access`, for nginx's `auth_request` (deploy/nginx/press-office.conf): may the person
 * making this request see the file at `X-Original-URI` (/api/media/file/<name>, any size)? nginx
 * serves photos from disk itself and asks this first, so media read access holds there too.
 * 204 yes, 403 no — the only two answers auth_request understands.
 */
export const mediaFileAccessEndpoint: Endpoint = {
  path: '/access',
  method: 'get',
  handler: async (req) => {
    const uri = req.headers.get('x-original-uri') ?? ''
    const raw = uri.startsWith(MEDIA_FILE_PREFIX) ? uri.slice(MEDIA_FILE_PREFIX.length).split('?')[0]! : ''
    let filename = ''
    try {
      filename = decodeURIComponent(raw)
    } catch {
      filename = ''
    }
    if (!filename || filename.includes('/') || filename.includes('\\')) return new Response(null, { status: 403 })
    const sizes = req.payload.collections.media.config.upload.imageSizes ?? []
    const where: Where = {
      or: [{ filename: { equals: filename } }, ...sizes.map(({ name }) => ({ [`sizes.${name}.filename`]: { equals: filename } }))],
    }
    const { totalDocs } = await req.payload.count({ collection: 'media', where, overrideAccess: false, req })
    return new Response(null, { status: totalDocs > 0 ? 204 : 403, headers: { 'Cache-Control': 'no-store' } })
  },
}
