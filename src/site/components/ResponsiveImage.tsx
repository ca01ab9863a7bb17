import React from 'react'

import type { Media } from '@/payload-types'

type SizeName = 'thumbnail' | 'card' | 'hero'
type Variant = { url?: string | null; width?: number | null; height?: number | null }

/** Sizes cut the same way (same crop, same aspect), so any of them may fill the same box. */
const FAMILIES: Record<SizeName, readonly ('thumbnail' | 'card' | 'hero' | 'full')[]> = {
  thumbnail: ['thumbnail'],
  card: ['card'],
  hero: ['hero', 'full'],
}

const usable = (v: Variant | null | undefined): v is Required<{ [K in keyof Variant]: NonNullable<Variant[K]> }> =>
  Boolean(v?.url && v.width && v.height)

const srcSet = (variants: Variant[]) => variants.filter(usable).map((v) => `${v.url} ${v.width}w`).join(', ') || undefined

/**
 * An uploaded image as `<picture>`: WebP for current browsers, the original format as fallback, a
 * srcset of the sizes cut alike and explicit width/height (no layout shift). Our own files only: no
 * image service. The alt text also stands next to it in a `.img-alt` span, which the view for
 * visually impaired readers shows when images are hidden.
 */
export function ResponsiveImage({
  media,
  sizes = '(max-width: 48rem) 100vw, 48rem',
  prefer = 'hero',
  lang,
  priority = false,
}: {
  media: Media | string | null | undefined
  sizes?: string
  prefer?: SizeName
  lang?: string
  /** The page's main image (above the fold): loaded at once rather than lazily. */
  priority?: boolean
}) {
  if (!media || typeof media === 'string' || !media.url) return null
  const family = FAMILIES[prefer]
  const original: Variant = { url: media.url, width: media.width, height: media.height }
  const fallback: Variant[] = family.map((name) => media.sizes?.[name] ?? null).filter(usable)
  const webp: Variant[] = family.map((name) => media.sizes?.[`${name}Webp`] ?? null).filter(usable)
  // Images smaller than a size are not enlarged: the original then stands in for it.
  if (prefer === 'hero' && !fallback.length) fallback.push(original)
  const main = fallback[0] ?? original
  return (
    <span className="img">
      <picture>
        {webp.length > 0 && <source type="image/webp" srcSet={srcSet(webp)} sizes={sizes} />}
        <img
          src={main.url!}
          srcSet={srcSet(fallback)}
          sizes={sizes}
          width={main.width ?? undefined}
          height={main.height ?? undefined}
          // Always present: a missing alt makes screen readers read the file name. The page passes
          // the alt in its language, else another one marked with `lang` (src/site/directory.ts).
          alt={media.alt ?? ''}
          lang={lang}
          loading={priority ? 'eager' : 'lazy'}
          fetchPriority={priority ? 'high' : undefined}
          decoding="async"
        />
      </picture>
      <span className="img-alt" lang={lang}>
        {media.alt}
      </span>
    </span>
  )
}
