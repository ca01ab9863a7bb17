/* The body of a release page, shared by the public page and the staff preview. */
import Link from 'next/link'
import React from 'react'

import { format, formatDate, LOCALE_NAMES, type Locale } from '@/i18n'
import { isSafeLinkUrl } from '@/lib/safeUrl'
import type { Agency, Media, Official, Release } from '@/payload-types'
import { typeLabel } from '@/site/components/labels'
import { WithdrawnLabel } from '@/site/components/ReleaseCard'
import { ResponsiveImage } from '@/site/components/ResponsiveImage'
import { SafeRichText } from '@/site/components/SafeRichText'
import { ShareLinks } from '@/site/components/ShareLinks'
import { SiteChrome } from '@/site/components/SiteChrome'
import type { PageContext } from '@/site/context'
import { newsArticleJsonLd } from '@/site/jsonLd'
import { agencyRefs, galleryPathSlug, localizedImages, officialRefs, type LocalMedia, type Ref } from '@/site/directory'
import { agencyPath, galleryPath, localePath, officialPath, releasePath, releasesPath, siteURL } from '@/site/paths'
import { changeNotes, withdrawalExplanation, withdrawnNoticeText } from '@/site/changeNotes'
import { site } from '@/site/payload'
import { populated } from '@/site/populated'
import { listReleases } from '@/site/releases'

/** A release page: the public one, and the staff preview of a draft (`preview`). */
export async function ReleaseView({
  ctx,
  doc,
  lang,
  alternates,
  preview,
}: {
  ctx: PageContext
  doc: Release
  lang: Locale
  alternates: Record<Locale, string>
  preview?: React.ReactNode
}) {
  const { locale, t } = ctx
  const foreign = lang !== locale ? lang : undefined
  const leadAgency = populated<Agency>(doc.leadAgency) ? doc.leadAgency : null
  const supporting = (doc.supportingAgencies ?? []).filter(populated<Agency>)
  const officials = (doc.officials ?? []).filter(populated<Official>)
  const outlet = populated<Agency>(doc.source?.outlet) ? doc.source.outlet : null
  const gallery = populated<{ id: string; photos?: unknown[] | null }>(doc.gallery) ? doc.gallery : null
  const galleryImages = (gallery?.photos ?? []).filter(populated<Media>)
  const heroImage = populated<Media>(doc.heroImage) ? doc.heroImage : null
  const [gallerySlug, agencyLinks, officialLinks, images] = await Promise.all([
    gallery && galleryImages.length > 0 ? galleryPathSlug(gallery.id, locale) : null,
    agencyRefs([...(leadAgency ? [leadAgency.id] : []), ...supporting.map((a) => a.id)], locale),
    officialRefs(officials.map((o) => o.id), locale),
    // Alt texts in the reader's language, else another one marked with `lang` (as the gallery's).
    localizedImages([...(heroImage ? [heroImage] : []), ...galleryImages], locale),
  ])
  const hero = heroImage ? images.get(heroImage.id) ?? null : null
  const photos = galleryImages.map((image) => images.get(image.id)).filter((image): image is LocalMedia => Boolean(image))
  const recent = (await listReleases(locale, {}, 6)).items.filter((item) => item.doc.id !== doc.id).slice(0, 5)
  const notes = (doc.changeHistory?.length ?? 0) > 0 ? await changeNotes(await site(), doc.id, locale, { draft: Boolean(preview) }) : []
  // Written in the language it was withdrawn from; the other pages read it, marked with that language.
  const explanation = doc.withdrawal?.withdrawn ? await withdrawalExplanation(await site(), doc.id, locale, { draft: Boolean(preview) }) : null
  const url = `${siteURL()}${localePath(locale, alternates[locale])}`
  const withdrawn = doc.withdrawal?.withdrawn

  return (
    <SiteChrome ctx={ctx} path={alternates[locale]} alternates={alternates}>
      {preview}
      <script
        type="application/ld+json"
        // JSON-LD must be inline; its text is escaped for `<` so it cannot close the script element.
        dangerouslySetInnerHTML={{ __html: newsArticleJsonLd({ doc, url, locale: lang, publisher: t.siteName }) }}
      />
      <article className="release" lang={foreign}>
        {withdrawn && (
          <div className="notice notice--withdrawn" role="note">
            <h2>{t.withdrawnHeading}</h2>
            <p>{withdrawnNoticeText(t.withdrawnNotice, doc.withdrawal?.withdrawnAt ? formatDate(doc.withdrawal.withdrawnAt, locale) : '')}</p>
            {explanation && (
              <p lang={explanation.lang}>
                {explanation.text}
                {explanation.fallback && (
                  <span className="lang-mark" lang={locale}>
                    {' '}({LOCALE_NAMES[explanation.lang]})
                  </span>
                )}
              </p>
            )}
          </div>
        )}
        {foreign && (
          <p className="notice" lang={locale}>
            {format(t.notInYourLanguage, { language: LOCALE_NAMES[lang] })}
          </p>
        )}
        <p className="meta" lang={locale}>
          {typeLabel(doc.type, t)}
        </p>
        <h1>{doc.title}</h1>
        <dl className="release__facts" lang={locale}>
          {doc.publishedAt && (
            <>
              <dt>{t.published}</dt>
              <dd>
                <time dateTime={doc.publishedAt}>{formatDate(doc.publishedAt, locale, doc.datePrecision ?? 'date')}</time>
              </dd>
            </>
          )}
          {doc.place && (
            <>
              <dt>{t.place}</dt>
              <dd lang={foreign}>{doc.place}</dd>
            </>
          )}
          {leadAgency && (
            <>
              <dt>{t.from}</dt>
              <dd>
                <DirectoryLink target={agencyLinks.get(leadAgency.id)} name={leadAgency.name} path={agencyPath} locale={locale} />
              </dd>
            </>
          )}
          {supporting.length > 0 && (
            <>
              <dt>{t.supportingAgencies}</dt>
              <dd>
                {supporting.map((a, i) => (
                  <React.Fragment key={a.id}>
                    {i > 0 && ', '}
                    <DirectoryLink target={agencyLinks.get(a.id)} name={a.name} path={agencyPath} locale={locale} />
                  </React.Fragment>
                ))}
              </dd>
            </>
          )}
          {officials.length > 0 && (
            <>
              <dt>{t.mentioned}</dt>
              <dd>
                {officials.map((o, i) => (
                  <React.Fragment key={o.id}>
                    {i > 0 && ', '}
                    <DirectoryLink target={officialLinks.get(o.id)} name={o.name} path={officialPath} locale={locale} />
                  </React.Fragment>
                ))}
              </dd>
            </>
          )}
        </dl>
        {doc.lead && <p className="release__lead">{doc.lead}</p>}
        {hero && (
          <figure className="release__hero">
            {/* Inside an article in another language, alt text in the page's own is marked as such. */}
            <ResponsiveImage media={hero.media} lang={hero.altLang ?? (foreign ? locale : undefined)} prefer="hero" priority />
          </figure>
        )}
        {doc.body && (
          <div className="release__body">
            <SafeRichText data={doc.body} />
          </div>
        )}
        {galleryImages.length > 0 && (
          <section aria-labelledby="gallery-heading" className="release__gallery" lang={locale}>
            <h2 id="gallery-heading">{t.gallery}</h2>
            <p>{format(t.photoCount, { count: galleryImages.length })}</p>
            <ul className="gallery-grid">
              {photos.map(({ media: image, altLang }) => (
                <li key={image.id}>
                  <a href={image.url ?? '#'}>
                    <ResponsiveImage media={image} lang={altLang} prefer="thumbnail" sizes="(max-width: 30rem) 50vw, 12rem" />
                  </a>
                </li>
              ))}
            </ul>
            {gallerySlug && (
              <p>
                <Link href={localePath(locale, galleryPath(gallerySlug))}>{t.viewGallery}</Link>
              </p>
            )}
          </section>
        )}
        {(outlet || doc.source?.byline || doc.source?.originalUrl) && (
          <section aria-labelledby="source-heading" className="release__source" lang={locale}>
            <h2 id="source-heading">{t.source}</h2>
            <p>
              {outlet && format(t.originallyPublished, { outlet: outlet.name })}
              {doc.source?.originalDate && (
                <>
                  {' '}
                  (<time dateTime={doc.source.originalDate}>{formatDate(doc.source.originalDate, locale, 'datetime')}</time>)
                </>
              )}
              {doc.source?.byline && <> · {format(t.byline, { name: doc.source.byline })}</>}
              {isSafeLinkUrl(doc.source?.originalUrl) && (
                <>
                  {' · '}
                  <a href={doc.source!.originalUrl!} rel="noopener noreferrer nofollow">
                    {t.readOriginal}
                  </a>
                </>
              )}
            </p>
          </section>
        )}
        {notes.length > 0 && (
          <section aria-labelledby="changes-heading" className="release__changes">
            <h2 id="changes-heading" lang={locale}>
              {t.changeHistory}
            </h2>
            <ul>
              {notes.map((change, i) => (
                <li key={`${change.date}-${i}`} lang={locale}>
                  {t.updated} <time dateTime={change.date}>{formatDate(change.date, locale, 'datetime')}</time>
                  {change.note && (
                    <>
                      : <span lang={change.lang}>{change.note}</span>
                      {/* A note shown from another language says which, as the page does for its text. */}
                      {change.fallback && <span className="lang-mark" lang={change.lang}> ({LOCALE_NAMES[change.lang]})</span>}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
      <ShareLinks url={url} title={doc.title} t={t} />
      <RecentAndBack ctx={ctx} recent={recent} />
    </SiteChrome>
  )
}

/** A link to an agency's or official's page; its name in the best language there is, marked with `lang`. */
function DirectoryLink({ target, name, path, locale }: { target?: Ref; name: string; path: (slug: string) => string; locale: Locale }) {
  if (!target) return <>{name}</>
  return (
    <Link href={localePath(locale, path(target.slug))} lang={target.name.lang}>
      {target.name.text}
    </Link>
  )
}

function RecentAndBack({ ctx, recent }: { ctx: PageContext; recent: Awaited<ReturnType<typeof listReleases>>['items'] }) {
  const { locale, t } = ctx
  return (
    <>
      <p className="back">
        <Link href={localePath(locale, releasesPath)}>← {t.back}</Link>
      </p>
      <section aria-labelledby="recent-heading" className="recent">
        <h2 id="recent-heading">{t.mostRecent}</h2>
        <ul>
          {recent.map(({ doc, lang }) => (
            <li key={doc.id}>
              {doc.withdrawal?.withdrawn && (
                <>
                  <WithdrawnLabel t={t} />{' '}
                </>
              )}
              <Link href={localePath(locale, releasePath(doc.slug ?? doc.id))} lang={lang !== locale ? lang : undefined}>
                {doc.title}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
