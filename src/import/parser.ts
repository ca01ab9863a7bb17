/**
 * Turns a scraped press-release page (plain text, one block per line) into structured data.
 *
 * Pure: no file system, database or Payload. The caller reads the file and passes its text.
 *
 * The page is read top to bottom. Chrome lines (see ./chrome) are removed or collected as
 * photos/outlet/attribution; stand-alone dates and bylines become metadata; the first
 * heading-like line before the body is the title; every other non-empty line is a paragraph.
 */
import { matchChrome, type ChromeMatch } from './chrome'
import { matchLeadingDate, matchWholeDate, type DateMatch, type ParsedDate } from './dates'

export type { ParsedDate } from './dates'

export type ReleaseType = 'press-release' | 'news' | 'statement' | 'media-coverage'

export interface KnownAgency {
  id: string
  names: string[]
}

export interface ParsedRelease {
  title: string | null
  titleFrom: 'heading' | 'first-sentence' | null
  date: ParsedDate | null
  lead: string | null
  paragraphs: string[]
  photos: string[]
  agencyGuess: { id: string; matched: string; score: number } | null
  source: { outlet: string | null; byline: string | null; originalDate: ParsedDate | null } | null
  attribution: string | null
  typeGuess: ReleaseType
  warnings: string[]
}

export class ParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ParseError'
  }
}

export interface ParseOptions {
  fileName?: string
  knownAgencies?: KnownAgency[]
}

const TITLE_MAX_LENGTH = 160
const LEAD_MAX_LENGTH = 300
/** Longest line still taken for a heading; longer lines are body text. */
const HEADING_MAX_LENGTH = 250
/** Share of control / replacement characters above which the input is treated as binary. */
const BINARY_SHARE = 0.3

/** How much one mention of an agency name counts, by where it appears. */
const MENTION_WEIGHT = { attribution: 5, title: 3, paragraph: 1 } as const

export function parsePressRelease(text: string, opts: ParseOptions = {}): ParsedRelease {
  const { fileName, knownAgencies = [] } = opts
  const page = scanPage(readLines(text, fileName))
  const firstParagraph = page.paragraphs[0]
  if (firstParagraph === undefined) {
    throw parseError(fileName, 'no body text left after removing page chrome')
  }

  const warnings: string[] = []
  const date = pickDate(page, firstParagraph, warnings)
  const { title, titleFrom } = pickTitle(page, firstParagraph, warnings)
  const hasSource = page.outlet !== null || page.byline !== null

  return {
    title,
    titleFrom,
    date,
    lead: makeLead(firstParagraph, warnings),
    paragraphs: page.paragraphs,
    photos: [...page.photos, ...galleryLabels(Math.max(page.gallerySlides, page.galleryCaptions))],
    agencyGuess: guessAgency(knownAgencies, mentionSources(page)),
    source: hasSource ? { outlet: page.outlet, byline: page.byline, originalDate: date } : null,
    attribution: page.attribution,
    typeGuess: guessType(page, title),
    warnings,
  }
}

// ── Input ────────────────────────────────────────────────────────────────────────────────

function parseError(fileName: string | undefined, reason: string): ParseError {
  const subject = fileName ? `press release "${fileName}"` : 'press release'
  return new ParseError(`Cannot parse ${subject}: ${reason}`)
}

function readLines(text: unknown, fileName: string | undefined): string[] {
  if (typeof text !== 'string') throw parseError(fileName, 'input is not text')
  if (text.trim() === '') throw parseError(fileName, 'input is empty')
  if (looksBinary(text)) throw parseError(fileName, 'input looks like binary data, not text')
  return text
    .replace(/^\uFEFF/u, '')
    .normalize('NFC')
    .split(/\r\n?|\n|\u2028|\u2029/u)
    .map(cleanLine)
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true
  const nonPrintable = text.match(/[\u0001-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/gu)?.length ?? 0
  return nonPrintable / text.length > BINARY_SHARE
}

/** Trims the line, including the stray trailing backslash some scrapes leave behind. */
function cleanLine(line: string): string {
  return line.trim().replace(/\s*\\+$/u, '')
}

// ── Reading the page ─────────────────────────────────────────────────────────────────────

interface PageScan {
  heading: string | null
  dateLines: DateMatch[]
  byline: string | null
  outlet: string | null
  attribution: string | null
  attributionType: ReleaseType | null
  sectionTypes: ReleaseType[]
  photos: string[]
  gallerySlides: number
  galleryCaptions: number
  paragraphs: string[]
}

function scanPage(lines: string[]): PageScan {
  const page: PageScan = {
    heading: null,
    dateLines: [],
    byline: null,
    outlet: null,
    attribution: null,
    attributionType: null,
    sectionTypes: [],
    photos: [],
    gallerySlides: 0,
    galleryCaptions: 0,
    paragraphs: [],
  }
  for (const line of lines) {
    if (line !== '') scanLine(page, line)
  }
  return page
}

function scanLine(page: PageScan, line: string): void {
  const beforeBody = page.paragraphs.length === 0
  const chrome = matchChrome(line, { inHeader: beforeBody && page.heading === null })
  if (chrome) return recordChrome(page, chrome)

  const date = matchWholeDate(line)
  if (date) {
    page.dateLines.push(date)
    return
  }
  const byline = matchByline(line)
  if (byline) {
    page.byline ??= byline
    return
  }
  if (beforeBody && page.heading === null && looksLikeHeading(line)) {
    page.heading = cleanHeading(line)
    return
  }
  // Some templates print the title twice (above and below the date).
  if (beforeBody && page.heading !== null && sameHeading(line, page.heading)) return

  page.paragraphs.push(line)
}

function recordChrome(page: PageScan, { rule, line, outlet }: ChromeMatch): void {
  switch (rule.kind) {
    case 'site-header':
      page.outlet ??= outlet
      break
    case 'attribution':
      page.attribution ??= line
      page.attributionType ??= rule.typeHint ?? null
      return
    case 'photo':
      if (!page.photos.includes(line)) page.photos.push(line)
      break
    case 'gallery-slide':
      page.gallerySlides += 1
      break
    case 'gallery-caption':
      page.galleryCaptions += 1
      break
    default:
      break
  }
  if (rule.typeHint) page.sectionTypes.push(rule.typeHint)
}

/** A gallery widget prints one "Slider Image" and/or one "… - Gallery Image" line per slide. */
function galleryLabels(slideCount: number): string[] {
  return Array.from({ length: slideCount }, (_, i) => `Gallery image ${i + 1}`)
}

const BYLINE = /^(?:[Bb][Yy]|[Aa]uthor:|Müəllif:|Автор:)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/u

function matchByline(line: string): string | null {
  return BYLINE.exec(line)?.[1] ?? null
}

// ── Title ────────────────────────────────────────────────────────────────────────────────

const MEDIA_MARKER = /\s*[[(](?:photos?|videos?|updated|infographics?|audio)(?:\s*[/,&+]\s*(?:photos?|videos?))*[\])]/giu

function cleanHeading(line: string): string {
  return line.replace(MEDIA_MARKER, '').replace(/\s+/gu, ' ').trim()
}

function sameHeading(line: string, heading: string): boolean {
  return cleanHeading(line).toLowerCase() === heading.toLowerCase()
}

/** A short line that starts like a title and does not end like a sentence. */
function looksLikeHeading(line: string): boolean {
  const text = cleanHeading(line)
  if (text.length < 10 || text.length > HEADING_MAX_LENGTH) return false
  if (text.split(' ').length < 3) return false
  if (!/^[\p{Lu}\p{N}"“«'‘]/u.test(text)) return false
  const withoutClosingQuotes = text.replace(/["”»’')\]]+$/u, '')
  return !/[.,;:]$/u.test(withoutClosingQuotes)
}

function pickTitle(
  page: PageScan,
  firstParagraph: string,
  warnings: string[],
): Pick<ParsedRelease, 'title' | 'titleFrom'> {
  if (page.heading !== null) return { title: page.heading, titleFrom: 'heading' }

  const sentence = firstSentence(stripDateline(firstParagraph)).replace(/\.$/u, '')
  if (sentence === '') {
    warnings.push('no heading found and the first paragraph has no text to make a title from')
    return { title: null, titleFrom: null }
  }
  warnings.push('no heading found; title made from the first sentence')
  const title = shortenTitle(sentence)
  if (title !== sentence) {
    warnings.push(`first sentence is longer than ${TITLE_MAX_LENGTH} characters; title was shortened`)
  }
  return { title, titleFrom: 'first-sentence' }
}

/** "February 6 – Minister …" → "Minister …" */
function stripDateline(paragraph: string): string {
  const leading = matchLeadingDate(paragraph)
  return leading ? paragraph.slice(leading.dateline.length).trim() : paragraph
}

/** Prefers ending the title at a clause boundary (comma/semicolon) over cutting mid-clause. */
function shortenTitle(sentence: string): string {
  if (sentence.length <= TITLE_MAX_LENGTH) return sentence
  const room = sentence.slice(0, TITLE_MAX_LENGTH - 1) // leaves space for the ellipsis
  const clauseEnd = Math.max(room.lastIndexOf(', '), room.lastIndexOf('; '))
  if (clauseEnd >= TITLE_MAX_LENGTH / 2) return `${sentence.slice(0, clauseEnd)}…`
  return truncateAtWord(sentence, TITLE_MAX_LENGTH)
}

// ── Lead ─────────────────────────────────────────────────────────────────────────────────

function makeLead(firstParagraph: string, warnings: string[]): string | null {
  const sentence = firstSentence(firstParagraph)
  if (sentence === '') return null
  const lead = truncateAtWord(sentence, LEAD_MAX_LENGTH)
  if (lead !== sentence) {
    warnings.push(`first sentence is longer than ${LEAD_MAX_LENGTH} characters; lead was shortened`)
  }
  return lead
}

// ── Date ─────────────────────────────────────────────────────────────────────────────────

/** A stand-alone date line wins; otherwise a date opening the first paragraph. */
function pickDate(page: PageScan, firstParagraph: string, warnings: string[]): ParsedDate | null {
  const leading = matchLeadingDate(firstParagraph)
  const candidates = leading ? [...page.dateLines, leading] : page.dateLines
  for (const candidate of candidates) {
    if (candidate.date === null) {
      warnings.push(`ignored "${candidate.raw}": not a real calendar date`)
      continue
    }
    if (candidate.date.year === null) warnings.push(`date has no year: "${candidate.raw}"`)
    return candidate.date
  }
  warnings.push('no date found')
  return null
}

// ── Agency ───────────────────────────────────────────────────────────────────────────────

interface MentionSource {
  text: string
  weight: number
}

function mentionSources(page: PageScan): MentionSource[] {
  const sources: MentionSource[] = []
  if (page.attribution) sources.push({ text: page.attribution, weight: MENTION_WEIGHT.attribution })
  if (page.heading) sources.push({ text: page.heading, weight: MENTION_WEIGHT.title })
  for (const text of page.paragraphs) sources.push({ text, weight: MENTION_WEIGHT.paragraph })
  return sources
}

/** The agency with the highest weighted mention count; ties go to the agency listed first. */
function guessAgency(agencies: KnownAgency[], sources: MentionSource[]): ParsedRelease['agencyGuess'] {
  let best: ParsedRelease['agencyGuess'] = null
  for (const agency of agencies) {
    const { score, matched } = scoreAgency(agency, sources)
    if (matched !== null && score > (best?.score ?? 0)) best = { id: agency.id, matched, score }
  }
  return best
}

function scoreAgency(agency: KnownAgency, sources: MentionSource[]): { score: number; matched: string | null } {
  // Longest names first, and each hit is blanked out, so "MIA" inside a longer name is not counted twice.
  const names = [...agency.names].filter((name) => name.trim() !== '').sort((a, b) => b.length - a.length)
  const scoreByName = new Map<string, number>()
  for (const { text, weight } of sources) {
    let remaining = foldForMatching(text)
    for (const name of names) {
      const pattern = namePattern(name)
      const hits = remaining.match(pattern)?.length ?? 0
      if (hits === 0) continue
      scoreByName.set(name, (scoreByName.get(name) ?? 0) + hits * weight)
      remaining = remaining.replace(pattern, ' ')
    }
  }
  let score = 0
  let matched: string | null = null
  for (const [name, nameScore] of scoreByName) {
    score += nameScore
    if (matched === null || nameScore > (scoreByName.get(matched) ?? 0)) matched = name
  }
  return { score, matched }
}

/** Acronyms ("MIA", "SMS") must match in capitals; full names match in any case. */
function namePattern(name: string): RegExp {
  const isAcronym = /^[\p{Lu}\d]{2,6}$/u.test(name.trim())
  const body = escapeRegExp(foldForMatching(name.trim())).replace(/\s+/gu, '\\s+')
  return new RegExp(`(?<![\\p{L}\\d])${body}(?![\\p{L}\\d])`, isAcronym ? 'gu' : 'giu')
}

/** Case-insensitive matching in JS does not pair Turkic dotted/dotless i with I/i; fold them first. */
function foldForMatching(text: string): string {
  return text.normalize('NFC').replace(/İ/gu, 'I').replace(/ı/gu, 'i')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}

// ── Type ─────────────────────────────────────────────────────────────────────────────────

function guessType(page: PageScan, title: string | null): ReleaseType {
  if (page.attributionType) return page.attributionType
  if (page.byline !== null || page.outlet !== null) return 'media-coverage'
  if (title && /^statement\b/iu.test(title)) return 'statement'
  return page.sectionTypes[0] ?? 'press-release'
}

// ── Text helpers ─────────────────────────────────────────────────────────────────────────

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'st', 'no', 'nos',
  'vs', 'etc', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'art', 'sec', 'approx', 'govt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'u.s', 'u.n',
])

/** A sentence ends at . ! ? … (plus closing quotes) followed by space and a capital or digit. */
const SENTENCE_END = /[.!?…]["”»’')\]]*(?=\s+["“«'‘(]?[\p{Lu}\p{N}])/gu

function firstSentence(text: string): string {
  for (const match of text.matchAll(SENTENCE_END)) {
    if (match[0].startsWith('.') && endsWithAbbreviation(text.slice(0, match.index))) continue
    return text.slice(0, match.index + match[0].length).trim()
  }
  return text.trim()
}

/** "Mr" in "Mr. Usubov", the initial "M" in "Gulam M. Isakzai". */
function endsWithAbbreviation(textBeforeStop: string): boolean {
  const word = (/\S+$/u.exec(textBeforeStop)?.[0] ?? '').replace(/^["“«'‘(]+/u, '')
  return /^\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())
}

/** Cuts to at most `max` characters at a word boundary, ending with "…". */
function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const room = max - 1 // for the ellipsis
  let cut = text.slice(0, room)
  if (!/\s/u.test(text.charAt(room))) {
    const lastSpace = cut.search(/\s\S*$/u)
    if (lastSpace > 0) cut = cut.slice(0, lastSpace)
  }
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`
}
