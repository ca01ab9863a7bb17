import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import type { PageParams } from '@/site/context'
import { searchParamsOfSegment } from '@/site/query'

import GalleriesPage, { generateMetadata as galleriesMetadata } from '../../galleries/page'

type Params = Promise<PageParams & { query: string }>

/**
 * `/{locale}/galleries?page=N`: src/proxy.ts sends it here with the query string as the last
 * segment. Rendered on every request through the page cache, which does not keep it
 * (src/site/pageCacheHandler.mjs), so it is served as a cached page is (../../releases-query says why).
 */
export const revalidate = 3600

export function generateStaticParams(): { query: string }[] {
  return []
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return galleriesMetadata({ params, searchParams: Promise.resolve(searchParamsOfSegment((await params).query) ?? {}) })
}

export default async function GalleriesQuery({ params }: { params: Params }) {
  const search = searchParamsOfSegment((await params).query)
  if (!search) notFound()
  return <GalleriesPage params={params} searchParams={Promise.resolve(search)} />
}
