/**
 * Removes metadata from a JPEG without touching its pixels: the APP segments that carry EXIF (GPS,
 * camera, time), XMP and IPTC, and comments. Kept: JFIF (APP0), the ICC colour profile (APP2) and
 * Adobe's colour transform (APP14), which change how the pixels look. Returns null when the file is
 * not laid out as expected; the caller then re-encodes instead.
 */
const SOI = 0xd8
const SOS = 0xda
const EOI = 0xd9
const COM = 0xfe
const KEEP_APP = new Set([0xe0, 0xe2, 0xee])

export function stripJpegMetadata(data: Buffer): Buffer | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== SOI) return null
  const parts: Buffer[] = [data.subarray(0, 2)]
  let at = 2
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return null
    const marker = data[at + 1]!
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === EOI) return null // no image data
    const length = data.readUInt16BE(at + 2)
    if (length < 2 || at + 2 + length > data.length) return null
    if (marker === SOS) {
      // Entropy-coded data to the end: copied as it is (a cut-off file is caught by the decode check).
      parts.push(data.subarray(at))
      return Buffer.concat(parts)
    }
    const isApp = marker >= 0xe0 && marker <= 0xef
    if (!(isApp && !KEEP_APP.has(marker)) && marker !== COM) parts.push(data.subarray(at, at + 2 + length))
    at += 2 + length
  }
  return null
}
