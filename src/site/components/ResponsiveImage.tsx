import React from 'react'

import type { Media } from '@/payload-types'

type SizeName = 'thumbnail' | 'card' | 'hero' | 'og'

/**
 * An uploaded image with srcset and explicit width/height (no layout shift), served from our own
 * files. Its alt text also stands next to it in a `.img-alt` span, which the view for visually
 * impaired readers shows when images are hidden.
 */
export function ResponsiveImage({
  media,
  sizes = '(max-width: 48rem) 100vw, 48rem',
  prefer = 'hero',
  lang,
}: {
  media: Media | string | null | undefined
  sizes?: string
  prefer?: SizeName
  lang?: string
}) {
  if (!media || typeof media === 'string' || !media.url) return null
  const variants = (['thumbnail', 'card', 'hero'] as const)
    .map((name) => media.sizes?.[name])
    .filter((s): s is NonNullable<typeof s> => Boolean(s?.url && s.width))
  const main = media.sizes?.[prefer]?.url ? media.sizes[prefer]! : { url: media.url, width: media.width, height: media.height }
  return (
    <span className="img">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own files with a hand-made srcset; no image service */}
      <img
        src={main.url!}
        srcSet={variants.map((v) => `${v.url} ${v.width}w`).join(', ') || undefined}
        sizes={sizes}
        width={main.width ?? undefined}
        height={main.height ?? undefined}
        alt={media.alt}
        lang={lang}
        loading="lazy"
        decoding="async"
      />
      <span className="img-alt" lang={lang}>
        {media.alt}
      </span>
    </span>
  )
}
