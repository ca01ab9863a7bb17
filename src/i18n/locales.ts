export const LOCALE_CODES = ['az', 'en', 'ru'] as const
export type Locale = (typeof LOCALE_CODES)[number]
export const DEFAULT_LOCALE: Locale = 'az'

export const isLocale = (value: string | undefined): value is Locale => LOCALE_CODES.includes(value as Locale)

/** Names of the languages in themselves, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { az: 'Azərbaycanca', en: 'English', ru: 'Русский' }

/** BCP 47 tags for Intl formatting and hreflang. */
export const LOCALE_TAGS: Record<Locale, string> = { az: 'az-Latn-AZ', en: 'en', ru: 'ru' }
