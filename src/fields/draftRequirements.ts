import type { RelationshipFieldValidation, TextFieldValidation } from 'payload'
import { relationship, text } from 'payload/shared'

import { isDraftSave } from '@/workflow/draftArg'

/**
 * What a draft needs, for collections whose drafts are validated (`versions.drafts.validate`, so that
 * "Create New" left alone saves nothing): a title to be created and everything required to publish,
 * but a draft being edited in a language that has no title yet (a translator's, a shared field changed
 * from another language's tab) is saved as it is.
 */
type Options = { data: unknown; req: { context: Record<string, unknown> } }
/**
 * Saved as a draft (`?draft=true`, the admin's Save draft and autosave), not published. Outside a
 * write (the admin's form state as someone types) nothing is being published yet: the server checks
 * again when it is.
 */
const isDraft = ({ data, req }: Options): boolean =>
  req.context.draftArg === undefined || isDraftSave(req.context, (data ?? {}) as { _status?: unknown })

export const titleToCreateOrPublish: TextFieldValidation = (value, options) =>
  text(value, { ...options, required: options.operation === 'create' || !isDraft(options) })

export const requiredToPublish: RelationshipFieldValidation = (value, options) =>
  relationship(value, { ...options, required: !isDraft(options) })
