import type { CollectionConfig } from 'payload'

import { admins, nobody } from '@/access'
import { collectionLabels, commonLabels, navGroups, removedReleaseLabels as L } from '@/i18n/fieldLabels'

/**
 * Addresses of releases that were public and then deleted (published in error). The public site
 * answers them with 410 Gone instead of 404, so readers and search engines learn they were removed
 * on purpose. Written only by the Releases delete hook.
 */
export const RemovedReleases: CollectionConfig = {
  slug: 'removed-releases',
  labels: collectionLabels.removedReleases,
  access: {
    create: nobody,
    read: admins,
    update: nobody,
    delete: admins,
  },
  admin: {
    useAsTitle: 'slug',
    defaultColumns: ['slug', 'locale', 'title', 'removedAt'],
    group: navGroups.administration,
    description: L.description,
  },
  fields: [
    { name: 'slug', label: commonLabels.slug, type: 'text', required: true, index: true },
    { name: 'locale', label: L.locale, type: 'text' },
    { name: 'title', label: commonLabels.title, type: 'text' },
    { name: 'removedAt', label: L.removedAt, type: 'date', required: true },
  ],
}
