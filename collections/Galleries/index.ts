import type { CollectionConfig } from 'payload'

import { LIST_TITLE_CELL, listTitleField } from '@/components/admin/listTitle'
import { titleToCreateOrPublish } from '@/fields/draftRequirements'
import { slugField } from '@/fields/slug'
import { collectionLabels, commonLabels, galleryLabels as L, navGroups } from '@/i18n/fieldLabels'
import { editorialAccess, editorialEndpoints, editorialHooks, editorialVersions } from '@/workflow/editorialCollection'

import { dateOnPublish } from './hooks/dateOnPublish'

const versions = typeof editorialVersions === 'object' ? editorialVersions : {}

export const Galleries: CollectionConfig = {
  slug: 'galleries',
  labels: collectionLabels.galleries,
  access: editorialAccess,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'date', 'agency', '_status'],
    group: navGroups.media,
  },
  fields: [
    {
      name: 'title',
      label: commonLabels.title,
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
      label: commonLabels.date,
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly' },
        description: L.dateDescription,
      },
    },
    { name: 'agency', label: commonLabels.agency, type: 'relationship', relationTo: 'agencies', admin: { position: 'sidebar' } },
    {
      name: 'photos',
      label: L.photos,
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      admin: {
        isSortable: true,
        description: L.photosDescription,
      },
    },
    {
      name: 'cover',
      label: L.cover,
      type: 'upload',
      relationTo: 'media',
      admin: { position: 'sidebar', description: L.coverDescription },
    },
  ],
  hooks: { ...editorialHooks, beforeChange: [...editorialHooks.beforeChange, dateOnPublish] },
  endpoints: editorialEndpoints,
  // Drafts are validated (a title): with autosave, Payload's "Create New" otherwise saves an empty
  // gallery the moment it opens; with `validate` it waits for the first Save draft.
  versions: { ...versions, drafts: { ...(typeof versions.drafts === 'object' ? versions.drafts : {}), validate: true } },
}
