// Plain JavaScript (with JSDoc types): next.config.mjs and the page cache handler load it outside the bundler.
import { createHash } from 'node:crypto'

/**
 * The public site's Content-Security-Policy. No inline script runs unless the policy names it:
 * cached pages list the SHA-256 of each inline script Next wrote into them (src/site/pageCacheHandler.mjs),
 * pages rendered per request carry a nonce (src/proxy.ts). Styles may be inline (React style
 * attributes; the visually impaired view's settings); nothing loads from another host.
 *
 * @param {{ scripts: string[] | null, frameAncestors?: string }} options
 *   scripts: extra script-src sources ('sha256-…' or 'nonce-…', quoted); null for a page on which
 *   nothing runs (served without Next's scripts, src/site/frameworkScripts.mjs): no script at all;
 *   frameAncestors: "'none'" except the live preview, which the admin frames ("'self'").
 * @returns {string}
 */
export function pagePolicy({ scripts, frameAncestors = "'none'" }) {
  return [
    "default-src 'self'",
    scripts === null ? "script-src 'none'" : `script-src 'self' ${scripts.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

/** For responses that are not pages (API JSON, uploaded files, feeds): nothing may run or be framed. */
export const NON_PAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/**
 * The admin is Payload's React app, rendered per request with inline scripts and styles it does not
 * tag with a nonce; it keeps to its own origin and may frame the live preview ('self').
 */
export const ADMIN_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
].join('; ')

// A script element without a src attribute; its text is exactly what the browser hashes.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi

/**
 * The CSP source expressions ('sha256-…') of every inline script in an HTML document.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set()
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}
