/**
 * What the publish dialog asks, from what the form holds. The server's workflow
 * (src/workflow/releaseWorkflow.ts) decides and refuses; this mirrors its rules so a person is asked
 * before, not told after: minor or major for a release published before, a note for a major change,
 * and a reason when an editor publishes without a second pair of eyes (a minor fix alone needs none).
 */
import { sameId as same, type Rel } from '@/lib/relations'

export type UpdateKind = 'minor' | 'major'

export interface PublishQuestionsInput {
  firstPublishedAt?: unknown
  state?: unknown
  submittedBy?: unknown
  authors?: unknown
  userId?: string | number
  kind: UpdateKind | null
  /** The form's "Withdrawn" tick. */
  withdrawn?: unknown
}

export interface PublishQuestions {
  askKind: boolean
  askNote: boolean
  askReason: boolean
  /** An editor alone publishing a minor fix: told it is recorded for a second look. */
  minorAlone: boolean
}

export function publishQuestions({ firstPublishedAt, state, submittedBy, authors, userId, kind, withdrawn }: PublishQuestionsInput): PublishQuestions {
  // Withdrawing changes only the notice (the workflow keeps the public text): nothing to ask.
  if (withdrawn === true && state !== 'withdrawn') return { askKind: false, askNote: false, askReason: false, minorAlone: false }
  const publishedBefore = Boolean(firstPublishedAt)
  const wrote = Array.isArray(authors) && authors.some((author) => same(author as Rel, userId))
  const reviewed = state === 'in_review' && submittedBy != null && !same(submittedBy as Rel, userId) && !wrote
  const askKind = publishedBefore
  const minorAlone = publishedBefore && kind === 'minor' && !reviewed
  return {
    askKind,
    askNote: askKind && kind === 'major',
    // Before the kind is known a published release may still be a minor fix: ask only once it is not.
    askReason: !reviewed && (!publishedBefore || kind === 'major'),
    minorAlone,
  }
}
