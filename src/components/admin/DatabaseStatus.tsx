'use client'
import { useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

const CHECK_EVERY_MS = 15_000

const MESSAGES = {
  az: 'Verilənlər bazası cavab vermir: yadda saxlamaq mümkün olmayacaq. Yazdıqlarınız bu səhifədə qalır; baza qayıdanda yenidən yadda saxlayın.',
  en: 'The database is not answering: saving will fail. What you have typed stays on this page; save again once it is back.',
  ru: 'База данных не отвечает: сохранить не получится. Введённое остаётся на этой странице; сохраните снова, когда база вернётся.',
} as const

/**
 * A line above the admin's header while the database does not answer (GET /api/health), so an
 * editor knows a failed save is not their fault and that the work on screen is not lost. It
 * disappears by itself when the database is back; nothing needs restarting.
 */
export function DatabaseStatus() {
  const { i18n } = useTranslation()
  const [down, setDown] = useState(false)

  useEffect(() => {
    let stopped = false
    const check = async () => {
      try {
        const response = await fetch('/api/health', { cache: 'no-store' })
        const body = (await response.json().catch(() => ({}))) as { database?: string }
        if (!stopped) setDown(body.database !== undefined && body.database !== 'ok')
      } catch {
        // The server itself is unreachable: the browser says so; this line is about the database.
      }
    }
    void check()
    const timer = setInterval(check, CHECK_EVERY_MS)
    window.addEventListener('focus', check)
    return () => {
      stopped = true
      clearInterval(timer)
      window.removeEventListener('focus', check)
    }
  }, [])

  if (!down) return null
  const language = (i18n.language in MESSAGES ? i18n.language : 'en') as keyof typeof MESSAGES
  return (
    <div
      role="alert"
      style={{ background: '#8a1c1c', color: '#fff', padding: '0.75rem 1.25rem', fontWeight: 600, lineHeight: 1.4 }}
    >
      {MESSAGES[language]}
    </div>
  )
}
