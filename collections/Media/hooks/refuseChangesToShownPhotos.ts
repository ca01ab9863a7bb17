import type { CollectionBeforeOperationHook, Where } from 'payload'

import { isEditorUser, type UserLike } from '@/access'
import { PublicError } from '@/lib/errors'

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
  return args
}
