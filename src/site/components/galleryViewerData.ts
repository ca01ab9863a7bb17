/**
 * What the gallery page hands to the client-side viewer: plain, serializable data. Kept out of the
 * 'use client' module, whose exports the server only sees as references; type imports only, so the
 * viewer's bundle gains nothing but the attribute name.
 */
import type { Dictionary } from '@/i18n'
import type { Media } from '@/payload-types'
import type { GalleryPhoto } from '@/site/directory'
import { downloadPath } from '@/site/paths'

/** Grid links that open the viewer carry the photo's index in this attribute. */
export const PHOTO_INDEX_ATTRIBUTE = 'data-photo-index'

export interface ViewerPhoto {
  /** The large rendition; the photo's link in the grid points to the same file. */
  src: string
  width: number | null
  height: number | null
  alt: string
  altLang?: string
  caption: { text: string; lang?: string } | null
  /** Already worded ("Photo: …"). */
  credit: string | null
  /** Where the original file is downloaded (its name carries the credit). */
  download: string
}

export interface ViewerLabels {
  /** "Photo {index} of {count}" in the page's language. */
  position: string
  previous: string
  next: string
  close: string
  download: string
}

type Rendition = { url?: string | null; width?: number | null; height?: number | null }

/** The largest web rendition for full-screen viewing: `full`, else `hero`, else the uploaded file. */
export function largeImage(media: Media): { url: string; width: number | null; height: number | null } | null {
  const sizes = (media.sizes ?? {}) as Record<string, Rendition | undefined>
  for (const size of [sizes.full, sizes.hero]) {
    if (size?.url) return { url: size.url, width: size.width ?? null, height: size.height ?? null }
  }
  return media.url ? { url: media.url, width: media.width ?? null, height: media.height ?? null } : null
}

export function viewerPhoto({ image }: GalleryPhoto, t: Dictionary): ViewerPhoto | null {
  const large = largeImage(image.media)
  if (!large) return null
  return {
    src: large.url,
    width: large.width,
    height: large.height,
    alt: image.media.alt,
    ...(image.altLang ? { altLang: image.altLang } : {}),
    caption: image.caption ? { text: image.caption.text, ...(image.caption.lang ? { lang: image.caption.lang } : {}) } : null,
    credit: image.credit ? t.photoCredit.replace('{credit}', image.credit) : null,
    download: downloadPath(image.media.id),
  }
}

export const viewerLabels = (t: Dictionary): ViewerLabels => ({
  position: t.photoPosition,
  previous: t.previousPhoto,
  next: t.nextPhoto,
  close: t.closeViewer,
  download: t.downloadOriginal,
})
