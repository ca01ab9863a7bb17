import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL, getSafeRedirect } from 'payload/shared'
import React from 'react'

import { TwoFactorLoginForm } from './TwoFactorLoginForm'
import { twoFactorLanguage } from './twoFactorTexts'

/**
 * The admin's sign-in page (replaces Payload's, `admin.components.views.login`): email and password,
 * then, for an account with two-factor sign-in, a second step asking for the code. Both steps post to
 * /api/users/login, as Payload's own form does; the code is checked there (src/auth/twoFactorSignIn.ts).
 */
export function TwoFactorLoginView({ initPageResult, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const { config } = req.payload
  const adminRoute = config.routes.admin
  const redirectTo = getSafeRedirect({ fallbackTo: adminRoute, redirectTo: typeof searchParams?.redirect === 'string' ? searchParams.redirect : '' })
  if (req.user) redirect(redirectTo)
  return (
    <TwoFactorLoginForm
      language={twoFactorLanguage(req.i18n?.language)}
      loginURL={`${config.routes.api}/${config.admin.user}/login`}
      forgotHref={formatAdminURL({ adminRoute, path: config.admin.routes.forgot as `/${string}` })}
      redirectTo={redirectTo}
    />
  )
}
