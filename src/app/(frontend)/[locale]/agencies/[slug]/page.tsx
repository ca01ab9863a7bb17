import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { formatDate, LOCALE_CODES, type Dictionary, type Locale } from '@/i18n'
import { isSafeLinkUrl } from '@/lib/safeUrl'
import { ResponsiveImage } from '@/site/components/ResponsiveImage'
import { RelatedReleases } from '@/site/components/RelatedReleases'
import { SiteChrome } from '@/site/components/SiteChrome'
import { pageContext, type PageParams } from '@/site/context'
import { agencyBySlug } from '@/site/directory'
import { agencyPath, localePath, officialPath, releasesPath } from '@/site/paths'
import { listReleases } from '@/site/releases'

export const revalidate = 3600

/** Rendered on first request, then cached until a change purges it. */
export function generateStaticParams(): Params[] {
  return []
}

type Params = PageParams & { slug: string }

const RELEASES_SHOWN = 10

const KIND_KEYS = {
  ministry: 'kindMinistry',
  'state-service': 'kindStateService',
  'structural-unit': 'kindStructuralUnit',
  'international-organisation': 'kindInternationalOrganisation',
  'media-outlet': 'kindMediaOutlet',
  'other-state-body': 'kindOtherStateBody',
} as const satisfies Record<string, keyof Dictionary>

const kindLabel = (kind: string | null, t: Dictionary): string | null =>
  kind && kind in KIND_KEYS ? t[KIND_KEYS[kind as keyof typeof KIND_KEYS]] : null

/** The site's address without the scheme, as the link's text (`https://mia.gov.az/` → `mia.gov.az`). */
function displayURL(url: string): string {
  try {
    const u = new URL(url)
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`
  } catch {
    return url
  }
}

/** Digits and a leading + only: what a `tel:` link may carry. */
const telHref = (phone: string): string => `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`

async function load(params: Promise<Params>) {
  const ctx = await pageContext(params)
  const { slug } = await params
  const agency = await agencyBySlug(ctx.locale, slug)
  if (!agency) notFound()
  return { ctx, agency, path: agencyPath(agency.slug) }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { ctx, agency, path } = await load(params)
  return {
    title: agency.name.text,
    description: agency.description?.text,
    alternates: {
      canonical: localePath(ctx.locale, path),
      languages: Object.fromEntries(LOCALE_CODES.map((l) => [l, localePath(l, path)])),
    },
  }
}

function Dates({ start, end, locale, t }: { start: string; end: string | null; locale: Locale; t: Dictionary }) {
  return (
    <>
      <time dateTime={start}>{formatDate(start, locale)}</time>
      {' – '}
      {end ? <time dateTime={end}>{formatDate(end, locale)}</time> : t.present}
    </>
  )
}

export default async function AgencyPage({ params }: { params: Promise<Params> }) {
  const { ctx, agency, path } = await load(params)
  const { locale, t } = ctx
  const releases = await listReleases(locale, { agency: agency.id }, RELEASES_SHOWN)
  const { name, shortName, parent, website, logo, description, contacts, units, officials } = agency
  const kind = kindLabel(agency.kind, t)
  const hasContacts = contacts.address || contacts.phone || contacts.email

  return (
    <SiteChrome ctx={ctx} path={path}>
      <article className="agency">
        <h1 lang={name.lang}>{name.text}</h1>
        {logo && (
          <p className="agency__logo">
            <ResponsiveImage media={logo.media} lang={logo.altLang} prefer="thumbnail" sizes="12rem" />
          </p>
        )}
        <dl className="release__facts">
          {shortName && (
            <>
              <dt>{t.shortName}</dt>
              <dd lang={shortName.lang}>{shortName.text}</dd>
            </>
          )}
          {kind && (
            <>
              <dt>{t.type}</dt>
              <dd>{kind}</dd>
            </>
          )}
          {parent && (
            <>
              <dt>{t.parentAgency}</dt>
              <dd>
                <Link href={localePath(locale, agencyPath(parent.slug))} lang={parent.name.lang}>
                  {parent.name.text}
                </Link>
              </dd>
            </>
          )}
          {isSafeLinkUrl(website) && (
            <>
              <dt>{t.website}</dt>
              <dd>
                <a href={website}>{displayURL(website)}</a>
              </dd>
            </>
          )}
        </dl>
        {description && (
          <div className="agency__description" lang={description.lang}>
            {description.text
              .split(/\n\s*\n/)
              .map((para) => para.trim())
              .filter(Boolean)
              .map((para, i) => (
                <p key={i}>{para}</p>
              ))}
          </div>
        )}
        {hasContacts && (
          <section aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{t.contacts}</h2>
            <dl className="release__facts">
              {contacts.address && (
                <>
                  <dt>{t.address}</dt>
                  <dd>
                    <address lang={contacts.address.lang}>
                      {contacts.address.text.split('\n').map((line, i) => (
                        <React.Fragment key={i}>
                          {i > 0 && <br />}
                          {line}
                        </React.Fragment>
                      ))}
                    </address>
                  </dd>
                </>
              )}
              {contacts.phone && (
                <>
                  <dt>{t.phone}</dt>
                  <dd>
                    <a href={telHref(contacts.phone)}>{contacts.phone}</a>
                  </dd>
                </>
              )}
              {contacts.email && (
                <>
                  <dt>{t.email}</dt>
                  <dd>
                    <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
                  </dd>
                </>
              )}
            </dl>
          </section>
        )}
        {units.length > 0 && (
          <section aria-labelledby="units-heading">
            <h2 id="units-heading">{t.units}</h2>
            <ul>
              {units.map((unit) => (
                <li key={unit.id}>
                  <Link href={localePath(locale, agencyPath(unit.slug))} lang={unit.name.lang}>
                    {unit.name.text}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        {officials.length > 0 && (
          <section aria-labelledby="officials-heading">
            <h2 id="officials-heading">{t.agencyOfficials}</h2>
            <ul className="positions">
              {officials.map((row) => (
                <li key={row.official.id}>
                  <p>
                    <Link href={localePath(locale, officialPath(row.official.slug))} lang={row.official.name.lang}>
                      {row.official.name.text}
                    </Link>
                    {row.title && (
                      <>
                        {', '}
                        <span lang={row.title.lang}>{row.title.text}</span>
                      </>
                    )}
                  </p>
                  <p className="meta">
                    <Dates start={row.startDate} end={row.endDate} locale={locale} t={t} />
                  </p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <RelatedReleases
          heading={t.agencyReleases}
          items={releases.items}
          totalDocs={releases.totalDocs}
          moreHref={`${localePath(locale, releasesPath)}?agency=${encodeURIComponent(agency.id)}`}
          locale={locale}
          t={t}
        />
      </article>
    </SiteChrome>
  )
}
