import type { Metadata } from 'next'
import React from 'react'

import type { PageParams } from '@/site/context'

import GalleriesPage, { generateMetadata as galleriesMetadata } from '../galleries/page'

/**
 * `/{locale}/galleries` without a query string (src/proxy.ts sends it here): the first page,
 * cached like the other public pages and purged on every publish; `?page=N` is rendered per request.
 */
export const revalidate = 3600

export function generateMetadata({ params }: { params: Promise<PageParams> }): Promise<Metadata> {
  return galleriesMetadata({ params, searchParams: Promise.resolve({}) })
}

export default function GalleriesIndex({ params }: { params: Promise<PageParams> }) {
  return <GalleriesPage params={params} searchParams={Promise.resolve({})} />
}
