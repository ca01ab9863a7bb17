import type { CollectionConfig } from 'payload'

import { slugField } from '@/fields/slug'
import { agencyLabels as L, collectionLabels, commonLabels, navGroups } from '@/i18n/fieldLabels'
import { editorialAccess, editorialEndpoints, editorialHooks, editorialVersions } from '@/workflow/editorialCollection'

export const AGENCY_KINDS = [
  { label: L.kindMinistry, value: 'ministry' },
  { label: L.kindStateService, value: 'state-service' },
  { label: L.kindStructuralUnit, value: 'structural-unit' },
  { label: L.kindInternational, value: 'international-organisation' },
  { label: L.kindMediaOutlet, value: 'media-outlet' },
  { label: L.kindOtherStateBody, value: 'other-state-body' },
] as const

export const Agencies: CollectionConfig = {
  slug: 'agencies',
  labels: collectionLabels.agencies,
  access: editorialAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'kind', 'parent', '_status'],
    group: navGroups.directory,
  },
  fields: [
    { name: 'name', label: L.name, type: 'text', localized: true, required: true, maxLength: 200 },
    { name: 'shortName', label: L.shortName, type: 'text', localized: true, maxLength: 20, admin: { description: L.shortNameDescription } },
    slugField({ from: 'name', localized: false }),
    { name: 'kind', label: L.kind, type: 'select', required: true, options: [...AGENCY_KINDS], index: true },
    {
      name: 'parent',
      label: L.parent,
      type: 'relationship',
      relationTo: 'agencies',
      admin: { description: L.parentDescription },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'website',
      label: L.website,
      type: 'text',
      validate: (value: unknown) =>
        value == null || value === '' || /^https?:\/\/[^\s]+$/i.test(String(value)) || 'A website must start with http:// or https://',
    },
    { name: 'logo', label: L.logo, type: 'upload', relationTo: 'media' },
    { name: 'description', label: L.description, type: 'textarea', localized: true },
    {
      name: 'contacts',
      label: L.contacts,
      type: 'group',
      fields: [
        { name: 'address', label: L.address, type: 'textarea', localized: true },
        { name: 'phone', label: L.phone, type: 'text' },
        { name: 'email', label: commonLabels.email, type: 'email' },
      ],
    },
  ],
  hooks: editorialHooks,
  endpoints: editorialEndpoints,
  versions: editorialVersions,
}
