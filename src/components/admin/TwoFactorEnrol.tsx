'use client'

import React, { useState } from 'react'

import { type TwoFactorLanguage, twoFactorTexts } from './twoFactorTexts'

type Setup = { secret: string; qr: string }

async function post<T>(url: string, body?: unknown): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json().catch(() => ({}))) as T & { errors?: { message?: string }[] }
  return response.ok ? { ok: true, value: json } : { ok: false, message: json.errors?.[0]?.message ?? `HTTP ${response.status}` }
}

/** The steps of setting up two-factor sign-in (TwoFactorView.tsx); the server does every check (src/auth/twoFactorEndpoints.ts). */
export function TwoFactorEnrol(props: { language: TwoFactorLanguage; apiRoute: string; enabledAt: string | null; required: boolean; continueTo: string; logoutHref: string }) {
  const { apiRoute, continueTo, logoutHref, required } = props
  const t = twoFactorTexts[props.language]
  const [setup, setSetup] = useState<Setup | null>(null)
  const [code, setCode] = useState('')
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (step: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await step()
    } finally {
      setBusy(false)
    }
  }

  if (recoveryCodes) {
    return (
      <section aria-labelledby="two-factor-saved">
        <h2 id="two-factor-saved">{t.savedTitle}</h2>
        <p>{t.savedText}</p>
        <ol id="two-factor-recovery-codes" style={{ fontFamily: 'monospace', fontSize: '1.1rem' }}>
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <a id="two-factor-continue" className="btn btn--style-primary btn--size-medium" href={continueTo}>
          {t.continue}
        </a>
      </section>
    )
  }

  if (props.enabledAt) {
    return (
      <section>
        <p id="two-factor-status">
          {t.onSince} {new Date(props.enabledAt).toLocaleString(props.language)}
        </p>
        <a className="btn btn--style-secondary btn--size-medium" href={continueTo}>
          {t.continue}
        </a>
      </section>
    )
  }

  return (
    <section>
      {required ? (
        <p role="status" style={{ fontWeight: 600 }}>
          {t.requiredNotice}
        </p>
      ) : null}
      <p>{t.intro}</p>
      {!setup ? (
        <button
          id="two-factor-start"
          type="button"
          className="btn btn--style-primary btn--size-medium"
          disabled={busy}
          onClick={() =>
            run(async () => {
              const result = await post<Setup>(`${apiRoute}/users/two-factor/setup`)
              if (result.ok) setSetup(result.value)
              else setError(result.message)
            })
          }
        >
          {t.start}
        </button>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void run(async () => {
              const result = await post<{ recoveryCodes: string[] }>(`${apiRoute}/users/two-factor/enable`, { code })
              if (result.ok) setRecoveryCodes(result.value.recoveryCodes)
              else setError(result.message)
            })
          }}
        >
          <p>{t.scan}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
          <img src={setup.qr} alt={t.qrAlt} width={240} height={240} style={{ display: 'block', background: '#fff', marginBottom: 'var(--base)' }} />
          <p>
            {t.key}: <code id="two-factor-secret">{setup.secret}</code>
          </p>
          <div className="field-type text">
            <label className="field-label" htmlFor="two-factor-code">
              {t.firstCode}
            </label>
            <div className="field-type__wrap">
              <input
                id="two-factor-code"
                name="code"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.target.value.trim())}
              />
            </div>
          </div>
          <button id="two-factor-enable" type="submit" className="btn btn--style-primary btn--size-medium" disabled={busy}>
            {t.enable}
          </button>
        </form>
      )}
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      ) : null}
      <p style={{ marginTop: 'calc(var(--base) * 2)' }}>
        <a href={logoutHref}>{t.signOut}</a>
      </p>
    </section>
  )
}
