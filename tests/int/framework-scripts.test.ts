import { describe, expect, it } from 'vitest'

import { NEEDS_SCRIPTS, withoutFrameworkScripts } from '../../src/site/frameworkScripts.mjs'

// The shape of a page as Next 16 (Turbopack) renders it: chunk scripts, a preload hint, the
// Turbopack bootstrap, the flight data, a nomodule polyfill, next to a stylesheet and JSON-LD.
const page = (body: string, htmlAttributes = ' lang="en"') =>
  `<!DOCTYPE html><html${htmlAttributes}><head><meta charSet="utf-8"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>` +
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>` +
  `<link rel="modulepreload" href="/_next/static/chunks/m.js"/>` +
  `<link rel="preload" as="image" href="/media/hero.webp"/>` +
  `<script src="/_next/static/chunks/a.js" async=""></script>` +
  `<script src="/_next/static/chunks/poly.js" noModule=""></script>` +
  `<title>T</title></head><body>${body}` +
  `<script type="application/ld+json">{"@type":"NewsArticle","headline":"T \\u003c/script>"}</script>` +
  `<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>` +
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script>` +
  `<script>self.__next_f.push([1,"0:{\\"a\\":\\"\\u003cscript>\\"}"])</script>` +
  `<script type="module">import('/x.js')</script>` +
  `<script type="text/javascript">run()</script>` +
  `</body></html>`

describe('withoutFrameworkScripts', () => {
  it('drops every script that runs and every script preload; keeps styles, images, JSON-LD and the content', () => {
    const out = withoutFrameworkScripts(page('<main><h1>Release</h1><a href="/en">Home</a></main>'))
    expect(out).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/)
    expect(out).not.toContain('as="script"')
    expect(out).not.toContain('modulepreload')
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>')
    expect(out).toContain('<link rel="preload" as="image" href="/media/hero.webp"/>')
    expect(out).toContain('<script type="application/ld+json">{"@type":"NewsArticle","headline":"T \\u003c/script>"}</script>')
    expect(out).toContain('<main><h1>Release</h1><a href="/en">Home</a></main>')
    expect(withoutFrameworkScripts(out)).toBe(out)
  })

  it(`keeps the page whole when an element is marked ${NEEDS_SCRIPTS}`, () => {
    for (const mark of [`<div ${NEEDS_SCRIPTS}="">`, `<section class="a11y-toolbar" ${NEEDS_SCRIPTS}>`]) {
      const html = page(`<main>${mark}x</div></main>`)
      expect(withoutFrameworkScripts(html)).toBe(html)
    }
  })

  it('a mention of the attribute in text is not a mark', () => {
    const out = withoutFrameworkScripts(page(`<p>the attribute ${NEEDS_SCRIPTS} marks islands</p>`))
    expect(out).not.toContain('self.__next_f')
  })

  it("keeps Next's error shell, which the browser renders from the flight data", () => {
    const html = page('', ' id="__next_error__"')
    expect(withoutFrameworkScripts(html)).toBe(html)
  })
})
