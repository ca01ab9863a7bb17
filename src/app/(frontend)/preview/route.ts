import { draftMode } from 'next/headers'

import { isStaffUser, type UserLike } from '@/access/roles'
import { isLocale } from '@/i18n'
import { site } from '@/site/payload'

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/**
 * `/preview?id=…&locale=…` — turns on draft mode for a signed-in staff member (Payload's session
 * cookie) and opens the draft preview of that release. `/preview?exit=1` turns it off again.
 */
export async function GET(request: Request) {
  const url = new URL(request.url)
  const draft = await draftMode()
  if (url.searchParams.has('exit')) {
    draft.disable()
    return new Response(null, { status: 303, headers: { Location: '/az', 'Cache-Control': 'no-store' } })
  }
  const payload = await site()
  const { user } = await payload.auth({ headers: request.headers })
  if (!isStaffUser(user as UserLike)) return text('Preview is for signed-in press office staff.', 403)
  const id = url.searchParams.get('id') ?? ''
  const locale = url.searchParams.get('locale') ?? 'az'
  if (!id || !isLocale(locale)) return text('Preview needs a release id and a language.', 400)
  draft.enable()
  return new Response(null, {
    status: 303,
    headers: { Location: `/${locale}/preview/${encodeURIComponent(id)}`, 'Cache-Control': 'no-store' },
  })
}
