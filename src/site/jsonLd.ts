import type { Agency, Media, Release } from '@/payload-types'

/** schema.org NewsArticle for a release, serialised safely for an inline script element. */
export function newsArticleJsonLd({ doc, url, locale, publisher }: { doc: Release; url: string; locale: string; publisher: string }): string {
  const hero = typeof doc.heroImage === 'object' && doc.heroImage ? (doc.heroImage as Media) : null
  const agency = typeof doc.leadAgency === 'object' && doc.leadAgency ? (doc.leadAgency as Agency) : null
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: doc.title,
    description: doc.lead ?? undefined,
    inLanguage: locale,
    datePublished: doc.publishedAt ?? undefined,
    dateModified: doc.updatedAt,
    mainEntityOfPage: url,
    url,
    image: hero?.sizes?.og?.url ? [new URL(hero.sizes.og.url, url).toString()] : undefined,
    author: agency ? { '@type': 'GovernmentOrganization', name: agency.name } : undefined,
    publisher: { '@type': 'GovernmentOrganization', name: publisher },
  }
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
