import type { Field } from 'payload'

import { adminsField, adminsOrSelfField } from '@/access'
import { userLabels as L } from '@/i18n/fieldLabels'

/**
 * Sessions and disabling an account (src/auth/sessions.ts). `disabled` is set by admins only and read
 * by admins and the user themself; turning it on ends the user's sessions in the same write and
 * refuses their sign-in. The sessions list (no column: a UI field) shows the user and admins each
 * session with "End" and "Sign out everywhere else" (src/components/admin/SessionsField.tsx).
 */
export const sessionFields: Field[] = [
  {
    name: 'disabled',
    label: L.disabled,
    type: 'checkbox',
    defaultValue: false,
    access: { read: adminsOrSelfField, create: adminsField, update: adminsField },
    admin: { position: 'sidebar', description: L.disabledDescription },
  },
  {
    name: 'sessionsList',
    label: L.sessions,
    type: 'ui',
    admin: { components: { Field: '/src/components/admin/SessionsField#SessionsField' } },
  },
]
