import type { CollectionConfig } from 'payload'

import { admins, publishedOrStaff, staff, staffButOnlyEditorsPublish } from '@/access'
import { requireAltTextToPublish } from '@/media/altTextGate'
import { collectionLabels, navGroups, releaseLabels } from '@/i18n/fieldLabels'
import { mediaVisibilityHooks } from '@/media/visibility'
import { removeFromSearchAfterDelete, syncSearchAfterChange } from '@/search/hooks'
import { revalidateAfterChange, revalidateAfterDelete } from '@/site/revalidate'
import { rememberDraftArg } from '@/workflow/draftArg'
import { restoreAsDraftEndpoint } from '@/workflow/restoreAsDraft'
import { restoreKeepsPublicCopy } from '@/workflow/restoreKeepsPublicCopy'

import { changes, content, importSource, relations, releaseSlug, withdrawal, workflow } from './fields'
import { enforceWorkflow } from './hooks/enforceWorkflow'
import { recordRemoval } from './hooks/recordRemoval'

export const Releases: CollectionConfig = {
  slug: 'releases',
  labels: collectionLabels.releases,
  access: {
    create: staffButOnlyEditorsPublish,
    read: publishedOrStaff,
    readVersions: staff,
    update: staffButOnlyEditorsPublish,
    delete: admins,
  },
  // A copy would be a new text whose only recorded writer is whoever copied it: no duplicating.
  disableDuplicate: true,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'type', 'publishedAt', 'workflow.state', '_status'],
    listSearchableFields: ['title', 'lead'],
    group: navGroups.content,
    // Publish asks first what publishing needs (minor or major, the note, a reason): src/components/admin/ReleasePublishButton.tsx
    components: {
      edit: {
        PublishButton: '/src/components/admin/ReleasePublishButton#ReleasePublishButton',
        // Leaving a release gives up one's lock (Payload keeps it 5 minutes otherwise).
        beforeDocumentControls: ['/src/components/admin/ReleaseLockOnLeave#ReleaseLockOnLeave'],
      },
    },
  },
  // Public lists read published releases newest first (REST without a sort: newest created first).
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }, { fields: ['_status', 'createdAt'] }],
  fields: [
    {
      type: 'tabs',
      tabs: [
        { label: releaseLabels.tabContent, fields: content },
        { label: releaseLabels.tabRelations, fields: relations },
        { label: releaseLabels.tabChanges, fields: [...changes, withdrawal] },
      ],
    },
    releaseSlug,
    workflow,
    importSource,
  ],
  hooks: {
    beforeOperation: [rememberDraftArg],
    beforeChange: [restoreKeepsPublicCopy, enforceWorkflow, requireAltTextToPublish, ...mediaVisibilityHooks.beforeChange],
    // The search index and photo visibility first: the page purge must not let a page render from stale ones.
    afterChange: [syncSearchAfterChange, ...mediaVisibilityHooks.afterChange, revalidateAfterChange],
    beforeDelete: [recordRemoval],
    afterDelete: [removeFromSearchAfterDelete, ...mediaVisibilityHooks.afterDelete, revalidateAfterDelete],
  },
  endpoints: [restoreAsDraftEndpoint],
  versions: {
    drafts: {
      autosave: { interval: 2000 },
      schedulePublish: true,
      // Validated so that "Create New" left alone saves nothing (Payload creates an autosaved document
      // on opening otherwise); what a draft needs: src/fields/draftRequirements.ts.
      validate: true,
    },
    maxPerDoc: 100,
  },
}
