import type { Locale } from '@/i18n/locales'

/** Public addresses, in one place. `path` is the part after the language. */
export const localePath = (locale: Locale, path = ''): string => `/${locale}${path}`
export const releasePath = (slug: string): string => `/releases/${slug}`
export const releasesPath = '/releases'
export const officialPath = (slug: string): string => `/officials/${slug}`
export const agencyPath = (slug: string): string => `/agencies/${slug}`
export const galleriesPath = '/galleries'
export const galleryPath = (slug: string): string => `/galleries/${slug}`
/** The original file of a photo, named after its credit (not under a language). */
export const downloadPath = (mediaId: string): string => `/download/${encodeURIComponent(mediaId)}`

export function siteURL(): string {
  return (process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '')
}
