import type { CollectionConfig } from 'payload'

import { admins, adminsField, adminsOrSelf, adminsOrSelfField, ROLES, staffReadUsers } from '@/access'
import { isProduction, loginLockMs, loginMaxAttempts, passwordResetMs } from '@/config/env'
import { refuseResetWithoutEmail } from './hooks/refuseResetWithoutEmail'

export const Users: CollectionConfig = {
  slug: 'users',
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
    group: 'Administration',
  },
  hooks: { beforeOperation: [refuseResetWithoutEmail] },
  auth: {
    // Lockout and reset-link lifetimes: see README "Sign-in security" (LOGIN_MAX_ATTEMPTS, LOGIN_LOCK_MINUTES, PASSWORD_RESET_MINUTES).
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
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    // Payload's own email field (merged with its auth field), readable by admins and its owner only.
    { name: 'email', type: 'email', access: { read: adminsOrSelfField } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['contributor'],
      options: ROLES.map((role) => ({ label: role[0]!.toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      access: { read: adminsOrSelfField, create: adminsField, update: adminsField },
      admin: { description: 'Contributors write and submit; editors review and publish; admins manage users and delete.' },
    },
  ],
}
