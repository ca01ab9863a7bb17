import type { CollectionConfig } from 'payload'

import { admins, nobody } from '@/access'

/**
 * Addresses of releases that were public and then deleted (published in error). The public site
 * answers them with 410 Gone instead of 404, so readers and search engines learn they were removed
 * on purpose. Written only by the Releases delete hook.
 */
export const RemovedReleases: CollectionConfig = {
  slug: 'removed-releases',
  access: {
    create: nobody,
    read: admins,
    update: nobody,
    delete: admins,
  },
  admin: {
    useAsTitle: 'slug',
    defaultColumns: ['slug', 'locale', 'title', 'removedAt'],
    group: 'Administration',
    description: 'Web addresses of deleted releases. They answer “410 Gone”. Delete a row to let the address be reused.',
  },
  fields: [
    { name: 'slug', type: 'text', required: true, index: true },
    { name: 'locale', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'removedAt', type: 'date', required: true },
  ],
}
