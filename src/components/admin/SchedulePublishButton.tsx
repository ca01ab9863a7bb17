'use client'
import { PublishButton, useDocumentInfo } from '@payloadcms/ui'
import type { PublishButtonClientProps } from 'payload'
import React, { useEffect } from 'react'

import { scheduleDefaultType } from './schedulePublishDefault'

/**
 * Payload's own Publish button, whose Schedule drawer opens on "Publish" for a document that was never
 * published (src/components/admin/schedulePublishDefault.ts). A never-published document's draft is,
 * truly, a version not yet published: counting it is what makes Payload's drawer choose Publish. The
 * count is read only by the Publish button and the status ("Draft" whenever nothing is published).
 */
export function SchedulePublishButton(props: PublishButtonClientProps & { label?: string }) {
  const { id, hasPublishedDoc, unpublishedVersionCount, setUnpublishedVersionCount } = useDocumentInfo()
  const wanted = scheduleDefaultType({ hasPublishedDoc, unpublishedVersionCount })
  const payloadWouldPick = unpublishedVersionCount > 0 ? 'publish' : 'unpublish'
  useEffect(() => {
    if (id && wanted !== payloadWouldPick) setUnpublishedVersionCount(1)
  }, [id, wanted, payloadWouldPick, setUnpublishedVersionCount])
  return <PublishButton label={props.label} />
}
