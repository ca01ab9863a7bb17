/**
 * Photos' file names: no upload ever writes over or deletes a file another media record names.
 * Payload only makes the original's name unique (`X.jpg` and `X.webp` both pass) and names the sizes
 * after the original's name without its extension, deleting any file of that name first: a
 * contributor's `X.webp` used to replace the public `X.jpg`'s WebP sizes and its og picture.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '@/payload-types'

import { makeUser, startPayload, type TestUser } from './helpers/payload'

// This file's own media folder: other test files clean theirs up while this one runs.
const MEDIA = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-media-names-'))
process.env.MEDIA_DIR = MEDIA

let payload: Payload
let cleanup: () => Promise<void>
let contributor: TestUser
let editor: TestUser

const MIME = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const

/** A photo whose pixels say which upload it is (its colour). */
function photo(format: keyof typeof MIME, colour: string, width = 3000, height = 2000): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${colour}"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#fff"/></svg>`
  return sharp(Buffer.from(svg)).toFormat(format).toBuffer()
}

async function upload(user: TestUser, data: Buffer, name: string, format: keyof typeof MIME): Promise<Media> {
  return payload.create({
    collection: 'media',
    data: { alt: 'Nazir müşavirədə çıxış edir' },
    locale: 'az',
    file: { data, name, mimetype: MIME[format], size: data.length },
    user,
    overrideAccess: false,
  })
}

/** Every file a record names: the original and each size. */
function filesOf(doc: Media): string[] {
  const sizes = Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null } | undefined>)
  return [doc.filename!, ...sizes.map((s) => s?.filename).filter((f): f is string => Boolean(f))]
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(path.join(MEDIA, file))).digest('hex')

/** The record's files and their contents as they are on disk now. */
function snapshot(doc: Media): Map<string, string> {
  return new Map(filesOf(doc).map((file) => [file, sha(file)]))
}

function expectUnchanged(before: Map<string, string>, label: string) {
  for (const [file, hash] of before) {
    expect(fs.existsSync(path.join(MEDIA, file)), `${label}: ${file} still there`).toBe(true)
    expect(sha(file), `${label}: ${file} byte-identical`).toBe(hash)
  }
}

/** No two records name the same file, not even one differing only in letter case. */
function expectDisjoint(docs: Media[]) {
  const owner = new Map<string, string>()
  for (const doc of docs) {
    for (const file of filesOf(doc)) {
      const key = file.toLowerCase()
      expect(owner.get(key), `${file} named by ${owner.get(key)} and ${doc.id}`).toBeUndefined()
      owner.set(key, String(doc.id))
    }
  }
}

const reread = (doc: Media) => payload.findByID({ collection: 'media', id: doc.id, depth: 0, overrideAccess: true })

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  contributor = await makeUser(payload, ['contributor'])
  editor = await makeUser(payload, ['editor'])
})
afterAll(async () => {
  await cleanup()
  fs.rmSync(MEDIA, { recursive: true, force: true })
})

describe('media file names', () => {
  it("an upload of the same name in another format (or letter case) never touches the first photo's files", async () => {
    const first = await upload(editor, await photo('jpeg', '#c00'), 'gallery-image-1.jpg', 'jpeg')
    expect(first.filename).toBe('gallery-image-1.jpg')
    const firstFiles = snapshot(first)
    expect(firstFiles.size).toBe(10)

    const others: Media[] = []
    for (const [name, format, colour] of [
      ['gallery-image-1.webp', 'webp', '#0a0'],
      ['gallery-image-1.png', 'png', '#00c'],
      ['gallery-image-1.JPG', 'jpeg', '#990'],
      ['gallery-image-1.jpg', 'jpeg', '#099'],
    ] as const) {
      const doc = await upload(contributor, await photo(format, colour), name, format)
      others.push(doc)
      expectUnchanged(firstFiles, `after ${name}`)
      expectDisjoint([first, ...others])
      for (const file of filesOf(doc)) expect(fs.existsSync(path.join(MEDIA, file)), `${name}: ${file} written`).toBe(true)
    }
    // Readable names, numbered as Payload numbers an original's name.
    expect(others.map((doc) => doc.filename)).toEqual(['gallery-image-1-1.webp', 'gallery-image-1-2.png', 'gallery-image-1-3.JPG', 'gallery-image-1-4.jpg'])
    const othersFiles = others.map(snapshot)

    // Deleting the WebP upload deletes its own files only.
    await payload.delete({ collection: 'media', id: others[0]!.id, user: editor, overrideAccess: false })
    expectUnchanged(firstFiles, 'after deleting the WebP upload')
    for (const [i, files] of othersFiles.entries()) if (i > 0) expectUnchanged(files, `after deleting the WebP upload, upload ${i}`)
    for (const file of othersFiles[0]!.keys()) expect(fs.existsSync(path.join(MEDIA, file)), `${file} deleted with its record`).toBe(false)
    expect((await reread(first)).filename).toBe('gallery-image-1.jpg')
  })

  it("replacing a record's own file never touches another record's files", async () => {
    const first = await upload(editor, await photo('jpeg', '#c00'), 'replace-me.jpg', 'jpeg')
    const second = await upload(contributor, await photo('png', '#00c'), 'other.png', 'png')
    const firstFiles = snapshot(first)
    const secondOld = snapshot(second)

    const data = await photo('webp', '#0a0')
    const replaced = await payload.update({
      collection: 'media',
      id: second.id,
      data: {},
      file: { data, name: 'replace-me.webp', mimetype: 'image/webp', size: data.length },
      user: contributor,
      overrideAccess: false,
    })
    expectUnchanged(firstFiles, 'after replacing the other record with replace-me.webp')
    expectDisjoint([first, replaced])
    for (const file of filesOf(replaced)) expect(fs.existsSync(path.join(MEDIA, file)), `${file} written`).toBe(true)
    for (const file of secondOld.keys()) expect(fs.existsSync(path.join(MEDIA, file)), `old ${file} gone with its replacement`).toBe(false)

    await payload.delete({ collection: 'media', id: replaced.id, user: editor, overrideAccess: false })
    expectUnchanged(firstFiles, 'after deleting the replaced record')
  })

  it("an original named like another photo's size, or a photo whose sizes would take another's original, overwrites nothing", async () => {
    // `trap.jpg`'s thumbnail would be `trap-thumbnail-400x300.jpg`, its og `trap-1200x630.jpg`.
    const thumbLike = await upload(editor, await photo('jpeg', '#c00', 400, 300), 'trap-thumbnail-400x300.jpg', 'jpeg')
    const ogLike = await upload(editor, await photo('jpeg', '#0c0', 1200, 630), 'trap-1200x630.jpg', 'jpeg')
    const before = [snapshot(thumbLike), snapshot(ogLike)]

    const trap = await upload(contributor, await photo('jpeg', '#00c'), 'trap.jpg', 'jpeg')
    for (const files of before) expectUnchanged(files, 'after trap.jpg')
    expectDisjoint([thumbLike, ogLike, trap])

    // And the other way round: an original named like an existing size.
    const sizeName = (trap.sizes as Record<string, { filename?: string | null }>).hero!.filename!
    const trapFiles = snapshot(trap)
    const likeSize = await upload(contributor, await photo('jpeg', '#999'), sizeName, 'jpeg')
    expectUnchanged(trapFiles, `after ${sizeName}`)
    expectDisjoint([thumbLike, ogLike, trap, likeSize])

    // Nothing in the folder that no record names, nothing named that is missing.
    const named = [thumbLike, ogLike, trap, likeSize].flatMap(filesOf)
    for (const file of named) expect(fs.existsSync(path.join(MEDIA, file)), `${file} on disk`).toBe(true)
  })
})

describe('deleting a photo', () => {
  it('never deletes a file another record names (records stored before names were unique)', async () => {
    const kept = await upload(editor, await photo('jpeg', '#c00'), 'legacy.jpg', 'jpeg')
    const other = await upload(editor, await photo('webp', '#0c0'), 'legacy-other.webp', 'webp')
    // As Payload named them before: the WebP upload's WebP sizes were the JPEG's files.
    const keptSizes = kept.sizes as Record<string, { filename?: string | null }>
    const sizes = { ...(other.sizes as Record<string, object>) }
    for (const size of ['thumbnailWebp', 'cardWebp', 'heroWebp', 'fullWebp']) sizes[size] = { ...sizes[size], filename: keptSizes[size]!.filename }
    await payload.db.updateOne({ collection: 'media', id: other.id, data: { sizes } })
    const keptFiles = snapshot(kept)

    await expect(payload.delete({ collection: 'media', id: other.id, user: editor, overrideAccess: false })).rejects.toThrow(/also/)
    expectUnchanged(keptFiles, 'after a refused delete')
    expect(await reread(other)).toBeTruthy()
  })
})

describe('duplicating a photo', () => {
  it("never writes another record's files (Payload names a duplicate's sizes after X-1)", async () => {
    const source = await upload(editor, await photo('jpeg', '#c00'), 'dup.jpg', 'jpeg')
    const other = await upload(contributor, await photo('webp', '#0c0'), 'dup.webp', 'webp')
    const before = [snapshot(source), snapshot(other)]
    const copy = await payload.duplicate({ collection: 'media', id: source.id, user: editor, overrideAccess: false }).catch(() => null)
    for (const files of before) expectUnchanged(files, 'after duplicating dup.jpg')
    if (copy) expectDisjoint([source, other, copy])
  })
})
