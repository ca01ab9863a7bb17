/**
 * How search compares words: one folding for the indexed text and for what the reader types.
 *
 * - Case, the Azerbaijani way and then some: İ/i and I/ı all become `i` (lower-casing with the
 *   `az` rules, then ı → i), so "İLHAM", "Ilham" and "ılham" are one word whatever language
 *   the text or the keyboard is in.
 * - Marks are dropped and ə is read as e, so a reader without an Azerbaijani or Russian keyboard
 *   finds "Şəki" by typing "seki" and "ёлка" by "елка" (й also reads as и).
 */
export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('az')
    .replace(/ı/g, 'i')
    .replace(/ə/g, 'e')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
}

/** Folded words (runs of letters and digits) of a text. */
export const searchWords = (text: string): string[] => foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? []

/** Words shorter than this match only whole; longer ones also match as the start of a word ("nazir" finds "nazirliyi"). */
export const MIN_PREFIX_LENGTH = 3
export const MAX_QUERY_WORDS = 8

/** The distinct words of a query, as the stores match them. */
export function queryWords(q: string): string[] {
  return [...new Set(searchWords(q))].slice(0, MAX_QUERY_WORDS)
}
