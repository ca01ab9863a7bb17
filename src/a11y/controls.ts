import { isSettingName, SETTING_NAMES, type SettingName } from './settings'

/**
 * The ids of the toolbar's controls, shared by the toolbar (each button carries one) and the `/a11y`
 * route (its redirect ends in `#<id>`), so that without JavaScript the browser lands on — and
 * focuses — the control just used, and a11y.css shows that control's status message (`:target`).
 * A fragment never reaches the server: the cached page stays the same for every reader.
 */

/** What a status message is about: a setting, the reset button, the disclosure button. */
export type StatusKey = SettingName | 'reset' | 'toolbar'
export const STATUS_KEYS: readonly StatusKey[] = [...SETTING_NAMES, 'reset', 'toolbar']

/** The message of the main version's status region (after `view=off`). */
export const VIEW_STATUS_KEY = 'view'

const part = (value: string): string => value.replace(/[^a-z0-9-]/gi, '')

/**
 * The id of the control that sends `name=value`; null when nothing should be focused after the
 * change (`view=on`: the page opens at its top, where the toolbar comes first).
 * - a setting's option: `a11y-<setting>-<option>` (`a11y-lineHeight-15` for 1.5);
 * - `reset`: `a11y-reset`; `toolbar`: `a11y-toolbar-toggle` (one id for both states);
 * - `view=off`: `a11y-view-on`, the main version's link that turns the view on again.
 */
export function controlId(name: string, value: string): string | null {
  if (isSettingName(name)) return `a11y-${name}-${part(value)}`
  if (name === 'reset') return 'a11y-reset'
  if (name === 'toolbar') return 'a11y-toolbar-toggle'
  if (name === 'view' && value === 'off') return 'a11y-view-on'
  return null
}

/** The status message a control's id belongs to (`a11y-fontSize-xlarge` → `fontSize`), if any. */
export function statusKeyOf(id: string): StatusKey | null {
  const key = /^a11y-([A-Za-z]+)-/.exec(`${id}-`)?.[1]
  return key && (STATUS_KEYS as readonly string[]).includes(key) ? (key as StatusKey) : null
}
