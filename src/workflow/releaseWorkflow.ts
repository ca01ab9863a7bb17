/**
 * The release review workflow ("second pair of eyes", after GOV.UK), in one place.
 *
 * Every write to a release — admin, REST, GraphQL, local API, scheduled-publish job — passes through
 * `applyReleaseWorkflow`, called from the collection's beforeChange hook. It works out what the
 * write is trying to do (save a draft, submit, publish, unpublish, withdraw, confirm a review), checks
 * that the person may do it, and returns the workflow fields the server sets. Anything refused throws
 * a `WorkflowError` whose message is shown as is in the admin and the API (HTTP 403).
 *
 * States: draft → in_review → published ⇄ withdrawn. A scheduled publish (Payload's schedulePublish job)
 * publishes as the editor who scheduled it, through these same rules, when its time comes. Payload's own `_status`
 * (draft/published) says what the public sees; `workflow.state` says where the release is in review.
 */
import { isEditorUser, isStaffUser, type UserLike } from '@/access/roles'
import { PublicError } from '@/lib/errors'
import { idOf, sameId, type Rel } from '@/lib/relations'

export const WORKFLOW_STATES = ['draft', 'in_review', 'published', 'withdrawn'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]
export const UPDATE_TYPES = ['minor', 'major'] as const
export type UpdateType = (typeof UPDATE_TYPES)[number]


export interface ForcePublishRecord {
  /** `force`: an editor gave a reason to publish without review; `minor`: an editor alone published a minor change. */
  kind?: 'force' | 'minor' | null
  reason?: string | null
  by?: Rel
  at?: string | null
  reviewedBy?: Rel
  reviewedAt?: string | null
}

export interface WorkflowFields {
  state?: WorkflowState | null
  /** Everyone who wrote a version since the last publish: none of them may be its reviewer. */
  authors?: Rel[] | null
  submittedBy?: Rel
  submittedAt?: string | null
  reviewedBy?: Rel
  firstPublishedAt?: string | null
  forcePublishReason?: string | null
  confirmForceReview?: boolean | null
  forcePublished?: ForcePublishRecord | null
}

export interface ChangeNote {
  date: string
  note: string
  id?: string | null
}

/** The part of a release the workflow reads and writes. */
export interface ReleaseWorkflowData {
  _status?: 'draft' | 'published' | null
  publishedAt?: string | null
  workflow?: WorkflowFields | null
  updateType?: UpdateType | null
  changeNote?: string | null
  changeHistory?: ChangeNote[] | null
  withdrawal?: { withdrawn?: boolean | null; withdrawnAt?: string | null; explanation?: string | null } | null
}

export class WorkflowError extends PublicError {
  constructor(message: string) {
    super('WorkflowError', message, 403)
  }
}

export interface WorkflowInput {
  /** The release as it was (latest version), or null when it is being created. */
  previous: ReleaseWorkflowData | null
  /** What the write sends. */
  incoming: ReleaseWorkflowData
  /** The person writing; null for trusted server code (seed, migrations). */
  user: UserLike
  /** True when Payload saves this as a draft version (the public copy is untouched). */
  isDraftSave: boolean
  /** True when the public copy of this release is currently published. */
  publicCopyIsPublished: boolean
  /** True when the public copy carries the withdrawal notice (only asked when a write sets it). */
  publicCopyIsWithdrawn?: boolean
  /** True when a publish request itself changes the text (its sender is then one of its authors). */
  writesContent?: boolean
  /**
   * True when the write restores an old version: its workflow fields are what was stored then, not
   * anything asked now.
   */
  restoringVersion?: boolean
  /**
   * The version the publisher was shown (`updatedAt` as the admin's form loaded it, which it sends
   * back), and the latest version's: a reviewed publish is of what the reviewer saw.
   */
  seenVersionAt?: string | null
  latestVersionAt?: string | null
  now: Date
}

/** True when the publisher names the version they saw and a newer one has been saved since. */
const changedSinceSeen = ({ seenVersionAt, latestVersionAt }: WorkflowInput): boolean =>
  Boolean(seenVersionAt && latestVersionAt) && new Date(seenVersionAt!).getTime() !== new Date(latestVersionAt!).getTime()

export type WorkflowIntent = 'create' | 'save-draft' | 'publish' | 'unpublish'

const filled = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim().length > 0

export function intentOf({ previous, incoming, isDraftSave, publicCopyIsPublished }: WorkflowInput): WorkflowIntent {
  const nextStatus = incoming._status ?? previous?._status ?? 'draft'
  if (nextStatus === 'published' && !isDraftSave) return 'publish'
  if (previous && !isDraftSave && publicCopyIsPublished) return 'unpublish'
  return previous ? 'save-draft' : 'create'
}

/** Returns the workflow-owned fields to write; throws WorkflowError when the write is not allowed. */
export function applyReleaseWorkflow(input: WorkflowInput): ReleaseWorkflowData {
  const { previous, incoming, user, now } = input
  const trusted = user == null
  if (!trusted && !isStaffUser(user)) throw new WorkflowError('Only press office staff can change releases.')

  const before: WorkflowFields = previous?.workflow ?? {}
  const asked: WorkflowFields = input.restoringVersion ? {} : (incoming.workflow ?? {})
  // Server-owned fields start from what was stored; what a client sends for them is ignored.
  const workflow: WorkflowFields = {
    state: before.state ?? 'draft',
    authors: (before.authors ?? []).map(idOf).filter((id) => id != null),
    submittedBy: idOf(before.submittedBy),
    submittedAt: before.submittedAt ?? null,
    reviewedBy: idOf(before.reviewedBy),
    firstPublishedAt: before.firstPublishedAt ?? null,
    forcePublished: before.forcePublished ?? {},
    forcePublishReason: null,
    confirmForceReview: false,
  }
  if (trusted && incoming.workflow) Object.assign(workflow, stripInputs(incoming.workflow))
  // A restored version's text is still its writers' words, whoever restores it (the version's own record).
  if (input.restoringVersion) for (const author of incoming.workflow?.authors ?? []) addAuthorId(workflow, idOf(author))
  const result: ReleaseWorkflowData = { workflow }

  const withdrawal = { ...(previous?.withdrawal ?? {}), ...(incoming.withdrawal ?? {}) }
  const intent = intentOf(input)
  const withdrawing = isWithdrawing(input, intent)
  if (withdrawing && !trusted && !input.publicCopyIsPublished) {
    throw new WorkflowError('Only a published release can be withdrawn. Unpublish or delete a release that was never meant to be public.')
  }
  const reviewingForcePublish = Boolean(asked.confirmForceReview)

  // Text sent with the publish request is written by its sender like any other.
  if (!trusted && (intent !== 'publish' || input.writesContent)) addAuthor(workflow, user)
  const confirmedNow = reviewingForcePublish && confirmForcePublishReview(workflow, user, now)
  if (confirmedNow && !withdrawing && Boolean(withdrawal.withdrawn) !== Boolean(input.publicCopyIsWithdrawn)) {
    throw new WorkflowError('A review confirmation changes nothing else: withdraw a release, or publish it again, on its own.')
  }

  switch (intent) {
    case 'create':
    case 'save-draft':
      moveBetweenDraftAndReview(workflow, asked.state, user, now, before)
      break
    case 'unpublish':
      if (!trusted && !isEditorUser(user)) throw new WorkflowError('Only an editor can unpublish a release.')
      workflow.state = 'draft'
      break
    case 'publish': {
      if (input.restoringVersion && !trusted) {
        throw new WorkflowError(
          'Restoring a published version would publish it without the review and the change record publishing needs. Restore it as a draft, then publish it as usual.',
        )
      }
      let reviewed = trusted
      if (!trusted) {
        if (!isEditorUser(user)) {
          throw new WorkflowError(
            'Contributors cannot publish. Set “Review status” to “Submitted for review” and save: an editor will publish it.',
          )
        }
        const forceReason = asked.forcePublishReason
        // A confirmation or a withdrawal publishes the public text as it is (enforceWorkflow keeps it).
        const independent = hasIndependentReview(workflow, user)
        if (independent && !withdrawing && !confirmedNow && changedSinceSeen(input)) {
          throw new WorkflowError('This release changed after you opened it: someone saved a newer version. Reload the page to see what changed, then publish.')
        }
        const secondPairOfEyes = withdrawing || confirmedNow || independent
        reviewed = secondPairOfEyes
        if (!secondPairOfEyes) {
          const record = { by: idOf(user!.id), at: now.toISOString(), reviewedBy: null, reviewedAt: null }
          const kind = filled(forceReason) ? 'force' : isMinorFix(input, workflow) ? 'minor' : null
          if (!kind) throw new WorkflowError(whyReviewIsMissing(workflow, user))
          // One still waiting for its second look stays (who, when): that look covers all since; no reason is lost.
          const waiting = workflow.forcePublished?.by && !workflow.forcePublished.reviewedAt ? workflow.forcePublished : null
          const reasons = [waiting?.reason, kind === 'force' ? forceReason!.trim() : null].filter(filled)
          workflow.forcePublished = {
            ...(waiting ?? record),
            kind: waiting?.kind === 'force' || kind === 'force' ? 'force' : 'minor',
            reason: reasons.length ? reasons.join(' · ') : null,
          }
        }
        // A withdrawal or a confirmation adds nothing to the public change history.
        if (workflow.firstPublishedAt && !withdrawing && !confirmedNow) Object.assign(result, recordChange(incoming, previous, now))
      }
      workflow.state = withdrawal.withdrawn ? 'withdrawn' : 'published'
      workflow.reviewedBy = trusted ? workflow.reviewedBy : idOf(user!.id)
      // Authors are counted since the last reviewed publish: a publish without review keeps them (and its publisher).
      if (reviewed) workflow.authors = []
      else addAuthor(workflow, user)
      workflow.submittedBy = null
      workflow.submittedAt = null
      workflow.firstPublishedAt ??= now.toISOString()
      if (!incoming.publishedAt && !previous?.publishedAt) result.publishedAt = now.toISOString()
      result.updateType = null
      result.changeNote = null
      if (withdrawing && !filled(withdrawal.explanation)) {
        throw new WorkflowError('A withdrawn release needs a public explanation of why it was withdrawn.')
      }
      break
    }
  }
  // When it was withdrawn is the server's: now for a withdrawal, else as stored.
  const withdrawnAt = withdrawing ? now.toISOString() : withdrawal.withdrawn ? (previous?.withdrawal?.withdrawnAt ?? null) : null
  result.withdrawal = { ...withdrawal, withdrawnAt: trusted ? (withdrawal.withdrawnAt ?? withdrawnAt) : withdrawnAt }
  return result
}

/** A publish that changes only a notice or a record: withdrawing, or confirming a publish without review. */
export function keepsPublicText(input: WorkflowInput, intent: WorkflowIntent): boolean {
  return intent === 'publish' && (isWithdrawing(input, intent) || Boolean(input.incoming.workflow?.confirmForceReview))
}

/** A contributor or editor submits; the submitter or an editor takes it back to draft. */
function moveBetweenDraftAndReview(
  workflow: WorkflowFields,
  askedState: WorkflowState | null | undefined,
  user: UserLike,
  now: Date,
  before: WorkflowFields,
): void {
  if (!askedState || askedState === workflow.state) return
  if (askedState === 'in_review') {
    workflow.state = 'in_review'
    workflow.submittedBy = user ? idOf(user.id) : workflow.submittedBy
    workflow.submittedAt = now.toISOString()
    return
  }
  if (askedState === 'draft') {
    const mayReturn = user == null || isEditorUser(user) || sameId(before.submittedBy, user.id)
    if (!mayReturn) throw new WorkflowError('Only the person who submitted this release or an editor can take it back to draft.')
    workflow.state = 'draft'
    workflow.submittedBy = null
    workflow.submittedAt = null
    return
  }
  if (user == null) {
    workflow.state = askedState
    return
  }
  throw new WorkflowError(
    askedState === 'withdrawn'
      ? 'The review status cannot be set to “Withdrawn” by hand: an editor withdraws a published release under “Changes and withdrawal” and publishes.'
      : 'The review status cannot be set to “Published” by hand: choose “Submitted for review” and save, and an editor publishes it.',
  )
}

/** The review states a person may choose in the admin: draft and submitted, plus whatever it is now. */
export function reviewStateOptions<T extends string | { value: string }>(options: T[], current: string | null | undefined): T[] {
  const choosable = new Set<string>(['draft', 'in_review', ...(current ? [current] : [])])
  return options.filter((option) => choosable.has(typeof option === 'string' ? option : option.value))
}

/**
 * Whether this write puts the withdrawal notice up. Publishing compares with the public copy (an
 * autosaved draft may already carry the tick); any other write with the draft before it, so a
 * release that was never public cannot be given the notice and then published with it.
 */
export function isWithdrawing({ previous, incoming, publicCopyIsWithdrawn }: WorkflowInput, intent: WorkflowIntent): boolean {
  const wanted = Boolean(incoming.withdrawal?.withdrawn ?? previous?.withdrawal?.withdrawn)
  if (!wanted) return false
  return intent === 'publish' ? !publicCopyIsWithdrawn : !previous?.withdrawal?.withdrawn
}

/**
 * A minor change to a release readers see now (not one unpublished since, never its first publish),
 * written by the publishing editor alone: anyone else's words since the last review need review.
 */
function isMinorFix({ previous, incoming, publicCopyIsPublished, user }: WorkflowInput, workflow: WorkflowFields): boolean {
  const updateType = incoming.updateType ?? previous?.updateType
  const othersWrote = (workflow.authors ?? []).some((id) => !sameId(id, user?.id))
  return updateType === 'minor' && publicCopyIsPublished && Boolean(previous?.workflow?.firstPublishedAt) && !othersWrote
}

const isAuthor = (workflow: WorkflowFields, user: UserLike): boolean => (workflow.authors ?? []).some((id) => sameId(id, user?.id))

function addAuthor(workflow: WorkflowFields, user: UserLike): void {
  if (user) addAuthorId(workflow, idOf(user.id))
}

function addAuthorId(workflow: WorkflowFields, id: string | number | null | undefined): void {
  if (id != null && !(workflow.authors ?? []).some((author) => sameId(author, id))) workflow.authors = [...(workflow.authors ?? []), id]
}

/**
 * The second pair of eyes: submitted for review by someone else, and written by others. Anyone who
 * wrote a version since the last publish (recorded by the server, whoever pressed submit) is an author.
 */
export function hasIndependentReview(before: WorkflowFields, user: UserLike): boolean {
  return (
    before.state === 'in_review' && before.submittedBy != null && !sameId(before.submittedBy, user?.id) && !isAuthor(before, user)
  )
}

function whyReviewIsMissing(before: WorkflowFields, user: UserLike): string {
  if (before.state === 'in_review' && sameId(before.submittedBy, user?.id)) {
    return 'You submitted this release yourself: another editor must publish it, or give a reason to publish without review.'
  }
  if (before.state === 'in_review' && isAuthor(before, user)) {
    return 'You wrote part of this version since it was last published: another editor must review and publish it, or give a reason to publish without review.'
  }
  return 'This release has not been submitted for review. Submit it for another editor to publish, or give a reason to publish without review.'
}

/** A second editor signs off a release that was force-published. */
function confirmForcePublishReview(workflow: WorkflowFields, user: UserLike, now: Date): boolean {
  const record = workflow.forcePublished
  if (!record?.by) throw new WorkflowError('There is no publish-without-review to confirm on this release.')
  if (record.reviewedAt) throw new WorkflowError('This publish without review has already been reviewed.')
  if (user && !isEditorUser(user)) throw new WorkflowError('Only an editor can review a release published without review.')
  if (user && sameId(record.by, user.id)) {
    throw new WorkflowError('You published this release without review: a second editor must review it.')
  }
  if (user && isAuthor(workflow, user)) {
    throw new WorkflowError('You wrote part of this release since its last review: another editor must review it.')
  }
  workflow.forcePublished = { ...record, reviewedBy: user ? idOf(user.id) : null, reviewedAt: now.toISOString() }
  return true
}

/** Re-publishing a published release: a minor fix needs nothing; a major change needs a public note. */
function recordChange(incoming: ReleaseWorkflowData, previous: ReleaseWorkflowData | null, now: Date): ReleaseWorkflowData {
  const updateType = incoming.updateType ?? previous?.updateType
  if (updateType !== 'minor' && updateType !== 'major') {
    throw new WorkflowError('This release is already published: choose whether this is a minor or a major change.')
  }
  if (updateType === 'minor') return {}
  const note = incoming.changeNote ?? previous?.changeNote
  if (!filled(note)) {
    throw new WorkflowError('A major change to a published release needs a change note, which readers will see.')
  }
  const history = incoming.changeHistory ?? previous?.changeHistory ?? []
  return { changeHistory: [...history.map(({ id, date, note: text }) => ({ id, date, note: text })), { date: now.toISOString(), note: note.trim() }] }
}

function stripInputs(fields: WorkflowFields): WorkflowFields {
  const { forcePublishReason: _reason, confirmForceReview: _confirm, ...stored } = fields
  return Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined))
}
