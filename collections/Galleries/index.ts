import type { CollectionConfig } from 'payload'

import { slugField } from '@/fields/slug'
import { editorialAccess, editorialEndpoints, editorialHooks, editorialVersions } from '@/workflow/editorialCollection'

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
      name: 'photos',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      admin: {
        isSortable: true,
        description:
          'Drop many photos at once (bulk upload) or choose them from the media library; drag to reorder. Caption, credit and alt text belong to each photo.',
      },
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: 'media',
      admin: { position: 'sidebar', description: 'Shown in lists and when shared. Defaults to the first photo.' },
    },
  ],
  hooks: editorialHooks,
  endpoints: editorialEndpoints,
  versions: editorialVersions,
}
