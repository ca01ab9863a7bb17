/**
 * Date detection for scraped press releases.
 *
 * Supported shapes (month names in English, Azerbaijani and Russian):
 *   24.01.2025 · 24/01/2025 · 2025-01-24 · 2025-01-24T15:02
 *   19 October 2017 · 19th of October · October 19 · October 19th, 2017
 *   any of the above followed by a time ("09:58") and an offset ("(UTC+04:00)", "GMT+4", "+0400")
 * A shape that names an impossible day (31.02.2024) is reported as invalid, never as a date.
 */

export interface ParsedDate {
  raw: string
  year: number | null
  month: number
  day: number
  hour: number | null
  minute: number | null
  utcOffset: string
  iso: string | null
}

/** Asia/Baku is UTC+4 all year round (daylight saving time was abolished in 2016). */
export const DEFAULT_UTC_OFFSET = '+04:00'

/** A piece of text shaped like a date. `date` is null when the day does not exist (31.02.2024). */
export interface DateMatch {
  raw: string
  date: ParsedDate | null
}

/** A date at the start of a paragraph, e.g. "February 6 – Minister …" or "On April 19th, the …". */
export interface LeadingDateMatch extends DateMatch {
  /** Text before the body proper: "February 6 – " for a dash dateline, '' for "On April 19th, …". */
  dateline: string
}

// Index + 1 is the month number. Russian names come in nominative and genitive forms.
const MONTH_NAMES: readonly string[][] = [
  ['january', 'jan', 'yanvar', 'январь', 'января'],
  ['february', 'feb', 'fevral', 'февраль', 'февраля'],
  ['march', 'mar', 'mart', 'март', 'марта'],
  ['april', 'apr', 'aprel', 'апрель', 'апреля'],
  ['may', 'май', 'мая'],
  ['june', 'jun', 'iyun', 'июнь', 'июня'],
  ['july', 'jul', 'iyul', 'июль', 'июля'],
  ['august', 'aug', 'avqust', 'август', 'августа'],
  ['september', 'sept', 'sep', 'sentyabr', 'сентябрь', 'сентября'],
  ['october', 'oct', 'oktyabr', 'октябрь', 'октября'],
  ['november', 'nov', 'noyabr', 'ноябрь', 'ноября'],
  ['december', 'dec', 'dekabr', 'декабрь', 'декабря'],
]

const MONTH_BY_NAME = new Map<string, number>(
  MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
)

const MONTH = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`

const WEEKDAYS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'bazar ertəsi', 'çərşənbə axşamı', 'çərşənbə', 'cümə axşamı', 'cümə', 'şənbə', 'bazar',
  'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье',
]

/** Weekday names (en/az/ru) as a regex alternation, longest first. */
export const WEEKDAY_PATTERN = WEEKDAYS.slice().sort((a, b) => b.length - a.length).join('|')

const ORDINAL = '(?:st|nd|rd|th)?'
// "2025-ci il" (az) and "2025 г." / "2025 года" (ru) after the year.
const YEAR = '(\\d{4})(?:-?(?:ci|cı|cu|cü)(?:\\s+il)?|\\s*(?:года|г\\.?))?'
const NOT_A_WORD_CONTINUATION = '(?![\\p{L}\\d])'

/** Date shapes, each anchored at the start of the string, with a reader for its capture groups. */
const DATE_SHAPES: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpExecArray) => CalendarParts }> = [
  {
    // ISO 8601: 2025-01-24, optionally with a time
    pattern: /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(?!\d)/u,
    read: (m) => ({
      year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
      hour: optionalNumber(m[4]), minute: optionalNumber(m[5]),
    }),
  },
  {
    // Day first, numeric: 24.01.2025 or 24/01/2025 (the regional convention; never month first)
    pattern: /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/u,
    read: (m) => ({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]), hour: null, minute: null }),
  },
  {
    // Day first, month name: 19 October 2017, 19th of October
    pattern: new RegExp(`^(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+${YEAR})?${NOT_A_WORD_CONTINUATION}`, 'iu'),
    read: (m) => ({
      year: optionalNumber(m[3]), month: monthNumber(m[2]), day: Number(m[1]), hour: null, minute: null,
    }),
  },
  {
    // Month name first: October 19, October 19th, 2017, April 20 2024
    pattern: new RegExp(`^${MONTH}\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+${YEAR})?${NOT_A_WORD_CONTINUATION}`, 'iu'),
    read: (m) => ({
      year: optionalNumber(m[3]), month: monthNumber(m[1]), day: Number(m[2]), hour: null, minute: null,
    }),
  },
]

const TIME = /^\s*,?\s*(?:at\s+)?(\d{1,2}):(\d{2})(?::\d{2})?(?!\d)/iu
const UTC_OFFSET = /^\s*\(?\s*(?:UTC|GMT)\s*(?:([+\-−])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)?|^\s*([+\-])(\d{2}):?(\d{2})(?!\d)|^Z(?![\p{L}\d])/u
const WHOLE_LINE_PREFIX = new RegExp(
  `^(?:(?:published|posted|updated|date|tarix|дата)\\s*:\\s*)?(?:on\\s+)?(?:(?:${WEEKDAY_PATTERN}),?\\s+)?`,
  'iu',
)
const DATELINE_DASH = /^\s*[–—-]\s+/u
// An optional place before a dash dateline: "Baku, February 6 – …"
const DATELINE_PLACE = /^\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)?,\s+/u

interface CalendarParts {
  year: number | null
  month: number
  day: number
  hour: number | null
  minute: number | null
}

/** Parses text that is nothing but a date ("24.01.2025", "On April 19th", "Date: 19 October 2017 09:58"). */
export function parseDate(text: string): ParsedDate | null {
  return matchWholeDate(text)?.date ?? null
}

/** Recognises a line consisting only of a date. Returns null when the line is not date-shaped. */
export function matchWholeDate(line: string): DateMatch | null {
  const raw = line.trim()
  const prefix = WHOLE_LINE_PREFIX.exec(raw)?.[0] ?? ''
  const found = readDateAt(raw.slice(prefix.length))
  if (!found) return null
  const rest = raw.slice(prefix.length + found.length)
  if (!/^\s*\.?\s*$/u.test(rest)) return null
  return { raw, date: found.parts && toParsedDate(raw, found.parts, found.utcOffset) }
}

/**
 * Recognises a date opening a paragraph: a dash dateline ("February 6 – …", "Baku, 24.01.2025 – …")
 * or an "On …" phrase ("On April 19th, the Ministry …"). Bare dates followed by prose are not taken:
 * "19 April marks the anniversary …" is a sentence about a date, not a dateline.
 */
export function matchLeadingDate(paragraph: string): LeadingDateMatch | null {
  const text = paragraph.trimStart()
  return matchDashDateline(text) ?? matchOnPhrase(text)
}

function matchDashDateline(text: string): LeadingDateMatch | null {
  const place = DATELINE_PLACE.exec(text)?.[0] ?? ''
  for (const start of place ? [place.length, 0] : [0]) {
    const found = readDateAt(text.slice(start))
    if (!found) continue
    const end = start + found.length
    const dash = DATELINE_DASH.exec(text.slice(end))
    if (!dash) continue
    const raw = text.slice(start, end).trim()
    return {
      raw,
      date: found.parts && toParsedDate(raw, found.parts, found.utcOffset),
      dateline: text.slice(0, end + dash[0].length),
    }
  }
  return null
}

function matchOnPhrase(text: string): LeadingDateMatch | null {
  const on = /^on\s+/iu.exec(text)
  if (!on) return null
  const found = readDateAt(text.slice(on[0].length))
  if (!found) return null
  const end = on[0].length + found.length
  if (!/^(?:[,;:]|\s|$)/u.test(text.slice(end))) return null
  const raw = text.slice(0, end).trim()
  return { raw, date: found.parts && toParsedDate(raw, found.parts, found.utcOffset), dateline: '' }
}

/**
 * Reads a date (plus optional time and offset) at the very start of `text`.
 * `parts` is null when the text is date-shaped but names a day that does not exist.
 */
function readDateAt(text: string): { length: number; parts: CalendarParts | null; utcOffset: string } | null {
  for (const shape of DATE_SHAPES) {
    const m = shape.pattern.exec(text)
    if (!m) continue
    let parts = shape.read(m)
    let length = m[0].length

    const time = parts.hour === null ? TIME.exec(text.slice(length)) : null
    if (time) {
      parts = { ...parts, hour: Number(time[1]), minute: Number(time[2]) }
      length += time[0].length
    }
    const offset = UTC_OFFSET.exec(text.slice(length))
    if (offset) length += offset[0].length

    return { length, parts: isValid(parts) ? parts : null, utcOffset: offset ? readOffset(offset) : DEFAULT_UTC_OFFSET }
  }
  return null
}

function readOffset(m: RegExpExecArray): string {
  if (m[1]) return formatOffset(m[1], m[2] ?? '0', m[3] ?? '0')
  if (m[4]) return formatOffset(m[4], m[5] ?? '0', m[6] ?? '0')
  return '+00:00' // bare "UTC", "GMT" or "Z"
}

function formatOffset(sign: string, hours: string, minutes: string): string {
  const normalisedSign = sign === '+' ? '+' : '-' // the minus may be typed as U+2212
  return `${normalisedSign}${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}`
}

function isValid({ year, month, day, hour, minute }: CalendarParts): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  if (day > daysInMonth(month, year)) return false
  if (hour !== null && (hour > 23 || minute === null || minute > 59)) return false
  return true
}

/** Without a year, 29 February is allowed: it exists in some year. */
function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function toParsedDate(raw: string, parts: CalendarParts, utcOffset: string): ParsedDate {
  return { raw, ...parts, utcOffset, iso: toIso(parts, utcOffset) }
}

function toIso({ year, month, day, hour, minute }: CalendarParts, utcOffset: string): string | null {
  if (year === null) return null
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`
  return `${date}T${pad(hour ?? 0)}:${pad(minute ?? 0)}:00${utcOffset}`
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

function optionalNumber(value: string | undefined): number | null {
  return value === undefined ? null : Number(value)
}

function monthNumber(name: string | undefined): number {
  return MONTH_BY_NAME.get((name ?? '').toLowerCase()) ?? 0
}
