import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { isEditorUser, type UserLike } from '@/access'
import { PublicError } from '@/lib/errors'
import { inOwnLocale } from '@/lib/reqLocale'
import { IMAGE_FIELDS } from '@/media/usage'

export const SHOWN_PHOTO_MESSAGE = 'This photo is on a published page: an editor must change it.'

/**
 * A photo a published document shows is part of that page: changing it (caption, alt text or credit
 * in any language, focal point, the file) changes what readers see, so only an editor may, like
 * publishing the page. Media update access (`staffButOnlyEditorsChangeShownPhotos`) is the rule;
 * this hook runs first so a refused save says why (the admin shows it) and no uploaded file is
 * decoded for nothing. By id and in bulk (`PATCH /api/media?where=…`): one shown photo refuses all.
 */
export const refuseChangesToShownPhotos: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const { id, where, overrideAccess } = args as { id?: string | number; where?: Where; overrideAccess?: boolean }
  if (operation !== 'update' || overrideAccess === true || !req.user || isEditorUser(req.user as UserLike)) return args
  const target: Where | undefined = id !== undefined ? { id: { equals: id } } : where
  if (!target) return args
  const { totalDocs } = await req.payload.count({
    collection: 'media',
    where: { and: [target, { inPublishedUse: { equals: true } }] },
    // As the user: the client's `where` is checked as any query of theirs is.
    overrideAccess: false,
    req,
  })
  if (totalDocs > 0) throw new PublicError('PhotoOnPublishedPage', SHOWN_PHOTO_MESSAGE, 403)
  if (await inReleaseAwaitingReview(req, target)) throw new PublicError('PhotoAwaitingReview', AWAITING_REVIEW_MESSAGE, 403)
  return args
}

export const AWAITING_REVIEW_MESSAGE =
  'This photo is in a release waiting for review: an editor may be looking at it. Set the release back to draft to change the photo, then submit it again.'

/**
 * A photo of a release submitted for review (its hero or in its gallery) is part of what the editor reviews: changed then, the
 * editor's publish would put out a photo they never saw. Back in draft the release needs submitting
 * again, and a publish from a page opened before that is refused (releaseWorkflow: changedSinceSeen).
 */
async function inReleaseAwaitingReview(req: PayloadRequest, target: Where): Promise<boolean> {
  const { docs } = await req.payload.find({ collection: 'media', where: target, overrideAccess: false, req, depth: 0, limit: 100, select: {} })
  const ids = docs.map((doc) => doc.id)
  if (ids.length === 0) return false
  // The release's gallery is part of what the reviewer sees (as the scheduled-publish check counts it).
  const { docs: galleries } = await inOwnLocale(req, () =>
    req.payload.find({ collection: 'galleries', where: { photos: { in: ids } }, draft: true, overrideAccess: true, req, depth: 0, limit: 100, select: {} }),
  )
  const shownBy = [
    ...IMAGE_FIELDS.releases.map((field) => ({ [field]: { in: ids } })),
    ...(galleries.length ? [{ gallery: { in: galleries.map((gallery) => gallery.id) } }] : []),
  ]
  const { totalDocs } = await inOwnLocale(req, () =>
    req.payload.find({
      collection: 'releases',
      where: { and: [{ or: shownBy }, { 'workflow.state': { equals: 'in_review' } }] },
      draft: true,
      overrideAccess: true,
      req,
      depth: 0,
      limit: 1,
      select: {},
    }),
  )
  return totalDocs > 0
}
