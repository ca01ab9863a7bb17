import { describe, expect, it } from 'vitest'

import { pagePolicy } from '../../src/security/contentSecurityPolicy.mjs'
import { NEEDS_SCRIPTS, runsScripts, withoutFrameworkScripts } from '../../src/site/frameworkScripts.mjs'

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

describe('runsScripts and the policy of a page on which nothing runs', () => {
  it('a page stripped of its scripts runs nothing; its JSON-LD is a data block', () => {
    const stripped = withoutFrameworkScripts(page('<main><h1>Release</h1></main>'))
    expect(stripped).toContain('application/ld+json')
    expect(runsScripts(stripped)).toBe(false)
  })

  it('any script that is not a data block runs: inline, external, module, typed as JavaScript', () => {
    const shell = (script: string) => `<html><body><script type="application/ld+json">{}</script>${script}</body></html>`
    for (const script of ['<script>a()</script>', '<script src="/a.js"></script>', '<script type="module">b()</script>', '<script type="text/javascript">c()</script>', '<SCRIPT async src="/b.js"></SCRIPT>']) {
      expect(runsScripts(shell(script)), script).toBe(true)
    }
    expect(runsScripts(page(`<div ${NEEDS_SCRIPTS}="">x</div>`))).toBe(true)
  })

  it("no script source at all for such a page; 'self' and the given hashes otherwise", () => {
    expect(pagePolicy({ scripts: null })).toContain("script-src 'none';")
    expect(pagePolicy({ scripts: null })).not.toContain("script-src 'self'")
    expect(pagePolicy({ scripts: ["'sha256-abc='"] })).toContain("script-src 'self' 'sha256-abc=';")
  })
})
