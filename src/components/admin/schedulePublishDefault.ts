/**
 * Payload's Schedule drawer (inside its Publish button) opens on "Unpublish" whenever the document
 * has no draft newer than a published copy (`unpublishedVersionCount === 0`) — also when there is no
 * published copy at all, as on a release that was never published (Payload 3.90,
 * PublishButton: `defaultType={!hasNewerVersions ? 'unpublish' : 'publish'}`). Only a published
 * document without newer changes has anything to unpublish; every other document defaults to Publish.
 */
import type { CollectionConfig } from 'payload'

export type ScheduleType = 'publish' | 'unpublish'

export function scheduleDefaultType({ hasPublishedDoc, unpublishedVersionCount }: { hasPublishedDoc: boolean; unpublishedVersionCount: number }): ScheduleType {
  return hasPublishedDoc && unpublishedVersionCount <= 0 ? 'unpublish' : 'publish'
}

export const SCHEDULE_PUBLISH_BUTTON = '/src/components/admin/SchedulePublishButton#SchedulePublishButton'

/**
 * Admin wiring (payload.config.ts): every collection with scheduled publishing gets the Publish button
 * that opens the drawer on the right choice, unless it sets its own.
 */
export function withScheduleDefault(collection: CollectionConfig): CollectionConfig {
  const drafts = collection.versions && typeof collection.versions === 'object' ? collection.versions.drafts : undefined
  if (!drafts || typeof drafts !== 'object' || !drafts.schedulePublish) return collection
  if (collection.admin?.components?.edit?.PublishButton) return collection
  return {
    ...collection,
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        edit: { ...collection.admin?.components?.edit, PublishButton: SCHEDULE_PUBLISH_BUTTON },
      },
    },
  }
}
