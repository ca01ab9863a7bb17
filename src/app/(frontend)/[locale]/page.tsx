import type { Metadata } from 'next'
import Link from 'next/link'
import React from 'react'

import { GalleryCard } from '@/site/components/GalleryCard'
import { ReleaseCard } from '@/site/components/ReleaseCard'
import { SiteChrome } from '@/site/components/SiteChrome'
import { pageContext, type PageParams } from '@/site/context'
import { listGalleries } from '@/site/directory'
import { galleriesPath, localePath, releasesPath } from '@/site/paths'
import { site } from '@/site/payload'
import { featuredRelease, listReleases } from '@/site/releases'
import { LOCALE_CODES } from '@/i18n'

export const revalidate = 3600

export async function generateMetadata({ params }: { params: Promise<PageParams> }): Promise<Metadata> {
  const { locale, t } = await pageContext(params)
  return {
    title: { absolute: t.siteName },
    alternates: {
      canonical: localePath(locale),
      languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, localePath(l)])),
    },
  }
}

export default async function HomePage({ params }: { params: Promise<PageParams> }) {
  const ctx = await pageContext(params)
  const { locale, t } = ctx
  const [{ items }, featured, galleries, agencies] = await Promise.all([
    listReleases(locale, {}, 7),
    featuredRelease(locale),
    listGalleries(locale, 1, 3),
    site().then((payload) =>
      payload.find({
        collection: 'agencies',
        locale,
        where: { website: { exists: true } },
        sort: 'name',
        limit: 50,
        depth: 0,
        overrideAccess: false,
      }),
    ),
  ])
  // The newest release an editor marked as featured, else simply the newest; never a withdrawn one
  // (the latest list shows those, marked).
  const latest = items.filter((item) => item.doc.id !== featured?.doc.id).slice(0, 6)
  const units = agencies.docs.filter((a) => a.kind === 'structural-unit' && a.website)
  const others = agencies.docs.filter((a) => a.kind !== 'structural-unit' && a.kind !== 'media-outlet' && a.website)
  return (
    <SiteChrome ctx={ctx} path="">
      <h1>{t.siteName}</h1>
      {featured && (
        <section aria-labelledby="featured-heading" className="featured">
          <h2 id="featured-heading">{t.featuredRelease}</h2>
          <ReleaseCard item={featured} locale={locale} t={t} />
        </section>
      )}
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t.latestReleases}</h2>
        <ul className="release-list">
          {latest.map((item) => (
            <li key={item.doc.id}>
              <ReleaseCard item={item} locale={locale} t={t} />
            </li>
          ))}
        </ul>
        <p>
          <Link href={localePath(locale, releasesPath)}>{t.allReleases}</Link>
        </p>
      </section>
      {galleries.items.length > 0 && (
        <section aria-labelledby="galleries-heading">
          <h2 id="galleries-heading">{t.latestGalleries}</h2>
          <ul className="release-list gallery-list">
            {galleries.items.map((gallery) => (
              <li key={gallery.id}>
                <GalleryCard gallery={gallery} locale={locale} t={t} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p>
            <Link href={localePath(locale, galleriesPath)}>{t.galleries}</Link>
          </p>
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">{t.usefulLinks}</h2>
          <ul>
            {others.map((a) => (
              <li key={a.id}>
                <a href={a.website!}>{a.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {units.length > 0 && (
        <section aria-labelledby="units-heading">
          <h2 id="units-heading">{t.structuralUnitsWebsites}</h2>
          <ul>
            {units.map((a) => (
              <li key={a.id}>
                <a href={a.website!}>{a.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </SiteChrome>
  )
}
