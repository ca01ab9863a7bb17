import type { PayloadRequest } from 'payload'

import type { Locale } from '@/i18n/locales'

import type { SearchEntry, SearchFilters } from './entry'
import type { Alternative } from './terms'

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
  /** After a bulk load: compacts the index where the store can (queries over many matches get faster). */
  optimize(req?: Partial<PayloadRequest>): Promise<void>
  /**
   * Releases whose terms in `locale` have, for every query word, one of its alternatives (terms.ts:
   * a term whole, or as a term's start) and that match the filters, newest first. With no words,
   * at least one of type, featured, agency or official.
   */
  search(locale: Locale, words: Alternative[][], filters: SearchFilters, page: { offset: number; limit: number }): Promise<SearchPage>
}
