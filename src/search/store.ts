import type { PayloadRequest } from 'payload'

import type { Locale } from '@/i18n/locales'

import type { SearchEntry, SearchFilters } from './entry'

export interface SearchPage {
  /** Release ids, newest first. */
  ids: string[]
  totalDocs: number
}

/** Where one database keeps the search index of published releases. */
export interface SearchStore {
  upsert(entries: SearchEntry[], req?: Partial<PayloadRequest>): Promise<void>
  remove(id: string, req?: Partial<PayloadRequest>): Promise<void>
  clear(req?: Partial<PayloadRequest>): Promise<void>
  /** Releases whose text in `locale` has every word (longer words also as a word's start), newest first. */
  search(locale: Locale, words: string[], filters: SearchFilters, page: { offset: number; limit: number }): Promise<SearchPage>
}
