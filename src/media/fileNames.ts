import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'

import type { PayloadRequest } from 'payload'
import { getSanitizedUploadFilename } from 'payload/shared'

/**
 * The name an upload is stored under, chosen so that none of its files can ever be a file another
 * media record names, now or after either photo's sizes are cut again (a new crop changes their
 * dimensions, so their names).
 *
 * Payload makes only the original's name unique (`X.jpg` and `X.webp` both pass), names every size
 * `<base>-…` after the original's name without its extension, and deletes any file of a size's name
 * before writing it. So the base (the name without its extension) is what must be unique:
 *
 * - no name already taken (any record's original or size, any file in the media folder) is the base
 *   itself or starts with `<base>.` or `<base>-`: the new upload writes no existing file;
 * - the base is not, and does not start with, `<other base>.`, `<other base>-<size>[-<W>x<H>]` or
 *   `<other base>-<W>x<H>` for any record's base: the other record's future sizes never take one of
 *   the new upload's names (`X-1` next to `X` is fine: no size of `X` is named `X-1.…` or `X-1-…`).
 *
 * Both compared without letter case (a case-insensitive disk or bucket must not merge two names
 * either). `X.jpg` uploaded twice, or `X.webp` after `X.jpg`, is stored as `X-1.…`, then `X-2.…`.
 *
 * On SQLite the upload's transaction holds the write lock while this reads (BEGIN IMMEDIATE), so
 * two uploads cannot pick the same name at once; on MongoDB the names chosen in this process in the
 * last minutes count as taken too.
 */
export async function uniqueUploadName(
  req: PayloadRequest,
  desired: string,
  { staticDir, sizeNames }: { staticDir?: string; sizeNames: readonly string[] },
): Promise<string> {
  const safe = getSanitizedUploadFilename(desired)
  const dot = safe.lastIndexOf('.')
  const base = dot > 0 ? safe.slice(0, dot) : safe
  const extension = dot > 0 ? safe.slice(dot) : ''

  const { names, bases } = await takenNames(req, staticDir)
  // SQLite: the transaction excludes other uploads (see above), nothing to reserve.
  const reserving = req.payload.db.name !== 'sqlite'
  if (reserving) {
    for (const reserved of reservedBases()) {
      names.add(reserved)
      bases.add(reserved)
    }
  }
  const sizeSuffix = sizeSuffixPattern(sizeNames)
  for (const candidate of candidates(base)) {
    if (isFree(candidate, names, bases, sizeSuffix)) {
      if (reserving) reserve(candidate)
      return `${candidate}${extension}`
    }
  }
  throw new Error(`No free file name for ${safe}`)
}

/** The base of a stored file name, as Payload's size naming cuts it: up to the last dot. */
export function baseOf(filename: string): string {
  const dot = filename.lastIndexOf('.')
  return dot > 0 ? filename.slice(0, dot) : filename
}

/** Every file name a media record holds: its original and each size. */
export function namesOf(doc: { filename?: string | null; sizes?: unknown }): string[] {
  const sizes = Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null } | null | undefined>)
  return [doc.filename, ...sizes.map((size) => size?.filename)].filter((name): name is string => Boolean(name))
}

const startsWithBase = (name: string, base: string) => name === base || name.startsWith(`${base}.`) || name.startsWith(`${base}-`)

/**
 * What follows `<base>-` in a size's base name: `<size>-<W>x<H>` (fileOfSize in collections/Media),
 * `<W>x<H>` (Payload's default, the og size), or the part of either up to a dash.
 */
function sizeSuffixPattern(sizeNames: readonly string[]): RegExp {
  const names = sizeNames.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  return new RegExp(`^(?:(?:${names})(?:-\\d+x\\d+)?|\\d+x\\d+)$`, 'i')
}

function isFree(candidate: string, names: Set<string>, bases: Set<string>, sizeSuffix: RegExp): boolean {
  const lower = candidate.toLowerCase()
  for (const name of names) if (startsWithBase(name, lower)) return false
  for (const other of bases) {
    if (lower === other || lower.startsWith(`${other}.`)) return false
    // `X-1` may follow `X`: no size of `X` is ever named `X-1.…` or `X-1-…`.
    if (lower.startsWith(`${other}-`) && sizeSuffix.test(lower.slice(other.length + 1))) return false
  }
  return true
}

/**
 * `X`, `X-1`, `X-2`… as Payload would; when the name is one of another record's sizes (`X` is
 * `trap-hero-1600x900`, a record is `trap.jpg`) no suffix helps, so then a name that starts
 * differently, and last a random one.
 */
function* candidates(base: string): Generator<string> {
  yield base
  for (let i = 1; i <= 50; i++) yield `${base}-${i}`
  const joined = base.replace(/[-.]/g, '_')
  yield joined
  for (let i = 1; i <= 50; i++) yield `${joined}_${i}`
  for (let i = 0; i < 20; i++) yield `photo_${randomUUID().replace(/-/g, '')}`
}

async function takenNames(req: PayloadRequest, staticDir: string | undefined): Promise<{ names: Set<string>; bases: Set<string> }> {
  const names = new Set<string>()
  const bases = new Set<string>()
  // Through the database adapter, inside the upload's transaction: every record, whoever may read it.
  const { docs } = await req.payload.db.find<{ filename?: string | null; sizes?: unknown }>({
    collection: 'media',
    pagination: false,
    limit: 0,
    req,
    select: { filename: true, sizes: true },
  })
  for (const doc of docs) {
    for (const name of namesOf(doc)) names.add(name.toLowerCase())
    if (doc.filename) bases.add(baseOf(doc.filename).toLowerCase())
  }
  if (staticDir) {
    const files = await fs.readdir(staticDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    for (const file of files) names.add(file.toLowerCase())
  }
  return { names, bases }
}

const RESERVATION_MS = 10 * 60_000
const reservations = new Map<string, number>()

function reservedBases(now = Date.now()): string[] {
  for (const [base, until] of reservations) if (until <= now) reservations.delete(base)
  return [...reservations.keys()]
}

function reserve(base: string, now = Date.now()) {
  reservations.set(base.toLowerCase(), now + RESERVATION_MS)
}
