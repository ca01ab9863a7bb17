/** The three staff roles. Anyone without a user is an anonymous reader. */
export const ROLES = ['contributor', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export type UserLike = { id: string | number; roles?: Role[] | null; collection?: string } | null | undefined

export const hasRole = (user: UserLike, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((role) => roles.includes(role)))

export const isAdminUser = (user: UserLike): boolean => hasRole(user, 'admin')
export const isEditorUser = (user: UserLike): boolean => hasRole(user, 'editor', 'admin')
export const isStaffUser = (user: UserLike): boolean => hasRole(user, 'contributor', 'editor', 'admin')
