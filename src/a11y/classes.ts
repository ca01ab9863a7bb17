import type { A11ySettings, SettingName } from './settings'

/** Class-name parts of each setting's options (e.g. lineHeight '1.5' → `a11y-line-15`). */
const PREFIX = {
  fontSize: 'a11y-font-',
  scheme: 'a11y-scheme-',
  images: 'a11y-images-',
  letterSpacing: 'a11y-letter-',
  lineHeight: 'a11y-line-',
  font: 'a11y-font-',
} as const satisfies Record<SettingName, string>

const ORDER = ['fontSize', 'scheme', 'images', 'letterSpacing', 'lineHeight', 'font'] as const satisfies readonly SettingName[]

const part = (value: string): string => value.replace(/[^a-z0-9-]/gi, '')

/**
 * The classes for `<html>` in the view for visually impaired readers (styled by a11y.css), one per
 * setting, defaults included, e.g. `a11y a11y-font-large a11y-scheme-blue a11y-images-hide
 * a11y-letter-wide a11y-line-15 a11y-font-serif`; '' for the main version.
 */
export function htmlClassNames(settings: A11ySettings | null): string {
  if (!settings) return ''
  return ['a11y', ...ORDER.map((name) => `${PREFIX[name]}${part(settings[name])}`)].join(' ')
}
