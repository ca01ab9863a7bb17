// Plain JavaScript (with JSDoc types): next.config.mjs loads it. tests/int/security-headers.test.ts
// checks these patterns against src/a11y/settings.ts and src/i18n/locales.ts, so they cannot drift.

/** The languages in the first segment of every public address. */
export const LOCALE_PATTERN = 'az|en|ru'
/** The folder of the visually impaired view's routes: `/view/{view}/{locale}/…`, internal only. */
export const VIEW_PREFIX = 'view'
/** A view segment (`v` + one index per setting: font size, scheme, images, letter spacing, line height, font). */
export const VIEW_PATTERN = 'v[0-2]-[0-4]-[0-2]-[0-2]-[0-2]-[0-1]'

/**
 * Public URLs carry the language (`/az/…`). The main version is served by the routes under
 * `[locale]/` as they are: no rewrite, which Next would otherwise apply to every request (about 100
 * µs of its CPU per cached page, an eighth; deploy/README.md). The reader's view for the visually
 * impaired is not in the URL: it comes from the `a11y` cookie, which the rewrite below turns into an
 * internal prefix (`/view/v0-1-0-0-0-0/az/…`, routes under `view/[view]/[locale]/` that re-export
 * the main ones), so each combination of settings is its own cached page. Rewrites rather than proxy
 * code: a rewrite costs the server far less than running the proxy on every request, and a cookie
 * that is not exactly a view counts as the main version.
 * @returns {{ beforeFiles: import('next/dist/lib/load-custom-routes').Rewrite[] }}
 */
export function viewRewrites() {
  return {
    beforeFiles: [
      // The internal prefix is not a public address (its pages would answer under a second URL):
      // sent to a path no route answers but the 404.
      { source: `/${VIEW_PREFIX}/:path*`, destination: `/-/${VIEW_PREFIX}/:path*` },
      {
        source: `/:locale(${LOCALE_PATTERN})/:path*`,
        has: [{ type: 'cookie', key: 'a11y', value: `(?<view>${VIEW_PATTERN})` }],
        destination: `/${VIEW_PREFIX}/:view/:locale/:path*`,
      },
    ],
  }
}

/** `/` → the default language. */
export const rootRedirect = { source: '/', destination: '/az', permanent: false }
