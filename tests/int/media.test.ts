/**
 * Photos: the upload pipeline (sizes, formats, EXIF stripped, orientation applied, date taken and
 * credit read), refusals that write nothing, the alt-text gate on every publishing route, and
 * "used in" with the delete guard. Images are made here with sharp, EXIF GPS included.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { GRAPHQL_POST, REST_DELETE, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import exifReader from 'exif-reader'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findMediaUsage } from '@/media/usage'
import type { Media } from '@/payload-types'

import { draftRelease, makeAgency } from './helpers/fixtures'
import { makeUser, startPayload, type TestUser } from './helpers/payload'

// This file's own media folder: other test files clean theirs up while this one runs.
const MEDIA = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-media-'))
process.env.MEDIA_DIR = MEDIA

const BASE = 'http://localhost:3000'
const PASSWORD = 'correct horse battery staple'

let payload: Payload
let cleanup: () => Promise<void>
let contributor: TestUser
let editor: TestUser
let admin: TestUser
let agencyId: string
let restPost: ReturnType<typeof REST_POST>
let restPatch: ReturnType<typeof REST_PATCH>
let restDelete: ReturnType<typeof REST_DELETE>
let graphqlPost: ReturnType<typeof GRAPHQL_POST>
const tokens = new Map<string, string>()

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '40/1 24/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '49/1 52/1 0/1' }

/** A photo as a camera writes it: EXIF with GPS, a photographer, the time taken and (optionally) a rotation. */
async function cameraImage(format: 'jpeg' | 'png' | 'webp', width: number, height: number, orientation = 1): Promise<Buffer> {
  // Left half red, right half blue, so the orientation of the stored pixels can be checked.
  const half = Math.floor(width / 2)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${half}" height="${height}" fill="#d00"/><rect x="${half}" width="${width - half}" height="${height}" fill="#00d"/></svg>`
  return sharp(Buffer.from(svg))
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Artist: 'Leyla Mammadova', Make: 'Canon', Model: 'EOS R5' },
      IFD2: { DateTimeOriginal: '2025:01:24 15:02:31' },
      IFD3: GPS,
    })
    .toFormat(format)
    .toBuffer()
}

const filesIn = () => fs.readdirSync(MEDIA).sort()

async function tokenOf(user: TestUser): Promise<string> {
  if (!tokens.has(user.email)) {
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })
    tokens.set(user.email, token!)
  }
  return tokens.get(user.email)!
}

async function rest(
  method: 'POST' | 'PATCH' | 'DELETE',
  apiPath: string,
  user: TestUser,
  body?: FormData | Record<string, unknown>,
) {
  const url = new URL(`${BASE}/api/${apiPath}`)
  const headers: Record<string, string> = { Authorization: `JWT ${await tokenOf(user)}` }
  let payloadBody: BodyInit | undefined
  if (body instanceof FormData) payloadBody = body
  else if (body) {
    headers['Content-Type'] = 'application/json'
    payloadBody = JSON.stringify(body)
  }
  const request = new Request(url, { method, headers, body: payloadBody })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const handler = method === 'POST' ? restPost : method === 'PATCH' ? restPatch : restDelete
  const response = await handler(request, { params: Promise.resolve({ slug }) })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const uploadForm = (data: Buffer, name: string, type: string, fields: Record<string, unknown> = { alt: 'Alt text' }) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify(fields))
  return form
}

const errorText = (body: Record<string, unknown>) => JSON.stringify(body.errors ?? body)
/** The message an admin toast shows: the first error's own message (its data may not survive the production bundle). */
const firstMessage = (body: Record<string, unknown>) => ((body.errors ?? []) as { message?: string }[])[0]?.message ?? ''

async function upload(data: Buffer, name: string, alt: Partial<Record<'az' | 'en', string>> = { az: 'Nazir müşavirədə çıxış edir' }) {
  const [first, ...rest] = Object.entries(alt) as ['az' | 'en', string][]
  const doc = await payload.create({
    collection: 'media',
    data: { alt: first![1] },
    locale: first![0],
    file: { data, name, mimetype: `image/${name.split('.').pop()!.replace('jpg', 'jpeg')}`, size: data.length },
    user: editor,
    overrideAccess: false,
  })
  for (const [locale, text] of rest) await payload.update({ collection: 'media', id: doc.id, locale, data: { alt: text } })
  return doc
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const { default: config } = await import('@payload-config')
  restPost = REST_POST(config)
  restPatch = REST_PATCH(config)
  restDelete = REST_DELETE(config)
  graphqlPost = GRAPHQL_POST(config)
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
  admin = await makeUser(payload, ['admin'])
  agencyId = String((await makeAgency(payload)).id)
})
afterAll(async () => {
  await cleanup()
  fs.rmSync(MEDIA, { recursive: true, force: true })
})

describe('upload pipeline', () => {
  const cases = [
    { format: 'jpeg', name: 'event-photo.jpg', mime: 'image/jpeg' },
    { format: 'png', name: 'screenshot.png', mime: 'image/png' },
    { format: 'webp', name: 'phone-photo.webp', mime: 'image/webp' },
  ] as const

  for (const { format, name, mime } of cases) {
    it(`${format}: every size exists with its dimensions and format, and no public file keeps GPS or camera data`, async () => {
      const source = await cameraImage(format, 3000, 2000)
      expect(exifReader((await sharp(source).metadata()).exif!).GPSInfo?.GPSLatitude).toBeDefined()

      const doc = await upload(source, name)
      expect(doc.mimeType).toBe(mime)
      expect([doc.width, doc.height]).toEqual([3000, 2000])
      const expected: Record<string, { width: number; height: number; mime: string }> = {
        thumbnail: { width: 400, height: 300, mime },
        thumbnailWebp: { width: 400, height: 300, mime: 'image/webp' },
        card: { width: 800, height: 450, mime },
        cardWebp: { width: 800, height: 450, mime: 'image/webp' },
        hero: { width: 1600, height: 1067, mime },
        heroWebp: { width: 1600, height: 1067, mime: 'image/webp' },
        full: { width: 2400, height: 1600, mime },
        fullWebp: { width: 2400, height: 1600, mime: 'image/webp' },
        og: { width: 1200, height: 630, mime: 'image/jpeg' },
      }
      const sizes = doc.sizes as Record<string, { width?: number | null; height?: number | null; mimeType?: string | null; filename?: string | null }>
      for (const [size, want] of Object.entries(expected)) {
        const got = sizes[size]
        expect(got, size).toBeDefined()
        expect({ width: got!.width, height: got!.height, mime: got!.mimeType }, size).toEqual(want)
        const meta = await sharp(path.join(MEDIA, got!.filename!)).metadata()
        expect([meta.width, meta.height, `image/${meta.format}`], size).toEqual([want.width, want.height, want.mime])
      }
      const publicFiles = [doc.filename!, ...Object.values(sizes).map((s) => s.filename!)]
      for (const file of publicFiles) {
        const { exif } = await sharp(path.join(MEDIA, file)).metadata()
        if (exif) {
          const tags = exifReader(exif)
          expect(tags.GPSInfo, `${file} GPS`).toBeUndefined()
          expect(tags.Image?.Make, `${file} camera`).toBeUndefined()
        }
      }
    })
  }

  it('applies the EXIF orientation before stripping it: a sideways photo is stored upright', async () => {
    // Stored 1200×800 with "rotate 90° clockwise to display": the reader must see 800×1200.
    const doc = await upload(await cameraImage('jpeg', 1200, 800, 6), 'sideways.jpg')
    expect([doc.width, doc.height]).toEqual([800, 1200])
    const original = sharp(path.join(MEDIA, doc.filename!))
    const meta = await original.metadata()
    expect([meta.width, meta.height]).toEqual([800, 1200])
    expect(meta.orientation ?? 1).toBe(1)
    // The red half (left before rotation) is now on top.
    const { data } = await original.clone().extract({ left: 400, top: 100, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    expect(data[0]).toBeGreaterThan(150)
    expect(data[2]).toBeLessThan(100)
    const hero = (doc.sizes as Record<string, { width?: number | null; height?: number | null }>).hero
    expect(hero!.height! > hero!.width!).toBe(true)
  })

  it('an upright JPEG keeps its exact pixels and colour profile; only the metadata goes', async () => {
    const source = await sharp(await cameraImage('jpeg', 1000, 700))
      .withIccProfile('p3')
      .withExifMerge({ IFD3: GPS })
      .jpeg({ quality: 90 })
      .toBuffer()
    const doc = await upload(source, 'exact-pixels.jpg')
    const stored = fs.readFileSync(path.join(MEDIA, doc.filename!))
    const [before, after] = await Promise.all([source, stored].map((b) => sharp(b).raw().toBuffer()))
    expect(after.equals(before!)).toBe(true)
    const meta = await sharp(stored).metadata()
    expect(meta.icc).toBeDefined()
    expect(meta.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('Canon'))).toBe(false)
    expect(stored.length).toBeLessThan(source.length)
  })

  it('refuses a JPEG cut off inside its image data', async () => {
    const source = await cameraImage('jpeg', 1500, 1000)
    const before = filesIn()
    await expect(upload(source.subarray(0, Math.floor(source.length * 0.8)), 'cut-in-scan.jpg')).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('“cut-in-scan.jpg” is damaged or incomplete'),
    })
    expect(filesIn()).toEqual(before)
  })

  it('reads the date taken and the photographer from EXIF, unless the editor gave them', async () => {
    const doc = await upload(await cameraImage('jpeg', 800, 600), 'dated.jpg')
    // 15:02:31 on the camera's clock in Baku (UTC+4).
    expect(doc.dateTaken).toBe('2025-01-24T11:02:31.000Z')
    expect(doc.credit).toBe('Leyla Mammadova')
    const given = await payload.create({
      collection: 'media',
      data: { alt: 'Alt', credit: 'Press service', dateTaken: '2024-05-01T08:00:00.000Z' },
      file: { data: await cameraImage('jpeg', 800, 600), name: 'given.jpg', mimetype: 'image/jpeg', size: 1 },
    })
    expect(given.credit).toBe('Press service')
    expect(given.dateTaken).toBe('2024-05-01T08:00:00.000Z')
  })

  it('needs alt text to save an image at all', async () => {
    const response = await rest('POST', 'media', editor, uploadForm(await cameraImage('jpeg', 400, 300), 'no-alt.jpg', 'image/jpeg', {}))
    expect(response.status).toBe(400)
    expect(errorText(response.body)).toMatch(/alt/i)
  })
})

describe('refused uploads: a 4xx with a message, and nothing written', () => {
  const valid = () => cameraImage('jpeg', 1500, 1000)

  /** A PNG whose header claims 50,000 × 50,000 pixels (2.5 gigapixels): a decompression bomb. */
  async function bombPng(): Promise<Buffer> {
    const png = Buffer.from(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer())
    png.writeUInt32BE(50_000, 16)
    png.writeUInt32BE(50_000, 20)
    png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)) >>> 0, 29)
    return png
  }

  const refusals: { what: string; file: () => Promise<Buffer>; name: string; type: string; status: number; message: RegExp; env?: Record<string, string> }[] = [
    {
      what: 'an SVG (it can carry script)',
      file: async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>'),
      name: 'logo.svg',
      type: 'image/svg+xml',
      status: 415,
      message: /“logo\.svg” is an SVG/,
    },
    {
      what: 'a text file renamed .jpg',
      file: async () => Buffer.from('This is not a photo, just text pretending to be one.\n'.repeat(20)),
      name: 'notes.jpg',
      type: 'image/jpeg',
      status: 415,
      message: /“notes\.jpg” is not an image this site accepts/,
    },
    {
      what: 'a PNG named .jpg',
      file: async () => sharp({ create: { width: 50, height: 50, channels: 3, background: '#0a0' } }).png().toBuffer(),
      name: 'actually-png.jpg',
      type: 'image/jpeg',
      status: 415,
      message: /claims to be JPEG but its content is PNG/,
    },
    {
      what: 'a truncated JPEG',
      file: async () => (await valid()).subarray(0, 9000),
      name: 'cut-off.jpg',
      type: 'image/jpeg',
      status: 400,
      message: /“cut-off\.jpg” is damaged or incomplete/,
    },
    {
      what: 'an image over the pixel limit (decompression bomb)',
      file: bombPng,
      name: 'bomb.png',
      type: 'image/png',
      status: 413,
      message: /50000×50000 pixels .* the largest image accepted is 100 megapixels/,
    },
    {
      what: 'a file over the size limit',
      file: valid,
      name: 'too-big.jpg',
      type: 'image/jpeg',
      status: 413,
      message: /“too-big\.jpg” is .* MB; the largest file accepted is 0 MB/,
      env: { MEDIA_MAX_FILE_MB: '0.001' },
    },
  ]

  for (const refusal of refusals) {
    it(`refuses ${refusal.what}`, async () => {
      const before = { count: (await payload.count({ collection: 'media' })).totalDocs, files: filesIn() }
      const saved = Object.fromEntries(Object.keys(refusal.env ?? {}).map((k) => [k, process.env[k]]))
      Object.assign(process.env, refusal.env)
      try {
        const response = await rest('POST', 'media', editor, uploadForm(await refusal.file(), refusal.name, refusal.type))
        expect(response.status).toBe(refusal.status)
        expect(firstMessage(response.body)).toMatch(refusal.message)
        expect(errorText(response.body)).not.toMatch(/at \w+ \(|node_modules|\/work\//)
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k]
          else process.env[k] = v
        }
      }
      expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before.count)
      expect(filesIn()).toEqual(before.files)
    })
  }

  it('refuses replacing a stored photo with a damaged file, and keeps the photo as it was', async () => {
    const doc = await upload(await valid(), 'keep-me.jpg')
    const before = filesIn()
    const response = await rest('PATCH', `media/${doc.id}`, editor, uploadForm((await valid()).subarray(0, 5000), 'keep-me.jpg', 'image/jpeg', {}))
    expect(response.status).toBe(400)
    const after = await payload.findByID({ collection: 'media', id: doc.id })
    expect(after.filename).toBe(doc.filename)
    expect(after.filesize).toBe(doc.filesize)
    expect(filesIn()).toEqual(before)
  })
})

describe('alt text blocks publishing, on every route', () => {
  let described: Media
  let undescribed: Media

  beforeAll(async () => {
    described = await upload(await cameraImage('jpeg', 1200, 800), 'described.jpg', { az: 'Nazir çıxış edir', en: 'The minister speaks' })
    // Described in English only: the default language (Azerbaijani) has no alt text.
    undescribed = await upload(await cameraImage('jpeg', 1200, 800), 'IMG_8788+ 2.jpg', { en: 'Board meeting' })
  })

  const draftGallery = (photos: string[]) =>
    payload.create({
      collection: 'galleries',
      data: { title: `Gallery ${Math.random()}`, photos, _status: 'draft' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
  const isPublished = async (collection: 'galleries' | 'releases', id: string) =>
    (await payload.find({ collection, where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] } })).totalDocs === 1

  it('local API: a gallery with an undescribed photo is refused, naming the photo', async () => {
    const gallery = await draftGallery([described.id, undescribed.id])
    await expect(
      payload.update({ collection: 'galleries', id: gallery.id, data: { _status: 'published' }, user: editor, overrideAccess: false }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'photos', message: expect.stringContaining('“IMG_8788+ 2.jpg” has no alt text in Azerbaijani') }] } })
    expect(await isPublished('galleries', gallery.id)).toBe(false)
  })

  it('REST: 400 with the photo named; publishing works once it is described', async () => {
    const gallery = await draftGallery([undescribed.id])
    const refused = await rest('PATCH', `galleries/${gallery.id}`, editor, { _status: 'published' })
    expect(refused.status).toBe(400)
    expect(firstMessage(refused.body)).toBe('Cannot publish: “IMG_8788+ 2.jpg” has no alt text in Azerbaijani. Describe it in Media first.')
    expect(await isPublished('galleries', gallery.id)).toBe(false)

    const photo = await upload(await cameraImage('jpeg', 600, 400), 'later-described.jpg', { en: 'Later' })
    const other = await draftGallery([photo.id])
    await payload.update({ collection: 'media', id: photo.id, locale: 'az', data: { alt: 'Sonra təsvir edildi' } })
    const ok = await rest('PATCH', `galleries/${other.id}`, editor, { _status: 'published' })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(await isPublished('galleries', other.id)).toBe(true)
  })

  it('GraphQL: refused with the photo named', async () => {
    const gallery = await draftGallery([undescribed.id])
    const response = await graphqlPost(
      new Request(`${BASE}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${await tokenOf(editor)}` },
        body: JSON.stringify({ query: `mutation { updateGallery(id: "${gallery.id}", data: { _status: published }) { id _status } }` }),
      }),
    )
    const body = (await response.json()) as { data?: { updateGallery: unknown } | null; errors?: { message: string; extensions?: unknown }[] }
    expect(body.data?.updateGallery ?? null).toBeNull()
    expect(JSON.stringify(body.errors)).toContain('IMG_8788+ 2.jpg')
    expect(await isPublished('galleries', gallery.id)).toBe(false)
  })

  it('a release whose hero image is undescribed is refused, directly and when its scheduled publish runs', async () => {
    const release = await draftRelease(payload, contributor, agencyId, 'Release with an undescribed hero')
    await payload.update({ collection: 'releases', id: release.id, data: { heroImage: undescribed.id, workflow: { state: 'in_review' } }, draft: true, user: contributor, overrideAccess: false })
    await expect(
      payload.update({ collection: 'releases', id: release.id, data: { _status: 'published' }, user: editor, overrideAccess: false }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'heroImage', message: expect.stringContaining('“IMG_8788+ 2.jpg”') }] } })

    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'releases', value: release.id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.run()
    expect(await isPublished('releases', release.id)).toBe(false)

    // Described, the same release publishes.
    await payload.update({ collection: 'media', id: undescribed.id, locale: 'az', data: { alt: 'İdarə Heyətinin iclası' } })
    await payload.update({ collection: 'releases', id: release.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    expect(await isPublished('releases', release.id)).toBe(true)
    await payload.update({ collection: 'media', id: undescribed.id, locale: 'az', data: { alt: '' } }).catch(() => undefined)
  })
})

describe('"used in" and the delete guard', () => {
  it('lists every release and gallery that shows a photo, refuses to delete it, and lets an admin confirm', async () => {
    const photo = await upload(await cameraImage('jpeg', 1200, 800), 'in-use.jpg', { az: 'İstifadədə olan şəkil' })
    const spare = await upload(await cameraImage('jpeg', 1200, 800), 'spare.jpg', { az: 'Ehtiyat şəkil' })
    const gallery = await payload.create({
      collection: 'galleries',
      data: { title: 'Visit of the delegation', photos: [spare.id, photo.id], _status: 'published' },
      user: editor,
      overrideAccess: false,
    })
    const release = await draftRelease(payload, contributor, agencyId, 'Release showing the photo')
    await payload.update({ collection: 'releases', id: release.id, data: { heroImage: photo.id }, draft: true, user: contributor, overrideAccess: false })

    const uses = await findMediaUsage(payload, photo.id)
    expect(uses.map((u) => [u.collection, u.title]).sort()).toEqual([
      ['galleries', 'Visit of the delegation'],
      ['releases', 'Release showing the photo'],
    ])

    const files = filesIn()
    for (const user of [editor, admin]) {
      const refused = await rest('DELETE', `media/${photo.id}`, user)
      expect(refused.status).toBe(409)
      expect(firstMessage(refused.body)).toContain('gallery “Visit of the delegation”')
      expect(firstMessage(refused.body)).toContain('release “Release showing the photo”')
    }
    // An editor's confirmation does not count.
    expect((await rest('DELETE', `media/${photo.id}?confirmInUse=true`, editor)).status).toBe(409)
    expect(await payload.count({ collection: 'media', where: { id: { equals: photo.id } } })).toMatchObject({ totalDocs: 1 })
    expect(filesIn()).toEqual(files)

    const confirmed = await rest('DELETE', `media/${photo.id}?confirmInUse=true`, admin)
    expect(confirmed.status).toBe(200)
    expect(await payload.count({ collection: 'media', where: { id: { equals: photo.id } } })).toMatchObject({ totalDocs: 0 })
    expect(filesIn().some((f) => f.startsWith('in-use'))).toBe(false)
    const after = await payload.findByID({ collection: 'galleries', id: gallery.id, depth: 0 })
    expect((after.photos ?? []).map(String)).toEqual([spare.id])
  })

  it('deletes an unused photo without asking', async () => {
    const photo = await upload(await cameraImage('jpeg', 600, 400), 'unused.jpg', { az: 'İstifadə olunmayan şəkil' })
    expect(await findMediaUsage(payload, photo.id)).toEqual([])
    expect((await rest('DELETE', `media/${photo.id}`, editor)).status).toBe(200)
  })
})
