import { dictionary, isLocale, LOCALE_CODES, LOCALE_NAMES } from '@/i18n'
import { localePath } from '@/site/paths'
import { isRemovedRelease } from '@/site/removed'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * 410 Gone for the address of a release deleted as published in error. A plain page in the site's
 * colours (a route handler: pages cannot answer 410), with links home in every language.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params
  if (!isLocale(locale) || !(await isRemovedRelease(decodeURIComponent(slug)))) {
    return new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const t = dictionary(locale)
  const homes = LOCALE_CODES.map(
    (code) => `<li><a href="${localePath(code)}" hreflang="${code}" lang="${code}">${escape(dictionary(code).home)} (${escape(LOCALE_NAMES[code])})</a></li>`,
  ).join('')
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(t.goneTitle)} · ${escape(t.siteName)}</title>
<style>
body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
main { max-width: 50rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
a { color: #0b4f8a; display: inline-block; min-height: 2.75rem; padding: 0.6rem 0; }
a:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
@media (forced-colors: active) { a { color: LinkText; } }
</style>
</head>
<body>
<main id="main">
<p><a href="${localePath(locale)}">${escape(t.siteName)}</a></p>
<h1>${escape(t.goneTitle)}</h1>
<p>${escape(t.goneText)}</p>
<ul>${homes}</ul>
</main>
</body>
</html>`
  return new Response(html, { status: 410, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
}
