/** What the release publish dialog asks (src/components/admin/publishQuestions.ts), as the workflow decides. */
import { describe, expect, it } from 'vitest'

import { publishQuestions } from '@/components/admin/publishQuestions'

const me = 'editor-1'
const other = 'contributor-1'

describe('the publish dialog asks', () => {
  it('nothing for a first publish reviewed by someone who wrote none of it', () => {
    expect(publishQuestions({ state: 'in_review', submittedBy: other, authors: [other], userId: me, kind: null })).toEqual({
      askKind: false,
      askNote: false,
      askReason: false,
      minorAlone: false,
    })
  })

  it('a reason for a first publish without a second pair of eyes (own draft, own submission, own words)', () => {
    expect(publishQuestions({ state: 'draft', authors: [me], userId: me, kind: null }).askReason).toBe(true)
    expect(publishQuestions({ state: 'in_review', submittedBy: me, authors: [other], userId: me, kind: null }).askReason).toBe(true)
    expect(publishQuestions({ state: 'in_review', submittedBy: other, authors: [{ id: me }], userId: me, kind: null }).askReason).toBe(true)
  })

  it('minor or major for a release published before; a note for major; a reason only for a major change alone', () => {
    const alone = { firstPublishedAt: '2026-01-01', state: 'published', authors: [me], userId: me }
    expect(publishQuestions({ ...alone, kind: null })).toMatchObject({ askKind: true, askNote: false, askReason: false })
    expect(publishQuestions({ ...alone, kind: 'minor' })).toMatchObject({ askKind: true, askNote: false, askReason: false, minorAlone: true })
    expect(publishQuestions({ ...alone, kind: 'major' })).toMatchObject({ askKind: true, askNote: true, askReason: true, minorAlone: false })
    const reviewed = { firstPublishedAt: '2026-01-01', state: 'in_review', submittedBy: other, authors: [other], userId: me }
    expect(publishQuestions({ ...reviewed, kind: 'major' })).toMatchObject({ askNote: true, askReason: false })
    expect(publishQuestions({ ...reviewed, kind: 'minor' })).toMatchObject({ minorAlone: false })
  })

  it('nothing when the publish withdraws the release (it changes only the notice: no kind, note or reason)', () => {
    const withdrawing = { firstPublishedAt: '2026-01-01', state: 'published', authors: [me], userId: me, withdrawn: true }
    expect(publishQuestions({ ...withdrawing, kind: null })).toEqual({ askKind: false, askNote: false, askReason: false, minorAlone: false })
    // Already withdrawn: a later publish (a correction of the text) asks as usual.
    expect(publishQuestions({ ...withdrawing, state: 'withdrawn', kind: null }).askKind).toBe(true)
  })
})
