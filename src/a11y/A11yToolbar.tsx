import React from 'react'

import { dictionary, type Dictionary, type Locale } from '@/i18n'
import { needsScripts } from '@/site/frameworkScripts.mjs'

import A11yStatus from './A11yStatus'
import { controlId, STATUS_KEYS, VIEW_STATUS_KEY, type StatusKey } from './controls'
import ReadAloud from './ReadAloud'
import { safeReturnPath } from './returnPath'
import { FOLDABLE_FONT_SIZE, isCollapsed, SETTING_NAMES, SETTING_OPTIONS, type A11ySettings, type SettingName } from './settings'

export interface A11yToolbarProps {
  locale: Locale
  /** The reader's settings (from the `view` route param via decodeView); null in the main version. */
  settings: A11ySettings | null
  /** The public path of this page (without the view segment), e.g. `/az/releases`. */
  returnPath: string
}

type Key = keyof Dictionary

const LEGENDS: Record<SettingName, Key> = {
  fontSize: 'a11yFontSize',
  scheme: 'a11yScheme',
  images: 'a11yImages',
  letterSpacing: 'a11yLetterSpacing',
  lineHeight: 'a11yLineHeight',
  font: 'a11yFont',
}

const LABELS: { [N in SettingName]: Record<A11ySettings[N], Key> } = {
  fontSize: { normal: 'a11yFontNormal', large: 'a11yFontLarge', xlarge: 'a11yFontXLarge' },
  scheme: {
    'black-white': 'a11ySchemeBlackWhite',
    'white-black': 'a11ySchemeWhiteBlack',
    blue: 'a11ySchemeBlue',
    brown: 'a11ySchemeBrown',
    green: 'a11ySchemeGreen',
  },
  images: { show: 'a11yImagesShow', grayscale: 'a11yImagesGrayscale', hide: 'a11yImagesHide' },
  letterSpacing: { normal: 'a11yLetterNormal', wide: 'a11yLetterWide', xwide: 'a11yLetterXWide' },
  lineHeight: { normal: 'a11yLineNormal', '1.5': 'a11yLine15', '2': 'a11yLine2' },
  font: { sans: 'a11yFontSans', serif: 'a11yFontSerif' },
}

const ACTION = '/a11y'
/** The part of the toolbar the disclosure button folds (all but the font size). */
const MORE_ID = 'a11y-more'

/** The status message for each control, in the page's language, about the settings as they are now. */
function statusMessages(t: Dictionary, settings: A11ySettings): Record<StatusKey, string> {
  const messages = {} as Record<StatusKey, string>
  for (const name of SETTING_NAMES) {
    const labels = LABELS[name] as Record<string, Key>
    messages[name] = `${t[LEGENDS[name]]}: ${t[labels[settings[name]]!]}`
  }
  messages.reset = t.a11yStatusReset
  messages.toolbar = isCollapsed(settings) ? t.a11yStatusCollapsed : t.a11yStatusExpanded
  return messages
}

/**
 * The toolbar of the view for visually impaired readers — a server component that works without
 * JavaScript: each button is a plain form submit to `/a11y`, which sets the cookie and sends the
 * reader back to `#<the button's id>` (src/a11y/controls.ts), so the browser lands on the control
 * just used and the status region shows what changed (A11yStatus). At the largest text size a
 * disclosure button folds everything but the font size (state in the view: `collapsed`). In the main
 * version it is only the link that turns the view on (and the status region for `view=off`).
 */
export function A11yToolbar({ locale, settings, returnPath }: A11yToolbarProps) {
  const t = dictionary(locale)
  const back = safeReturnPath(returnPath, `/${locale}`)

  if (!settings) {
    return (
      // One box in the header's layout: the status region adds no gap of its own while empty.
      <div className="a11y-entry">
        <a id={controlId('view', 'off')!} className="a11y-open" href={`${ACTION}?view=on&return=${encodeURIComponent(back)}`} rel="nofollow">
          {t.a11yOpen}
        </a>
        {/* Shown by a11y.css when the link is the fragment's target (after `view=off`); the page has no script. */}
        <span role="status" className="a11y-status">
          <span data-for={VIEW_STATUS_KEY}>{t.a11yStatusMain}</span>
        </span>
      </div>
    )
  }

  const returnField = <input type="hidden" name="return" value={back} />
  const messages = statusMessages(t, settings)
  const foldable = settings.fontSize === FOLDABLE_FONT_SIZE
  const collapsed = isCollapsed(settings)
  const settingForm = (name: SettingName) => {
    const labels = LABELS[name] as Record<string, Key>
    return (
      <form key={name} method="post" action={ACTION} data-setting={name}>
        {returnField}
        <fieldset>
          <legend>{t[LEGENDS[name]]}</legend>
          {(SETTING_OPTIONS[name] as readonly string[]).map((option) => (
            <button
              key={option}
              id={controlId(name, option)!}
              type="submit"
              name={name}
              value={option}
              aria-pressed={settings[name] === option}
            >
              {t[labels[option]!]}
            </button>
          ))}
        </fieldset>
      </form>
    )
  }
  const [first, ...rest] = SETTING_NAMES
  return (
    // Read-aloud and the status region are client components: this view's pages keep React (see frameworkScripts.mjs).
    <section className="a11y-toolbar" aria-label={t.a11ySettings} {...needsScripts}>
      <A11yStatus>
        {STATUS_KEYS.map((key) => (
          <span key={key} data-for={key}>
            {messages[key]}
          </span>
        ))}
      </A11yStatus>
      {/* The font size first and never folded: the way back to a smaller size. */}
      {settingForm(first!)}
      {foldable && (
        <form method="post" action={ACTION} className="a11y-disclosure">
          {returnField}
          <button
            id={controlId('toolbar', collapsed ? 'open' : 'collapsed')!}
            type="submit"
            name="toolbar"
            value={collapsed ? 'open' : 'collapsed'}
            aria-expanded={!collapsed}
            aria-controls={MORE_ID}
          >
            {t.a11yMoreSettings}
          </button>
        </form>
      )}
      <div id={MORE_ID} className="a11y-more" hidden={collapsed}>
        {rest.map(settingForm)}
        <form method="post" action={ACTION} className="a11y-actions">
          {returnField}
          <button id={controlId('reset', '1')!} type="submit" name="reset" value="1">
            {t.a11yReset}
          </button>
          <button id="a11y-view-off" type="submit" name="view" value="off">
            {t.a11yMain}
          </button>
        </form>
        <ReadAloud
          locale={locale}
          labels={{ readAloud: t.a11yReadAloud, pause: t.a11yPause, resume: t.a11yResume, stop: t.a11yStop }}
        />
      </div>
    </section>
  )
}

export default A11yToolbar
