import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import type { PageParams } from '@/site/context'
import { searchParamsOfSegment } from '@/site/query'

import ReleasesPage, { generateMetadata as releasesMetadata } from '../../releases/page'

type Params = Promise<PageParams & { query: string }>

/**
 * `/{locale}/releases` with filters, a search or a page number: src/proxy.ts sends it here with the
 * query string as the last segment. Rendered on every request, like the list before, but through
 * the page cache, which does not keep it (src/site/pageCacheHandler.mjs): so it is served as every
 * cached page is, with no framework script where nothing runs and a policy of hashes.
 */
export const revalidate = 3600

export function generateStaticParams(): { query: string }[] {
  return []
}

export function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return releasesMetadata({ params })
}

export default async function ReleasesQuery({ params }: { params: Params }) {
  const search = searchParamsOfSegment((await params).query)
  if (!search) notFound()
  return <ReleasesPage params={params} searchParams={Promise.resolve(search)} />
}
