/**
 * Whether a URL path holds a percent-escape that does not decode (`%E0%A4%A`, `%ZZ`, a lone `%`).
 * Next.js decodes dynamic route parameters before any page or route code runs and answers such a
 * path with a 500; the proxy answers 400 instead (see src/proxy.ts).
 */
export function hasMalformedPercentEncoding(pathname: string): boolean {
  for (const segment of pathname.split('/')) {
    if (!segment.includes('%')) continue
    try {
      decodeURIComponent(segment)
    } catch {
      return true
    }
  }
  return false
}

export const MALFORMED_PATH_MESSAGE = 'Bad request: the address holds a malformed percent-escape (such as %E0%A4%A).\n'
