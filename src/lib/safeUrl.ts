/** Schemes a link in rich text may use; anything else (javascript:, data:, vbscript:, file:…) is refused. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/**
 * Whether a link URL is safe to put in `href`: a relative path or fragment, or one of the safe
 * schemes. Browsers drop control characters and spaces before reading a scheme (`java\tscript:`,
 * ` javascript:`), so they are dropped here too before looking.
 */
export function isSafeLinkUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false
   
  const squeezed = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '')
  const scheme = /^([^:/?#]*):/.exec(squeezed)?.[1]
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase())
}
