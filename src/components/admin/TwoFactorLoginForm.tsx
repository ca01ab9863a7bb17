'use client'

import React, { useEffect, useRef, useState } from 'react'

import { type TwoFactorLanguage, twoFactorTexts } from './twoFactorTexts'

type Refusal = { message?: string; data?: { twoFactor?: 'required' | 'wrong' } }

/** The two steps of the admin's sign-in (TwoFactorLogin.tsx). Field ids as Payload's own form has them. */
export function TwoFactorLoginForm({ language, loginURL, forgotHref, redirectTo }: { language: TwoFactorLanguage; loginURL: string; forgotHref: string; redirectTo: string }) {
  const t = twoFactorTexts[language]
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [step, setStep] = useState<'password' | 'code'>('password')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const codeInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (step === 'code') codeInput.current?.focus()
  }, [step])

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(loginURL, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(step === 'code' ? { email, password, code } : { email, password }),
      })
      if (response.ok) {
        window.location.assign(redirectTo)
        return
      }
      const refusal = (((await response.json().catch(() => ({}))) as { errors?: Refusal[] }).errors ?? [])[0]
      if (refusal?.data?.twoFactor === 'required' && step === 'password') {
        setStep('code')
      } else {
        if (refusal?.data?.twoFactor === 'wrong') setCode('')
        setError(refusal?.message ?? t.failed)
      }
    } catch {
      setError(t.failed)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="login__form" onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" style={{ marginBottom: 'var(--base)' }}>
        {step === 'code' ? t.title : t.signIn}
      </h1>
      <div className="login__inputWrap">
        {step === 'password' ? (
          <>
            <div className="field-type email">
              <label className="field-label" htmlFor="field-email">
                {t.email}
                <span className="required">*</span>
              </label>
              <div className="field-type__wrap">
                <input id="field-email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
              </div>
            </div>
            <div className="field-type password">
              <label className="field-label" htmlFor="field-password">
                {t.password}
                <span className="required">*</span>
              </label>
              <div className="field-type__wrap">
                <input id="field-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
              </div>
            </div>
          </>
        ) : (
          <div className="field-type text">
            <label className="field-label" htmlFor="field-code">
              {t.code}
              <span className="required">*</span>
            </label>
            <div className="field-type__wrap">
              <input
                ref={codeInput}
                id="field-code"
                name="code"
                type="text"
                inputMode="text"
                autoComplete="one-time-code"
                aria-describedby="field-code-hint"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
            <p id="field-code-hint" className="field-description">
              {t.codeHint}
            </p>
          </div>
        )}
      </div>
      {error ? (
        <p role="alert" className="field-error" style={{ color: 'var(--theme-error-500)', marginBottom: 'var(--base)' }}>
          {error}
        </p>
      ) : null}
      {step === 'password' ? (
        <a href={forgotHref}>{t.forgot}</a>
      ) : (
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={() => {
            setStep('password')
            setCode('')
            setError(null)
          }}
        >
          {t.back}
        </button>
      )}
      <div style={{ marginTop: 'var(--base)' }}>
        <button type="submit" className="btn btn--style-primary btn--size-large btn--icon-style-without-border" disabled={busy}>
          {step === 'password' ? t.signIn : t.verify}
        </button>
      </div>
    </form>
  )
}
