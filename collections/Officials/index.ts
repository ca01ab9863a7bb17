import type { CollectionConfig } from 'payload'

import { slugField } from '@/fields/slug'
import { collectionLabels, commonLabels, navGroups, officialLabels as L } from '@/i18n/fieldLabels'
import { currentPosition, positionErrors, type Position } from '@/lib/positions'
import { editorialAccess, editorialEndpoints, editorialHooks, editorialVersions } from '@/workflow/editorialCollection'

import { checkHeadsOfAgency } from './hooks/checkHeadsOfAgency'

export const Officials: CollectionConfig = {
  slug: 'officials',
  labels: collectionLabels.officials,
  access: editorialAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'rank', 'currentTitle', '_status'],
    group: navGroups.directory,
  },
  fields: [
    { name: 'name', label: L.name, type: 'text', localized: true, required: true, maxLength: 200 },
    slugField({ from: 'name', localized: false }),
    { name: 'rank', label: L.rank, type: 'text', localized: true, maxLength: 120, admin: { description: L.rankDescription } },
    { name: 'portrait', label: L.portrait, type: 'upload', relationTo: 'media' },
    { name: 'biography', label: L.biography, type: 'richText', localized: true },
    {
      name: 'positions',
      label: L.positions,
      type: 'array',
      labels: { singular: L.position, plural: L.positionsHeld },
      admin: { description: L.positionsDescription },
      validate: (rows: unknown) => {
        const errors = positionErrors((rows as Position[] | null) ?? [])
        return errors.length ? errors.join(' ') : true
      },
      fields: [
        { name: 'title', label: L.positionTitle, type: 'text', localized: true, required: true, maxLength: 200 },
        { name: 'agency', label: commonLabels.agency, type: 'relationship', relationTo: 'agencies', required: true },
        {
          type: 'row',
          fields: [
            { name: 'startDate', label: L.startDate, type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
            { name: 'endDate', label: L.endDate, type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
          ],
        },
        {
          name: 'headOfAgency',
          label: L.headOfAgency,
          type: 'checkbox',
          defaultValue: false,
          admin: { description: L.headOfAgencyDescription },
        },
      ],
    },
    {
      name: 'currentTitle',
      label: L.currentTitle,
      type: 'text',
      virtual: true,
      admin: { readOnly: true, position: 'sidebar', description: L.currentTitleDescription },
      hooks: {
        afterRead: [({ siblingData }) => currentPosition(siblingData?.positions as Position[])?.title ?? null],
      },
    },
  ],
  hooks: { ...editorialHooks, beforeValidate: [checkHeadsOfAgency] },
  endpoints: editorialEndpoints,
  versions: editorialVersions,
}
