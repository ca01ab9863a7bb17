import { az } from './dictionaries/az'
import { en, type Dictionary } from './dictionaries/en'
import { ru } from './dictionaries/ru'
import { LOCALE_TAGS, type Locale } from './locales'

export * from './locales'
export type { Dictionary }

const DICTIONARIES: Record<Locale, Dictionary> = { az, en, ru }

export const dictionary = (locale: Locale): Dictionary => DICTIONARIES[locale]

/** Fills `{name}` placeholders. */
export const format = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`))

const TIME_ZONE = 'Asia/Baku'

export function formatDate(iso: string, locale: Locale, precision: 'datetime' | 'date' | 'year' = 'date'): string {
  const date = new Date(iso)
  if (precision === 'year') return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { year: 'numeric', timeZone: TIME_ZONE }).format(date)
  const day = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'long', timeZone: TIME_ZONE }).format(date)
  if (precision !== 'datetime') return day
  // Date and time formatted apart: Intl's combined az pattern joins them with a slash.
  const time = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(date)
  return `${day}, ${time}`
}
