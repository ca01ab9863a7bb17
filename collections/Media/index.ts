import type { CollectionConfig, ImageSize } from 'payload'

import {
  adminsField,
  editors,
  isAdminUser,
  nobodyField,
  staff,
  staffButOnlyEditorsChangeShownPhotos,
  staffField,
  staffOrShownPublicly,
  type UserLike,
} from '@/access'
import { mediaDir } from '@/config/env'
import { collectionLabels, mediaLabels as L, navGroups } from '@/i18n/fieldLabels'
import { mediaFileAccessEndpoint } from '@/media/fileAccess'
import { ACCEPTED_TYPES } from '@/media/inspect'
import { revalidateAfterChange, revalidateAfterDelete } from '@/site/revalidate'

import { guardDeleteInUse } from './hooks/guardDeleteInUse'
import { guardSharedFiles } from './hooks/guardSharedFiles'
import { prepareUpload } from './hooks/prepareUpload'
import { refuseChangesToShownPhotos } from './hooks/refuseChangesToShownPhotos'
import { refuseServerFileFields } from './hooks/refuseServerFileFields'

/**
 * Each size exists twice: WebP for every current browser and the original format as the fallback
 * (`<picture>` picks). WebP effort 2: several times faster than the default 4 for a few per cent more
 * bytes. AVIF is not generated: see bench/image-pipeline.ts for the measurement.
 */
const sized = (size: ImageSize): ImageSize[] => [
  { ...size, generateImageName: fileOfSize },
  { ...size, name: `${size.name}Webp`, formatOptions: { format: 'webp', options: { quality: 80, effort: 2 } }, generateImageName: fileOfSize },
]

/**
 * Payload names a size `name-WxH.ext`: two sizes of one photo with the same dimensions and format (a
 * WebP original's size and its WebP twin; hero and full of a small photo) would be written at once to
 * one file, which could end with the tail of the other encode. The size's name keeps each apart.
 */
function fileOfSize({ originalName, sizeName, width, height, extension }: Parameters<NonNullable<ImageSize['generateImageName']>>[0]): string {
  return `${originalName}-${sizeName}-${width}x${height}.${extension}`
}

export const MEDIA_SIZES = ['thumbnail', 'card', 'hero', 'full'] as const

export const Media: CollectionConfig = {
  slug: 'media',
  labels: collectionLabels.media,
  access: {
    create: staff,
    read: staffOrShownPublicly,
    update: staffButOnlyEditorsChangeShownPhotos,
    delete: editors,
  },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'alt', 'credit', 'dateTaken', 'updatedAt'],
    group: navGroups.media,
    description: L.description,
  },
  fields: [
    {
      name: 'alt',
      label: L.alt,
      type: 'text',
      localized: true,
      required: true,
      maxLength: 300,
      admin: {
        description: L.altDescription,
      },
    },
    { name: 'caption', label: L.caption, type: 'textarea', localized: true, maxLength: 1000 },
    { name: 'credit', label: L.credit, type: 'text', maxLength: 200, admin: { description: L.creditDescription } },
    {
      name: 'dateTaken',
      label: L.dateTaken,
      type: 'date',
      admin: { description: L.dateTakenDescription, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'usedIn',
      label: L.usedIn,
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/components/admin/MediaUsage#MediaUsage' } },
    },
    {
      name: 'inPublishedUse',
      label: L.inPublishedUse,
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: nobodyField, update: nobodyField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: L.inPublishedUseDescription,
      },
    },
    {
      name: 'deleteWhileInUse',
      label: L.deleteWhileInUse,
      type: 'checkbox',
      access: { read: staffField, update: adminsField },
      admin: {
        position: 'sidebar',
        description: L.deleteWhileInUseDescription,
        condition: (_data, _sibling, { user }) => isAdminUser(user as UserLike),
      },
    },
  ],
  // A duplicate's files are named by Payload alone (`X-1.jpg`, sizes `X-1-…`), past prepareUpload's
  // unique names (src/media/fileNames.ts): they could be another photo's files. Upload it again.
  disableDuplicate: true,
  endpoints: [mediaFileAccessEndpoint],
  hooks: {
    // The refusals first: a refused replacement file is never decoded. File fields are the server's
    // (refuseServerFileFields): a record cannot be pointed at another file, and a create carries its file.
    beforeOperation: [refuseServerFileFields, refuseChangesToShownPhotos, prepareUpload],
    // guardSharedFiles: Payload deletes every file the record names, even one another record names.
    beforeDelete: [guardDeleteInUse, guardSharedFiles],
    afterChange: [revalidateAfterChange],
    afterDelete: [revalidateAfterDelete],
  },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: [...ACCEPTED_TYPES],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      ...sized({ name: 'thumbnail', width: 400, height: 300, position: 'centre' }),
      ...sized({ name: 'card', width: 800, height: 450 }),
      ...sized({ name: 'hero', width: 1600, withoutEnlargement: true }),
      ...sized({ name: 'full', width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true }),
      { name: 'og', width: 1200, height: 630, formatOptions: { format: 'jpeg', options: { quality: 82 } } },
    ],
  },
}
