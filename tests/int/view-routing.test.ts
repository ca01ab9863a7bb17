/**
 * next.config.mjs routes the reader's view with rewrites whose patterns are plain strings
 * (src/a11y/viewRouting.mjs). They must accept exactly what the app's own rules accept.
 */
import { describe, expect, it } from 'vitest'

import { encodeView, isView, MAIN_VIEW, SETTING_NAMES, SETTING_OPTIONS, type A11ySettings } from '@/a11y/settings'
import { LOCALE_PATTERN, VIEW_PATTERN, VIEW_PREFIX, viewRewrites } from '@/a11y/viewRouting.mjs'
import { LOCALE_CODES } from '@/i18n/locales'

const viewRegex = new RegExp(`^(?:${VIEW_PATTERN})$`)

function everyView(): string[] {
  let combos: Record<string, string>[] = [{}]
  for (const name of SETTING_NAMES) {
    combos = combos.flatMap((combo) => (SETTING_OPTIONS[name] as readonly string[]).map((value) => ({ ...combo, [name]: value })))
  }
  return combos.map((combo) => encodeView(combo as unknown as A11ySettings))
}

describe('view routing patterns', () => {
  it('accept every view the settings can produce', () => {
    const views = everyView()
    expect(views).toHaveLength(3 * 5 * 3 * 3 * 3 * 2)
    for (const view of views) expect(viewRegex.test(view), view).toBe(true)
  })

  it('accept nothing the app would not', () => {
    const candidates = ['v3-0-0-0-0-0', 'v0-5-0-0-0-0', 'v0-0-3-0-0-0', 'v0-0-0-0-0-2', 'v0-0-0-0-0', 'v0-0-0-0-0-0-0', 'v00-0-0-0-0-0', 'x0-0-0-0-0-0', 'v0-0-0-0-0-0;', 'main', '']
    for (let digits = 0; digits < 3000; digits++) {
      const d = String(digits).padStart(6, '0').split('')
      candidates.push(`v${d.join('-')}`)
    }
    for (const value of candidates) expect(viewRegex.test(value), value).toBe(isView(value) && value !== MAIN_VIEW)
  })

  it('name the same languages as the app', () => {
    expect(LOCALE_PATTERN.split('|')).toEqual([...LOCALE_CODES])
  })

  it('send a cookie view to its pages, leave the main version without a rewrite, keep the internal prefix private', () => {
    const rewrites = viewRewrites().beforeFiles
    expect(rewrites).toHaveLength(2)
    const [guard, withCookie] = rewrites
    // Guard first: the cookie rule's own destination must not be caught by it.
    expect(guard.source).toBe(`/${VIEW_PREFIX}/:path*`)
    expect(guard.destination.startsWith(`/${VIEW_PREFIX}/`)).toBe(false)
    expect(withCookie.has).toEqual([{ type: 'cookie', key: 'a11y', value: `(?<view>${VIEW_PATTERN})` }])
    expect(withCookie.destination).toBe(`/${VIEW_PREFIX}/:view/:locale/:path*`)
  })
})
