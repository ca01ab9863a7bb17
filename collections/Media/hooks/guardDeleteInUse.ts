import type { CollectionBeforeDeleteHook } from 'payload'

import { isAdminUser, type UserLike } from '@/access'
import { PublicError } from '@/lib/errors'
import { describeUse, findMediaUsage } from '@/media/usage'

/**
 * An admin confirms with REST `?confirmInUse=true` or the sidebar tick; server code (no user) with
 * `context: { confirmInUse: true }`.
 */
function confirmed(req: Parameters<CollectionBeforeDeleteHook>[0]['req'], flagged: boolean): boolean {
  if (!req.user) return req.context?.confirmInUse === true
  return isAdminUser(req.user as UserLike) && (flagged || req.query?.confirmInUse === 'true' || req.context?.confirmInUse === true)
}

/**
 * An image that a release, gallery, official or agency shows is not deleted by accident: the refusal
 * lists every place it is used. An admin may confirm; the pages that showed it then go without it.
 */
export const guardDeleteInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const uses = await findMediaUsage(req.payload, id, req)
  if (!uses.length) return
  const media = await req.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true, req, select: { deleteWhileInUse: true } })
  if (confirmed(req, Boolean(media?.deleteWhileInUse))) return
  const list = uses.map(describeUse).join(', ')
  throw new PublicError(
    'MediaInUse',
    `This image is used in ${uses.length === 1 ? 'one place' : `${uses.length} places`}: ${list}. Remove it there first` +
      (isAdminUser(req.user as UserLike)
        ? ', or tick “Delete even though it is used” in its sidebar, save, and delete again.'
        : '; only an admin can delete an image that is still in use.'),
    409,
    { uses },
  )
}
