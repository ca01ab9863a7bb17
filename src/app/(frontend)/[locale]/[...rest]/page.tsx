import { notFound } from 'next/navigation'

/**
 * Any other address under a language is a 404 in the site's design. Rendered through the page
 * cache like every public page so it carries the hash-based Content-Security-Policy; the cache
 * handler does not store 404s (src/site/pageCacheHandler.mjs).
 */
export const revalidate = 3600

export function generateStaticParams(): { rest: string[] }[] {
  return []
}

export default function Unknown(): never {
  notFound()
}
