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

/**
 * Next's header rules (next.config.mjs). The public pages (everything under a language) are left out:
 * a matched rule cost Next ~120 µs of CPU per cached page, an eighth of a hit (paired runs,
 * deploy/README.md). They get the same headers, with their Content-Security-Policy, from where they
 * are answered: cached pages from the page cache (src/site/pageCacheHandler.mjs), pages rendered per
 * request from src/proxy.ts. The one route handler under a language (`removed`) keeps a rule.
 * @param {{ production: boolean }} options
 */
export function securityHeaders({ production }) {
  const everywhere = commonHeaders({ production })
  const notPages = ['/api/:path*', '/feed/:path*', '/download/:path*', '/a11y', '/sitemap.xml', '/robots.txt']
  return [
    { source: OUTSIDE_LANGUAGES_SOURCE, headers: everywhere },
    { source: `/:locale(${LOCALE_PATTERN})/removed/:slug*`, headers: everywhere },
    { source: '/admin/:path*', headers: [{ key: 'Content-Security-Policy', value: ADMIN_POLICY }, { key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
    { source: '/admin', headers: [{ key: 'Content-Security-Policy', value: ADMIN_POLICY }, { key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
    ...notPages.map((source) => ({
      source,
      headers: [
        { key: 'Content-Security-Policy', value: NON_PAGE_POLICY },
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    })),
  ]
}
