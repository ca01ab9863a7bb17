// Plain JavaScript (with JSDoc types): the page cache handler loads it outside the bundler.

/**
 * The attribute an element carries when the page it is on needs React in the browser (a client
 * component with behaviour: the gallery viewer, read-aloud). Put it on server-rendered markup that
 * is always there, not inside a client component that may render nothing on the server.
 */
export const NEEDS_SCRIPTS = 'data-needs-scripts'

/** `<section {...needsScripts}>`: the attribute as JSX props. */
export const needsScripts = Object.freeze({ [NEEDS_SCRIPTS]: '' })

// A script element; its attributes and its text.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
// A type that makes a script element a data block the browser never runs (JSON-LD).
const DATA_TYPE = /\stype\s*=\s*"(?!(?:module|text\/javascript|application\/javascript|)")[^"]*"/i
// A hint to fetch a script early: <link rel="preload" as="script"> or <link rel="modulepreload">.
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\srel="(?:modulepreload|preload)")(?=[^>]*\srel="modulepreload"|[^>]*\sas="script")[^>]*>/gi
const NEEDS_SCRIPTS_MARK = new RegExp(`<[a-z][^>]*\\s${NEEDS_SCRIPTS}(?:[\\s=/>])`, 'i')
// Next's shell for a page whose server render failed or was cut short (a 404 thrown from
// generateMetadata, say): the browser renders it from the flight data.
const ERROR_SHELL = /<html\b[^>]*\sid="__next_error__"/i

/**
 * A page as a plain document: without the framework's scripts (React, the router, the page's flight
 * data) when nothing on it is marked as needing them. A release page is text, links and forms that
 * work without JavaScript; a reader should not download ~130 KB of framework to read it (issue 6
 * sets < 80 KB). Data blocks (JSON-LD) stay. The page's flight data is still cached beside the HTML,
 * so a navigation inside the app from a page that has the router still renders it client-side.
 *
 * React writes `<` in text and attribute values as `&lt;`, and the flight data inside scripts as
 * `\u003c`, so every `<script` in a rendered page starts an element. Only full pages (status 200)
 * should come here: Next may send a 404 as a shell its scripts fill in.
 *
 * @param {string} html
 * @returns {string}
 */
export function withoutFrameworkScripts(html) {
  if (NEEDS_SCRIPTS_MARK.test(html) || ERROR_SHELL.test(html)) return html
  return html.replace(SCRIPT, (element, attributes) => (DATA_TYPE.test(attributes) ? element : '')).replace(SCRIPT_PRELOAD, '')
}

/**
 * Whether anything on the page runs: a script element that is not a data block. A page where
 * nothing does is served with `script-src 'none'` (src/site/pageCacheHandler.mjs).
 *
 * @param {string} html
 * @returns {boolean}
 */
export function runsScripts(html) {
  for (const [, attributes] of html.matchAll(SCRIPT)) if (!DATA_TYPE.test(attributes)) return true
  return false
}
