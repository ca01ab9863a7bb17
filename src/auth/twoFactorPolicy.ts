/**
 * Who must use two-factor sign-in (REQUIRE_2FA_ROLES), and whether a signed-in user still has to set
 * it up. No Payload imports: the admin's components and the access rules read it too.
 *
 * REQUIRE_2FA_ROLES: a comma-separated list of roles. Unset: `editor,admin` in production, nobody in
 * development and tests (the seed's demo accounts sign in with a password). Set but empty: nobody,
 * in production too (demos: scripts/setup.sh writes it so).
 */
import { ROLES, type Role } from '@/access/roles'

export const DEFAULT_REQUIRED_ROLES: Role[] = ['editor', 'admin']

type Env = Record<string, string | undefined>

export function requiredTwoFactorRoles(env: Env = process.env): Role[] {
  const value = env.REQUIRE_2FA_ROLES
  if (value === undefined) return env.NODE_ENV === 'production' ? [...DEFAULT_REQUIRED_ROLES] : []
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = names.filter((name) => !(ROLES as readonly string[]).includes(name))
  if (unknown.length) {
    throw new Error(`REQUIRE_2FA_ROLES names an unknown role: ${unknown.join(', ')} (the roles are ${ROLES.join(', ')}).`)
  }
  return [...new Set(names)] as Role[]
}

export type TwoFactorUser = { roles?: readonly string[] | null; twoFactorEnabledAt?: string | Date | null } | null | undefined

export const hasTwoFactor = (user: TwoFactorUser): boolean => Boolean(user?.twoFactorEnabledAt)

/** Whether one of the user's roles requires a second factor. */
export function isTwoFactorRequired(user: TwoFactorUser, env: Env = process.env): boolean {
  const required = requiredTwoFactorRoles(env)
  return Boolean(user?.roles?.some((role) => (required as string[]).includes(role)))
}

/** Signed in with a password only while their role requires a second factor: they may only set it up. */
export const isTwoFactorPending = (user: TwoFactorUser, env: Env = process.env): boolean =>
  Boolean(user) && !hasTwoFactor(user) && isTwoFactorRequired(user, env)

export const PENDING_MESSAGE =
  'Two-factor sign-in is required for your role: set it up in the admin (/admin/two-factor) before you do anything else.'
