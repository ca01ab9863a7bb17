'use client'

import { useEffect, useRef, useState, type ReactNode } from 'react'

import { statusKeyOf } from './controls'

/** Where a submit from the toolbar leaves the control it used and the scroll position for the next page. */
export const RETURN_STORAGE_KEY = 'a11y-return'
/** The field that tells `/a11y` the script puts the focus back (no fragment in the redirect). */
export const ENHANCED_FIELD = 'enhanced'
// A change's page loads within a moment; anything older is from another visit.
const MAX_AGE_MS = 30_000
// Announced after the focus move, which screen readers speak first.
const ANNOUNCE_DELAY_MS = 150

interface Saved {
  id: string
  y: number
  path: string
  at: number
}

const here = () => `${window.location.pathname}${window.location.search}`

function takeSaved(): Saved | null {
  try {
    const raw = window.sessionStorage.getItem(RETURN_STORAGE_KEY)
    window.sessionStorage.removeItem(RETURN_STORAGE_KEY)
    const saved = raw ? (JSON.parse(raw) as Partial<Saved>) : null
    if (!saved || typeof saved.id !== 'string' || typeof saved.y !== 'number' || typeof saved.at !== 'number') return null
    if (saved.path !== here() || Date.now() - saved.at > MAX_AGE_MS || saved.at > Date.now()) return null
    return saved as Saved
  } catch {
    return null
  }
}

/**
 * The toolbar's status region (role=status). The server renders one message per control, each
 * hidden by a11y.css unless its control is the address's fragment (`:target`): without JavaScript
 * the `/a11y` redirect ends in `#<control id>`, the browser focuses that control and the message
 * shows. Nothing here depends on the request, so the cached page is the same for every reader.
 *
 * With JavaScript, progressive enhancement of the same plain forms: a submit from the toolbar
 * remembers the control and the scroll position (sessionStorage) and sends `enhanced=1`, so the
 * redirect has no fragment; on the new page this puts the focus back on the control (same id), keeps
 * the scroll position (or brings the control into view when the layout moved it away) and puts the
 * message into the live region, which announces it. A fragment that arrives anyway is announced too.
 */
export function A11yStatus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null)
  const [message, setMessage] = useState<string | null>(null)

  useEffect(() => {
    const region = ref.current
    const toolbar = region?.closest('.a11y-toolbar')
    if (!region || !toolbar) return

    const onSubmit = (event: Event) => {
      const form = event.target
      const { submitter } = event as SubmitEvent
      if (!(form instanceof HTMLFormElement) || !(submitter instanceof HTMLButtonElement) || !submitter.id) return
      // The main version has no script to put the focus back: the fragment does it there.
      if (submitter.name === 'view') return
      try {
        const saved: Saved = { id: submitter.id, y: window.scrollY, path: here(), at: Date.now() }
        window.sessionStorage.setItem(RETURN_STORAGE_KEY, JSON.stringify(saved))
      } catch {
        return // no storage: the fragment does it
      }
      if (form.querySelector(`input[name="${ENHANCED_FIELD}"]`)) return
      const input = document.createElement('input')
      input.type = 'hidden'
      input.name = ENHANCED_FIELD
      input.value = '1'
      form.append(input)
    }
    toolbar.addEventListener('submit', onSubmit)

    let id: string | null = null
    const saved = takeSaved()
    const control = saved ? document.getElementById(saved.id) : null
    if (saved && control && toolbar.contains(control)) {
      id = saved.id
      window.scrollTo(window.scrollX, saved.y)
      control.focus({ preventScroll: true })
      const box = control.getBoundingClientRect()
      if (box.top < 0 || box.bottom > window.innerHeight) control.scrollIntoView({ block: 'center' })
    } else if (window.location.hash.startsWith('#a11y-')) {
      id = window.location.hash.slice(1)
    }
    const key = id ? statusKeyOf(id) : null
    const text = key ? (region.querySelector(`[data-for="${key}"]`)?.textContent ?? '') : ''
    const timer = text ? window.setTimeout(() => setMessage(text), ANNOUNCE_DELAY_MS) : undefined

    return () => {
      toolbar.removeEventListener('submit', onSubmit)
      window.clearTimeout(timer)
    }
  }, [])

  return (
    <p role="status" className="a11y-status" ref={ref}>
      {message ? <span className="a11y-status-now">{message}</span> : children}
    </p>
  )
}

export default A11yStatus
