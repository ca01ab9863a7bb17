// Plain JavaScript (with JSDoc types): next.config.mjs loads it. tests/int/security-headers.test.ts
// checks these patterns against src/a11y/settings.ts and src/i18n/locales.ts, so they cannot drift.

/** The languages in the first segment of every public address. */
export const LOCALE_PATTERN = 'az|en|ru'
/** The main version's internal segment. */
export const MAIN_VIEW = 'main'
/** A view segment (`v` + one index per setting: font size, scheme, images, letter spacing, line height, font). */
export const VIEW_PATTERN = 'v[0-2]-[0-4]-[0-2]-[0-2]-[0-2]-[0-1]'

/**
 * Public URLs carry the language (`/az/…`). The reader's view for the visually impaired is not in
 * the URL: it comes from the `a11y` cookie and becomes an internal first segment
 * (`/v0-1-0-0-0-0/az/…`), so each combination of settings is its own cached page. These are
 * Next rewrites rather than proxy code: a rewrite costs the server far less than running the proxy
 * on every request, and a cookie that is not exactly a view counts as the main version.
 * @returns {{ beforeFiles: import('next/dist/lib/load-custom-routes').Rewrite[] }}
 */
export function viewRewrites() {
  return {
    beforeFiles: [
      // The internal segment is not a public address (its pages would answer under a second URL).
      { source: `/:view(${MAIN_VIEW}|${VIEW_PATTERN})/:path*`, destination: `/${MAIN_VIEW}/-/:view/:path*` },
      {
        source: `/:locale(${LOCALE_PATTERN})/:path*`,
        has: [{ type: 'cookie', key: 'a11y', value: `(?<view>${VIEW_PATTERN})` }],
        destination: '/:view/:locale/:path*',
      },
      { source: `/:locale(${LOCALE_PATTERN})/:path*`, destination: `/${MAIN_VIEW}/:locale/:path*` },
    ],
  }
}

/** `/` → the default language. */
export const rootRedirect = { source: '/', destination: '/az', permanent: false }
