import config from '@payload-config'
import { getPayload } from 'payload'
import Link from 'next/link'
import React from 'react'

// The full public site (locales, release pages, caching) is built on this in its own issue.
export const dynamic = 'force-dynamic'

const dateFormat = new Intl.DateTimeFormat('az', { dateStyle: 'long', timeZone: 'Asia/Baku' })

export default async function HomePage() {
  const payload = await getPayload({ config })
  // Azerbaijani first; where a release has no Azerbaijani text yet, its English text, marked as English.
  const latest = (locale: 'az' | 'en') =>
    payload.find({
      collection: 'releases',
      locale,
      fallbackLocale: false,
      sort: '-publishedAt',
      limit: 20,
      depth: 0,
      overrideAccess: false,
      select: { title: true, publishedAt: true, lead: true },
    })
  const [az, en] = await Promise.all([latest('az'), latest('en')])
  const docs = az.docs.map((release, i) => {
    const english = en.docs[i]
    return release.title || !english ? { ...release, lang: 'az' } : { ...english, lang: 'en' }
  })
  return (
    <>
      <header>
        <p>
          <Link href="/admin">Redaksiya paneli (admin)</Link>
        </p>
      </header>
      <main id="main">
        <h1>Mətbuat xidməti</h1>
        <h2>Son press-relizlər</h2>
        <ul className="releases">
          {docs.map((release) => (
            <li key={release.id}>
              <h3 lang={release.lang}>{release.title}</h3>
              {release.publishedAt && (
                <p className="meta">
                  <time dateTime={release.publishedAt}>{dateFormat.format(new Date(release.publishedAt))}</time>
                </p>
              )}
              {release.lead && <p lang={release.lang}>{release.lead}</p>}
            </li>
          ))}
        </ul>
      </main>
    </>
  )
}
