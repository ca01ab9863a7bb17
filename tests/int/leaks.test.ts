/**
 * What an anonymous reader must never get: a draft release, an embargoed one (publish scheduled for
 * later), one withdrawn and then deleted, or a photo only such releases show — by any door: lists and
 * reads by id (with `draft=true`) over the local API, REST and GraphQL, the version history, search,
 * the RSS feeds, the sitemap, the media files and `/download/<id>`. Each secret carries a made-up word
 * that appears nowhere else, so a leak anywhere in a response is found by looking for the word.
 * Next's page cache after an unpublish is covered by tests/e2e/public-site.spec.ts.
 */
import { createLocalReq, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHANNELS, clients, type Clients, type Doc } from './helpers/channels'
import { makeAgency, paragraph } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let contributor: TestUser
let editor: TestUser
let admin: TestUser
let agencyId: string

/** Made-up words: a response that contains one has leaked that release. */
const SECRET = { draft: 'Zephyrquill', scheduled: 'Quasarmoth', deleted: 'Nebulafern' } as const
const PUBLIC_WORD = 'Lanternwharf'
const ids = {} as Record<keyof typeof SECRET | 'published', string>
type Photo = { id: string; filename: string; sizes: Record<string, { filename?: string | null }> }
const photos = {} as Record<keyof typeof SECRET | 'published' | 'unpublished' | 'gallery' | 'portrait' | 'logo' | 'draftPortrait', Photo>

let counter = 0
async function upload(label: string, by: TestUser): Promise<Photo> {
  counter += 1
  const data = await sharp({ create: { width: 1300, height: 700, channels: 3, background: '#557' } }).jpeg().toBuffer()
  const doc = await payload.create({
    collection: 'media',
    data: { alt: `Photo ${label}` },
    file: { data, mimetype: 'image/jpeg', name: `leak-${label}-${process.pid}-${counter}.jpg`, size: data.length },
    user: by,
    overrideAccess: false,
  })
  return { id: doc.id, filename: doc.filename!, sizes: (doc.sizes ?? {}) as Photo['sizes'] }
}

const as = (user: TestUser) => ({ user, overrideAccess: false as const })

async function release(word: string, heroImage: string, author: TestUser = contributor) {
  return payload.create({
    collection: 'releases',
    data: { title: `Release ${word}`, lead: `Lead ${word}`, type: 'press-release', leadAgency: agencyId, heroImage, body: paragraph(`Body ${word}.`) },
    draft: true,
    ...as(author),
  })
}

async function submitAndPublish(id: string) {
  await payload.update({ collection: 'releases', id, data: { workflow: { state: 'in_review' } }, draft: true, ...as(contributor) })
  await payload.update({ collection: 'releases', id, data: { _status: 'published' }, ...as(editor) })
}

const secretsIn = (text: string) => Object.values(SECRET).filter((word) => text.includes(word))

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  admin = await makeUser(payload, ['admin'])
  agencyId = (await makeAgency(payload)).id

  for (const key of ['draft', 'scheduled', 'deleted', 'published', 'unpublished', 'gallery', 'portrait', 'logo', 'draftPortrait'] as const) {
    photos[key] = await upload(key, contributor)
  }

  ids.draft = (await release(SECRET.draft, photos.draft.id)).id

  // Embargoed: submitted, and its publish scheduled by an editor for tomorrow.
  ids.scheduled = (await release(SECRET.scheduled, photos.scheduled.id)).id
  await payload.update({ collection: 'releases', id: ids.scheduled, data: { workflow: { state: 'in_review' } }, draft: true, ...as(contributor) })
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'releases', value: ids.scheduled }, user: { relationTo: 'users', value: editor.id } },
    waitUntil: new Date(Date.now() + 24 * 3600_000),
  })
  await payload.jobs.run()

  // Published, withdrawn, then deleted as published in error.
  ids.deleted = (await release(SECRET.deleted, photos.deleted.id)).id
  await submitAndPublish(ids.deleted)
  await payload.update({
    collection: 'releases',
    id: ids.deleted,
    data: { _status: 'published', withdrawal: { withdrawn: true, explanation: 'Published in error.' } },
    ...as(editor),
  })
  await payload.delete({ collection: 'releases', id: ids.deleted, ...as(admin) })

  ids.published = (await release(PUBLIC_WORD, photos.published.id)).id
  await submitAndPublish(ids.published)

  // The directory: a published gallery, official and agency show photos; a draft official does not.
  await payload.create({ collection: 'galleries', data: { title: 'Public gallery', photos: [photos.gallery.id], _status: 'published' }, ...as(editor) })
  await payload.create({ collection: 'officials', data: { name: 'Public Official', portrait: photos.portrait.id, _status: 'published' }, ...as(editor) })
  await payload.create({ collection: 'agencies', data: { name: 'Public Agency', kind: 'ministry', logo: photos.logo.id, _status: 'published' }, ...as(editor) })
  await payload.create({ collection: 'officials', data: { name: 'Unannounced Official', portrait: photos.draftPortrait.id }, draft: true, ...as(contributor) })

  // Published and then unpublished: its photo goes back to staff-only.
  const unpublished = await release('Unpublished', photos.unpublished.id)
  await submitAndPublish(unpublished.id)
  await payload.update({ collection: 'releases', id: unpublished.id, data: { _status: 'draft' }, ...as(editor) })
})

afterAll(async () => {
  await payload?.delete({ collection: 'media', where: { id: { exists: true } }, context: { confirmInUse: true } }).catch(() => undefined)
  await cleanup?.()
})

describe('the secrets exist (the tests below can fail)', () => {
  it('staff read every secret release; the deleted one is gone for everyone', async () => {
    expect((await payload.findByID({ collection: 'releases', id: ids.draft, draft: true, ...as(contributor) })).title).toContain(SECRET.draft)
    const scheduled = await payload.findByID({ collection: 'releases', id: ids.scheduled, draft: true, ...as(contributor) })
    expect(scheduled).toMatchObject({ _status: 'draft', workflow: { state: 'in_review' } })
    expect(await payload.count({ collection: 'payload-jobs', where: { 'input.doc.value': { equals: ids.scheduled } } })).toMatchObject({ totalDocs: 1 })
    expect(await payload.count({ collection: 'releases', where: { id: { equals: ids.deleted } } })).toMatchObject({ totalDocs: 0 })
    expect(await payload.count({ collection: 'removed-releases' })).toMatchObject({ totalDocs: 1 })
  })
})

describe.each(CHANNELS)('anonymous via %s', (channel) => {
  it('lists only the published release, with and without draft=true', async () => {
    const api = await http.api(channel, null)
    for (const draft of [undefined, false, true]) {
      const list = await api.find('releases', { title: { like: 'Release' } }, { draft })
      expect(list, JSON.stringify(list)).toMatchObject({ ok: true })
      const text = JSON.stringify(list)
      expect(secretsIn(text)).toEqual([])
      expect(text).toContain(PUBLIC_WORD)
    }
  })

  it('finds no secret release by a where query on its words', async () => {
    const api = await http.api(channel, null)
    for (const word of Object.values(SECRET)) {
      for (const draft of [false, true]) {
        const list = await api.find('releases', { title: { like: word } }, { draft })
        expect(list).toMatchObject({ ok: true, value: { docs: [], totalDocs: 0 } })
      }
    }
  })

  it('gets 404 for each secret release by id, with and without draft=true', async () => {
    const api = await http.api(channel, null)
    for (const id of [ids.draft, ids.scheduled, ids.deleted]) {
      for (const draft of [undefined, true]) {
        const read = await api.findByID('releases', id, { draft })
        expect(read).toMatchObject({ ok: false, status: 404 })
        expect(secretsIn(JSON.stringify(read))).toEqual([])
      }
    }
  })

  it('is refused the version history, as a list and by id', async () => {
    const api = await http.api(channel, null)
    const { docs } = await payload.findVersions({ collection: 'releases', where: { parent: { in: [ids.draft, ids.scheduled] } } })
    expect(docs.length).toBeGreaterThanOrEqual(2)
    for (const id of [ids.draft, ids.scheduled]) {
      expect(await api.findVersions('releases', id)).toMatchObject({ ok: false, status: 403 })
    }
    for (const version of docs) {
      const read = await api.findVersionByID('releases', version.id)
      expect(read).toMatchObject({ ok: false, status: 403 })
      expect(secretsIn(JSON.stringify(read))).toEqual([])
    }
  })

  it('does not read a secret photo’s document, and reads the published one’s', async () => {
    const api = await http.api(channel, null)
    for (const key of ['draft', 'scheduled', 'deleted', 'unpublished', 'draftPortrait'] as const) {
      expect([key, await api.findByID('media', photos[key].id)]).toMatchObject([key, { ok: false, status: 404 }])
    }
    for (const key of ['published', 'gallery', 'portrait', 'logo'] as const) {
      expect([key, await api.findByID('media', photos[key].id)]).toMatchObject([key, { ok: true, value: { id: photos[key].id } }])
    }
    const list = await api.find('media', { alt: { like: 'Photo' } })
    const listed = (list.ok ? list.value.docs : []).map((d: Doc) => d.id).sort()
    expect(listed).toEqual([photos.published.id, photos.gallery.id, photos.portrait.id, photos.logo.id].sort())
  })
})

describe('REST extras, anonymous', () => {
  it('the raw version endpoints answer 403 with no content', async () => {
    for (const path of ['releases/versions', `releases/versions?where[parent][equals]=${ids.draft}`, 'releases/versions?draft=true']) {
      const response = await http.rest.get(path)
      expect(response.status).toBe(403)
      expect(secretsIn(await response.text())).toEqual([])
    }
  })

  it('a release populated at depth 2 shows no secret', async () => {
    const response = await http.rest.get('releases?depth=2&draft=true&limit=100')
    expect(secretsIn(await response.text())).toEqual([])
  })
})

describe('public site, anonymous', () => {
  it('search finds the published release and none of the secrets', async () => {
    const { searchReleases } = await import('@/search')
    const { listReleases } = await import('@/site/releases')
    expect((await searchReleases(payload, 'az', PUBLIC_WORD)).ids).toEqual([ids.published])
    for (const word of Object.values(SECRET)) {
      expect(await searchReleases(payload, 'az', word)).toEqual({ ids: [], totalDocs: 0 })
      expect((await listReleases('az', { q: word })).items).toEqual([])
    }
    const list = await listReleases('az', {}, 100)
    expect(list.items.map((i) => i.doc.id)).toEqual([ids.published])
  })

  it('the feeds list the published release and none of the secrets', async () => {
    const { releasesFeed } = await import('@/site/feed')
    for (const locale of ['az', 'en', 'ru'] as const) {
      const feed = await releasesFeed(locale)
      expect(feed).toContain(PUBLIC_WORD)
      expect(secretsIn(feed)).toEqual([])
      expect(feed.match(/<item>/g)).toHaveLength(1)
    }
  })

  it('the sitemap lists the published release and none of the secrets', async () => {
    const { default: sitemap } = await import('@/app/sitemap')
    const entries = await sitemap()
    const releaseUrls = entries.map((e) => e.url).filter((url) => url.includes('/releases/'))
    expect(releaseUrls).toHaveLength(1)
    expect(releaseUrls[0]).toContain(PUBLIC_WORD.toLowerCase())
    expect(secretsIn(JSON.stringify(entries).replace(/-/g, ''))).toEqual([])
    expect(JSON.stringify(entries).toLowerCase()).not.toMatch(new RegExp(Object.values(SECRET).join('|').toLowerCase()))
  })

  it('the directory pages still show every published photo: gallery, portrait, logo', async () => {
    const { galleryBySlug, officialBySlug, agencyBySlug } = await import('@/site/directory')
    const gallery = await galleryBySlug('en', 'public-gallery')
    expect(gallery?.photos.map((p) => p.image.media.id)).toEqual([photos.gallery.id])
    expect((await officialBySlug('en', 'public-official'))?.portrait?.media.id).toBe(photos.portrait.id)
    expect((await agencyBySlug('en', 'public-agency'))?.logo?.media.id).toBe(photos.logo.id)
    expect(await officialBySlug('en', 'unannounced-official')).toBeNull()
  })

  it('the release page’s data carries its hero image', async () => {
    const { releaseBySlug } = await import('@/site/releases')
    const found = await releaseBySlug('az', (await payload.findByID({ collection: 'releases', id: ids.published })).slug!)
    expect(found?.doc.heroImage).toMatchObject({ id: photos.published.id, filename: photos.published.filename })
  })
})

describe('photo files, anonymous', () => {
  const files = (photo: Photo) => [photo.filename, ...Object.values(photo.sizes).map((s) => s.filename).filter((f): f is string => Boolean(f))]

  it('every size of a photo only a draft, an embargoed, a deleted or an unpublished release showed is refused', async () => {
    for (const key of ['draft', 'scheduled', 'deleted', 'unpublished', 'draftPortrait'] as const) {
      const names = files(photos[key])
      expect(names.length).toBeGreaterThan(5) // the original, its WebP and JPEG sizes, og
      for (const name of names) {
        const response = await http.rest.get(`media/file/${encodeURIComponent(name)}`)
        expect([key, name, response.status]).toEqual([key, name, 403])
      }
      // Staff still open it (the admin and previews show it).
      const staff = await http.rest.get(`media/file/${encodeURIComponent(photos[key].filename)}`, await http.authHeader(contributor))
      expect(staff.status).toBe(200)
    }
  })

  it('every size of a published photo is served, the og image included', async () => {
    for (const key of ['published', 'gallery', 'portrait', 'logo'] as const) {
      for (const name of files(photos[key])) {
        const response = await http.rest.get(`media/file/${encodeURIComponent(name)}`)
        expect([key, name, response.status]).toEqual([key, name, 200])
        await response.arrayBuffer()
      }
    }
    expect(photos.published.sizes.og?.filename).toEqual(expect.any(String))
  })

  it('the check nginx asks before serving a file from disk gives the same answers (deploy/nginx)', async () => {
    const ask = async (name: string, headers: Record<string, string> = {}) =>
      (await http.rest.get('media/access', { 'X-Original-URI': `/api/media/file/${encodeURIComponent(name)}?x=1`, ...headers })).status
    for (const key of ['draft', 'scheduled', 'deleted', 'unpublished', 'draftPortrait'] as const) {
      for (const name of files(photos[key])) expect([key, name, await ask(name)]).toEqual([key, name, 403])
      expect(await ask(photos[key].filename, await http.cookieHeader(contributor))).toBe(204)
    }
    for (const key of ['published', 'gallery', 'portrait', 'logo'] as const) {
      for (const name of files(photos[key])) expect([key, name, await ask(name)]).toEqual([key, name, 204])
    }
    expect(await ask('no-such-photo.jpg')).toBe(403)
    expect(await ask(`../${photos.published.filename}`)).toBe(403)
    expect((await http.rest.get('media/access', { 'X-Original-URI': '/etc/passwd' })).status).toBe(403)
  })

  it('/download/<id> gives the original of a published photo and 404 for a secret one', async () => {
    const { GET } = await import('@/app/(frontend)/download/[id]/route')
    const download = (id: string) => GET(new Request(`http://localhost/download/${id}`), { params: Promise.resolve({ id }) })
    const ok = await download(photos.published.id)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('Content-Disposition')).toContain('attachment')
    // No shared cache may keep it: a photo unpublished later must stop being served at once.
    expect(ok.headers.get('Cache-Control')).toMatch(/\bprivate\b/)
    expect(ok.headers.get('Cache-Control')).not.toMatch(/\bpublic\b/)
    await ok.arrayBuffer()
    for (const key of ['draft', 'scheduled', 'deleted', 'unpublished'] as const) {
      expect([key, (await download(photos[key].id)).status]).toEqual([key, 404])
    }
  })

  it('a photo becomes public when its release is published, and private again when it is unpublished', async () => {
    const photo = await upload('cycle', contributor)
    const { id } = await release('Cycle', photo.id)
    const status = async () => (await http.rest.get(`media/file/${encodeURIComponent(photo.filename)}`)).status
    expect(await status()).toBe(403)
    await payload.update({ collection: 'releases', id, data: { workflow: { state: 'in_review' } }, draft: true, ...as(contributor) })
    // The photo's own update must not leave its "skip the page purge" on the publishing request.
    const req = await createLocalReq({ user: editor }, payload)
    await payload.update({ collection: 'releases', id, data: { _status: 'published' }, req, overrideAccess: false })
    expect(req.context.skipRevalidate).toBeUndefined()
    expect(await status()).toBe(200)
    // A newer draft that drops the photo does not change the public copy, which still shows it.
    await payload.update({ collection: 'releases', id, data: { heroImage: null, workflow: { state: 'in_review' } }, draft: true, ...as(contributor) })
    expect(await status()).toBe(200)
    // Publishing that draft does.
    await payload.update({ collection: 'releases', id, data: { _status: 'published', updateType: 'minor' }, ...as(editor) })
    expect(await status()).toBe(403)
  })

  it('recomputing every photo (the migration’s backfill) puts wrong flags right', async () => {
    const { refreshMediaVisibility } = await import('@/media/visibility')
    await payload.db.updateMany({ collection: 'media', where: { id: { equals: photos.published.id } }, data: { inPublishedUse: false } })
    await payload.db.updateMany({ collection: 'media', where: { id: { equals: photos.draft.id } }, data: { inPublishedUse: true } })
    expect((await http.rest.get(`media/file/${encodeURIComponent(photos.draft.filename)}`)).status).toBe(200)
    expect(await refreshMediaVisibility(payload)).toBe(2)
    expect((await http.rest.get(`media/file/${encodeURIComponent(photos.draft.filename)}`)).status).toBe(403)
    expect((await payload.findByID({ collection: 'media', id: photos.published.id })).inPublishedUse).toBe(true)
    expect(await refreshMediaVisibility(payload)).toBe(0)
  })

  it('a client cannot make a photo public by setting the flag', async () => {
    const photo = await upload('flag', contributor)
    const patched = await http.rest.patch(`media/${photo.id}`, JSON.stringify({ inPublishedUse: true }), {
      ...(await http.authHeader(editor)),
      'Content-Type': 'application/json',
    })
    // Refused outright by the API's input check (the field is the server's, never the client's).
    expect(patched.status).toBe(403)
    expect(await patched.text()).toContain('You are not allowed to set inPublishedUse.')
    expect((await payload.findByID({ collection: 'media', id: photo.id })).inPublishedUse).toBe(false)
    expect((await http.rest.get(`media/file/${encodeURIComponent(photo.filename)}`)).status).toBe(403)
  })
})
