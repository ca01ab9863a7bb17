import { transliterate } from '@/lib/transliterate'

const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g

/** "Credit - original.jpg": a journalist's download says whose photo it is. */
export function creditedFilename(filename: string, credit?: string | null): string {
  const clean = (text: string) => text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()
  const name = clean(filename) || 'photo'
  const by = credit ? clean(credit).slice(0, 80) : ''
  return by ? `${by} - ${name}` : name
}

/** Content-Disposition for any name: an ASCII fallback plus the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(name: string): string {
  const ascii = transliterate(name).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
