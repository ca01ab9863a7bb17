import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL, getSafeRedirect } from 'payload/shared'
import React from 'react'

import { isPending } from '@/auth/twoFactorGate'

import { TwoFactorEnrol } from './TwoFactorEnrol'
import { twoFactorLanguage, twoFactorTexts } from './twoFactorTexts'

/**
 * /admin/two-factor: setting up two-factor sign-in (QR code, key for typing in, a first code, then the
 * recovery codes, once). It is also where the admin sends a signed-in user it refuses
 * (`admin.routes.unauthorized`): someone whose role requires a second factor they have not set up.
 */
export function TwoFactorView({ initPageResult, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const { config } = req.payload
  const adminRoute = config.routes.admin
  if (!req.user) redirect(`${formatAdminURL({ adminRoute, path: config.admin.routes.login as `/${string}` })}?redirect=${encodeURIComponent(`${adminRoute}/two-factor`)}`)
  const language = twoFactorLanguage(req.i18n?.language)
  const t = twoFactorTexts[language]
  const user = req.user as unknown as { twoFactorEnabledAt?: string | null }
  const next = getSafeRedirect({ fallbackTo: adminRoute, redirectTo: typeof searchParams?.redirect === 'string' ? searchParams.redirect : '' })
  return (
    <div className="two-factor" style={{ maxWidth: '40rem', margin: '0 auto', padding: 'var(--base)' }}>
      <h1>{t.title}</h1>
      <TwoFactorEnrol
        language={language}
        apiRoute={config.routes.api}
        enabledAt={user.twoFactorEnabledAt ?? null}
        required={isPending(req.user)}
        continueTo={next.includes('/two-factor') ? adminRoute : next}
        logoutHref={formatAdminURL({ adminRoute, path: config.admin.routes.logout as `/${string}` })}
      />
    </div>
  )
}
