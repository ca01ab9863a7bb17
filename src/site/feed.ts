import { Feed } from 'feed'

import { dictionary, type Locale } from '@/i18n'

import { localePath, releasePath, siteURL } from './paths'
import { listReleases } from './releases'

export const FEED_SIZE = 50

/** RSS 2.0 of the latest published releases in one language (items without a text there fall back). */
export async function releasesFeed(locale: Locale): Promise<string> {
  const t = dictionary(locale)
  const base = siteURL()
  const { items } = await listReleases(locale, {}, FEED_SIZE)
  const feed = new Feed({
    id: `${base}${localePath(locale)}`,
    link: `${base}${localePath(locale)}`,
    title: `${t.siteName} — ${t.releases}`,
    description: t.siteTagline,
    language: locale,
    copyright: t.siteName,
    feedLinks: { rss: `${base}/feed/${locale}.xml` },
    updated: items[0]?.doc.publishedAt ? new Date(items[0].doc.publishedAt) : new Date(0),
  })
  for (const { doc } of items) {
    const link = `${base}${localePath(locale, releasePath(doc.slug ?? doc.id))}`
    feed.addItem({
      id: link,
      link,
      title: doc.title,
      description: doc.lead ?? undefined,
      date: new Date(doc.publishedAt ?? doc.createdAt),
    })
  }
  return feed.rss2()
}
