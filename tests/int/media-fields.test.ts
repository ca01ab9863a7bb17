/**
 * A photo's file fields are the server's: `filename`, `url`, `thumbnailURL`, `mimeType`, `filesize`,
 * `width`, `height` and `sizes` (each size's file name, address, type, size and dimensions) are set
 * when a file is uploaded, never by the client. Otherwise a record could be pointed at another
 * record's file (served under its rules), and Payload's focal-point and crop re-processing, which
 * reads and rewrites the file the record names, could overwrite a file readers see. Only `focalX` /
 * `focalY` (and a crop asked for with `uploadEdits`) are the client's.
 *
 * Each attempt is made as a contributor and as an editor, through REST (JSON and multipart
 * `_payload`), GraphQL and the local API with access control on, and must be refused with a message
 * saying the server sets the file name, leaving the record and every file in the media folder as they
 * were. Two exceptions, both Payload's own and before any hook of the app: a file name with a path is
 * refused with Payload's "Invalid filename." (400); and the local API (server code, no request body
 * to look at) drops `filename`, `url` and `sizes` silently, so there the attempt must change nothing
 * readers get (no record points at another file, no file is rewritten). The admin's own flows still
 * work: it sends the fields back as it read them, with a new file, a new focal point or a crop.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHANNELS, type Channel, clients, type Clients, type Result, type Upload } from './helpers/channels'
import { makeAgency, paragraph } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

// This file's own media folder: other test files clean theirs up while this one runs.
const MEDIA = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-media-fields-'))
process.env.MEDIA_DIR = MEDIA

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let agencyId: string
const users: Record<'contributor' | 'editor' | 'admin', TestUser> = {} as never
let counter = 0

/** The refusal: a 400 or 403 whose message says the server sets the file name. */
const SERVER_SETS = /file name .* set by the server/i
/** Payload refuses a file name with a path before any hook of the app (sanitizeUploadData), with its own words. */
const PATH_REFUSED = /^Invalid filename\.$|file name .* set by the server/i

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
  users.contributor = await makeUser(payload, ['contributor'])
  users.editor = await makeUser(payload, ['editor'])
  users.admin = await makeUser(payload, ['admin'])
  agencyId = String((await makeAgency(payload)).id)
})
afterAll(async () => {
  await cleanup?.()
  fs.rmSync(MEDIA, { recursive: true, force: true })
})

async function png(color = '#888', width = 640, height = 480): Promise<Upload> {
  const half = Math.floor(width / 2)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${half}" height="${height}" fill="${color}"/><rect x="${half}" width="${width - half}" height="${height}" fill="#00d"/></svg>`
  const data = await sharp(Buffer.from(svg)).png().toBuffer()
  counter += 1
  return { data, mimetype: 'image/png', name: `fields-${process.pid}-${counter}.png`, size: data.length }
}

type Photo = Record<string, unknown> & { id: string; filename: string; sizes: Record<string, Record<string, unknown>> }

/** The photo as stored (every language, no access control). */
const stored = async (id: string) => (await payload.findByID({ collection: 'media', id, locale: 'all', depth: 0, overrideAccess: true })) as unknown as Photo

/** A photo uploaded by `user` through the local API with access control on: their own, on no page. */
async function ownPhoto(user: TestUser, width = 640, height = 480): Promise<Photo> {
  const doc = await payload.create({ collection: 'media', data: { alt: 'Own photo' }, file: await png('#2a6', width, height), user, overrideAccess: false })
  return stored(String(doc.id))
}

/** A photo a published release shows: its files are what readers get. */
async function publishedPhoto(): Promise<Photo> {
  const doc = await payload.create({ collection: 'media', data: { alt: 'Nazir çıxış edir' }, file: await png('#d00') })
  counter += 1
  await payload.create({
    collection: 'releases',
    data: { title: `Release with photo ${counter}`, type: 'news', leadAgency: agencyId, body: paragraph('Text.'), heroImage: doc.id, _status: 'published' } as never,
  })
  const photo = await stored(String(doc.id))
  expect(photo.inPublishedUse).toBe(true)
  return photo
}

/** Every file in the media folder and a hash of its bytes. */
function disk(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of fs.readdirSync(MEDIA).sort()) {
    out[name] = crypto.createHash('sha256').update(fs.readFileSync(path.join(MEDIA, name))).digest('hex')
  }
  return out
}

const mediaCount = async () => (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs

function refused(result: Result<unknown>, message: RegExp = SERVER_SETS) {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: false })
  const { status, message: text } = result as { status: number; message: string }
  expect([400, 403], `status ${status}: ${text}`).toContain(status)
  expect(text).toMatch(message)
}

async function restResult(response: Response): Promise<Result<Record<string, unknown>>> {
  const body = (await response.json()) as Record<string, unknown>
  if (response.ok) return { ok: true, value: body }
  const errors = (body.errors as { message: string }[] | undefined) ?? []
  return { ok: false, status: response.status, message: errors[0]?.message ?? JSON.stringify(body) }
}

/** REST multipart, as the admin sends a save: the document in `_payload`, optionally a file. */
async function restForm(method: 'post' | 'patch', apiPath: string, user: TestUser, data: Record<string, unknown>, file?: Upload) {
  const form = new FormData()
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
  form.append('_payload', JSON.stringify(data))
  return restResult(await http.rest[method](apiPath, form, await http.authHeader(user)))
}

async function restJson(method: 'post' | 'patch', apiPath: string, user: TestUser, data: Record<string, unknown>) {
  return restResult(await http.rest[method](apiPath, JSON.stringify(data), { ...(await http.authHeader(user)), 'Content-Type': 'application/json' }))
}

/** An update through `channel`; REST both as JSON and as multipart `_payload` (two results). */
async function updateVia(channel: Channel, user: TestUser, id: string, data: Record<string, unknown>): Promise<Result<unknown>[]> {
  if (channel === 'rest') return [await restJson('patch', `media/${id}`, user, data), await restForm('patch', `media/${id}`, user, data)]
  return [await (await http.api(channel, user)).update('media', id, data)]
}

/** A create through `channel` without a file (GraphQL has no uploads); REST both as JSON and as multipart. */
async function createVia(channel: Channel, user: TestUser, data: Record<string, unknown>): Promise<Result<unknown>[]> {
  if (channel === 'rest') return [await restJson('post', 'media', user, data), await restForm('post', 'media', user, data)]
  return [await (await http.api(channel, user)).create('media', data)]
}

/** Tries `attempt`, expects every result refused, and nothing stored or on disk changed. */
async function expectNothingChanges(ids: string[], attempt: () => Promise<Result<unknown>[]>, message?: RegExp) {
  const before = { disk: disk(), count: await mediaCount(), docs: await Promise.all(ids.map(stored)) }
  const results = await attempt()
  for (const result of results) refused(result, message)
  expect(disk()).toEqual(before.disk)
  expect(await mediaCount()).toBe(before.count)
  expect(await Promise.all(ids.map(stored))).toEqual(before.docs)
}

const sizeFiles = (photo: Photo) => Object.fromEntries(Object.entries(photo.sizes).map(([name, size]) => [name, size.filename]))

/**
 * An attempt to point `own` at `target`'s file (`filename`, `url`, `sizes`): refused through REST and
 * GraphQL; through the local API Payload drops those keys before any hook, so the write may go
 * through, but `own` keeps its own file names, `target` and its files stay as they were and no file
 * appears or disappears.
 */
async function expectNotPointed(channel: Channel, own: Photo, target: Photo, attempt: () => Promise<Result<unknown>[]>) {
  if (channel !== 'local') return expectNothingChanges([own.id, target.id], attempt)
  const before = { disk: disk(), count: await mediaCount(), target: await stored(target.id) }
  const targetFiles = [target.filename, ...Object.values(sizeFiles(target)).filter(Boolean)] as string[]
  for (const result of await attempt()) {
    if (!result.ok) refused(result)
  }
  const after = await stored(own.id)
  expect(after.filename).toBe(own.filename)
  expect(after.url).toBe(own.url)
  expect(sizeFiles(after)).toEqual(sizeFiles(own))
  expect(await stored(target.id)).toEqual(before.target)
  const now = disk()
  expect(Object.keys(now)).toEqual(Object.keys(before.disk))
  for (const name of targetFiles) expect(now[name], name).toBe(before.disk[name])
  expect(await mediaCount()).toBe(before.count)
}

const ROLES = ['contributor', 'editor'] as const
/** The admin's focal-point edit: the new point in the query (`uploadEdits`), the document's fields as read in the body. */
const FOCAL = 'uploadEdits[focalPoint][x]=5&uploadEdits[focalPoint][y]=5'
const CROP =
  'uploadEdits[crop][x]=0&uploadEdits[crop][y]=0&uploadEdits[crop][width]=50&uploadEdits[crop][height]=50&uploadEdits[crop][unit]=%25&uploadEdits[widthInPixels]=320&uploadEdits[heightInPixels]=240'

describe('a photo record cannot be pointed at another file', () => {
  for (const role of ROLES) {
    for (const channel of CHANNELS) {
      it(`${role}, ${channel}: create naming an existing file (no upload) is refused; no record, no file`, async () => {
        const target = await publishedPhoto()
        const user = users[role]
        await expectNothingChanges([target.id], () =>
          createVia(channel, user, { alt: 'Copy', filename: target.filename, url: `/api/media/file/${target.filename}` }),
        )
        await expectNothingChanges([target.id], () => createVia(channel, user, { alt: 'Copy', filename: target.filename }))
      })

      it(`${role}, ${channel}: update with another record's filename is refused; both records and all files stay`, async () => {
        const own = await ownPhoto(users[role])
        const target = await publishedPhoto()
        await expectNotPointed(channel, own, target, () => updateVia(channel, users[role], own.id, { filename: target.filename }))
        await expectNotPointed(channel, own, target, () =>
          updateVia(channel, users[role], own.id, { filename: target.filename, url: `/api/media/file/${target.filename}` }),
        )
      })

      it(`${role}, ${channel}: update with another record's filename and a new focal point is refused; its file is not rewritten`, async () => {
        const own = await ownPhoto(users[role])
        const target = await publishedPhoto()
        await expectNotPointed(channel, own, target, () =>
          updateVia(channel, users[role], own.id, { filename: target.filename, focalX: 10, focalY: 90 }),
        )
      })

      it(`${role}, ${channel}: sizes.card.filename (and url) of another record is refused`, async () => {
        const own = await ownPhoto(users[role])
        const target = await publishedPhoto()
        const card = target.sizes.card!
        await expectNotPointed(channel, own, target, () => updateVia(channel, users[role], own.id, { sizes: { card: { filename: card.filename } } }))
        await expectNotPointed(channel, own, target, () =>
          updateVia(channel, users[role], own.id, { sizes: { card: { filename: card.filename, url: card.url } }, focalX: 30, focalY: 70 }),
        )
      })

      it(`${role}, ${channel}: the file's type, size, dimensions and addresses cannot be set`, async () => {
        const own = await ownPhoto(users[role])
        for (const data of [
          { mimeType: 'image/webp' },
          { filesize: 1 },
          { width: 1, height: 1 },
          { thumbnailURL: 'https://example.org/x.png' },
          { width: 1, url: '/api/media/file/elsewhere.png', sizes: { card: { width: 1, mimeType: 'image/webp' } } },
        ]) {
          await expectNothingChanges([own.id], () => updateVia(channel, users[role], own.id, data))
        }
        if (channel !== 'local') {
          for (const data of [{ url: '/api/media/file/elsewhere.png' }, { sizes: { card: { width: 1, mimeType: 'image/webp' } } }]) {
            await expectNothingChanges([own.id], () => updateVia(channel, users[role], own.id, data))
          }
        }
      })

      it(`${role}, ${channel}: path traversal in filename is refused; nothing on disk changes`, async () => {
        const own = await ownPhoto(users[role])
        for (const data of [
          { filename: '../x.png' },
          { filename: '../../etc/passwd.png', focalX: 5, focalY: 5 },
          { filename: '..\\..\\win.ini.png' },
          { filename: '/etc/passwd.png' },
          { sizes: { card: { filename: '../card.png' } } },
        ]) {
          await expectNothingChanges([own.id], () => updateVia(channel, users[role], own.id, data), PATH_REFUSED)
        }
        await expectNothingChanges([], () => createVia(channel, users[role], { alt: 'Traversal', filename: '../x.png', url: '/api/media/file/../x.png' }), PATH_REFUSED)
      })
    }

    it(`${role}, REST: an upload that also names an existing file (or sets its type, size or dimensions) is refused`, async () => {
      const target = await publishedPhoto()
      for (const data of [
        { alt: 'Upload', filename: target.filename },
        { alt: 'Upload', sizes: { card: { filename: target.sizes.card!.filename } } },
        { alt: 'Upload', width: 1, height: 1, mimeType: 'image/webp', filesize: 1 },
      ]) {
        await expectNothingChanges([target.id], async () => [await restForm('post', 'media', users[role], data, await png('#555'))])
      }
    })

    it(`${role}, local: an upload's type, size or dimensions are refused; a file name it names is dropped (the upload is named by the server)`, async () => {
      const target = await publishedPhoto()
      const api = await http.api('local', users[role])
      await expectNothingChanges([target.id], async () => [
        await api.create('media', { alt: 'Upload', width: 1, height: 1, mimeType: 'image/webp', filesize: 1 }, { file: await png('#555') }),
      ])
      const before = disk()
      for (const data of [{ alt: 'Upload', filename: target.filename }, { alt: 'Upload', sizes: { card: { filename: target.sizes.card!.filename } } }]) {
        const file = await png('#555')
        const created = await api.create('media', data, { file })
        expect(created, JSON.stringify(created)).toMatchObject({ ok: true })
        const doc = await stored((created as { value: { id: string } }).value.id)
        expect(doc.filename).toBe(file.name)
        const targetSizes = Object.values(sizeFiles(target)).filter(Boolean)
        expect(Object.values(sizeFiles(doc)).filter((name) => targetSizes.includes(name))).toEqual([])
      }
      const now = disk()
      for (const [name, hash] of Object.entries(before)) expect(now[name], name).toBe(hash)
      expect(await stored(target.id)).toEqual(target)
    })

    it(`${role}, REST: a crop or focal point (uploadEdits) of a record pointed at another file is refused; that file is not rewritten`, async () => {
      const own = await ownPhoto(users[role])
      const target = await publishedPhoto()
      await expectNothingChanges([own.id, target.id], async () => [
        await restJson('patch', `media/${own.id}?${CROP}`, users[role], { filename: target.filename }),
        await restForm('patch', `media/${own.id}?${CROP}`, users[role], { filename: target.filename }),
        await restJson('patch', `media/${own.id}?${FOCAL}`, users[role], { filename: target.filename }),
        await restForm('patch', `media/${own.id}?${FOCAL}`, users[role], { sizes: { card: { filename: target.sizes.card!.filename } } }),
      ])
    })
  }

  it('REST: a bulk update (`PATCH /api/media?where=…`) cannot set a file field', async () => {
    const own = await ownPhoto(users.editor)
    const target = await publishedPhoto()
    await expectNothingChanges([own.id, target.id], async () => [
      await restJson('patch', `media?where[id][equals]=${own.id}`, users.editor, { filename: target.filename }),
      await restJson('patch', `media?where[id][equals]=${own.id}`, users.editor, { width: 1 }),
    ])
  })
})

describe("the admin's own flows still work", () => {
  /** What the admin's form holds for a photo: the document as the API reads it. */
  const asRead = async (user: TestUser, id: string) => {
    const read = await restResult(await http.rest.get(`media/${id}?depth=0`, await http.authHeader(user)))
    expect(read.ok).toBe(true)
    return (read as { value: Record<string, unknown> }).value
  }
  const formData = (doc: Record<string, unknown>) => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = doc
    return rest
  }

  for (const role of ['contributor', 'editor', 'admin'] as const) {
    it(`${role}: an upload with the form's empty file fields works; the server names the file`, async () => {
      const file = await png('#357')
      const created = await restForm('post', 'media', users[role], {
        alt: 'New photo',
        filename: null,
        mimeType: null,
        filesize: null,
        width: null,
        height: null,
        url: null,
        thumbnailURL: null,
        focalX: null,
        focalY: null,
      }, file)
      expect(created, JSON.stringify(created)).toMatchObject({ ok: true })
      const doc = await stored(String(((created as unknown as { value: { doc: { id: string } } }).value.doc).id))
      expect(doc.filename).toBe(file.name)
      expect([doc.width, doc.height, doc.mimeType]).toEqual([640, 480, 'image/png'])
      expect(fs.existsSync(path.join(MEDIA, doc.filename))).toBe(true)
    })

    it(`${role}: saving with every field sent back as read (alt changed) works`, async () => {
      const own = await ownPhoto(users[role])
      const filesBefore = disk()
      const saved = await restForm('patch', `media/${own.id}`, users[role], { ...formData(await asRead(users[role], own.id)), alt: 'Changed alt' })
      expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
      const after = await stored(own.id)
      expect((after.alt as Record<string, string>).az).toBe('Changed alt')
      expect(after.filename).toBe(own.filename)
      expect(after.sizes).toEqual(own.sizes)
      expect(disk()).toEqual(filesBefore)
    })

    it(`${role}: a new focal point (uploadEdits, as the admin sends it), with the rest sent back as read, re-cuts the sizes from the record's own file`, async () => {
      // Wider than the card (16:9): the card is cut across the width, where the focal point moves it.
      const own = await ownPhoto(users[role], 1600, 600)
      const original = fs.readFileSync(path.join(MEDIA, own.filename))
      const card = fs.readFileSync(path.join(MEDIA, String(own.sizes.card!.filename)))
      const saved = await restForm('patch', `media/${own.id}?${FOCAL}`, users[role], formData(await asRead(users[role], own.id)))
      expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
      const after = await stored(own.id)
      expect([after.focalX, after.focalY]).toEqual([5, 5])
      expect(after.filename).toBe(own.filename)
      expect(fs.readFileSync(path.join(MEDIA, own.filename)).equals(original)).toBe(true)
      expect(fs.readFileSync(path.join(MEDIA, String(after.sizes.card!.filename))).equals(card)).toBe(false)
    })

    it(`${role}: replacing the file, with the old fields sent back as read, stores the new file's facts`, async () => {
      const own = await ownPhoto(users[role])
      const file = await png('#a0a', 800, 600)
      const saved = await restForm('patch', `media/${own.id}`, users[role], formData(await asRead(users[role], own.id)), file)
      expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
      const after = await stored(own.id)
      expect(after.filename).toBe(file.name)
      expect([after.width, after.height]).toEqual([800, 600])
      expect(fs.existsSync(path.join(MEDIA, file.name))).toBe(true)
    })

    it(`${role}: a crop (uploadEdits), with the fields sent back as read, rewrites only the record's own file`, async () => {
      const own = await ownPhoto(users[role])
      const target = await publishedPhoto()
      const targetFiles = Object.fromEntries(Object.entries(disk()).filter(([name]) => name.startsWith(target.filename.replace(/\.png$/, ''))))
      const saved = await restForm('patch', `media/${own.id}?${CROP}`, users[role], formData(await asRead(users[role], own.id)))
      expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
      const after = await stored(own.id)
      expect([after.width, after.height]).toEqual([320, 240])
      const now = disk()
      for (const [name, hash] of Object.entries(targetFiles)) expect(now[name]).toBe(hash)
    })
  }

  it('server code (overrideAccess) is trusted as before', async () => {
    const own = await ownPhoto(users.editor)
    await payload.update({ collection: 'media', id: own.id, data: { focalX: 40, focalY: 60 } })
    expect((await stored(own.id)).focalX).toBe(40)
  })
})
