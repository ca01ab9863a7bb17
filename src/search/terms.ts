/**
 * The terms a text is indexed under and the alternatives a query word is matched by — one set of
 * functions for both stores (sqlite.ts, mongodb.ts), so index and query always agree.
 *
 * A text is indexed under, per word:
 * - the folded word (fold.ts): matched whole, or from three letters as a word's start;
 * - its stem, when it differs: Russian (any Cyrillic word) and English by the Snowball stemmers
 *   (`snowball-stemmers`), Azerbaijani by a small rule set of case, possessive and plural endings
 *   (no stemming library covers Azerbaijani). A query word's stem is matched whole: "заседания"
 *   finds "заседание" (both `заседан`), "вода" does not find "водитель";
 * - for a word written with a capital letter (names, places, institutions): a Latin name key,
 *   marked with a leading `0` so it never meets an ordinary word. Cyrillic is transliterated, then
 *   spellings that differ between Azerbaijani, Russian and English collapse (sh/ш → s, kh/х/h → x,
 *   ə/я/e → a, iy/y → i, q → g, dzh/дж → c, …): Алиев, Aliyev and Əliyev all become `0aliav`.
 *
 * A query word is matched by any of: the folded word, its stem (Russian for Cyrillic; for Latin
 * letters the reader's language's: Azerbaijani for `az`, English otherwise — so an English stem
 * never meets Azerbaijani text, whose words it could equal by chance), for Azerbaijani readers the
 * word with Azerbaijani letters typed as digraphs read back (shura → sura, as Şura is folded;
 * kh → x, ch → c, gh → g), a Cyrillic word's Latin transliteration, and its name key (as a start).
 * Text a reader sees in another language (a release not written in theirs) is still found by its
 * words and names, not by its stems.
 */
import snowball from 'snowball-stemmers'

import { LOCALE_CODES, type Locale } from '@/i18n/locales'
import { transliterate } from '@/lib/transliterate'

import { foldForSearch, MAX_QUERY_WORDS, MIN_PREFIX_LENGTH } from './fold'

/** Stems shorter than this are not used: "алиев" → "ал" would match every "алая". */
const MIN_STEM_LENGTH = 3
/** Leads every name key in the index. */
export const NAME_MARK = '0'

const CYRILLIC = /\p{Script=Cyrillic}/u
const WORD = /[\p{L}\p{M}\p{N}]+/gu

const russian = snowball.newStemmer('russian')
const english = snowball.newStemmer('english')

/** Bounded memo: the same words recur across an archive, and a rebuild stems millions of them. */
function memo(fn: (word: string) => string, max = 200_000): (word: string) => string {
  const cache = new Map<string, string>()
  return (word) => {
    let out = cache.get(word)
    if (out === undefined) {
      if (cache.size >= max) cache.clear()
      out = fn(word)
      cache.set(word, out)
    }
    return out
  }
}

function memoList(fn: (word: string) => string[], max = 200_000): (word: string) => string[] {
  const cache = new Map<string, string[]>()
  return (word) => {
    let out = cache.get(word)
    if (out === undefined) {
      if (cache.size >= max) cache.clear()
      out = fn(word)
      cache.set(word, out)
    }
    return out
  }
}

// ---------------------------------------------------------------------------------------------
// Azerbaijani

/**
 * Endings, as folded (ı→i, ə→e, ü→u, ö→o: vowel harmony's pairs are one letter here), and the
 * shortest stem each may leave: consonant-initial endings 3 letters, vowel-initial 4, a lone
 * vowel 5 ("Bakı", "Gəncə", "sərgi" stay whole). Ablative, locative, genitive, dative,
 * accusative, instrumental, 3rd-person possessive, plural; the longest ending first, up to five
 * rounds ("Şurasının" → Şurası → Şura).
 */
const AZ_ENDINGS: [string, number][] = (
  [
    ...['lari', 'leri', 'ndan', 'nden', 'nin', 'nun', 'dan', 'den', 'tan', 'ten', 'nda', 'nde', 'lar', 'ler', 'yla', 'yle'].map((e) => [e, 3]),
    ...['da', 'de', 'ta', 'te', 'ya', 'ye', 'na', 'ne', 'ni', 'nu', 'si', 'su'].map((e) => [e, 3]),
    ...['in', 'un'].map((e) => [e, 4]),
    ...['a', 'e', 'i', 'u'].map((e) => [e, 5]),
  ] as [string, number][]
).sort((a, b) => b[0].length - a[0].length)

/**
 * The stem of a folded Azerbaijani word. `-lik/-lıq` keeps one form whatever follows: its k turns
 * into y before a vowel (nazirlik → nazirliyi, nazirliyə) and its q into ğ (folded g).
 "-sı" after a vowel and "-ı" after an s look alike (Şurası is Şura's, iclası iclas's): `stemsAz`
 * gives both readings.
 */
export const stemAz = (word: string): string => stemsAz(word)[0]!

/** The stem of a folded Azerbaijani word (first), and where "-sı"/"-su" could be "-ı"/"-u" after an s, the other reading. */
export const stemsAz = memoList((word: string): string[] => {
  let w = word
  let other: string | null = null
  for (let round = 0; round < 5; round++) {
    const ending = AZ_ENDINGS.find(([e, min]) => w.length - e.length >= min && w.endsWith(e))
    if (!ending) break
    if ((ending[0] === 'si' || ending[0] === 'su') && other === null && w.length - 1 >= 5) other = stemsAz(w.slice(0, -1))[0]!
    let rest = w.slice(0, -ending[0].length)
    // nazirliyə: "-ə" after the y of nazirliy-, not "-yə" after nazirli-.
    if (ending[0].startsWith('y') && rest.length >= 5 && /l[iu]$/.test(rest)) rest += 'y'
    w = rest
  }
  const stem = w.replace(/(l[iu])[yg]$/, (_, l: string) => `${l}${w.endsWith('g') ? 'q' : 'k'}`)
  return other && other !== stem ? [stem, other] : [stem]
})

const stemRussian = memo((lower: string) => foldForSearch(russian.stem(lower.replace(/ё/g, 'е'))))
const stemEnglish = memo((folded: string) => english.stem(folded))

/**
 * The stem of one word (as written: Russian is stemmed before й loses its mark), folded. Cyrillic
 * words by the Russian stemmer whatever the language; Latin ones by `language`'s (Azerbaijani's
 * rules, English's otherwise).
 */
export function stemWord(word: string, language: Locale = 'ru'): string {
  const lower = word.toLocaleLowerCase('az')
  if (CYRILLIC.test(lower)) return stemRussian(lower)
  const folded = foldForSearch(lower)
  return language === 'az' ? stemAz(folded) : stemEnglish(folded)
}

/** `stemWord`, with both readings of an ambiguous Azerbaijani ending. */
const stemsOf = (word: string, language: Locale): string[] =>
  language === 'az' && !CYRILLIC.test(word) ? stemsAz(foldForSearch(word.toLocaleLowerCase('az'))) : [stemWord(word, language)]

// ---------------------------------------------------------------------------------------------
// Names

/** Azerbaijani letters typed as two Latin ones, read back as the folded letter. */
const azDigraphs = (folded: string) => folded.replace(/sh/g, 's').replace(/ch/g, 'c').replace(/kh/g, 'x').replace(/gh/g, 'g')

/**
 * A name's Latin key: the same for its Azerbaijani, Russian and English spellings as far as a
 * letter-by-letter rule can tell (Алиев/Aliyev/Əliyev, Шура/Şura/Shura, Гянджа/Gəncə,
 * Ильхам/İlham, Хачмаз/Xaçmaz/Khachmaz). It merges more than words do (e and a are one vowel):
 * only names are indexed under it.
 */
export const nameKey = memo((word: string): string => {
  const latin = transliterate(foldForSearch(word))
  return latin
    .replace(/dzh|dj/g, 'c')
    .replace(/zh/g, 'j')
    .replace(/sh/g, 's')
    .replace(/ch/g, 'c')
    .replace(/kh/g, 'x')
    .replace(/gh/g, 'g')
    .replace(/h/g, 'x')
    .replace(/q/g, 'g')
    .replace(/iy/g, 'i')
    .replace(/([^aeiouy])y(?=[aeiou])/g, '$1')
    .replace(/y/g, 'i')
    .replace(/e/g, 'a')
    .replace(/(.)\1+/g, '$1')
})

const isCapitalized = (word: string) => {
  const first = word.charAt(0)
  return first !== first.toLocaleLowerCase('az')
}

// ---------------------------------------------------------------------------------------------
// Index and query

/**
 * What a text in `language` is indexed under: its distinct terms, separated by spaces (the FTS5
 * column's text; MongoDB keeps the list).
 */
export function indexTerms(text: string, language: Locale): string {
  const terms = new Set<string>()
  const termsOf = wordTerms[language]
  for (const word of text.match(WORD) ?? []) for (const term of termsOf(word)) terms.add(term)
  return [...terms].join(' ')
}

/** One word's index terms, as written (case and all), per text language: memoized, as a rebuild meets the same words millions of times. */
const wordTerms = Object.fromEntries(
  LOCALE_CODES.map((language) => [
    language,
    memoList((word: string): string[] => {
      const folded = foldForSearch(word)
      if (!folded) return []
      const terms = [folded]
      for (const stem of stemsOf(word, language)) if (stem.length >= MIN_STEM_LENGTH && stem !== folded) terms.push(stem)
      if (isCapitalized(word) && /\p{L}/u.test(folded)) terms.push(NAME_MARK + nameKey(word))
      return terms
    }),
  ]),
) as Record<Locale, (word: string) => string[]>

/** One way a query word may be found: a term matched whole, or (`prefix`) as a term's start. */
export interface Alternative {
  term: string
  prefix: boolean
}

const asWord = (term: string): Alternative => ({ term, prefix: term.length >= MIN_PREFIX_LENGTH })
const asStem = (term: string): Alternative | null => (term.length >= MIN_STEM_LENGTH ? { term, prefix: false } : null)
const asName = (key: string): Alternative => ({ term: NAME_MARK + key, prefix: key.length >= MIN_PREFIX_LENGTH })

/**
 * The query's distinct words (at most MAX_QUERY_WORDS), each with the alternatives that find it.
 * A release is found when its text has, for every word, at least one of them.
 */
export function queryAlternatives(q: string, locale: Locale): Alternative[][] {
  const seen = new Set<string>()
  const out: Alternative[][] = []
  for (const word of q.match(WORD) ?? []) {
    const folded = foldForSearch(word)
    if (!folded || seen.has(folded)) continue
    seen.add(folded)
    const alternatives: (Alternative | null)[] = [asWord(folded)]
    if (CYRILLIC.test(folded)) {
      const stem = stemWord(word)
      alternatives.push(asStem(stem), asWord(transliterate(folded)), asName(nameKey(word)))
      if (stem.length > 3) alternatives.push(asName(nameKey(stem)))
    } else {
      alternatives.push(...stemsOf(word, locale).map(asStem), asName(nameKey(word)))
      const digraphs = locale === 'az' ? azDigraphs(folded) : folded
      if (digraphs !== folded) alternatives.push(asWord(digraphs), ...stemsAz(digraphs).map(asStem))
    }
    const unique = new Map<string, Alternative>()
    for (const alt of alternatives) {
      if (!alt || !alt.term) continue
      const key = `${alt.prefix ? '*' : '='}${alt.term}`
      // A prefix covers the same term matched whole.
      if (!alt.prefix && unique.has(`*${alt.term}`)) continue
      unique.set(key, alt)
    }
    out.push([...unique.values()])
    if (out.length >= MAX_QUERY_WORDS) break
  }
  return out
}
