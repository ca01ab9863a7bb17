import React from 'react'

import { dictionary, type Dictionary, type Locale } from '@/i18n'
import { needsScripts } from '@/site/frameworkScripts.mjs'

import ReadAloud from './ReadAloud'
import { safeReturnPath } from './returnPath'
import { SETTING_NAMES, SETTING_OPTIONS, type A11ySettings, type SettingName } from './settings'

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

/**
 * The toolbar of the view for visually impaired readers — a server component that works without
 * JavaScript: each button is a plain form submit to `/a11y`, which sets the cookie and sends the
 * reader back. In the main version it is only the link that turns the view on.
 */
export function A11yToolbar({ locale, settings, returnPath }: A11yToolbarProps) {
  const t = dictionary(locale)
  const back = safeReturnPath(returnPath, `/${locale}`)

  if (!settings) {
    return (
      <a className="a11y-open" href={`${ACTION}?view=on&return=${encodeURIComponent(back)}`} rel="nofollow">
        {t.a11yOpen}
      </a>
    )
  }

  const returnField = <input type="hidden" name="return" value={back} />
  return (
    // Read-aloud is a client component: this view's pages keep React (see frameworkScripts.mjs).
    <section className="a11y-toolbar" aria-label={t.a11ySettings} {...needsScripts}>
      {SETTING_NAMES.map((name) => {
        const labels = LABELS[name] as Record<string, Key>
        return (
          <form key={name} method="post" action={ACTION}>
            {returnField}
            <fieldset>
              <legend>{t[LEGENDS[name]]}</legend>
              {(SETTING_OPTIONS[name] as readonly string[]).map((option) => (
                <button key={option} type="submit" name={name} value={option} aria-pressed={settings[name] === option}>
                  {t[labels[option]!]}
                </button>
              ))}
            </fieldset>
          </form>
        )
      })}
      <form method="post" action={ACTION} className="a11y-actions">
        {returnField}
        <button type="submit" name="reset" value="1">
          {t.a11yReset}
        </button>
        <button type="submit" name="view" value="off">
          {t.a11yMain}
        </button>
      </form>
      <ReadAloud
        locale={locale}
        labels={{ readAloud: t.a11yReadAloud, pause: t.a11yPause, resume: t.a11yResume, stop: t.a11yStop }}
      />
    </section>
  )
}

export default A11yToolbar
