// Plain JavaScript (with JSDoc types): next.config.mjs and the page cache handler load it.
import { ADMIN_POLICY, NON_PAGE_POLICY } from './contentSecurityPolicy.mjs'
import { LOCALE_PATTERN } from '../a11y/viewRouting.mjs'

const HSTS_SECONDS = 2 * 365 * 24 * 60 * 60
// The first header rule: every path outside the languages. Next matches rules without regard to case.
const OUTSIDE_LANGUAGES_SOURCE = `/:path((?!(?:${LOCALE_PATTERN})(?:/|$)).*)`
const OUTSIDE_LANGUAGES = new RegExp(`^/(?!(?:${LOCALE_PATTERN})(?:/|$))`, 'i')

/**
 * Headers every response carries.
 * @param {{ production: boolean }} options
 * @returns {{ key: string, value: string }[]}
 */
export function commonHeaders({ production }) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
    },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // Browsers ignore HSTS over plain http, so sending it in production is safe behind TLS or not.
    ...(production ? [{ key: 'Strict-Transport-Security', value: `max-age=${HSTS_SECONDS}; includeSubDomains` }] : []),
  ]
}

/**
 * Whether Next's header rules give a request for this path the common headers (whatever answers it).
 * @param {string} pathname
 */
export function commonHeadersByRule(pathname) {
  return OUTSIDE_LANGUAGES.test(pathname)
}

// The routes that answer something other than a page, each with what is below it (`/api/…`) or alone.
const NOT_PAGES_SOURCE = '/:path(api(?:/.*)?|feed(?:/.*)?|download(?:/.*)?|a11y|sitemap\\.xml|robots\\.txt)'
/** The admin's rule; next.config.mjs moves Payload's own admin rule here, where it is merged in. */
export const ADMIN_SOURCE = '/admin/:path*'

/**
 * Next's header rules (next.config.mjs). The public pages (everything under a language) are left out:
 * a matched rule cost Next ~120 µs of CPU per cached page, an eighth of a hit (paired runs,
 * deploy/README.md). They get the same headers, with their Content-Security-Policy, from where they
 * are answered: cached pages from the page cache (src/site/pageCacheHandler.mjs), pages rendered per
 * request from src/proxy.ts. The one route handler under a language (`removed`) keeps a rule.
 * Next also tries every rule, matched or not, on every request, one `await` each: one rule per set
 * of headers, not one per path (`/admin/:path*` matches `/admin` too).
 * @param {{ production: boolean }} options
 */
export function securityHeaders({ production }) {
  const everywhere = commonHeaders({ production })
  return [
    { source: OUTSIDE_LANGUAGES_SOURCE, headers: everywhere },
    { source: `/:locale(${LOCALE_PATTERN})/removed/:slug*`, headers: everywhere },
    { source: ADMIN_SOURCE, headers: [{ key: 'Content-Security-Policy', value: ADMIN_POLICY }, { key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
    {
      source: NOT_PAGES_SOURCE,
      headers: [
        { key: 'Content-Security-Policy', value: NON_PAGE_POLICY },
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    },
  ]
}

/**
 * Header rules with the same source (and no conditions) as one rule, where the first of them stood:
 * Payload's own admin rule joins the admin's. Two such rules setting the same header would depend
 * on their order, which merging changes: that is refused.
 * @template {{ source: string, headers: { key: string, value: string }[] }} Rule
 * @param {Rule[]} rules
 * @returns {Rule[]}
 */
export function mergeRulesWithSameSource(rules) {
  /** @type {Map<string, Rule>} */
  const bySource = new Map()
  /** @type {Rule[]} */
  const merged = []
  for (const rule of rules) {
    const unconditional = Object.keys(rule).every((key) => key === 'source' || key === 'headers')
    const into = unconditional ? bySource.get(rule.source) : undefined
    if (!into) {
      const copy = { ...rule, headers: [...rule.headers] }
      merged.push(copy)
      if (unconditional) bySource.set(rule.source, copy)
      continue
    }
    const keys = new Set(into.headers.map(({ key }) => key.toLowerCase()))
    const twice = rule.headers.find(({ key }) => keys.has(key.toLowerCase()))
    if (twice) throw new Error(`Two header rules for ${rule.source} set ${twice.key}: merge them by hand`)
    into.headers.push(...rule.headers)
  }
  return merged
}
