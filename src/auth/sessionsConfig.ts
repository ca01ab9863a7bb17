/**
 * Sessions, wired into the built config (payload.config.ts: `.then(withSessions)`, after
 * withTwoFactor): the users collection gets the session endpoints, the disabled-account checks, and
 * every auth strategy refuses a disabled user (Payload adds its own JWT strategy at init, so the
 * strategies are wrapped then). What each does: src/auth/sessions.ts.
 */
import type { SanitizedConfig } from 'payload'

import { sessionEndpoints } from './sessionEndpoints'
import { endSessionsOnDisable, noSessionForDisabled, refuseDisabledSignIn, refuseDisabledUsers } from './sessions'

/** The users collection of the built config gets the session endpoints and the disabled-account hooks. */
export function withSessions(config: SanitizedConfig): SanitizedConfig {
  const users = config.collections.find((c) => c.slug === 'users')
  if (!users || !users.auth) throw new Error('Sessions need the users collection')
  const hooks = users.hooks
  // First, before the second factor is asked for: a disabled account learns nothing more.
  hooks.beforeLogin = [refuseDisabledSignIn, ...(hooks.beforeLogin ?? [])]
  hooks.beforeChange = [...(hooks.beforeChange ?? []), endSessionsOnDisable]
  hooks.afterOperation = [...(hooks.afterOperation ?? []), noSessionForDisabled]
  // Before Payload's own endpoints, as the two-factor ones.
  users.endpoints = [...sessionEndpoints, ...(users.endpoints || [])]
  const onInit = config.onInit
  config.onInit = async (payload) => {
    refuseDisabledUsers(payload)
    if (onInit) await onInit(payload)
  }
  return config
}
