/**
 * The reader's settings for the view for visually impaired readers. They live in one cookie and
 * reach the pages as one path segment ("view") that a rewrite adds internally (viewRouting.mjs), so every combination
 * is its own cached page: right on first paint, without JavaScript, and without making pages dynamic.
 */
export const FONT_SIZES = ['normal', 'large', 'xlarge'] as const
export const SCHEMES = ['black-white', 'white-black', 'blue', 'brown', 'green'] as const
export const IMAGE_MODES = ['show', 'grayscale', 'hide'] as const
export const LETTER_SPACINGS = ['normal', 'wide', 'xwide'] as const
export const LINE_HEIGHTS = ['normal', '1.5', '2'] as const
export const FONTS = ['sans', 'serif'] as const

export type Scheme = (typeof SCHEMES)[number]

export interface A11ySettings {
  fontSize: (typeof FONT_SIZES)[number]
  scheme: Scheme
  images: (typeof IMAGE_MODES)[number]
  letterSpacing: (typeof LETTER_SPACINGS)[number]
  lineHeight: (typeof LINE_HEIGHTS)[number]
  font: (typeof FONTS)[number]
  /**
   * The toolbar folded to the font size and its disclosure button (present only when true, and only
   * at the largest text size, where the full toolbar fills the screen). Not a setting of the page:
   * it has no fieldset and no class; it is the optional seventh part of the view segment.
   */
  collapsed?: true
}

/** The largest text size: the only one where the toolbar can be folded. */
export const FOLDABLE_FONT_SIZE: A11ySettings['fontSize'] = 'xlarge'
/** `toolbar=<state>` (the disclosure button) folds or unfolds the toolbar. */
export const TOOLBAR_STATES = ['open', 'collapsed'] as const

export const SETTING_OPTIONS = {
  fontSize: FONT_SIZES,
  scheme: SCHEMES,
  images: IMAGE_MODES,
  letterSpacing: LETTER_SPACINGS,
  lineHeight: LINE_HEIGHTS,
  font: FONTS,
} as const

export type SettingName = keyof typeof SETTING_OPTIONS

export const DEFAULT_SETTINGS: A11ySettings = Object.freeze({
  fontSize: 'normal',
  scheme: 'black-white',
  images: 'show',
  letterSpacing: 'normal',
  lineHeight: 'normal',
  font: 'sans',
})

export const COOKIE_NAME = 'a11y'
export const COOKIE_MAX_AGE = 365 * 24 * 60 * 60

/** The segment for the main version (the view off). */
export const MAIN_VIEW = 'main'

/** The order of the settings in a view segment (and in the toolbar). */
export const SETTING_NAMES: readonly SettingName[] = ['fontSize', 'scheme', 'images', 'letterSpacing', 'lineHeight', 'font']

/** Own keys only: `'constructor' in SETTING_OPTIONS` is true, and must not count as a setting. */
export const isSettingName = (name: string): name is SettingName => Object.hasOwn(SETTING_OPTIONS, name)

/** Whether the toolbar is folded: only at the largest text size (elsewhere the flag means nothing). */
export const isCollapsed = (settings: A11ySettings | null): boolean => settings?.collapsed === true && settings.fontSize === FOLDABLE_FONT_SIZE

/** The settings with `collapsed` only where it applies, so each rendering has exactly one segment. */
function normalised(settings: A11ySettings): A11ySettings {
  const { collapsed: _collapsed, ...rest } = settings
  return isCollapsed(settings) ? { ...rest, collapsed: true } : rest
}

/**
 * Settings → a short path segment, e.g. "v0-1-0-0-0-0" (indexes into each option list), with a
 * seventh part "-1" when the toolbar is folded (largest text size only: "v2-1-0-0-0-0-1").
 */
export function encodeView(settings: A11ySettings | null): string {
  if (!settings) return MAIN_VIEW
  // An unknown value (never produced here) counts as that setting's default, so the segment stays valid.
  const parts = SETTING_NAMES.map((name) => Math.max(0, (SETTING_OPTIONS[name] as readonly string[]).indexOf(settings[name])))
  return `v${parts.join('-')}${isCollapsed(settings) ? '-1' : ''}`
}

/** A path segment → settings; null for the main version or anything malformed. */
export function decodeView(segment: string | null | undefined): A11ySettings | null {
  const match = /^v(\d)-(\d)-(\d)-(\d)-(\d)-(\d)(-1)?$/.exec(segment ?? '')
  if (!match) return null
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingName, string>
  for (const [i, name] of SETTING_NAMES.entries()) {
    const value = (SETTING_OPTIONS[name] as readonly string[])[Number(match[i + 1])]
    if (value === undefined) return null
    settings[name] = value
  }
  if (!match[7]) return settings as unknown as A11ySettings
  // Folded only at the largest size: any other size with "-1" is no view (one segment per rendering).
  if (settings.fontSize !== FOLDABLE_FONT_SIZE) return null
  return { ...(settings as unknown as A11ySettings), collapsed: true }
}

export const isView = (segment: string | null | undefined): boolean => segment === MAIN_VIEW || decodeView(segment) !== null

/** The cookie holds the view segment itself ("main" or "v…"); anything else counts as the main version. */
export const settingsFromCookie = (value: string | null | undefined): A11ySettings | null => decodeView(value)

/** The view segment for a cookie value: the value itself when it is a valid view, else the main version. */
export const viewFromCookie = (value: string | null | undefined): string => (value && isView(value) ? value : MAIN_VIEW)

/**
 * Applies one change asked by a control; unknown names or values are refused ('invalid').
 * - `view=on` turns the view on (keeping the current settings), `view=off` turns it off (null);
 * - `reset=1` (or an empty value, as in `?reset`) brings back the default settings, view on;
 * - `<setting>=<option>` changes one setting, turning the view on if it was off;
 * - `toolbar=collapsed` folds the toolbar (at the largest text size only; elsewhere the settings stay
 *   as they are), `toolbar=open` unfolds it. A smaller text size unfolds it too.
 */
export function applyChange(current: A11ySettings | null, name: string, value: string): A11ySettings | null | 'invalid' {
  if (name === 'view') {
    if (value === 'on') return current ? { ...current } : { ...DEFAULT_SETTINGS }
    if (value === 'off') return null
    return 'invalid'
  }
  if (name === 'reset') return value === '1' || value === '' ? { ...DEFAULT_SETTINGS } : 'invalid'
  if (name === 'toolbar') {
    if (!(TOOLBAR_STATES as readonly string[]).includes(value)) return 'invalid'
    const { collapsed: _collapsed, ...rest } = current ?? DEFAULT_SETTINGS
    return normalised(value === 'collapsed' ? { ...rest, collapsed: true } : rest)
  }
  if (!isSettingName(name)) return 'invalid'
  const options = SETTING_OPTIONS[name] as readonly string[]
  if (!options.includes(value)) return 'invalid'
  return normalised({ ...(current ?? DEFAULT_SETTINGS), [name]: value } as A11ySettings)
}

/** The `Set-Cookie` header value that stores a view segment. */
export function viewCookie(segment: string, { secure }: { secure: boolean }): string {
  const value = isView(segment) ? segment : MAIN_VIEW
  return `${COOKIE_NAME}=${value}; Path=/; Max-Age=${COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`
}

/** The value of one cookie in a `Cookie` request header (undefined when absent). */
export function readCookie(header: string | null | undefined, name: string = COOKIE_NAME): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    if (part.slice(0, eq).trim() !== name) continue
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1')
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return undefined
}
