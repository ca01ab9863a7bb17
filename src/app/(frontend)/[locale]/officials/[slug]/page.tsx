import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { formatDate, LOCALE_CODES, type Dictionary, type Locale } from '@/i18n'
import { ResponsiveImage } from '@/site/components/ResponsiveImage'
import { RelatedReleases } from '@/site/components/RelatedReleases'
import { SafeRichText } from '@/site/components/SafeRichText'
import { SiteChrome } from '@/site/components/SiteChrome'
import { pageContext, type PageParams } from '@/site/context'
import { officialBySlug, type PositionView, type Text } from '@/site/directory'
import { agencyPath, localePath, officialPath, releasesPath } from '@/site/paths'
import { listReleases } from '@/site/releases'

export const revalidate = 3600

/** Rendered on first request, then cached until a change purges it. */
export function generateStaticParams(): Params[] {
  return []
}

type Params = PageParams & { slug: string }

const RELEASES_SHOWN = 10

async function load(params: Promise<Params>) {
  const ctx = await pageContext(params)
  const { slug } = await params
  const official = await officialBySlug(ctx.locale, slug)
  if (!official) notFound()
  return { ctx, official, path: officialPath(official.slug) }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { ctx, official, path } = await load(params)
  const description = [official.rank?.text, official.current[0]?.title?.text].filter(Boolean).join(', ')
  return {
    title: official.name.text,
    description: description || undefined,
    alternates: {
      canonical: localePath(ctx.locale, path),
      languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, localePath(l, path)])),
    },
  }
}

/** A template with `{name}` in it, the name marked with its language where it is not the page's. */
function withName(template: string, name: Text): React.ReactNode {
  const [before, after = ''] = template.split('{name}')
  return (
    <>
      {before}
      <span lang={name.lang}>{name.text}</span>
      {after}
    </>
  )
}

function PositionDates({ start, end, locale, t }: { start: string; end: string | null; locale: Locale; t: Dictionary }) {
  return (
    <>
      <time dateTime={start}>{formatDate(start, locale)}</time>
      {' – '}
      {end ? <time dateTime={end}>{formatDate(end, locale)}</time> : t.present}
    </>
  )
}

function PositionItem({ position, locale, t }: { position: PositionView; locale: Locale; t: Dictionary }) {
  const { title, agency } = position
  return (
    <li>
      <p>
        {title && <span lang={title.lang}>{title.text}</span>}
        {title && agency && ', '}
        {agency && (
          <Link href={localePath(locale, agencyPath(agency.slug))} lang={agency.name.lang}>
            {agency.name.text}
          </Link>
        )}
      </p>
      <p className="meta">
        <PositionDates start={position.startDate} end={position.endDate} locale={locale} t={t} />
      </p>
    </li>
  )
}

export default async function OfficialPage({ params }: { params: Promise<Params> }) {
  const { ctx, official, path } = await load(params)
  const { locale, t } = ctx
  const releases = await listReleases(locale, { official: official.id }, RELEASES_SHOWN)
  const { name, rank, portrait, biography, current, past } = official

  return (
    <SiteChrome ctx={ctx} path={path}>
      <article className="official">
        <h1 lang={name.lang}>{name.text}</h1>
        {rank && (
          <dl className="release__facts">
            <dt>{t.rank}</dt>
            <dd lang={rank.lang}>{rank.text}</dd>
          </dl>
        )}
        {portrait && (
          <p className="official__portrait">
            <ResponsiveImage media={portrait.media} lang={portrait.altLang} prefer="card" sizes="(max-width: 30rem) 100vw, 20rem" />
          </p>
        )}
        {current.length > 0 && (
          <section aria-labelledby="current-heading">
            <h2 id="current-heading">{t.currentPosition}</h2>
            <ul className="positions">
              {current.map((p) => (
                <PositionItem key={p.id} position={p} locale={locale} t={t} />
              ))}
            </ul>
          </section>
        )}
        {past.length > 0 && (
          <section aria-labelledby="past-heading">
            <h2 id="past-heading">{t.pastPositions}</h2>
            <ul className="positions">
              {past.map((p) => (
                <PositionItem key={p.id} position={p} locale={locale} t={t} />
              ))}
            </ul>
          </section>
        )}
        {biography && (
          <section aria-labelledby="biography-heading">
            <h2 id="biography-heading">{t.biography}</h2>
            <div className="official__biography" lang={biography.lang}>
              <SafeRichText data={biography.data} />
            </div>
          </section>
        )}
        <RelatedReleases
          heading={withName(t.releasesMentioning, name)}
          items={releases.items}
          totalDocs={releases.totalDocs}
          moreHref={`${localePath(locale, releasesPath)}?official=${encodeURIComponent(official.id)}`}
          locale={locale}
          t={t}
        />
      </article>
    </SiteChrome>
  )
}
