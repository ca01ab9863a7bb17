import { notFound } from 'next/navigation'

import { decodeView, isView, MAIN_VIEW, type A11ySettings } from '@/a11y/settings'
import { dictionary, isLocale, type Dictionary, type Locale } from '@/i18n'

/** The main version's routes have no view segment; the visually impaired view's have one (`/view/{view}/…`). */
export type PageParams = { view?: string; locale: string }

export interface PageContext {
  view: string
  locale: Locale
  settings: A11ySettings | null
  t: Dictionary
}

/** Checks the route's view and locale segments; anything else is a 404. */
export async function pageContext(params: Promise<PageParams>): Promise<PageContext> {
  const { view = MAIN_VIEW, locale } = await params
  if (!isLocale(locale) || !isView(view)) notFound()
  return { view, locale, settings: view === MAIN_VIEW ? null : decodeView(view), t: dictionary(locale) }
}
