// Plain JavaScript (with JSDoc types): next.config.mjs loads it. tests/int/view-routing.test.ts
// checks these patterns (and the proxy's matcher, which must repeat them literally) against
// src/a11y/settings.ts and src/i18n/locales.ts, so they cannot drift.
//
// Public URLs carry the language (`/az/…`). The main version is served by the routes under
// `[locale]/` as they are: no rewrite (a rewrite in next.config.mjs is matched against every request,
// about 120 µs of the server's CPU per cached page; deploy/README.md). The reader's view for the
// visually impaired is not in the URL: it comes from the `a11y` cookie, and src/proxy.ts, which runs
// only for a request whose cookie is a view (its matcher), sends it to the internal prefix
// (`/view/v0-1-0-0-0-0/az/…`, routes under `view/[view]/[locale]/` that re-export the main ones), so
// each combination of settings is its own cached page.

/** The languages in the first segment of every public address. */
export const LOCALE_PATTERN = 'az|en|ru'
/** The folder of the visually impaired view's routes: `/view/{view}/{locale}/…`, internal only. */
export const VIEW_PREFIX = 'view'
/**
 * A view segment (`v` + one index per setting: font size, scheme, images, letter spacing, line height,
 * font), and at the largest font size (2) optionally `-1`: the toolbar folded. Next anchors a cookie
 * pattern as `^…$` without a group, so the alternatives stay inside `(?:…)`.
 */
export const VIEW_PATTERN = 'v(?:[0-2]-[0-4]-[0-2]-[0-2]-[0-2]-[0-1]|2-[0-4]-[0-2]-[0-2]-[0-2]-[0-1]-1)'

/**
 * The app's top-level folders that answer addresses below them (in src/app/(frontend) and
 * src/app/(payload)): any other first segment of `/{segment}/releases` reaches the language's pages.
 */
export const FOLDERS_WITH_ROUTES_BELOW = 'admin|api|download|feed|view'
