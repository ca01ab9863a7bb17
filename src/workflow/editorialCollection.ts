import type { CollectionConfig } from 'payload'

import { admins, publishedOrStaff, staffButOnlyEditorsPublish } from '@/access'

import { requireAltTextToPublish } from '@/media/altTextGate'
import { mediaVisibilityHooks } from '@/media/visibility'
import { revalidateAfterChange, revalidateAfterDelete } from '@/site/revalidate'

import { rememberDraftArg } from './draftArg'
import { preventContributorPublish } from './preventContributorPublish'
import { restoreAsDraftEndpoint } from './restoreAsDraft'
import { restoreKeepsPublicCopy } from './restoreKeepsPublicCopy'

/**
 * What agencies, officials and galleries share: staff draft (autosaved, versioned), editors
 * publish, the public reads published documents, admins delete. Nothing is published with an
 * image that lacks alt text.
 */
export const editorialAccess: CollectionConfig['access'] = {
  create: staffButOnlyEditorsPublish,
  read: publishedOrStaff,
  readVersions: staffButOnlyEditorsPublish,
  update: staffButOnlyEditorsPublish,
  delete: admins,
}

export const editorialHooks = {
  beforeOperation: [rememberDraftArg],
  beforeChange: [restoreKeepsPublicCopy, preventContributorPublish, requireAltTextToPublish, ...mediaVisibilityHooks.beforeChange],
  // Photos become public before the page purge, so the first fresh render shows them.
  afterChange: [...mediaVisibilityHooks.afterChange, revalidateAfterChange],
  afterDelete: [...mediaVisibilityHooks.afterDelete, revalidateAfterDelete],
} satisfies CollectionConfig['hooks']

export const editorialEndpoints: CollectionConfig['endpoints'] = [restoreAsDraftEndpoint]

export const editorialVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 } },
  maxPerDoc: 50,
}
