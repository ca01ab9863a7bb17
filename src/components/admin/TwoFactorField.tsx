'use client'

import { useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import { twoFactorLanguage, twoFactorTexts } from './twoFactorTexts'

/**
 * A user's "Two-factor sign-in" (the read-only `twoFactorEnabledAt`): on since when, or off. On one's
 * own account a link to set it up; for an admin looking at someone else's, a reset (their phone is
 * lost): POST /api/users/:id/two-factor/reset, which the server allows admins only and records.
 */
export function TwoFactorField() {
  const { i18n } = useTranslation()
  const t = twoFactorTexts[twoFactorLanguage(i18n.language)]
  const { config } = useConfig()
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  const value = useFormFields(([fields]) => fields.twoFactorEnabledAt?.value) as string | null | undefined
  const [enabledAt, setEnabledAt] = useState<string | null | undefined>(undefined)
  const [message, setMessage] = useState<string | null>(null)
  const current = enabledAt === undefined ? value : enabledAt
  const isSelf = user && id != null && String(user.id) === String(id)
  const isAdmin = Boolean((user as { roles?: string[] } | null)?.roles?.includes('admin'))

  async function reset() {
    if (!window.confirm(t.resetConfirm)) return
    const response = await fetch(`${config.routes.api}/users/${id}/two-factor/reset`, { method: 'POST', credentials: 'same-origin' })
    const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[] }
    if (response.ok) {
      setEnabledAt(null)
      setMessage(t.resetDone)
    } else setMessage(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
  }

  return (
    <div className="field-type two-factor-field" style={{ marginBottom: 'var(--base)' }}>
      <div className="field-label">{t.title}</div>
      <p id="two-factor-field-status" style={{ margin: '0 0 .5rem' }}>
        {current ? `${t.onSince} ${new Date(current).toLocaleString(i18n.language)}` : t.off}
      </p>
      {isSelf && !current ? (
        <a id="two-factor-set-up" className="btn btn--style-secondary btn--size-small" href={`${config.routes.admin}/two-factor`}>
          {t.setUp}
        </a>
      ) : null}
      {!isSelf && isAdmin && current ? (
        <button id="two-factor-reset" type="button" className="btn btn--style-secondary btn--size-small" onClick={reset}>
          {t.reset}
        </button>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
