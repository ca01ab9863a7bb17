import type { MetadataRoute } from 'next'

import { LOCALE_CODES } from '@/i18n'
import { directoryForSitemap } from '@/site/directory'
import { agencyPath, galleriesPath, galleryPath, localePath, officialPath, releasePath, releasesPath, siteURL } from '@/site/paths'
import { site } from '@/site/payload'

// Read on every request: a publish or unpublish must show here at once (the query is small).
export const dynamic = 'force-dynamic'

/** Every published release, official, agency and gallery in every language, with its alternates, plus the fixed pages. */
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
  const directory = await directoryForSitemap()
  const fixed = ['', releasesPath, galleriesPath].map((path) => ({
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
  const samePath = ({ path, updatedAt }: { path: string; updatedAt: string }) => ({
    url: `${base}${localePath('az', path)}`,
    lastModified: updatedAt,
    alternates: { languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, `${base}${localePath(l, path)}`])) },
  })
  const officials = directory.officials.map((o) => samePath({ path: officialPath(o.slug), updatedAt: o.updatedAt }))
  const agencies = directory.agencies.map((a) => samePath({ path: agencyPath(a.slug), updatedAt: a.updatedAt }))
  const galleries = directory.galleries.map((g) => ({
    url: `${base}${localePath('az', galleryPath(g.slugs.az))}`,
    lastModified: g.updatedAt,
    alternates: { languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, `${base}${localePath(l, galleryPath(g.slugs[l]))}`])) },
  }))
  return [...fixed, ...releases, ...officials, ...agencies, ...galleries]
}
