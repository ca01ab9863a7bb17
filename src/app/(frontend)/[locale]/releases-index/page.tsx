import type { Metadata } from 'next'
import React from 'react'

import type { PageParams } from '@/site/context'

import ReleasesPage, { generateMetadata as releasesMetadata } from '../releases/page'

/**
 * `/{locale}/releases` without a query string (src/proxy.ts sends it here): the newest releases,
 * cached like the other public pages and purged on every publish. With filters, a search or a page
 * number the list is rendered per request (../releases/page.tsx).
 */
export const revalidate = 3600

export function generateMetadata({ params }: { params: Promise<PageParams> }): Promise<Metadata> {
  return releasesMetadata({ params })
}

export default function ReleasesIndex({ params }: { params: Promise<PageParams> }) {
  return <ReleasesPage params={params} searchParams={Promise.resolve({})} />
}
