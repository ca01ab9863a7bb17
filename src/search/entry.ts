import { LOCALE_CODES, type Locale } from '@/i18n/locales'

import { indexTerms } from './terms'
import { lexicalText } from './text'

type ByLocale<T> = Partial<Record<Locale, T | null | undefined>> | null | undefined
type Rel = string | { id: string } | null | undefined

/** A release as `findByID({ locale: 'all', depth: 0 })` returns it: localized fields keyed by language. */
export interface ReleaseAllLocales {
  id: string
  _status?: string | null
  publishedAt?: string | null
  createdAt?: string | null
  type?: string | null
  featured?: boolean | null
  leadAgency?: Rel
  supportingAgencies?: Rel[] | null
  officials?: Rel[] | null
  title?: ByLocale<string>
  lead?: ByLocale<string>
  body?: ByLocale<unknown>
}

/** What the search stores keep about one published release. */
export interface SearchEntry {
  id: string
  publishedAt: Date
  type: string | null
  featured: boolean
  agencies: string[]
  officials: string[]
  /** The index terms of the title, lead and body a reader sees, per reader language (terms.ts). */
  text: Record<Locale, string>
}

/** The filters a search can be narrowed by (the release list's). */
export interface SearchFilters {
  type?: string
  featured?: boolean
  agency?: string
  official?: string
  /** publishedAt ≥ from */
  from?: Date
  /** publishedAt < to */
  to?: Date
}

const idOf = (rel: Rel): string | null => (rel == null ? null : typeof rel === 'object' ? rel.id : rel)

/**
 * A reader sees a release in their language, or — when it has no title there — in the first
 * language that has one (as the public pages show it); search matches the text they would see.
 */
export function searchEntry(doc: ReleaseAllLocales): SearchEntry {
  const shownIn = (locale: Locale): Locale => (doc.title?.[locale] ? locale : (LOCALE_CODES.find((l) => doc.title?.[l]) ?? locale))
  const textIn = (locale: Locale) =>
    indexTerms([doc.title?.[locale], doc.lead?.[locale], lexicalText(doc.body?.[locale])].filter(Boolean).join('\n'), locale)
  const texts = new Map<Locale, string>()
  const text = Object.fromEntries(
    LOCALE_CODES.map((reader) => {
      const source = shownIn(reader)
      if (!texts.has(source)) texts.set(source, textIn(source))
      return [reader, texts.get(source)!]
    }),
  ) as Record<Locale, string>
  const agencies = [idOf(doc.leadAgency), ...(doc.supportingAgencies ?? []).map(idOf)].filter((id): id is string => Boolean(id))
  return {
    id: doc.id,
    publishedAt: new Date(doc.publishedAt ?? doc.createdAt ?? 0),
    type: doc.type ?? null,
    featured: Boolean(doc.featured),
    agencies: [...new Set(agencies)],
    officials: [...new Set((doc.officials ?? []).map(idOf).filter((id): id is string => Boolean(id)))],
    text,
  }
}
