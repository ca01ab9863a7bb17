import type { CollectionConfig } from 'payload'

import { admins, adminsField, adminsOrSelf, adminsOrSelfField, ROLES, staffReadUsers } from '@/access'
import { isProduction, loginLockMs, loginMaxAttempts, passwordResetMs } from '@/config/env'
import { collectionLabels, commonLabels, navGroups, roleLabels, userLabels as L } from '@/i18n/fieldLabels'
import { forgotPasswordEndpoint } from '@/email/passwordReset'
import { refuseResetWithoutEmail } from './hooks/refuseResetWithoutEmail'
import { rememberAdminLanguage } from './hooks/rememberAdminLanguage'
import { twoFactorFields } from './twoFactorFields'
import { sessionFields } from './sessionFields'
import { forgetSuccessfulAttempt, guardSignIn } from './hooks/signIn'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: collectionLabels.users,
  access: {
    admin: ({ req }) => Boolean(req.user),
    create: admins,
    // Staff read each other, by name only: every other field is readable by admins and its owner.
    read: staffReadUsers,
    update: adminsOrSelf,
    delete: admins,
    unlock: admins,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: navGroups.administration,
  },
  hooks: { beforeOperation: [refuseResetWithoutEmail, guardSignIn], afterLogin: [rememberAdminLanguage, forgetSuccessfulAttempt] },
  // "Forgot password": the same answer for every address, the message sent after it (src/email/passwordReset.ts).
  endpoints: [forgotPasswordEndpoint],
  auth: {
    // Lockout and reset-link lifetimes: see docs/CONFIGURATION.md, "Sign-in security" (LOGIN_MAX_ATTEMPTS, LOGIN_LOCK_MINUTES, PASSWORD_RESET_MINUTES).
    maxLoginAttempts: loginMaxAttempts(),
    lockTime: loginLockMs(),
    tokenExpiration: 8 * 60 * 60,
    forgotPassword: { expiration: passwordResetMs() },
    // The session cookie (payload-token, always HttpOnly): in production sent over https only
    // (browsers make an exception for http://localhost, where the end-to-end tests run); from other
    // sites only on a top-level navigation (Lax).
    cookies: { secure: isProduction(), sameSite: 'Lax' },
  },
  fields: [
    // Staff know each other by name (submitter, reviewer, lock holder): only admins set names.
    { name: 'name', label: L.name, type: 'text', required: true, maxLength: 120, access: { update: adminsField } },
    // Payload's own email field (merged with its auth field), readable by admins and its owner only.
    { name: 'email', label: commonLabels.email, type: 'email', access: { read: adminsOrSelfField } },
    {
      name: 'roles',
      label: L.roles,
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['contributor'],
      options: ROLES.map((role) => ({ label: roleLabels[role], value: role })),
      saveToJWT: true,
      access: { read: adminsOrSelfField, create: adminsField, update: adminsField },
      admin: { description: L.rolesDescription },
    },
    // Two-factor sign-in; its checks, endpoints and session rule are added by withTwoFactor (src/auth/twoFactorConfig.ts).
    ...twoFactorFields,
    // Disabling an account, and its sessions listed to end; hooks and endpoints: withSessions (src/auth/sessionsConfig.ts).
    ...sessionFields,
  ],
}
