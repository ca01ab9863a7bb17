import { isView } from './settings'
import { VIEW_PREFIX } from './viewRouting.mjs'

/** Where a return path may never lead: the settings route itself (it would apply a change again). */
const REFUSED_FIRST_SEGMENTS = new Set(['a11y'])
const MAX_LENGTH = 2048
// Any C0/C1 control character, and any whitespace a browser might strip or treat specially.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/
// Only used to resolve paths; it never appears in a result.
const PLACEHOLDER_ORIGIN = 'http://return-path.invalid'

const originOf = (value: string): string | null => {
  try {
    return new URL(value).origin
  } catch {
    return null
  }
}

/**
 * A return path that is safe to put in `Location`: a path on this site, never another site.
 *
 * Accepted: absolute paths (`/az/releases?page=2#x`), normalised (`/az/../x` → `/x`); with `origin`
 * (one or several, e.g. the request's origin and the one behind a proxy), also full `http(s)` URLs
 * of that same origin, reduced to their path. Refused (→ `fallback`): `//host`, `/\host`, any
 * backslash or control character, encoded slashes or backslashes in the path (`/%2F%2Fhost`),
 * other schemes (`javascript:`), other origins, relative paths, over-long values, and the `/a11y`
 * route itself. A leading internal view prefix (`/view/v0-1-0-0-0-0/az/x`, or a bare view segment
 * as in `/v0-1-0-0-0-0/az/x`, `/main/az/x`) is stripped: the public address never carries it.
 */
export function safeReturnPath(
  candidate: string | null | undefined,
  fallback: string,
  origin?: string | readonly string[] | null,
): string {
  if (typeof candidate !== 'string' || candidate === '' || candidate.length > MAX_LENGTH) return fallback
  if (CONTROL.test(candidate) || candidate.includes('\\')) return fallback
  if (candidate !== candidate.trim()) return fallback

  let url: URL
  if (candidate.startsWith('/')) {
    if (candidate.startsWith('//')) return fallback
    try {
      url = new URL(candidate, PLACEHOLDER_ORIGIN)
    } catch {
      return fallback
    }
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(candidate)) {
    const allowed = (typeof origin === 'string' ? [origin] : (origin ?? [])).map(originOf).filter((o): o is string => !!o)
    try {
      url = new URL(candidate)
    } catch {
      return fallback
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fallback
    if (!allowed.includes(url.origin)) return fallback
  } else {
    return fallback
  }

  // Encoded slashes or backslashes could become `//host` wherever the path is decoded again.
  if (/%(2f|5c)/i.test(url.pathname)) return fallback

  const segments = url.pathname.split('/').slice(1)
  for (;;) {
    if (segments[0] === VIEW_PREFIX && isView(segments[1])) segments.splice(0, 2)
    else if (segments.length > 0 && isView(segments[0])) segments.shift()
    else break
  }
  if (REFUSED_FIRST_SEGMENTS.has(segments[0] ?? '')) return fallback
  const pathname = `/${segments.join('/')}`
  // After stripping, the path must still be a plain same-site path.
  if (pathname.startsWith('//')) return fallback
  return `${pathname}${url.search}${url.hash}`
}

/** The page a request came from, as a safe return path: only a `Referer` of the same origin counts. */
export function returnPathFromReferer(
  referer: string | null | undefined,
  origin: string | readonly string[] | null | undefined,
  fallback: string,
): string {
  // A Referer is always a full URL; a bare path there is not trustworthy evidence of where the reader was.
  if (!referer || !/^https?:\/\//i.test(referer)) return fallback
  return safeReturnPath(referer, fallback, origin)
}
