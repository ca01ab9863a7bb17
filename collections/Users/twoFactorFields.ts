import type { Field, FieldAccess } from 'payload'

import { adminsOrSelfField, nobodyField } from '@/access'
import { userLabels } from '@/i18n/fieldLabels'

/** Hidden from every API and the admin, unreadable and unwritable by any client: only the server's own writes (overrideAccess) set them. */
const closed: { read: FieldAccess; create: FieldAccess; update: FieldAccess } = { read: nobodyField, create: nobodyField, update: nobodyField }

/**
 * Two-factor sign-in (src/auth/twoFactor*.ts). The secret is stored encrypted, recovery codes as
 * HMACs; neither is ever returned. Only whether (and since when) it is on is shown, to the user and
 * to admins, with the actions next to it (src/components/admin/TwoFactorField.tsx).
 */
export const twoFactorFields: Field[] = [
  {
    name: 'twoFactorEnabledAt',
    label: userLabels.twoFactor,
    type: 'date',
    access: { read: adminsOrSelfField, create: nobodyField, update: nobodyField },
    admin: {
      readOnly: true,
      position: 'sidebar',
      components: { Field: '/src/components/admin/TwoFactorField#TwoFactorField' },
    },
  },
  { name: 'twoFactorSecret', type: 'text', hidden: true, access: closed },
  { name: 'twoFactorPendingSecret', type: 'text', hidden: true, access: closed },
  { name: 'twoFactorRecoveryCodes', type: 'json', hidden: true, access: closed },
  { name: 'twoFactorLastStep', type: 'number', hidden: true, access: closed },
]
