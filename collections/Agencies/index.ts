import type { CollectionConfig } from 'payload'

import { slugField } from '@/fields/slug'
import { editorialAccess, editorialEndpoints, editorialHooks, editorialVersions } from '@/workflow/editorialCollection'

export const AGENCY_KINDS = [
  { label: 'Ministry', value: 'ministry' },
  { label: 'State service', value: 'state-service' },
  { label: 'Structural unit', value: 'structural-unit' },
  { label: 'International organisation', value: 'international-organisation' },
  { label: 'Media outlet', value: 'media-outlet' },
  { label: 'Other state body', value: 'other-state-body' },
] as const

export const Agencies: CollectionConfig = {
  slug: 'agencies',
  access: editorialAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'kind', 'parent', '_status'],
    group: 'Directory',
  },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, maxLength: 200 },
    { name: 'shortName', type: 'text', localized: true, maxLength: 20, admin: { description: 'e.g. MIA, SMS' } },
    slugField({ from: 'name', localized: false }),
    { name: 'kind', type: 'select', required: true, options: [...AGENCY_KINDS], index: true },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'agencies',
      admin: { description: 'For a structural unit: the ministry it belongs to.' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'website',
      type: 'text',
      validate: (value: unknown) =>
        value == null || value === '' || /^https?:\/\/[^\s]+$/i.test(String(value)) || 'A website must start with http:// or https://',
    },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'contacts',
      type: 'group',
      fields: [
        { name: 'address', type: 'textarea', localized: true },
        { name: 'phone', type: 'text' },
        { name: 'email', type: 'email' },
      ],
    },
  ],
  hooks: editorialHooks,
  endpoints: editorialEndpoints,
  versions: editorialVersions,
}
