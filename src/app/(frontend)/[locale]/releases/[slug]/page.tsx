import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import React from 'react'

import { LOCALE_CODES, type Locale } from '@/i18n'
import type { Media } from '@/payload-types'
import { ReleaseView } from '@/site/components/ReleaseView'
import { pageContext, type PageParams } from '@/site/context'
import { localePath, releasePath } from '@/site/paths'
import { populated } from '@/site/populated'
import { isRemovedRelease } from '@/site/removed'
import { releaseBySlug, releaseSlugs } from '@/site/releases'

export const revalidate = 3600

/** Rendered on first request, then cached until a change purges it. */
export function generateStaticParams(): Params[] {
  return []
}

type Params = PageParams & { slug: string }

async function load(params: Promise<Params>) {
  const ctx = await pageContext(params)
  const { slug } = await params
  const found = await releaseBySlug(ctx.locale, decodeURIComponent(slug))
  if (!found) {
    // A release deleted as published in error answers 410 Gone (a route handler can; a page cannot).
    if (await isRemovedRelease(decodeURIComponent(slug))) redirect(localePath(ctx.locale, `/removed/${slug}`))
    notFound()
  }
  const slugs = await releaseSlugs(found.doc.id)
  const alternates = Object.fromEntries(
    LOCALE_CODES.map((l) => [l, releasePath(slugs[l] ?? slugs[found.lang] ?? found.doc.slug ?? found.doc.id)]),
  ) as Record<Locale, string>
  return { ctx, ...found, alternates }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { ctx, doc, alternates } = await load(params)
  const hero = populated<Media>(doc.heroImage) ? doc.heroImage : null
  const og = hero?.sizes?.og?.url ? [{ url: hero.sizes.og.url, width: 1200, height: 630, alt: hero.alt }] : undefined
  return {
    title: doc.title,
    description: doc.lead ?? undefined,
    alternates: {
      canonical: localePath(ctx.locale, alternates[ctx.locale]),
      languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, localePath(l, alternates[l])])),
    },
    openGraph: { type: 'article', title: doc.title, description: doc.lead ?? undefined, publishedTime: doc.publishedAt ?? undefined, images: og },
    twitter: { card: og ? 'summary_large_image' : 'summary', title: doc.title, description: doc.lead ?? undefined, images: og?.map((i) => i.url) },
  }
}

export default async function ReleasePage({ params }: { params: Promise<Params> }) {
  const loaded = await load(params)
  return <ReleaseView {...loaded} />
}
