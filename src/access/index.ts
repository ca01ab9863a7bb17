/**
 * Access predicates shared by every collection. Each is a small named function so a collection's
 * `access` block reads as a sentence. Workflow rules that need the document's history live in
 * `src/workflow/`, not here.
 */
import type { Access, FieldAccess, Where } from 'payload'

import { isAdminUser, isEditorUser, isStaffUser, type UserLike } from './roles'

export * from './roles'

const userOf = (req: { user?: unknown }): UserLike => req.user as UserLike

export const anyone: Access = () => true
export const nobody: Access = () => false
export const staff: Access = ({ req }) => isStaffUser(userOf(req))
export const editors: Access = ({ req }) => isEditorUser(userOf(req))
export const admins: Access = ({ req }) => isAdminUser(userOf(req))

const publishedOnly: Where = { _status: { equals: 'published' } }

/** Staff read everything (drafts included); everyone else reads published documents only. */
export const publishedOrStaff: Access = ({ req }) => (isStaffUser(userOf(req)) ? true : publishedOnly)

/**
 * Media: staff see every photo; anyone else only photos a published document shows (kept on the
 * photo by src/media/visibility.ts). A photo uploaded for a draft stays private until it is published.
 */
export const staffOrShownPublicly: Access = ({ req }) => (isStaffUser(userOf(req)) ? true : { inPublishedUse: { equals: true } })

/**
 * Media writes: staff, but a contributor only photos no published document shows. A photo on a
 * published page (caption, alt text, credit, focal point, the file) is changed by an editor, as the
 * page itself would be; the Where also makes the admin show such a photo read-only to contributors.
 */
export const staffButOnlyEditorsChangeShownPhotos: Access = ({ req }) => {
  const user = userOf(req)
  if (!isStaffUser(user)) return false
  return isEditorUser(user) ? true : { inPublishedUse: { not_equals: true } }
}

/**
 * Document locks (Payload's `payload-locked-documents`): editors and admins may take any lock over;
 * a contributor writes and removes only their own. Who owns a lock is set by the server
 * (src/workflow/documentLocks.ts), never by the client.
 */
export const editorsOrOwnLock: Access = ({ req }) => {
  const user = userOf(req)
  if (!isStaffUser(user)) return false
  if (isEditorUser(user)) return true
  return { 'user.value': { equals: user!.id } }
}

/**
 * Staff may write; only editors and admins may write a published status. Payload asks this with
 * `data._status = 'published'` to decide whether to offer Publish and Schedule in the admin.
 */
export const staffButOnlyEditorsPublish: Access = ({ req, data }) => {
  const user = userOf(req)
  if (!isStaffUser(user)) return false
  if ((data as { _status?: string } | undefined)?._status === 'published') return isEditorUser(user)
  return true
}

/** Users: admins see and manage everyone; a staff member sees and edits only themself. */
export const adminsOrSelf: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (isAdminUser(user)) return true
  return { id: { equals: user.id } }
}

/**
 * Users, read: every staff member sees every colleague (the review queue, "submitted by", who holds a
 * document's lock name people), but only by name: every other field is `adminsOrSelfField`.
 */
export const staffReadUsers: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (isStaffUser(user)) return true
  return { id: { equals: user.id } }
}

export const nobodyField: FieldAccess = () => false
export const adminsField: FieldAccess = ({ req }) => isAdminUser(userOf(req))
export const staffField: FieldAccess = ({ req }) => isStaffUser(userOf(req))
export const editorsField: FieldAccess = ({ req }) => isEditorUser(userOf(req))
/** A user's own account, or an admin: email, roles and the rest of a user that is not their name. */
export const adminsOrSelfField: FieldAccess = ({ req, id, doc }) => {
  const user = userOf(req)
  if (!user) return false
  if (isAdminUser(user)) return true
  const docId = id ?? (doc as { id?: unknown } | undefined)?.id
  return docId !== undefined && String(docId) === String(user.id)
}
