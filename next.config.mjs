import { createRequire } from 'node:module'

import { withPayload } from '@payloadcms/next/withPayload'

import { ADMIN_SOURCE, mergeRulesWithSameSource, securityHeaders } from './src/security/headers.mjs'

const require = createRequire(import.meta.url)

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The test suite builds into its own folder so it never clobbers a running site's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Payload's server-only packages stay out of the client bundles.
  serverExternalPackages: ['sharp', 'libsql', '@libsql/client'],
  // Type checking is its own step (`npm run typecheck`, part of `npm test`); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Public pages are cached for an hour (revalidate = 3600) and purged on every publish. With the
  // expiry equal to that, Next sends `s-maxage=3600` without `stale-while-revalidate`: browsers do
  // not keep showing a withdrawn or unpublished page from their own cache.
  expireTime: 3600,
  // Cached pages are stored with a Content-Security-Policy listing their own inline scripts' hashes.
  cacheHandler: require.resolve('./src/site/pageCacheHandler.mjs'),
  // Cached pages carry an ETag computed once per render by that handler instead of one Next would
  // compute per response.
  generateEtags: false,
  headers: async () => securityHeaders({ production: process.env.NODE_ENV === 'production' }),
  images: {
    // No image optimizer: the site serves its own sized files (/api/media/file/…, access checked on
    // every request). Next's /_next/image kept a public copy for hours after a photo went private; now 404.
    unoptimized: true,
    // Should it ever be turned back on: only our own uploads, never an external image service.
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })

// Payload adds `Accept-CH`/`Critical-CH`/`Vary: Sec-CH-Prefers-Color-Scheme` to every response for its
// admin's colour theme. On public pages `Critical-CH` makes Chrome send a first visit twice (it retries
// with the hint) and the `Vary` splits shared caches: keep that rule to the admin, as part of the admin's own.
const withPayloadHeaders = config.headers
config.headers = async () =>
  mergeRulesWithSameSource(
    (await withPayloadHeaders()).map((rule) =>
      rule.source === '/:path*' && rule.headers.some((header) => header.key === 'Critical-CH') ? { ...rule, source: ADMIN_SOURCE } : rule,
    ),
  )

export default config
