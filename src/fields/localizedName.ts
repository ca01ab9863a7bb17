import type { Field } from 'payload'

/** The three languages of the site, in the order editors see them. */
export const LOCALES = [
  { code: 'az', label: 'Azərbaycanca' },
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
] as const
export type LocaleCode = (typeof LOCALES)[number]['code']
export const DEFAULT_LOCALE: LocaleCode = 'az'

export const richTextParagraphs = (name: string, label?: string): Field => ({
  name,
  label,
  type: 'richText',
  localized: true,
})
