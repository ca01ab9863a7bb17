import type { CollectionConfig } from 'payload'

import { slugField } from '@/fields/slug'
import { currentPosition, positionErrors, type Position } from '@/lib/positions'
import { editorialAccess, editorialEndpoints, editorialHooks, editorialVersions } from '@/workflow/editorialCollection'

import { checkHeadsOfAgency } from './hooks/checkHeadsOfAgency'

export const Officials: CollectionConfig = {
  slug: 'officials',
  access: editorialAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'rank', 'currentTitle', '_status'],
    group: 'Directory',
  },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, maxLength: 200 },
    slugField({ from: 'name', localized: false }),
    { name: 'rank', type: 'text', localized: true, maxLength: 120, admin: { description: 'e.g. Colonel-General' } },
    { name: 'portrait', type: 'upload', relationTo: 'media' },
    { name: 'biography', type: 'richText', localized: true },
    {
      name: 'positions',
      type: 'array',
      labels: { singular: 'Position', plural: 'Positions held' },
      admin: { description: 'Every post held, with dates. Leave the end date empty for a post held now.' },
      validate: (rows: unknown) => {
        const errors = positionErrors((rows as Position[] | null) ?? [])
        return errors.length ? errors.join(' ') : true
      },
      fields: [
        { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
        { name: 'agency', type: 'relationship', relationTo: 'agencies', required: true },
        {
          type: 'row',
          fields: [
            { name: 'startDate', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
            { name: 'endDate', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
          ],
        },
        {
          name: 'headOfAgency',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'A post one person holds at a time (minister, chief of service).' },
        },
      ],
    },
    {
      name: 'currentTitle',
      type: 'text',
      virtual: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Derived from the positions held now.' },
      hooks: {
        afterRead: [({ siblingData }) => currentPosition(siblingData?.positions as Position[])?.title ?? null],
      },
    },
  ],
  hooks: { ...editorialHooks, beforeValidate: [checkHeadsOfAgency] },
  endpoints: editorialEndpoints,
  versions: editorialVersions,
}
