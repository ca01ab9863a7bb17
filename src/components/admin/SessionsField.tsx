'use client'

import { useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useState } from 'react'

type Session = { id: string; createdAt: string | null; expiresAt: string; current: boolean }

/** The user's sessions, or null when the server does not show them to this user. */
async function fetchSessions(url: string): Promise<Session[] | null> {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' }).catch(() => null)
  if (!response?.ok) return null
  return ((await response.json()) as { sessions: Session[] }).sessions
}

/**
 * A user's sessions on their account page and, for admins, on any user's page (src/auth/sessions.ts):
 * when each began and expires, "this session" marked, each with "End"; "Sign out everywhere else" (or,
 * for an admin on someone else's page, "End all their sessions"); and "Sign out everywhere", which
 * is Payload's own logout of every session (`?allSessions=true`). Nothing secret is shown: the
 * server lists a derived id per session. Shown to nobody else (the server answers them 403).
 */
export function SessionsField() {
  const { i18n } = useTranslation()
  const t = (key: string) => (i18n.t as (k: string) => string)(`sessions:${key}`)
  const { config } = useConfig()
  const { user, setUser } = useAuth()
  const router = useRouter()
  const { id } = useDocumentInfo()
  const [sessions, setSessions] = useState<Session[] | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const isSelf = Boolean(user && id != null && String(user.id) === String(id))
  const isAdmin = Boolean((user as { roles?: string[] } | null)?.roles?.includes('admin'))
  const base = `${config.routes.api}/users/${id}/sessions`

  const load = async () => setSessions(await fetchSessions(base))

  useEffect(() => {
    if (id == null || !(isSelf || isAdmin)) return
    let stopped = false
    void fetchSessions(base).then((listed) => {
      if (!stopped) setSessions(listed)
    })
    return () => {
      stopped = true
    }
  }, [base, id, isSelf, isAdmin])

  async function run(request: () => Promise<Response>, done: string) {
    setBusy(true)
    setMessage(null)
    try {
      const response = await request()
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[] }
        setMessage(body.errors?.[0]?.message ?? t('failed'))
      } else setMessage(done)
      await load()
    } catch {
      setMessage(t('failed'))
    } finally {
      setBusy(false)
    }
  }

  const endOne = (session: Session) => run(() => fetch(`${base}/${session.id}`, { method: 'DELETE', credentials: 'same-origin' }), t('ended'))
  const endOthers = () => {
    if (!isSelf && !window.confirm(t('confirmEndAllOfUser'))) return
    return run(() => fetch(`${base}/end-all${isSelf ? '?except=current' : ''}`, { method: 'POST', credentials: 'same-origin' }), t('endedOthers'))
  }
  async function endEverywhere() {
    if (!window.confirm(t('confirmEndAll'))) return
    setBusy(true)
    await fetch(`${config.routes.api}/users/logout?allSessions=true`, { method: 'POST', credentials: 'same-origin' }).catch(() => undefined)
    setUser(null)
    router.push(`${config.routes.admin}/login`)
  }

  if (id == null || sessions === null) return null
  const when = (value: string | null) => (value ? new Date(value).toLocaleString(i18n.language) : '—')
  const others = sessions.filter((session) => !session.current)

  return (
    <div className="field-type sessions-field" id="sessions-field" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <div className="field-label">{t('title')}</div>
      <p style={{ margin: '0 0 .5rem' }}>{t('intro')}</p>
      {sessions.length === 0 ? (
        <p id="sessions-none">{t('none')}</p>
      ) : (
        <table id="sessions-list" className="table" style={{ width: '100%', borderCollapse: 'collapse', marginBottom: '.5rem' }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'start' }}>{t('created')}</th>
              <th style={{ textAlign: 'start' }}>{t('expires')}</th>
              <th>
                <span className="sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                  {t('end')}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} className="sessions-row" data-current={session.current ? 'true' : 'false'}>
                <td>{when(session.createdAt)}</td>
                <td>{when(session.expiresAt)}</td>
                <td style={{ textAlign: 'end' }}>
                  {session.current ? (
                    <strong className="sessions-this">{t('thisSession')}</strong>
                  ) : (
                    <button type="button" className="btn btn--style-secondary btn--size-small sessions-end" disabled={busy} onClick={() => void endOne(session)}>
                      {t('end')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div style={{ display: 'flex', gap: '.5rem', flexWrap: 'wrap' }}>
        {others.length > 0 ? (
          <button id="sessions-end-others" type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => void endOthers()}>
            {isSelf ? t('endOthers') : t('endAllOfUser')}
          </button>
        ) : null}
        {isSelf ? (
          <button id="sessions-end-all" type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => void endEverywhere()}>
            {t('endAll')}
          </button>
        ) : null}
      </div>
      {message ? (
        <p role="status" id="sessions-status">
          {message}
        </p>
      ) : null}
    </div>
  )
}
