import type { CollectionConfig } from 'payload'

import { slugField } from '@/fields/slug'
import { editorialAccess, editorialHooks, editorialVersions } from '@/workflow/editorialCollection'

export const Galleries: CollectionConfig = {
  slug: 'galleries',
  access: editorialAccess,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'date', 'agency', '_status'],
    group: 'Media',
  },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, maxLength: 300 },
    slugField(),
    { name: 'date', type: 'date', index: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' } } },
    { name: 'agency', type: 'relationship', relationTo: 'agencies', admin: { position: 'sidebar' } },
    {
      name: 'images',
      type: 'array',
      labels: { singular: 'Image', plural: 'Images' },
      admin: { description: 'Drag to reorder.' },
      fields: [
        { name: 'image', type: 'upload', relationTo: 'media', required: true },
        {
          name: 'caption',
          type: 'textarea',
          localized: true,
          admin: { description: 'Leave empty to use the image’s own caption.' },
        },
      ],
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: 'media',
      admin: { position: 'sidebar', description: 'Shown in lists. Defaults to the first image.' },
    },
  ],
  hooks: editorialHooks,
  versions: editorialVersions,
}
