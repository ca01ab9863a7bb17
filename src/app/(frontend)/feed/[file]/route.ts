import { isLocale } from '@/i18n'
import { releasesFeed } from '@/site/feed'

// Read on every request: a publish or unpublish must show here at once (the query is small).
export const dynamic = 'force-dynamic'

/** `/feed/az.xml`, `/feed/en.xml`, `/feed/ru.xml`: one RSS feed per language. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params
  const locale = file.replace(/\.xml$/, '')
  if (!file.endsWith('.xml') || !isLocale(locale)) return new Response('No such feed.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(await releasesFeed(locale), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
