/**
 * Checks an uploaded file before anything is written: its bytes must be one of the accepted image
 * types (whatever name or type the browser claimed), within the size and pixel limits, and decode
 * completely. Each refusal is a `MediaRejected` with the HTTP status and a message for the editor.
 */
import type { Metadata } from 'sharp'

import sharp from '@/config/sharp'
import { PublicError } from '@/lib/errors'

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'] as const
export type AcceptedType = (typeof ACCEPTED_TYPES)[number]

const TYPE_NAMES: Record<AcceptedType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/avif': 'AVIF',
  'image/gif': 'GIF',
}
export const ACCEPTED_LIST = Object.values(TYPE_NAMES).join(', ')

export class MediaRejected extends PublicError {
  constructor(message: string, status: 400 | 413 | 415) {
    super('MediaRejected', message, status)
  }
}

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b)
const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1')

/** The image type the bytes really are (by their signature), or null. */
export function sniffImageType(buf: Buffer): AcceptedType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'image/webp'
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return 'image/gif'
  if (ascii(buf, 4, 8) === 'ftyp') {
    const brands = ascii(buf, 8, Math.min(buf.length, 8 + Math.max(0, buf.readUInt32BE(0) - 8)))
    if (/avif|avis/.test(brands)) return 'image/avif'
  }
  return null
}

const EXTENSIONS: Record<AcceptedType, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'image/gif': ['gif'],
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

export interface UploadedImage {
  type: AcceptedType
  width: number
  height: number
  /** The header as sharp read it (EXIF, orientation…), for the next step not to read it again. */
  metadata: Metadata
}

export interface Limits {
  maxBytes: number
  maxPixels: number
}

/** Throws `MediaRejected` unless `data` is a complete image of an accepted type within the limits. */
export async function inspectUpload(
  file: { data: Buffer; name: string; mimetype?: string; size?: number },
  limits: Limits,
): Promise<UploadedImage> {
  const { data, name } = file
  const size = data.length
  if (size === 0) throw new MediaRejected(`“${name}” is empty.`, 400)
  if (size > limits.maxBytes) {
    throw new MediaRejected(`“${name}” is ${megabytes(size)}; the largest file accepted is ${megabytes(limits.maxBytes)}.`, 413)
  }
  const type = sniffImageType(data)
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : ''
  if (!type) {
    const looksLikeSvg = extension === 'svg' || file.mimetype === 'image/svg+xml' || /^\s*(<\?xml|<svg)/i.test(ascii(data, 0, 256))
    throw new MediaRejected(
      looksLikeSvg
        ? `“${name}” is an SVG. SVG files can carry scripts and are not accepted; upload a ${ACCEPTED_LIST} image.`
        : `“${name}” is not an image this site accepts (${ACCEPTED_LIST}).`,
      415,
    )
  }
  const claimed = file.mimetype && file.mimetype !== 'application/octet-stream' ? file.mimetype : null
  const extensionType = (Object.keys(EXTENSIONS) as AcceptedType[]).find((t) => EXTENSIONS[t].includes(extension))
  if ((claimed && claimed !== type) || (extension && extensionType !== type)) {
    throw new MediaRejected(
      `“${name}” claims to be ${extensionType ? TYPE_NAMES[extensionType] : claimed ?? `.${extension}`} but its content is ${TYPE_NAMES[type]}. Save it with the right extension and upload it again.`,
      415,
    )
  }

  let metadata: Metadata
  try {
    // Reads only the header: a decompression bomb is refused before any pixel is decoded.
    metadata = await sharp(data, { limitInputPixels: false }).metadata()
  } catch {
    throw new MediaRejected(`“${name}” is damaged: it cannot be read as ${TYPE_NAMES[type]}.`, 400)
  }
  const width = metadata.width ?? 0
  const height = metadata.pageHeight ?? metadata.height ?? 0
  if (!width || !height) throw new MediaRejected(`“${name}” is damaged: it has no dimensions.`, 400)
  if (width * height > limits.maxPixels) {
    throw new MediaRejected(
      `“${name}” is ${width}×${height} pixels (${Math.round((width * height) / 1e5) / 10} megapixels); the largest image accepted is ${Math.round(limits.maxPixels / 1e5) / 10} megapixels.`,
      413,
    )
  }
  return { type, width, height, metadata }
}
