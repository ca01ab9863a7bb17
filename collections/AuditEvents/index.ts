import type { CollectionConfig } from 'payload'

import { admins, nobody } from '@/access'
import { AUDIT_ACTION_OPTIONS } from '@/audit/actions'
import { exportCsvEndpoint } from '@/audit/exportCsv'

const readOnly = { readOnly: true } as const

/**
 * The audit log: who did what, when, from where, to which document. Append-only: no client creates,
 * changes or deletes a record, whatever its role and whichever way it comes in (REST, GraphQL, the
 * local API with a user); the server writes each record in the transaction of the change it records
 * (src/audit/record.ts, src/audit/hooks.ts). No versions, no trash, no GraphQL mutations: nothing to
 * restore or rewrite a record through. Admins read it, filter it and export it as CSV. Old records
 * are removed only by AUDIT_RETENTION_DAYS (src/audit/retention.ts).
 */
export const AuditEvents: CollectionConfig = {
  slug: 'audit-events',
  access: {
    read: admins,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  admin: {
    group: 'Administration',
    useAsTitle: 'action',
    defaultColumns: ['when', 'action', 'whoName', 'targetCollection', 'targetTitle', 'clientAddress'],
    description: 'Who did what, and when: sign-ins, account changes, publishing, deletions. Records cannot be changed or deleted.',
    disableCopyToLocale: true,
    components: { beforeListTable: ['/src/components/admin/AuditExportButton#AuditExportButton'] },
  },
  defaultSort: '-when',
  disableDuplicate: true,
  lockDocuments: false,
  graphQL: { disableMutations: true },
  indexes: [{ fields: ['targetCollection', 'targetId'] }],
  endpoints: [exportCsvEndpoint],
  fields: [
    { name: 'action', type: 'select', required: true, index: true, options: AUDIT_ACTION_OPTIONS, admin: readOnly },
    { name: 'who', type: 'relationship', relationTo: 'users', index: true, admin: readOnly },
    { name: 'whoName', label: 'Who (name then)', type: 'text', admin: readOnly },
    { name: 'when', type: 'date', required: true, index: true, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'clientAddress', type: 'text', admin: readOnly },
    { name: 'targetCollection', label: 'Collection', type: 'text', index: true, admin: readOnly },
    { name: 'targetId', label: 'Document ID', type: 'text', index: true, admin: readOnly },
    { name: 'targetTitle', label: 'Document title (then)', type: 'text', admin: readOnly },
    { name: 'detail', type: 'json', admin: readOnly },
  ],
}
