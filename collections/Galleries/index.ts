import type { CollectionConfig } from 'payload'

import { LIST_TITLE_CELL, listTitleField } from '@/components/admin/listTitle'
import { titleToCreateOrPublish } from '@/fields/draftRequirements'
import { slugField } from '@/fields/slug'
import { editorialAccess, editorialEndpoints, editorialHooks, editorialVersions } from '@/workflow/editorialCollection'

import { dateOnPublish } from './hooks/dateOnPublish'

const versions = typeof editorialVersions === 'object' ? editorialVersions : {}

export const Galleries: CollectionConfig = {
  slug: 'galleries',
  access: editorialAccess,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'date', 'agency', '_status'],
    group: 'Media',
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      localized: true,
      required: true,
      maxLength: 300,
      validate: titleToCreateOrPublish,
      // In a language without a title, the list shows the one that exists, marked: "[en] Title".
      admin: { components: { Cell: LIST_TITLE_CELL } },
    },
    listTitleField('galleries'),
    slugField(),
    {
      name: 'date',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly' },
        description: {
          az: 'Boş qalsa, qalereyanın dərc olunduğu gün olur.',
          en: 'Left empty, it becomes the day the gallery is published.',
          ru: 'Если оставить пустым, будет дата публикации галереи.',
        },
      },
    },
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
  hooks: { ...editorialHooks, beforeChange: [...editorialHooks.beforeChange, dateOnPublish] },
  endpoints: editorialEndpoints,
  // Drafts are validated (a title): with autosave, Payload's "Create New" otherwise saves an empty
  // gallery the moment it opens; with `validate` it waits for the first Save draft.
  versions: { ...versions, drafts: { ...(typeof versions.drafts === 'object' ? versions.drafts : {}), validate: true } },
}
