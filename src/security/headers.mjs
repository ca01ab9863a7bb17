// Plain JavaScript (with JSDoc types): next.config.mjs loads it.
import { ADMIN_POLICY, NON_PAGE_POLICY } from './contentSecurityPolicy.mjs'

const HSTS_SECONDS = 2 * 365 * 24 * 60 * 60

/**
 * Headers every response carries. The public pages' Content-Security-Policy is not here: cached
 * pages get theirs, with the hashes of their own inline scripts, from the page cache
 * (src/site/pageCacheHandler.mjs), and pages rendered per request get a nonce policy from src/proxy.ts.
 * @param {{ production: boolean }} options
 */
export function securityHeaders({ production }) {
  const everywhere = [
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
  const notPages = ['/api/:path*', '/feed/:path*', '/download/:path*', '/a11y', '/sitemap.xml', '/robots.txt']
  return [
    { source: '/:path*', headers: everywhere },
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
