import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { draftRelease, makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let editor: TestUser
let admin: TestUser
let agencyId: string

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  editor = await makeUser(payload, ['editor'])
  admin = await makeUser(payload, ['admin'])
  agencyId = (await makeAgency(payload)).id
})
afterAll(async () => cleanup())

const removed = (slug: string) => payload.find({ collection: 'removed-releases', where: { slug: { equals: slug } } }).then((r) => r.docs)

describe('deleting a release that was public', () => {
  it('keeps each of its addresses as removed (410), per language', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'Published in error')
    await payload.update({ collection: 'releases', id: draft.id, locale: 'en', data: { title: 'Published in error (en)' }, draft: true })
    const published = await payload.update({
      collection: 'releases',
      id: draft.id,
      data: { _status: 'published', workflow: { forcePublishReason: 'urgent' } },
      user: editor,
      overrideAccess: false,
    })
    expect(published._status).toBe('published')
    const all = await payload.findByID({ collection: 'releases', id: draft.id, locale: 'all' })
    const slugs = all.slug as unknown as Record<string, string>

    await payload.delete({ collection: 'releases', id: draft.id, user: admin, overrideAccess: false })

    expect((await removed(slugs.az!)).map((r) => r.locale)).toEqual(['az'])
    expect((await removed(slugs.en!)).map((r) => [r.locale, r.title])).toEqual([['en', 'Published in error (en)']])
  })

  it('keeps nothing for a draft that was never public', async () => {
    const draft = await draftRelease(payload, editor, agencyId, 'Never public draft')
    await payload.delete({ collection: 'releases', id: draft.id, user: admin, overrideAccess: false })
    expect(await removed(draft.slug!)).toEqual([])
  })

  it('is readable by admins only, and written by nobody through the API', async () => {
    await expect(payload.find({ collection: 'removed-releases', user: editor, overrideAccess: false })).rejects.toThrow(/not allowed/i)
    await expect(
      payload.create({ collection: 'removed-releases', data: { slug: 'x', removedAt: new Date().toISOString() }, user: admin, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/i)
    expect((await payload.find({ collection: 'removed-releases', user: admin, overrideAccess: false })).totalDocs).toBeGreaterThan(0)
  })
})
