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

/** The release's `select`ed fields in every language (published copy, or the latest draft for a preview). */
async function readAllLanguages<T>(payload: Payload, id: string, select: Record<string, true>, draft: boolean): Promise<T | null> {
  return (await payload.findByID({
    collection: 'releases',
    id,
    locale: 'all',
    draft,
    depth: 0,
    select,
    overrideAccess: draft,
    disableErrors: true,
  })) as T | null
}

/** The text in `locale`, else in the first language that has one (marked as a fallback); null when none has. */
function inLanguage(texts: Partial<Record<Locale, string | null>> | null | undefined, locale: Locale): { text: string; lang: Locale; fallback: boolean } | null {
  const own = texts?.[locale]?.trim()
  if (own) return { text: own, lang: locale, fallback: false }
  const other = LOCALE_CODES.find((code) => texts?.[code]?.trim())
  return other ? { text: texts![other]!.trim(), lang: other, fallback: true } : null
}

export async function changeNotes(payload: Payload, id: string, locale: Locale, opts: { draft?: boolean } = {}): Promise<ChangeNoteView[]> {
  const doc = await readAllLanguages<{ changeHistory?: Row[] | null }>(payload, id, { changeHistory: true }, opts.draft ?? false)
  return (doc?.changeHistory ?? []).map((row) => {
    const shown = inLanguage(typeof row.note === 'object' ? row.note : null, locale)
    return shown ? { date: row.date, note: shown.text, lang: shown.lang, fallback: shown.fallback } : { date: row.date, note: null, lang: locale, fallback: false }
  })
}

export interface ExplanationView {
  text: string
  lang: Locale
  fallback: boolean
}

/** The withdrawal explanation in `locale`, else in the first language that has one, marked; null when none has. */
export async function withdrawalExplanation(payload: Payload, id: string, locale: Locale, opts: { draft?: boolean } = {}): Promise<ExplanationView | null> {
  type Doc = { withdrawal?: { explanation?: Partial<Record<Locale, string | null>> | null } | null }
  const doc = await readAllLanguages<Doc>(payload, id, { withdrawal: true }, opts.draft ?? false)
  return inLanguage(doc?.withdrawal?.explanation, locale)
}

/** The withdrawal notice's sentence with its date; a date ending in a full stop ("8 декабря 2026 г.") ends it. */
export function withdrawnNoticeText(template: string, date: string): string {
  return template.replace('{date}', date).replace(/\.\.$/, '.')
}
