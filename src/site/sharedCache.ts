import http from 'node:http'

import { LOCALE_CODES } from '@/i18n/locales'

import { agencyPath, galleriesPath, galleryPath, localePath, officialPath, releasePath, releasesPath, siteURL } from './paths'

/**
 * nginx's micro-cache (deploy/nginx) keeps a page for 1–2 s. After a change readers can see, the
 * app asks it to fetch the pages the change shows on again, so the main version of those pages is
 * new at once instead of up to 2 s later (the reader's-view and client-navigation copies still age
 * out within 2 s). nginx takes these requests on a loopback-only listener that answers from Next and
 * replaces the cached copy. Off unless SHARED_CACHE_REFRESH_URL is set (e.g. http://127.0.0.1:8081).
 */
export const refreshURL = (): string | null => process.env.SHARED_CACHE_REFRESH_URL?.trim() || null

const DOCUMENT_PAGES: Record<string, (slug: string) => string> = {
  releases: releasePath,
  galleries: galleryPath,
  officials: officialPath,
  agencies: agencyPath,
}

/** The public pages (without language) a change of this document shows on: its own, the home page and the lists. */
export function pagesShowing(collection: string, doc: { slug?: unknown } | null | undefined): string[] {
  const own = DOCUMENT_PAGES[collection]
  const pages = ['', releasesPath, galleriesPath]
  if (own && typeof doc?.slug === 'string' && doc.slug) pages.push(own(doc.slug))
  return pages
}

/** Asks nginx to fetch these pages again in every language. Never throws: a cache that is not there is not an error. */
export async function refreshSharedCache(pages: string[]): Promise<void> {
  const base = refreshURL()
  if (!base || pages.length === 0) return
  // The copy readers get is keyed on the public scheme and host; the refresh listener builds the same key from these.
  const site = new URL(siteURL())
  const target = new URL(base)
  const paths = LOCALE_CODES.flatMap((locale) => pages.map((page) => localePath(locale, page)))
  await Promise.all(
    paths.map(
      (path) =>
        new Promise<void>((resolve) => {
          const request = http.get(
            {
              host: target.hostname,
              port: target.port || 80,
              path,
              headers: { host: site.host, 'x-forwarded-proto': site.protocol.replace(':', '') },
              timeout: 10_000,
            },
            (response) => {
              response.resume()
              response.on('end', resolve)
            },
          )
          request.on('error', () => resolve())
          request.on('timeout', () => request.destroy())
        }),
    ),
  )
}
