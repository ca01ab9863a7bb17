import { controlId } from '@/a11y/controls'
import { readBody } from '@/api/readBody'
import { returnPathFromReferer, safeReturnPath } from '@/a11y/returnPath'
import { applyChange, COOKIE_NAME, encodeView, readCookie, settingsFromCookie, viewCookie, type A11ySettings } from '@/a11y/settings'

/**
 * `/a11y`: changes the reader's settings for the view for visually impaired readers, then sends the
 * reader back (303) to the page they came from. Works without JavaScript: the toolbar's buttons are
 * plain form submits (POST, `name=value` of the clicked button plus a hidden `return`), and links can
 * do the same with GET (`/a11y?view=on&return=/az/releases`).
 *
 * The return path is the `return` field, else the same-origin Referer, else `/az`; it is always
 * reduced to a path on this site (never another host), so this is no open redirect.
 *
 * The return path ends in `#<id of the control just used>` (src/a11y/controls.ts): without
 * JavaScript the browser lands on that control and focuses it, and a11y.css shows its status message
 * (`:target`). The fragment never reaches the server, so the cached page is the same for everyone.
 * The toolbar's script sends `enhanced=1` instead: it restores focus and scroll position itself and
 * announces the change, and the address keeps no fragment.
 */

const FALLBACK_PATH = '/az'
const RETURN_FIELD = 'return'
/** Sent by the toolbar's script (src/a11y/A11yStatus.tsx): no fragment, the script puts the focus back. */
const ENHANCED_FIELD = 'enhanced'
const MAX_CHANGES = 8
const MAX_BODY_BYTES = 8 * 1024

const NO_STORE = { 'Cache-Control': 'no-store' }

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  })
}

const firstHeaderValue = (value: string | null): string | undefined => value?.split(',')[0]?.trim() || undefined

/** The origins this request may have been made to: the URL's, and the one a reverse proxy reports. */
function requestOrigins(request: Request): { origins: string[]; secure: boolean } {
  const url = new URL(request.url)
  const origins = [url.origin]
  const proto = firstHeaderValue(request.headers.get('x-forwarded-proto'))?.toLowerCase()
  const host = firstHeaderValue(request.headers.get('x-forwarded-host')) ?? request.headers.get('host') ?? url.host
  for (const scheme of [proto, url.protocol.slice(0, -1)]) {
    if (scheme !== 'http' && scheme !== 'https') continue
    try {
      origins.push(new URL(`${scheme}://${host}`).origin)
    } catch {
      // A malformed Host only means fewer same-origin Referers are recognised.
    }
  }
  // Only the Secure flag depends on these headers: never where the reader is sent.
  return { origins: [...new Set(origins)], secure: url.protocol === 'https:' || proto === 'https' }
}

async function readForm(incoming: Request): Promise<URLSearchParams | Response> {
  const type = (incoming.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded' && type !== '' && type !== 'multipart/form-data') {
    return plain(415, 'Send the form as application/x-www-form-urlencoded.')
  }
  // Counted as it streams in: a chunked body (no Content-Length) stops being read once it passes the limit.
  const read = await readBody(incoming, { json: MAX_BODY_BYTES, multipart: MAX_BODY_BYTES })
  if ('status' in read) return read.status === 413 ? plain(413, 'Form too large.') : plain(400, 'Malformed form.')
  const request = read.request
  if (type !== 'multipart/form-data') return new URLSearchParams(await request.text())
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return plain(400, 'Malformed form.')
  }
  const params = new URLSearchParams()
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') return plain(400, 'Files are not accepted here.')
    params.append(name, value)
  }
  return params
}

function handle(request: Request, fields: URLSearchParams): Response {
  const changes = [...fields.entries()].filter(([name]) => name !== RETURN_FIELD && name !== ENHANCED_FIELD)
  const enhanced = fields.getAll(ENHANCED_FIELD)
  if (enhanced.some((value) => value !== '1')) return plain(400, 'Unknown setting or value.')
  if (changes.length === 0) return plain(400, 'No setting to change.')
  if (changes.length > MAX_CHANGES) return plain(400, 'Too many settings at once.')

  let settings: A11ySettings | null = settingsFromCookie(readCookie(request.headers.get('cookie'), COOKIE_NAME))
  for (const [name, value] of changes) {
    const next = applyChange(settings, name, value)
    if (next === 'invalid') return plain(400, 'Unknown setting or value.')
    settings = next
  }

  const { origins, secure } = requestOrigins(request)
  const fromReferer = returnPathFromReferer(request.headers.get('referer'), origins, FALLBACK_PATH)
  const back = safeReturnPath(fields.get(RETURN_FIELD), fromReferer, origins)
  // The control of the last change (the one a button sends; a link may send several).
  const [lastName, lastValue] = changes.at(-1)!
  const id = enhanced.length > 0 ? null : controlId(lastName, lastValue)
  const location = id ? `${back.split('#', 1)[0]}#${id}` : back

  return new Response(null, {
    status: 303,
    headers: { ...NO_STORE, Location: location, 'Set-Cookie': viewCookie(encodeView(settings), { secure }) },
  })
}

export async function GET(request: Request): Promise<Response> {
  return handle(request, new URL(request.url).searchParams)
}

export async function POST(request: Request): Promise<Response> {
  const fields = await readForm(request)
  if (fields instanceof Response) return fields
  return handle(request, fields)
}
