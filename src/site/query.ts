/**
 * Public list pages read their filters from the query string. A value that no link or form of the
 * site produces (`?page=abc`, `?page=-1`, `?type=xx`, `?year=1e9`, `?page[]=1`) is not a page: the
 * caller answers 404 rather than showing some other page under that address.
 */
export type SearchParams = Record<string, string | string[] | undefined>

export const INVALID = Symbol('invalid query value')

/** A query string (without `?`) as Next hands a page its `searchParams`: a name given more than once is a list. */
export function searchParamsOf(query: string): SearchParams {
  const params: SearchParams = {}
  for (const [name, value] of new URLSearchParams(query)) {
    const had = params[name]
    params[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value]
  }
  return params
}

/** One value: absent or empty → undefined; given twice or as `name[]` → INVALID. */
export function single(value: string | string[] | undefined): string | undefined | typeof INVALID {
  if (Array.isArray(value)) return INVALID
  const v = value?.trim()
  return v ? v : undefined
}

/** A whole number within [min, max]; absent → undefined. */
export function wholeNumber(value: string | string[] | undefined, min: number, max: number): number | undefined | typeof INVALID {
  const v = single(value)
  if (v === undefined || v === INVALID) return v
  if (!/^\d{1,9}$/.test(v)) return INVALID
  const n = Number(v)
  return n >= min && n <= max ? n : INVALID
}

/** Whether the query names a parameter as `name[…]`, which no form of the site sends. */
export const hasBracketKeys = (search: SearchParams, names: readonly string[]): boolean =>
  Object.keys(search).some((key) => names.some((name) => key.startsWith(`${name}[`)))

/**
 * The search params of a list's page for one query string: src/proxy.ts passes the query string as
 * the page's last segment, percent-encoded, and Next hands the segment over still encoded. Null when
 * it does not decode (typed in by hand: the proxy refuses a malformed escape in a path first).
 */
export function searchParamsOfSegment(segment: string): SearchParams | null {
  try {
    return searchParamsOf(decodeURIComponent(segment))
  } catch {
    return null
  }
}
