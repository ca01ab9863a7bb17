import type { Metadata } from 'next'
import { draftMode, headers } from 'next/headers'
import { notFound } from 'next/navigation'
import React from 'react'

import { isStaffUser, type UserLike } from '@/access/roles'
import { LOCALE_CODES, type Locale } from '@/i18n'
import { RefreshOnSave } from '@/site/components/RefreshOnSave'
import { ReleaseView } from '@/site/components/ReleaseView'
import { pageContext, type PageParams } from '@/site/context'
import { releasePath, siteURL } from '@/site/paths'
import { site } from '@/site/payload'

// A draft preview: per request, never cached, never indexed.
export const dynamic = 'force-dynamic'
export const metadata: Metadata = { robots: { index: false, follow: false } }

type Params = PageParams & { id: string }

export default async function PreviewPage({ params }: { params: Promise<Params> }) {
  const ctx = await pageContext(params)
  const { id } = await params
  // Draft mode is turned on only by /preview, but its cookie is one value for everyone until the next
  // build and outlives signing out: every render also needs a valid staff session, and reads as that user.
  if (!(await draftMode()).isEnabled) notFound()
  const payload = await site()
  const { user } = await payload.auth({ headers: await headers() }).catch(() => ({ user: null }))
  if (!isStaffUser(user as UserLike)) notFound()
  const doc = await payload
    .findByID({ collection: 'releases', id: decodeURIComponent(id), locale: ctx.locale, draft: true, depth: 2, overrideAccess: false, user })
    .catch(() => null)
  if (!doc) notFound()
  const path = releasePath(doc.slug ?? doc.id)
  const alternates = Object.fromEntries(LOCALE_CODES.map((l) => [l, path])) as Record<Locale, string>
  const banner = (
    <div className="notice" role="note">
      <p>
        <strong>Preview</strong> — this is the latest saved draft; readers do not see it.
      </p>
      <form method="get" action="/preview">
        <input type="hidden" name="exit" value="1" />
        <button type="submit">Leave preview</button>
      </form>
      <RefreshOnSave serverURL={siteURL()} />
    </div>
  )
  return <ReleaseView ctx={ctx} doc={doc} lang={ctx.locale} alternates={alternates} preview={banner} />
}
