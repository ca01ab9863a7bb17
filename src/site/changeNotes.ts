/**
 * A release's public change notes, and its withdrawal explanation, for a page in `locale`. A note is written in the language it was
 * published from; a language without its own reads another's, marked with that language (as the rest
 * of the page marks text shown from another language).
 */
import type { Payload } from 'payload'

import { LOCALE_CODES, type Locale } from '@/i18n/locales'

export interface ChangeNoteView {
  date: string
  note: string | null
  /** The language the note is written in. */
  lang: Locale
  /** True when the note is shown from another language than the page's. */
  fallback: boolean
}

type Row = { id?: string | null; date: string; note?: Partial<Record<Locale, string | null>> | string | null }

export async function changeNotes(payload: Payload, id: string, locale: Locale, opts: { draft?: boolean } = {}): Promise<ChangeNoteView[]> {
  const doc = (await payload.findByID({
    collection: 'releases',
    id,
    locale: 'all',
    draft: opts.draft ?? false,
    depth: 0,
    select: { changeHistory: true },
    overrideAccess: opts.draft ? true : false,
    disableErrors: true,
  })) as { changeHistory?: Row[] | null } | null
  return (doc?.changeHistory ?? []).map((row) => {
    const notes = typeof row.note === 'object' && row.note ? row.note : {}
    const own = notes[locale]?.trim()
    if (own) return { date: row.date, note: own, lang: locale, fallback: false }
    const other = LOCALE_CODES.find((code) => notes[code]?.trim())
    return other ? { date: row.date, note: notes[other]!.trim(), lang: other, fallback: true } : { date: row.date, note: null, lang: locale, fallback: false }
  })
}

export interface ExplanationView {
  text: string
  lang: Locale
  fallback: boolean
}

/** The withdrawal explanation in `locale`, else in the first language that has one, marked; null when none has. */
export async function withdrawalExplanation(payload: Payload, id: string, locale: Locale, opts: { draft?: boolean } = {}): Promise<ExplanationView | null> {
  const doc = (await payload.findByID({
    collection: 'releases',
    id,
    locale: 'all',
    draft: opts.draft ?? false,
    depth: 0,
    select: { withdrawal: true },
    overrideAccess: opts.draft ? true : false,
    disableErrors: true,
  })) as { withdrawal?: { explanation?: Partial<Record<Locale, string | null>> | null } | null } | null
  const texts = doc?.withdrawal?.explanation ?? {}
  const own = texts[locale]?.trim()
  if (own) return { text: own, lang: locale, fallback: false }
  const other = LOCALE_CODES.find((code) => texts[code]?.trim())
  return other ? { text: texts[other]!.trim(), lang: other, fallback: true } : null
}

/** The withdrawal notice's sentence with its date; a date ending in a full stop ("8 декабря 2026 г.") ends it. */
export function withdrawnNoticeText(template: string, date: string): string {
  return template.replace('{date}', date).replace(/\.\.$/, '.')
}
