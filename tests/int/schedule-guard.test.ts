/**
 * Red-team round 6: Payload's admin server function `schedule-publish` checks only admin access, so a
 * contributor could queue a publish of any document or delete an editor's scheduled publish by job id.
 * The guard the admin layout runs first (src/workflow/scheduleServerFunction.ts) asks publish permission.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refuseScheduleServerFunction, SCHEDULE_REFUSED } from '@/workflow/scheduleServerFunction'

import { draftRelease, makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let contributor: TestUser
let editor: TestUser
let agencyId: string

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  agencyId = (await makeAgency(payload)).id
})
afterAll(async () => cleanup())

const reqOf = (user: TestUser | null) => createLocalReq({ user: user ?? undefined }, payload)

describe('schedule-publish server function', () => {
  it("Payload's own handler lets a contributor queue a publish (why the guard exists)", async () => {
    const { schedulePublishHandler } = await import('@payloadcms/ui/utilities/schedulePublishHandler')
    const draft = await draftRelease(payload, contributor, agencyId, 'Queued by a contributor')
    const req = await reqOf(contributor)
    // What the admin's server function hands it (the import map and permissions it does not read).
    const args = { type: 'publish', date: new Date(Date.now() + 86_400_000), doc: { relationTo: 'releases', value: draft.id }, req, user: req.user }
    const answer = await schedulePublishHandler(args as unknown as Parameters<typeof schedulePublishHandler>[0])
    expect(answer).not.toHaveProperty('error')
  })

  it('a contributor is refused; an editor passes; nobody deletes a job of another document', async () => {
    const draft = await draftRelease(payload, contributor, agencyId, 'Scheduled by an editor')
    const other = await draftRelease(payload, contributor, agencyId, 'Another release')
    const doc = { relationTo: 'releases', value: draft.id }
    expect(await refuseScheduleServerFunction({ doc }, await reqOf(contributor))).toEqual({ error: SCHEDULE_REFUSED })
    expect(await refuseScheduleServerFunction({ doc }, await reqOf(null))).toEqual({ error: SCHEDULE_REFUSED })
    expect(await refuseScheduleServerFunction({ doc, global: 'settings' }, await reqOf(editor))).toEqual({ error: SCHEDULE_REFUSED })
    expect(await refuseScheduleServerFunction({ doc: { relationTo: 'users', value: editor.id } }, await reqOf(editor))).toEqual({ error: SCHEDULE_REFUSED })
    expect(await refuseScheduleServerFunction({ doc }, await reqOf(editor))).toBeNull()

    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'releases', value: draft.id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: new Date(Date.now() + 86_400_000),
    })
    expect(await refuseScheduleServerFunction({ doc, deleteID: job.id }, await reqOf(contributor))).toEqual({ error: SCHEDULE_REFUSED })
    expect(await refuseScheduleServerFunction({ doc: { relationTo: 'releases', value: other.id }, deleteID: job.id }, await reqOf(editor))).toEqual({ error: SCHEDULE_REFUSED })
    expect(await refuseScheduleServerFunction({ doc, deleteID: job.id }, await reqOf(editor))).toBeNull()
  })
})
