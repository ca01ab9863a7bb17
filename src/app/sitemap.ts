import type { MetadataRoute } from 'next'

import { LOCALE_CODES } from '@/i18n'
import { localePath, releasePath, releasesPath, siteURL } from '@/site/paths'
import { site } from '@/site/payload'

// Read on every request: a publish or unpublish must show here at once (the query is small).
export const dynamic = 'force-dynamic'

/** Every published release in every language, with its alternates, plus the fixed pages. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteURL()
  const payload = await site()
  const { docs } = await payload.find({
    collection: 'releases',
    locale: 'all',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
    select: { slug: true, updatedAt: true },
  })
  const fixed = ['', releasesPath].map((path) => ({
    url: `${base}${localePath('az', path)}`,
    alternates: { languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, `${base}${localePath(l, path)}`])) },
  }))
  const releases = docs.map((doc) => {
    const slugs = (doc.slug ?? {}) as unknown as Record<string, string | undefined>
    const any = slugs.az ?? slugs.en ?? slugs.ru ?? doc.id
    const path = (l: string) => releasePath(slugs[l] ?? any)
    return {
      url: `${base}${localePath('az', path('az'))}`,
      lastModified: doc.updatedAt,
      alternates: { languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, `${base}${localePath(l, path(l))}`])) },
    }
  })
  return [...fixed, ...releases]
}
