/**
 * A stored photo is the image and nothing else. Files as phones and cameras write them carry more
 * than the picture: a second picture after the first (multi-picture files: HDR gain maps, depth maps,
 * previews), a video after the photo (motion photos), or a photo simply concatenated to another; EXIF,
 * XMP, IPTC and MPF segments, also between the scans of a progressive JPEG; PNG text and eXIf chunks;
 * WebP EXIF and XMP chunks; GIF comments and XMP. Each is made here, uploaded through the REST API as
 * the admin does, and then read back from the media folder (original and every size) and through
 * `/download/{id}`: nothing but the first image's pixels may remain, no GPS, no camera, no second
 * image, no video.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { REST_POST } from '@payloadcms/next/routes'
import exifReader from 'exif-reader'
import type { Payload } from 'payload'
import sharp, { type Sharp } from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '@/payload-types'

import { makeUser, startPayload, type TestUser } from './helpers/payload'

// This file's own media folder: other test files clean theirs up while this one runs.
const MEDIA = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-only-image-'))
process.env.MEDIA_DIR = MEDIA

const BASE = 'http://localhost:3000'
const PASSWORD = 'correct horse battery staple'

let payload: Payload
let cleanup: () => Promise<void>
let editor: TestUser
let token: string
let restPost: ReturnType<typeof REST_POST>

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '40/1 24/1 33/1', GPSLongitudeRef: 'E', GPSLongitude: '49/1 52/1 1/1' }
const CAMERA = { Artist: 'Leyla Mammadova', Make: 'Canon', Model: 'EOS R5' }
const WHERE = '+40.4093+049.8671/' // the same place as text, as XMP, IPTC and video metadata write it
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="40,24.55N" exif:GPSLongitude="49,52.02E" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Make="Canon"/></rdf:RDF></x:xmpmeta>`

/** A picture: left half red, right half blue (a second picture is green, to tell them apart). */
const picture = (width: number, height: number, second = false) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width / 2}" height="${height}" fill="${second ? '#0a0' : '#d00'}"/><rect x="${width / 2}" width="${width / 2}" height="${height}" fill="${second ? '#080' : '#00d'}"/></svg>`,
    ),
  )

/** As a camera writes it: EXIF with GPS, the camera and the photographer. */
const cameraJpeg = (width = 640, height = 480, { second = false, orientation = 1, progressive = false } = {}) =>
  picture(width, height, second)
    .withMetadata({ orientation })
    .withExifMerge({ IFD0: CAMERA, IFD3: GPS })
    .jpeg({ quality: 90, progressive })
    .toBuffer()

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}
const afterSoi = (jpeg: Buffer, ...segments: Buffer[]) => Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)])

/** Where each marker segment of a JPEG starts, up to its first EOI (entropy-coded data skipped). */
function jpegMarkers(jpeg: Buffer): { markers: { marker: number; at: number; id: string }[]; end: number } {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG')
  const markers: { marker: number; at: number; id: string }[] = []
  let at = 2
  while (at + 1 < jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error(`no marker at ${at}`)
    const marker = jpeg[at + 1]!
    if (marker === 0xff) {
      at += 1
      continue
    }
    if (marker === 0xd9) return { markers, end: at + 2 }
    const length = jpeg.readUInt16BE(at + 2)
    markers.push({ marker, at, id: jpeg.subarray(at + 4, at + 4 + 14).toString('latin1') })
    at += 2 + length
    if (marker === 0xda) {
      const isMarker = (i: number) => jpeg[i] === 0xff && jpeg[i + 1] !== 0 && !(jpeg[i + 1]! >= 0xd0 && jpeg[i + 1]! <= 0xd7)
      while (at + 1 < jpeg.length && !isMarker(at)) at += 1
    }
  }
  throw new Error('no EOI')
}

/** A progressive JPEG with an EXIF segment (GPS) between its first and second scan. */
async function exifBetweenScans(): Promise<Buffer> {
  const jpeg = await picture(640, 480).jpeg({ quality: 90, progressive: true }).toBuffer()
  const { markers } = jpegMarkers(jpeg)
  const scans = markers.filter((m) => m.marker === 0xda)
  expect(scans.length).toBeGreaterThan(1)
  // The segment that follows the first scan's data (a table or the second scan's header).
  const next = markers[markers.indexOf(scans[0]!) + 1]!
  expect(next.at).toBeGreaterThan(scans[0]!.at)
  const exif = (await sharp(await cameraJpeg(8, 8)).metadata()).exif!
  return Buffer.concat([jpeg.subarray(0, next.at), segment(0xe1, exif), segment(0xfe, Buffer.from(`Taken at ${WHERE}`)), jpeg.subarray(next.at)])
}

const box = (type: string, body: Buffer) => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length + 8, 0)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, body])
}
/** An MP4 as a motion photo carries it after the still: file type, location in the movie's user data, media data. */
const motionVideo = () =>
  Buffer.concat([
    box('ftyp', Buffer.from('mp42\0\0\0\0isommp42', 'latin1')),
    box('moov', box('udta', box('\u00a9xyz', Buffer.concat([Buffer.from([0, 18, 0x15, 0xc7]), Buffer.from(WHERE, 'latin1')])))),
    box('mdat', Buffer.alloc(4096, 7)),
  ])

/** An Adobe APP13 block with an IPTC record naming the city. */
const iptcApp13 = () => {
  const iptc = Buffer.concat([Buffer.from([0x1c, 0x02, 0x5a, 0x00, 0x04]), Buffer.from('Baku', 'latin1')])
  const resource = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0, 0, 0, 0, iptc.length]), iptc])
  return segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]))
}

/** A minimal Multi-Picture Format index, as phones write it before a second picture. */
const mpfApp2 = () => segment(0xe2, Buffer.concat([Buffer.from('MPF\0', 'latin1'), Buffer.from('MM\0\x2a\0\0\0\x08\0\x01\xb0\x00\0\x07\0\0\0\x040100', 'latin1')]))

const pngChunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/** A PNG with EXIF (eXIf), text chunks (tEXt, zTXt, iTXt XMP) and a video after its end. */
async function pngWithMetadata(): Promise<Buffer> {
  const png = await picture(640, 480).png().toBuffer()
  const exif = (await sharp(await cameraJpeg(8, 8)).metadata()).exif!
  const chunks = [
    pngChunk('eXIf', exif.subarray('Exif\0\0'.length)), // the TIFF structure, without JPEG's APP1 header
    pngChunk('tEXt', Buffer.from(`Author\0Leyla Mammadova, Canon EOS R5`, 'latin1')),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), zlib.deflateSync(Buffer.from(`Location ${WHERE}`))])),
    pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${XMP}`, 'utf8')),
  ]
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33), motionVideo()])
}

/** A GIF with a comment and an XMP application extension before its picture. */
async function gifWithMetadata(): Promise<Buffer> {
  const gif = await picture(320, 240).gif().toBuffer()
  const packed = gif[10]!
  const start = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0)
  const blocks = (data: Buffer) => {
    const out: Buffer[] = []
    for (let i = 0; i < data.length; i += 255) {
      const part = data.subarray(i, i + 255)
      out.push(Buffer.from([part.length]), part)
    }
    return Buffer.concat([...out, Buffer.from([0])])
  }
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe]), blocks(Buffer.from(`Leyla Mammadova, Canon, ${WHERE}`, 'latin1'))])
  const xmp = Buffer.concat([Buffer.from([0x21, 0xff, 0x0b]), Buffer.from('XMP DataXMP', 'latin1'), blocks(Buffer.from(XMP, 'utf8'))])
  return Buffer.concat([gif.subarray(0, start), comment, xmp, gif.subarray(start)])
}

/** What must not be anywhere in a stored file (the AVIF container's own `ftyp` at its start aside). */
const FORBIDDEN = ['Exif\0\0', 'eXIf', 'EXIF', 'XMP ', 'xmpmeta', 'ns.adobe.com', 'MPF\0', 'Photoshop 3.0', '8BIM', 'tEXt', 'zTXt', 'iTXt', 'Canon', 'Leyla', '40.4093', '\u00a9xyz', 'mdat', 'XMP Data']

const JPEG_TABLES_AND_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xda, 0xdb, 0xdd])
const PNG_IMAGE_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'iCCP', 'sRGB', 'gAMA', 'cHRM', 'pHYs', 'sBIT', 'bKGD', 'acTL', 'fcTL', 'fdAT'])
const WEBP_IMAGE_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP'])

/**
 * Fails unless `file` holds one image and nothing else: no metadata, nothing after its end. `raced`:
 * two sizes were written to this one file at once (the WebP defect below); the bytes after its
 * container are then the other encode's tail, and only they are let through.
 */
async function expectOnlyTheImage(file: Buffer, label: string, { raced = false } = {}) {
  const meta = await sharp(file).metadata()
  // An AVIF is an ISO media file itself: its own `ftyp` (at the start) and `mdat` boxes are the image.
  for (const text of FORBIDDEN.filter((t) => meta.format !== 'heif' || t !== 'mdat')) expect(file.includes(Buffer.from(text, 'latin1')), `${label}: contains “${text}”`).toBe(false)
  if (meta.exif) {
    const tags = exifReader(meta.exif)
    expect(tags.GPSInfo, `${label}: GPS`).toBeUndefined()
    expect(tags.Image?.Make, `${label}: camera`).toBeUndefined()
  }
  expect(meta.xmp, `${label}: XMP`).toBeUndefined()
  expect(meta.iptc, `${label}: IPTC`).toBeUndefined()
  expect(meta.comments ?? [], `${label}: text`).toEqual([])
  expect(meta.gainMap, `${label}: a second (gain map) image`).toBeUndefined()

  if (meta.format === 'jpeg') {
    const { markers, end } = jpegMarkers(file)
    expect(file.length - end, `${label}: bytes after the image's end`).toBe(0)
    for (const { marker, id } of markers) {
      const kept =
        JPEG_TABLES_AND_FRAMES.has(marker) ||
        (marker === 0xe0 && id.startsWith('JFIF\0')) ||
        (marker === 0xe2 && id.startsWith('ICC_PROFILE\0')) ||
        (marker === 0xee && id.startsWith('Adobe'))
      expect(kept, `${label}: segment 0x${marker.toString(16)} “${id.replace(/[^\x20-\x7e]/g, '.')}”`).toBe(true)
    }
  } else if (meta.format === 'png') {
    const types: string[] = []
    let at = 8
    while (at < file.length) {
      const type = file.subarray(at + 4, at + 8).toString('latin1')
      types.push(type)
      at += 12 + file.readUInt32BE(at)
      if (type === 'IEND') break
    }
    expect(file.length - at, `${label}: bytes after IEND`).toBe(0)
    expect(types.filter((t) => !PNG_IMAGE_CHUNKS.has(t)), `${label}: chunks`).toEqual([])
  } else if (meta.format === 'webp') {
    const end = file.readUInt32LE(4) + 8
    if (!raced) expect(end, `${label}: bytes after the RIFF container`).toBe(file.length)
    const types: string[] = []
    for (let at = 12; at < end; at += 8 + file.readUInt32LE(at + 4) + (file.readUInt32LE(at + 4) % 2)) {
      types.push(file.subarray(at, at + 4).toString('latin1'))
    }
    expect(types.filter((t) => !WEBP_IMAGE_CHUNKS.has(t)), `${label}: chunks`).toEqual([])
  } else if (meta.format === 'gif') {
    expect(file[file.length - 1], `${label}: ends with the GIF trailer`).toBe(0x3b)
  }
  if (meta.format !== 'heif') expect(file.includes(Buffer.from('ftyp')), `${label}: contains “ftyp” (a video)`).toBe(false)
  else expect(file.indexOf('ftyp', 5), `${label}: a second “ftyp”`).toBe(-1)
}

async function uploadThroughRest(data: Buffer, name: string, type: string): Promise<Media> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: 'Nazir müşavirədə çıxış edir' }))
  const response = await restPost(new Request(`${BASE}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form }), {
    params: Promise.resolve({ slug: ['media'] }),
  })
  const body = (await response.json()) as { doc?: Media; errors?: unknown }
  expect(response.status, JSON.stringify(body.errors ?? body)).toBe(201)
  return body.doc!
}

/** The original as a journalist downloads it (the photo is made public by a published gallery first). */
async function downloaded(doc: Media): Promise<Buffer> {
  await payload.create({
    collection: 'galleries',
    data: { title: `Gallery ${doc.filename}`, photos: [doc.id], _status: 'published' },
    user: editor,
    overrideAccess: false,
  })
  const { GET } = await import('@/app/(frontend)/download/[id]/route')
  const response = await GET(new Request(`${BASE}/download/${doc.id}`), { params: Promise.resolve({ id: doc.id }) })
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

/** Uploads `source`, then checks the stored original, every size and the download. */
async function expectStoredAsImageOnly(source: Buffer, name: string, type: string) {
  const doc = await uploadThroughRest(source, name, type)
  const firstImage = await sharp(source).metadata() // sharp reads the first image only
  const upright = (firstImage.orientation ?? 1) >= 5
  expect([doc.width, doc.height]).toEqual(upright ? [firstImage.height, firstImage.width] : [firstImage.width, firstImage.pageHeight ?? firstImage.height])
  const stored = fs.readFileSync(path.join(MEDIA, doc.filename!))
  await expectOnlyTheImage(stored, `${name}: stored original`)
  const sizes = Object.entries(doc.sizes ?? {}).filter(([, file]) => file?.filename) as [string, { filename: string }][]
  // Two sizes written to one file (the WebP defect below).
  const shared = sizes.filter(([, a]) => sizes.filter(([, b]) => b.filename === a.filename).length > 1).map(([size]) => size)
  for (const [size, file] of sizes) {
    await expectOnlyTheImage(fs.readFileSync(path.join(MEDIA, file.filename)), `${name}: ${size}`, { raced: shared.includes(size) })
  }
  const download = await downloaded(doc)
  expect(download.equals(stored), `${name}: /download serves the stored original`).toBe(true)
  await expectOnlyTheImage(download, `${name}: /download`)
  return { doc, stored, shared }
}

/** The colour at a point of an image, as [r, g, b]. */
async function colourAt(image: Buffer, left: number, top: number) {
  const { data } = await sharp(image).extract({ left, top, width: 1, height: 1 }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return [...data]
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const { default: config } = await import('@payload-config')
  restPost = REST_POST(config)
  editor = await makeUser(payload, ['editor'])
  token = (await payload.login({ collection: 'users', data: { email: editor.email, password: PASSWORD } })).token!
})
afterAll(async () => {
  await cleanup()
  fs.rmSync(MEDIA, { recursive: true, force: true })
})

describe('JPEG: only the first image, without its metadata', () => {
  it('a photo with a second photo appended (each with GPS): the second and both EXIF blocks go, the first keeps its exact pixels', async () => {
    const first = await cameraJpeg()
    const source = Buffer.concat([first, await cameraJpeg(640, 480, { second: true })])
    const { stored } = await expectStoredAsImageOnly(source, 'concatenated.jpg', 'image/jpeg')
    const [before, after] = await Promise.all([first, stored].map((b) => sharp(b).raw().toBuffer()))
    expect(after.equals(before!)).toBe(true)
  })

  it('a phone photo with an HDR gain map (MPF index and a second picture)', async () => {
    // sharp 0.35's `withGainMap` (an Ultra HDR JPEG: MPF index, then the gain map picture) is not in its types yet.
    const hdr = picture(640, 480) as Sharp & { withGainMap: () => Sharp }
    const source = await hdr.withGainMap().withExifMerge({ IFD0: CAMERA, IFD3: GPS }).jpeg({ quality: 90 }).toBuffer()
    expect((await sharp(source).metadata()).gainMap).toBeDefined()
    expect(source.includes(Buffer.from('MPF\0'))).toBe(true)
    await expectStoredAsImageOnly(source, 'ultra-hdr.jpg', 'image/jpeg')
  })

  it('a motion photo: the video after the photo goes', async () => {
    const still = afterSoi(await cameraJpeg(), segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${XMP}`, 'latin1')))
    await expectStoredAsImageOnly(Buffer.concat([still, motionVideo()]), 'PXL_20250124_MP.jpg', 'image/jpeg')
  })

  it('XMP, IPTC, a comment, an MPF index and a JFXX thumbnail in the header go; JFIF and the colour profile stay', async () => {
    const base = await picture(640, 480).withIccProfile('p3').withExifMerge({ IFD0: CAMERA, IFD3: GPS }).jpeg({ quality: 90 }).toBuffer()
    const thumbnail = await cameraJpeg(16, 12)
    const source = afterSoi(
      base,
      segment(0xe0, Buffer.concat([Buffer.from('JFXX\0\x10', 'latin1'), thumbnail])),
      segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${XMP}`, 'latin1')),
      mpfApp2(),
      iptcApp13(),
      segment(0xfe, Buffer.from(`Leyla Mammadova ${WHERE}`, 'latin1')),
    )
    const { stored } = await expectStoredAsImageOnly(source, 'header-metadata.jpg', 'image/jpeg')
    expect((await sharp(stored).metadata()).icc).toBeDefined()
    const [before, after] = await Promise.all([base, stored].map((b) => sharp(b).raw().toBuffer()))
    expect(after.equals(before!)).toBe(true)
  })

  it('EXIF hidden after a colour segment (Adobe APP14, ICC profile) goes (red team)', async () => {
    const camera = await cameraJpeg()
    const app1 = jpegMarkers(camera).markers.find((m) => m.marker === 0xe1)!
    const exifBody = camera.subarray(app1.at + 4, app1.at + 2 + camera.readUInt16BE(app1.at + 2))
    const plain = await picture(640, 480).jpeg({ quality: 90 }).toBuffer()
    const adobe = segment(0xee, Buffer.concat([Buffer.from('Adobe', 'latin1'), Buffer.from([0, 100, 0, 0, 0, 0, 1]), exifBody]))
    const icc = segment(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([1, 1]), exifBody]))
    await expectStoredAsImageOnly(afterSoi(plain, adobe), 'adobe-smuggle.jpg', 'image/jpeg')
    await expectStoredAsImageOnly(afterSoi(plain, icc), 'icc-smuggle.jpg', 'image/jpeg')
  })

  it('EXIF and a comment between the scans of a progressive JPEG go', async () => {
    await expectStoredAsImageOnly(await exifBetweenScans(), 'progressive.jpg', 'image/jpeg')
  })

  it('a sideways photo with a second photo appended is stored upright, the first photo only', async () => {
    const source = Buffer.concat([await cameraJpeg(640, 480, { orientation: 6 }), await cameraJpeg(640, 480, { second: true })])
    const { stored } = await expectStoredAsImageOnly(source, 'sideways-burst.jpg', 'image/jpeg')
    // Red (the first photo's left half, now on top), not green (the second photo).
    const [r, g] = await colourAt(stored, 240, 100)
    expect(r).toBeGreaterThan(150)
    expect(g).toBeLessThan(100)
  })
})

describe('other formats: only the image', () => {
  it('PNG: eXIf, tEXt, zTXt and iTXt (XMP) chunks and data after IEND go', async () => {
    const source = await pngWithMetadata()
    const meta = await sharp(source).metadata()
    expect(exifReader(meta.exif!).GPSInfo?.GPSLatitude).toBeDefined()
    await expectStoredAsImageOnly(source, 'screenshot.png', 'image/png')
  })

  const webpWithMetadata = async () => {
    const webp = await picture(640, 480).withExifMerge({ IFD0: CAMERA, IFD3: GPS }).withXmp(XMP).webp({ quality: 90 }).toBuffer()
    expect(webp.includes(Buffer.from('EXIF')) && webp.includes(Buffer.from('XMP '))).toBe(true)
    return Buffer.concat([webp, motionVideo()])
  }

  it('WebP: EXIF and XMP chunks and data after the container go', async () => {
    await expectStoredAsImageOnly(await webpWithMetadata(), 'phone.webp', 'image/webp')
  })

  // For a WebP original each size and its WebP twin (`thumbnail` and `thumbnailWebp`, …) were both
  // "name-400x300.webp", written at once to one file that could end with the tail of the other encode.
  it('WebP original: every size has its own file', async () => {
    const { shared } = await expectStoredAsImageOnly(await webpWithMetadata(), 'phone-sizes.webp', 'image/webp')
    expect(shared).toEqual([])
  })

  it('GIF: a comment and XMP go', async () => {
    await expectStoredAsImageOnly(await gifWithMetadata(), 'animation.gif', 'image/gif')
  })

  it('AVIF: EXIF goes', async () => {
    const avif = await picture(320, 240).withExifMerge({ IFD0: CAMERA, IFD3: GPS }).avif({ quality: 60, effort: 0 }).toBuffer()
    expect(exifReader((await sharp(avif).metadata()).exif!).GPSInfo).toBeDefined()
    await expectStoredAsImageOnly(avif, 'photo.avif', 'image/avif')
  })
})
