/**
 * Makes the stored original safe to publish: the first image of the file and nothing else, turned the
 * right way up (EXIF orientation applied), then re-encoded without EXIF, GPS, XMP, IPTC or text
 * chunks (the colour profile stays); an upright JPEG keeps its first image's segments only, pixels
 * untouched (`stripJpegMetadata`: no metadata segment, nothing after its end, so no second picture of a
 * multi-picture file and no motion photo's video). Every public size is cut from this file, so no
 * location or camera data can reach a reader. Decoding every pixel here also refuses truncated or
 * corrupt files before anything is written; what comes out is read back once more and refused if it
 * still carries metadata.
 */
import exifReader from 'exif-reader'
import type { Metadata } from 'sharp'

import sharp from '@/config/sharp'

import { type AcceptedType, MediaRejected } from './inspect'
import { stripJpegMetadata } from './jpegMetadata'

export interface PhotoFacts {
  /** When the photo was taken, from EXIF DateTimeOriginal (camera clock read as Baku time). */
  takenAt?: string
  /** The photographer, from EXIF Artist (or Copyright). */
  artist?: string
}

export interface NormalizedImage {
  data: Buffer
  width: number
  height: number
  facts: PhotoFacts
}

const BAKU_OFFSET_MS = 4 * 60 * 60 * 1000

/** Whether sharp still finds metadata or a second image in an encoded file (its header only is read). */
async function carriesMetadata(data: Buffer): Promise<boolean> {
  const meta = await sharp(data).metadata()
  return Boolean(meta.exif || meta.xmp || meta.iptc || meta.tifftagPhotoshop || meta.comments?.length || meta.gainMap)
}

function readFacts(exif: Buffer | undefined): PhotoFacts {
  if (!exif) return {}
  try {
    const tags = exifReader(exif)
    const facts: PhotoFacts = {}
    const taken = tags.Photo?.DateTimeOriginal ?? tags.Image?.DateTime
    // exif-reader reads the camera's wall clock as UTC; the press office photographs in Baku.
    if (taken instanceof Date && !Number.isNaN(taken.getTime()) && taken.getUTCFullYear() > 1990) {
      facts.takenAt = new Date(taken.getTime() - BAKU_OFFSET_MS).toISOString()
    }
    const artist = (tags.Image?.Artist || tags.Image?.Copyright || '').toString().replace(/\0/g, '').trim()
    if (artist) facts.artist = artist.slice(0, 200)
    return facts
  } catch {
    return {} // unreadable EXIF is dropped like any other metadata
  }
}

export async function normalizeImage(
  data: Buffer,
  { type, name, maxPixels, metadata }: { type: AcceptedType; name: string; maxPixels: number; metadata: Metadata },
): Promise<NormalizedImage> {
  const animated = type === 'image/gif' || type === 'image/webp'
  const { exif, orientation, width, height } = metadata
  try {
    if (type === 'image/jpeg' && (!orientation || orientation === 1)) {
      // An upright JPEG keeps its exact pixels (journalists download the original): only its metadata
      // segments go. A small decode still reads every byte of image data, refusing cut-off files.
      const stripped = stripJpegMetadata(data)
      if (stripped && width && height) {
        await sharp(stripped, { failOn: 'truncated', limitInputPixels: maxPixels }).resize(64).toBuffer()
        if (!(await carriesMetadata(stripped))) return { data: stripped, width, height, facts: readFacts(exif) }
      }
    }
    let image = sharp(data, { failOn: 'truncated', limitInputPixels: maxPixels, animated }).rotate().keepIccProfile()
    image =
      type === 'image/jpeg'
        ? image.jpeg({ quality: 92 })
        : type === 'image/png'
          ? image.png({ compressionLevel: 6 })
          : type === 'image/webp'
            ? image.webp({ quality: 90 })
            : type === 'image/avif'
              ? image.avif({ quality: 70 })
              : image.gif()
    const { data: out, info } = await image.toBuffer({ resolveWithObject: true })
    if (await carriesMetadata(out)) throw new Error('metadata survived re-encoding')
    return { data: out, width: info.width, height: info.pageHeight ?? info.height, facts: readFacts(exif) }
  } catch {
    throw new MediaRejected(
      `“${name}” is damaged or incomplete (it may have been cut off while copying). Export it again and upload the new file.`,
      400,
    )
  }
}
