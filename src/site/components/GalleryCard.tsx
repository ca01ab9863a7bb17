import Link from 'next/link'
import React from 'react'

import { format, formatDate, type Dictionary, type Locale } from '@/i18n'
import type { GallerySummary } from '@/site/directory'
import { galleryPath, localePath } from '@/site/paths'

import { ResponsiveImage } from './ResponsiveImage'

/** A gallery in a list: cover, title, date, number of photos. */
export function GalleryCard({ gallery, locale, t, headingLevel = 2 }: { gallery: GallerySummary; locale: Locale; t: Dictionary; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3'
  return (
    <article className="release-card">
      {gallery.cover && (
        <ResponsiveImage media={gallery.cover.media} lang={gallery.cover.altLang} prefer="thumbnail" sizes="(max-width: 30rem) 100vw, 25rem" />
      )}
      <Heading lang={gallery.title.lang}>
        <Link href={localePath(locale, galleryPath(gallery.slug))}>{gallery.title.text}</Link>
      </Heading>
      <p className="meta">
        {gallery.date && (
          <>
            <time dateTime={gallery.date}>{formatDate(gallery.date, locale)}</time>
            {' · '}
          </>
        )}
        {format(t.photoCount, { count: gallery.photoCount })}
      </p>
    </article>
  )
}
