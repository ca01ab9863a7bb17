'use client'

import { usePathname } from 'next/navigation'
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'

import { LOCALE_TAGS, type Locale } from '@/i18n/locales'

export interface ReadAloudLabels {
  readAloud: string
  pause: string
  resume: string
  stop: string
}

export interface ReadAloudProps {
  locale: Locale
  /** The button texts in the page's language (the server toolbar passes them from the dictionary). */
  labels: ReadAloudLabels
}

type Status = 'idle' | 'speaking' | 'paused'

// Chrome stops long utterances after about 15 seconds; short pieces read reliably everywhere.
const MAX_CHUNK = 220

/** Splits text into pieces of at most MAX_CHUNK characters, at paragraph, sentence or word ends. */
export function chunkText(text: string, max: number = MAX_CHUNK): string[] {
  const chunks: string[] = []
  for (const paragraph of text.split(/\n+/)) {
    const sentences = paragraph.replace(/\s+/g, ' ').trim().split(/(?<=[.!?…;:])\s+/)
    let current = ''
    const flush = () => {
      if (current) chunks.push(current)
      current = ''
    }
    for (const sentence of sentences) {
      if (!sentence) continue
      if ((current ? current.length + 1 : 0) + sentence.length <= max) {
        current = current ? `${current} ${sentence}` : sentence
        continue
      }
      flush()
      if (sentence.length <= max) {
        current = sentence
        continue
      }
      for (const word of sentence.split(' ')) {
        if ((current ? current.length + 1 : 0) + word.length > max) flush()
        current = current ? `${current} ${word}` : word.slice(0, max * 4)
      }
    }
    flush()
  }
  return chunks
}

/** The installed voice that best matches a language tag (exact tag, then the primary language). */
function pickVoice(voices: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const wanted = lang.toLowerCase()
  const primary = wanted.split('-')[0]
  const norm = (voice: SpeechSynthesisVoice) => voice.lang.toLowerCase().replace('_', '-')
  return (
    voices.find((voice) => norm(voice) === wanted) ??
    voices.find((voice) => norm(voice).split('-')[0] === primary && voice.localService) ??
    voices.find((voice) => norm(voice).split('-')[0] === primary)
  )
}

const subscribeNothing = () => () => {}
const hasSpeech = () => typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window

/**
 * Reads the page's main text aloud with the browser's speech synthesis. Renders nothing on the
 * server, during hydration, and where the browser has no speech synthesis: the buttons appear only
 * when they can work. Stops when the page changes or the component goes away.
 */
export function ReadAloud({ locale, labels }: ReadAloudProps) {
  // false on the server and while hydrating, then the browser's answer: no hydration mismatch.
  const supported = useSyncExternalStore(subscribeNothing, hasSpeech, () => false)
  const [status, setStatus] = useState<Status>('idle')
  // Each reading has its own number, so events of a cancelled reading change nothing.
  const run = useRef(0)
  const pathname = usePathname()

  const stop = useCallback(() => {
    run.current += 1
    if (hasSpeech()) window.speechSynthesis.cancel()
    setStatus('idle')
  }, [])

  const start = useCallback(() => {
    if (!hasSpeech()) return
    const synth = window.speechSynthesis
    synth.cancel()
    const id = ++run.current
    // innerText: only what is shown (hidden image alternatives and the like are not read).
    const text = document.querySelector('main')?.innerText ?? ''
    const chunks = chunkText(text)
    if (chunks.length === 0) {
      setStatus('idle')
      return
    }
    const lang = document.documentElement.lang || LOCALE_TAGS[locale]
    const voice = pickVoice(synth.getVoices(), lang)
    chunks.forEach((chunk, i) => {
      const utterance = new SpeechSynthesisUtterance(chunk)
      utterance.lang = voice?.lang ?? lang
      if (voice) utterance.voice = voice
      if (i === chunks.length - 1) {
        utterance.onend = () => {
          if (run.current === id) setStatus('idle')
        }
      }
      utterance.onerror = (event) => {
        if (run.current !== id || event.error === 'interrupted' || event.error === 'canceled') return
        run.current += 1
        synth.cancel()
        setStatus('idle')
      }
      synth.speak(utterance)
    })
    setStatus('speaking')
  }, [locale])

  const togglePause = useCallback(() => {
    if (!hasSpeech() || status === 'idle') return
    if (status === 'paused') {
      window.speechSynthesis.resume()
      setStatus('speaking')
    } else {
      window.speechSynthesis.pause()
      setStatus('paused')
    }
  }, [status])

  // A new page (client-side navigation) or leaving: stop reading.
  useEffect(() => {
    if (!supported) return
    const onPageHide = () => {
      run.current += 1
      window.speechSynthesis.cancel()
    }
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      run.current += 1
      window.speechSynthesis.cancel()
      setStatus('idle')
    }
  }, [supported, pathname])

  if (!supported) return null

  const idle = status === 'idle'
  return (
    <div className="a11y-read-aloud" role="group" aria-label={labels.readAloud}>
      <button type="button" onClick={status === 'paused' ? togglePause : start}>
        {status === 'paused' ? labels.resume : labels.readAloud}
      </button>
      <button type="button" aria-pressed={status === 'paused'} aria-disabled={idle} onClick={togglePause}>
        {labels.pause}
      </button>
      <button type="button" aria-disabled={idle} onClick={idle ? undefined : stop}>
        {labels.stop}
      </button>
    </div>
  )
}

export default ReadAloud
