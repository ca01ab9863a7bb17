import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { format, formatDate, LOCALE_CODES, type Locale } from '@/i18n'
import { GalleryViewer } from '@/site/components/GalleryViewer'
import { PHOTO_INDEX_ATTRIBUTE, viewerLabels, viewerPhoto } from '@/site/components/galleryViewerData'
import { ResponsiveImage } from '@/site/components/ResponsiveImage'
import { SiteChrome } from '@/site/components/SiteChrome'
import { pageContext, type PageParams } from '@/site/context'
import { galleryBySlug } from '@/site/directory'
import { agencyPath, galleriesPath, galleryPath, localePath } from '@/site/paths'

export const revalidate = 3600

/** Rendered on first request, then cached until a change purges it. */
export function generateStaticParams(): Params[] {
  return []
}

type Params = PageParams & { slug: string }

async function load(params: Promise<Params>) {
  const ctx = await pageContext(params)
  const { slug } = await params
  const gallery = await galleryBySlug(ctx.locale, slug)
  if (!gallery) notFound()
  const alternates = Object.fromEntries(LOCALE_CODES.map((l) => [l, galleryPath(gallery.slugs[l])])) as Record<Locale, string>
  return { ctx, gallery, alternates }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { ctx, gallery, alternates } = await load(params)
  const first = gallery.photos[0]?.image.media
  const og = first?.sizes?.og?.url ? [{ url: first.sizes.og.url, width: 1200, height: 630, alt: first.alt }] : undefined
  return {
    title: gallery.title.text,
    alternates: {
      canonical: localePath(ctx.locale, alternates[ctx.locale]),
      languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, localePath(l, alternates[l])])),
    },
    openGraph: { title: gallery.title.text, images: og },
  }
}

/**
 * Every photo is a plain link to its large file, so the gallery works without JavaScript; its
 * caption (the gallery's own for this photo, else the image's), credit and a link to download the
 * original stand under it. With JavaScript, GalleryViewer opens those links in a modal viewer.
 */
export default async function GalleryPage({ params }: { params: Promise<Params> }) {
  const { ctx, gallery, alternates } = await load(params)
  const { locale, t } = ctx
  const { title, date, agency } = gallery
  // Only photos with a file to show: the grid's indexes are the viewer's.
  const photos = gallery.photos.flatMap((photo) => {
    const view = viewerPhoto(photo, t)
    return view ? [{ ...photo, view }] : []
  })

  return (
    <SiteChrome ctx={ctx} path={alternates[locale]} alternates={alternates}>
      <article className="gallery">
        <h1 lang={title.lang}>{title.text}</h1>
        {(date || agency) && (
          <dl className="release__facts">
            {date && (
              <>
                <dt>{t.date}</dt>
                <dd>
                  <time dateTime={date}>{formatDate(date, locale)}</time>
                </dd>
              </>
            )}
            {agency && (
              <>
                <dt>{t.agency}</dt>
                <dd>
                  <Link href={localePath(locale, agencyPath(agency.slug))} lang={agency.name.lang}>
                    {agency.name.text}
                  </Link>
                </dd>
              </>
            )}
          </dl>
        )}
        <p>{format(t.photoCount, { count: photos.length })}</p>
        <GalleryViewer title={title.text} titleLang={title.lang} photos={photos.map((p) => p.view)} labels={viewerLabels(t)}>
          <ul className="gallery-grid">
            {photos.map(({ id, image, view }, index) => (
              <li key={id}>
                <figure>
                  <a href={view.src} {...{ [PHOTO_INDEX_ATTRIBUTE]: index }}>
                    <ResponsiveImage media={image.media} lang={image.altLang} prefer="thumbnail" sizes="(max-width: 30rem) 50vw, 12rem" />
                  </a>
                  <figcaption>
                    {view.caption && <p lang={view.caption.lang}>{view.caption.text}</p>}
                    {view.credit && <p className="meta">{view.credit}</p>}
                    <p>
                      <a className="gallery-download" href={view.download} download>
                        {t.downloadOriginal}
                      </a>
                    </p>
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </GalleryViewer>
      </article>
      <p className="back">
        <Link href={localePath(locale, galleriesPath)}>← {t.allGalleries}</Link>
      </p>
    </SiteChrome>
  )
}
