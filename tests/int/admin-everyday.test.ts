/**
 * Everyday editorial work in the admin ("Editorial work in three languages"): staff see each other's
 * names (never emails or anything else), a gallery published without a date gets the publish day, an
 * empty "Create New" leaves no untitled gallery behind, and a title that exists only in another
 * language is shown, marked, instead of "<No Title>".
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listTitleOf, markedTitle } from '@/components/admin/listTitle'
import { scheduleDefaultType } from '@/components/admin/schedulePublishDefault'

import { CHANNELS, clients, type Clients } from './helpers/channels'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let contributor: TestUser
let editor: TestUser
let admin: TestUser
let other: TestUser

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  contributor = await makeUser(payload, ['contributor'], 'contributor')
  editor = await makeUser(payload, ['editor'], 'editor')
  admin = await makeUser(payload, ['admin'], 'admin')
  other = await makeUser(payload, ['contributor'], 'other')
})
afterAll(async () => cleanup?.())

describe.each(CHANNELS)('staff see each other by name only, via %s', (channel) => {
  it.each(['contributor', 'editor'] as const)('a %s reads another user’s name, not their email or role', async (role) => {
    const api = await http.api(channel, role === 'contributor' ? contributor : editor)
    const one = await api.findByID('users', other.id)
    expect(one.ok).toBe(true)
    if (!one.ok) return
    expect(one.value.name).toBe('other')
    expect(one.value.email ?? null).toBeNull()
    expect(one.value.roles ?? null).toBeNull()
    const list = await api.find('users', { id: { equals: other.id } })
    expect(list.ok).toBe(true)
    if (!list.ok) return
    expect(list.value.docs.map((d) => [d.name, d.email ?? null, d.roles ?? null])).toEqual([['other', null, null]])
  })

  it('a contributor still reads their own email; an admin reads everyone’s', async () => {
    const self = await (await http.api(channel, contributor)).findByID('users', contributor.id)
    expect(self.ok && self.value.email).toBe(contributor.email)
    const byAdmin = await (await http.api(channel, admin)).findByID('users', other.id)
    expect(byAdmin.ok && byAdmin.value.email).toBe(other.email)
  })
})

describe('names are how staff know each other', () => {
  it('a contributor cannot rename themselves (to a colleague’s name, say); an admin renames anyone', async () => {
    const renamed = await http.rest.patch(`users/${other.id}`, JSON.stringify({ name: 'editor' }), { ...(await http.authHeader(other)), 'Content-Type': 'application/json' })
    expect(renamed.status).toBeLessThan(500)
    expect((await payload.findByID({ collection: 'users', id: other.id, overrideAccess: true })).name).toBe('other')
    await payload.update({ collection: 'users', id: other.id, data: { name: 'Other Person' }, user: admin, overrideAccess: false })
    expect((await payload.findByID({ collection: 'users', id: other.id, overrideAccess: true })).name).toBe('Other Person')
    await payload.update({ collection: 'users', id: other.id, data: { name: 'other' }, overrideAccess: true })
  })
})

describe('emails cannot be found out by a contributor', () => {
  it('REST list: no email in any document, whatever the depth or select', async () => {
    const auth = await http.authHeader(contributor)
    for (const query of ['users?limit=100', 'users?limit=100&depth=2', 'users?limit=100&select[email]=true', 'users?limit=100&select[name]=true&select[email]=true']) {
      const response = await http.rest.get(query, auth)
      const text = await response.text().then((t) => t.replaceAll(contributor.email, 'own address'))
      expect(text).not.toContain('@test.example')
      if (response.ok) expect((JSON.parse(text) as { docs: unknown[] }).docs.length).toBeGreaterThan(1)
    }
  })

  it('REST: a where on email is refused or finds nothing (no guessing oracle)', async () => {
    const auth = await http.authHeader(contributor)
    for (const where of [`where[email][equals]=${encodeURIComponent(other.email)}`, 'where[email][like]=other', 'where[email][exists]=true']) {
      const response = await http.rest.get(`users?limit=100&${where}`, auth)
      if (response.ok) expect(((await response.json()) as { totalDocs: number }).totalDocs).toBe(0)
      else expect(response.status).toBeGreaterThanOrEqual(400)
    }
  })

  it('REST: sorting by email is refused (the order would tell the addresses apart)', async () => {
    const auth = await http.authHeader(contributor)
    for (const sort of ['email', '-email']) {
      const response = await http.rest.get(`users?limit=100&sort=${sort}`, auth)
      expect(response.status).toBeGreaterThanOrEqual(400)
    }
  })

  it('GraphQL: email is null for others, and a where on it finds nothing', async () => {
    const cookie = await http.cookieHeader(contributor)
    const body = await http.graphql(`{ Users(limit: 100) { docs { id name email } } }`, {}, cookie)
    const docs = (body.data?.Users as { docs: { id: string; name: string; email: string | null }[] } | undefined)?.docs ?? []
    expect(docs.length).toBeGreaterThan(1)
    for (const doc of docs) expect(doc.email).toBe(doc.id === contributor.id ? contributor.email : null)
    const guess = await http.graphql(`{ Users(where: { email: { equals: ${JSON.stringify(other.email)} } }) { totalDocs } }`, {}, cookie)
    if (!guess.errors?.length) expect((guess.data?.Users as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('the local API with access on: no email, no roles of others', async () => {
    const { docs } = await payload.find({ collection: 'users', limit: 100, user: contributor, overrideAccess: false })
    for (const doc of docs) {
      if (doc.id === contributor.id) continue
      expect(doc.email ?? null).toBeNull()
      expect(doc.roles ?? null).toBeNull()
    }
  })

  it('nobody but admins changes another user', async () => {
    await expect(
      payload.update({ collection: 'users', id: other.id, data: { name: 'Changed' }, user: editor, overrideAccess: false }),
    ).rejects.toThrow()
    expect((await payload.findByID({ collection: 'users', id: other.id })).name).toBe('other')
  })

  it('anonymous readers still see no user at all', async () => {
    const response = await http.rest.get('users?limit=100')
    expect(response.status).toBe(403)
  })
})

describe('galleries', () => {
  it('published without a date: the date is the publish time', async () => {
    const before = Date.now()
    const gallery = await payload.create({ collection: 'galleries', data: { title: 'No date', _status: 'published' }, user: editor, overrideAccess: false })
    expect(gallery.date).toBeTruthy()
    expect(new Date(gallery.date!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(new Date(gallery.date!).getTime()).toBeLessThanOrEqual(Date.now() + 1000)
  })

  it('a draft keeps no date until it is published; a given date is kept', async () => {
    const draft = await payload.create({ collection: 'galleries', data: { title: 'Draft, no date' }, draft: true, user: contributor, overrideAccess: false })
    expect(draft.date ?? null).toBeNull()
    const published = await payload.update({ collection: 'galleries', id: draft.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    expect(published.date).toBeTruthy()
    const dated = await payload.create({
      collection: 'galleries',
      data: { title: 'Dated', date: '2024-05-01T00:00:00.000Z', _status: 'published' },
      user: editor,
      overrideAccess: false,
    })
    expect(dated.date).toBe('2024-05-01T00:00:00.000Z')
  })

  it('an empty draft (what the admin’s "Create New" would autosave on opening) is refused', async () => {
    const before = (await payload.count({ collection: 'galleries' })).totalDocs
    await expect(payload.create({ collection: 'galleries', data: {}, draft: true, user: contributor, overrideAccess: false })).rejects.toThrow()
    expect((await payload.count({ collection: 'galleries' })).totalDocs).toBe(before)
    expect(payload.collections.galleries.config.versions?.drafts && payload.collections.galleries.config.versions.drafts.validate).toBe(true)
  })

  it('an English-only gallery is listed in Azerbaijani as “[en] Title”', async () => {
    const gallery = await payload.create({ collection: 'galleries', data: { title: 'Only in English' }, locale: 'en', draft: true, user: contributor, overrideAccess: false })
    const { docs } = await payload.find({ collection: 'galleries', where: { id: { equals: gallery.id } }, locale: 'az', draft: true, user: editor, overrideAccess: false })
    expect((docs[0] as { listTitle?: string } | undefined)?.listTitle).toBe('[en] Only in English')
    const inEnglish = await payload.findByID({ collection: 'galleries', id: gallery.id, locale: 'en', draft: true, user: editor, overrideAccess: false })
    expect((inEnglish as { listTitle?: string }).listTitle).toBe('Only in English')
  })

  it('a published English-only gallery too, as the admin list reads it (draft: true)', async () => {
    const gallery = await payload.create({ collection: 'galleries', data: { title: 'Published in English', _status: 'published' }, locale: 'en', user: editor, overrideAccess: false })
    for (const draft of [true, false]) {
      const { docs } = await payload.find({ collection: 'galleries', where: { id: { equals: gallery.id } }, locale: 'az', draft, user: editor, overrideAccess: false })
      expect((docs[0] as { listTitle?: string } | undefined)?.listTitle).toBe('[en] Published in English')
    }
  })

  it('every row of a list gets its list title (the rows are read at once; one row’s read must not upset another’s)', async () => {
    const made = []
    for (let i = 0; i < 4; i++) {
      made.push(await payload.create({ collection: 'galleries', data: { title: `Concurrent ${i}` }, locale: i % 2 ? 'en' : 'az', draft: true, user: contributor, overrideAccess: false }))
    }
    const { docs } = await payload.find({ collection: 'galleries', where: { id: { in: made.map((g) => g.id) } }, locale: 'ru', draft: true, user: editor, overrideAccess: false, limit: 10 })
    expect(docs.map((d) => (d as { listTitle?: string }).listTitle).sort()).toEqual(['[az] Concurrent 0', '[az] Concurrent 2', '[en] Concurrent 1', '[en] Concurrent 3'])
  })

  it('readers never get the list title', async () => {
    const gallery = await payload.create({ collection: 'galleries', data: { title: 'Public', _status: 'published' }, user: editor, overrideAccess: false })
    const publicDoc = await payload.findByID({ collection: 'galleries', id: gallery.id, overrideAccess: false })
    expect((publicDoc as { listTitle?: string }).listTitle ?? null).toBeNull()
  })
})

describe('drafts in more than one language', () => {
  it('a gallery’s Russian title written by staff lands in Russian only (the list title’s read leaves the locale alone)', async () => {
    const gallery = await payload.create({ collection: 'galleries', data: { title: 'Azərbaycanca' }, locale: 'az', draft: true, user: contributor, overrideAccess: false })
    await payload.update({ collection: 'galleries', id: gallery.id, data: { title: 'По-русски' }, locale: 'ru', draft: true, user: contributor, overrideAccess: false })
    const all = (await payload.findByID({ collection: 'galleries', id: gallery.id, locale: 'all', draft: true, overrideAccess: true })) as unknown as { title: Record<string, string> }
    expect(all.title).toEqual(expect.objectContaining({ az: 'Azərbaycanca', ru: 'По-русски' }))
  })

  it('releases: "Create New" left alone saves nothing (drafts are validated: a title is needed to create one)', async () => {
    const before = (await payload.count({ collection: 'releases' })).totalDocs
    await expect(payload.create({ collection: 'releases', data: {}, draft: true, user: contributor, overrideAccess: false })).rejects.toThrow(/Title/)
    expect((await payload.count({ collection: 'releases' })).totalDocs).toBe(before)
    const drafts = payload.collections.releases.config.versions?.drafts
    expect(drafts && drafts.validate).toBe(true)
  })

  it('a release draft needs only its title; a draft in a language without one is still saved; publishing needs the rest', async () => {
    const draft = await payload.create({ collection: 'releases', data: { title: 'Only a title' }, locale: 'az', draft: true, user: contributor, overrideAccess: false })
    const inRussian = await payload.update({ collection: 'releases', id: draft.id, data: { lead: 'Вводка без заголовка' }, locale: 'ru', draft: true, user: contributor, overrideAccess: false })
    expect(inRussian.lead).toBe('Вводка без заголовка')
    await expect(
      payload.update({ collection: 'releases', id: draft.id, data: { _status: 'published', workflow: { forcePublishReason: 'Urgent statement' } }, locale: 'az', user: editor, overrideAccess: false }),
    ).rejects.toThrow(/agency/i)
  })
})

describe('helpers', () => {
  it('listTitleOf picks the viewed language, then az, en, ru, and marks another language', () => {
    expect(listTitleOf({ az: 'Başlıq', en: 'Title' }, 'az')).toBe('Başlıq')
    expect(listTitleOf({ en: 'Title' }, 'az')).toBe('[en] Title')
    expect(listTitleOf({ az: '', en: '  ', ru: 'Заголовок' }, 'en')).toBe('[ru] Заголовок')
    expect(listTitleOf({ az: 'Başlıq', en: 'Title' }, 'ru')).toBe('[az] Başlıq')
    expect(listTitleOf({}, 'az')).toBeNull()
    expect(markedTitle('Title', 'en')).toBe('[en] Title')
  })

  it('the schedule drawer defaults to Publish unless a published document has no newer draft', () => {
    expect(scheduleDefaultType({ hasPublishedDoc: false, unpublishedVersionCount: 0 })).toBe('publish')
    expect(scheduleDefaultType({ hasPublishedDoc: true, unpublishedVersionCount: 2 })).toBe('publish')
    expect(scheduleDefaultType({ hasPublishedDoc: true, unpublishedVersionCount: 0 })).toBe('unpublish')
  })
})
