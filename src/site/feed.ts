import { Feed } from 'feed'

import { dictionary, formatDate, type Locale } from '@/i18n'
import { withdrawnNoticeText } from '@/site/changeNotes'

import { localePath, releasePath, siteURL } from './paths'
import { listReleases } from './releases'

export const FEED_SIZE = 50

/**
 * Text as XML 1.0 allows it: control characters (but tab, line feed, carriage return), lone
 * surrogates and U+FFFE/U+FFFF removed. The API refuses them, but one stored before (or written by
 * the importer or a script) must not make the feed unreadable for every reader.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}

/**
 * A text for the feed's CDATA sections: XML-safe, and no "]]>" (the feed library ends the CDATA there
 * and escapes only the first one, so a title could add elements to the feed).
 */
export function feedText(text: string): string {
  return xmlSafe(text).replaceAll(']]>', ']] >')
}

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
    // A withdrawn release says so in the feed's language: "[Withdrawn] " before its title, and its
    // description starts with the explanation (else the notice with the date), then the lead.
    const withdrawal = doc.withdrawal?.withdrawn ? doc.withdrawal : null
    const notice = withdrawal
      ? withdrawal.explanation?.trim() || withdrawnNoticeText(t.withdrawnNotice, withdrawal.withdrawnAt ? formatDate(withdrawal.withdrawnAt, locale) : '')
      : null
    const description = [notice, doc.lead].filter(Boolean).join('\n\n')
    feed.addItem({
      id: link,
      link,
      title: feedText(withdrawal ? `[${t.withdrawnHeading}] ${doc.title}` : doc.title),
      description: description ? feedText(description) : undefined,
      date: new Date(doc.publishedAt ?? doc.createdAt),
    })
  }
  // The site's own texts (dictionary) and links go through the same filter with the rest.
  return xmlSafe(feed.rss2())
}
