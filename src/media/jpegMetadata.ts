/**
 * Keeps a JPEG's first image and nothing else, without touching its pixels: the frame, its tables and
 * its scans, up to and including the first end-of-image marker. Kept as well: JFIF (APP0, without a
 * thumbnail), the ICC colour profile (APP2 `ICC_PROFILE`) and Adobe's colour transform (APP14
 * `Adobe`), which change how the pixels look. Everything else goes, wherever it stands (before the
 * frame or between the scans of a progressive JPEG): EXIF (GPS, camera, time), XMP, IPTC (APP13),
 * the Multi-Picture Format index (APP2 `MPF`) and every other APP segment, comments — and all the
 * bytes after the first image's end: the second picture of a multi-picture file (HDR gain map,
 * depth map, preview), the video of a motion photo, another JPEG appended to it. Returns null when
 * the file is not laid out as expected (a marker this does not know, no end of image): the caller
 * then re-encodes instead.
 */
const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const COM = 0xfe
const RST0 = 0xd0
const RST7 = 0xd7

/** Segments that make the image: frames (SOF0–SOF15), Huffman/arithmetic/quantisation tables, restart interval, DNL. */
const IMAGE_SEGMENTS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xdb, 0xdc, 0xdd])

const startsWith = (body: Buffer, id: string) => body.subarray(0, id.length).toString('latin1') === id

/**
 * An ICC profile that is what it says: one whole profile in the segment, its own size and the 'acsp'
 * signature. Anything else goes (data smuggled behind the marker; a profile split over several
 * segments, rare and not checkable here, is dropped too: the pixels stay, their profile goes).
 */
function isIccChunk(body: Buffer): boolean {
  const data = body.subarray(14)
  if (body[12] !== 1 || body[13] !== 1 || data.length < 128) return false
  return data.subarray(36, 40).toString('latin1') === 'acsp' && data.readUInt32BE(0) === data.length
}

/** The APP segment as kept (itself, or JFIF without its thumbnail), or null to drop it. */
function keptApp(marker: number, segment: Buffer): Buffer | null {
  const body = segment.subarray(4)
  if (marker === 0xe2 && startsWith(body, 'ICC_PROFILE\0')) return isIccChunk(body) ? segment : null
  // Adobe's segment is 12 bytes ('Adobe', version, two flags, transform): anything after them goes.
  if (marker === 0xee && startsWith(body, 'Adobe') && body.length >= 12) {
    const adobe = Buffer.from(segment.subarray(0, 4 + 12))
    adobe.writeUInt16BE(2 + 12, 2)
    return adobe
  }
  if (marker === 0xe0 && startsWith(body, 'JFIF\0') && body.length >= 14) {
    // Version, density unit and density; a thumbnail (its width and height, then its pixels) is dropped.
    const jfif = Buffer.from(segment.subarray(0, 4 + 14))
    jfif.writeUInt16BE(2 + 14, 2)
    jfif[4 + 12] = 0
    jfif[4 + 13] = 0
    return jfif
  }
  return null
}

/** Where the entropy-coded data that starts at `from` ends: the next marker that is not a restart or a stuffed 0xFF. */
function endOfScanData(data: Buffer, from: number): number {
  let at = from
  for (;;) {
    at = data.indexOf(0xff, at)
    if (at < 0 || at + 1 >= data.length) return -1
    const next = data[at + 1]!
    if (next !== 0x00 && next !== 0xff && !(next >= RST0 && next <= RST7)) return at
    at += next === 0xff ? 1 : 2
  }
}

export function stripJpegMetadata(data: Buffer): Buffer | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== SOI) return null
  const parts: Buffer[] = [data.subarray(0, 2)]
  let frame = false
  let scanned = false
  let at = 2
  while (at + 2 <= data.length) {
    if (data[at] !== 0xff) return null
    const marker = data[at + 1]!
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === EOI) {
      if (!frame || !scanned) return null // no image data
      parts.push(data.subarray(at, at + 2)) // and nothing after it
      return Buffer.concat(parts)
    }
    if (at + 4 > data.length) return null
    const length = data.readUInt16BE(at + 2)
    if (length < 2 || at + 2 + length > data.length) return null
    const end = at + 2 + length
    const isApp = marker >= 0xe0 && marker <= 0xef
    if (isApp) {
      const kept = keptApp(marker, data.subarray(at, end))
      if (kept) parts.push(kept)
      at = end
    } else if (marker === COM) {
      at = end
    } else if (marker === SOS) {
      if (!frame) return null
      // The scan's header and its entropy-coded data, to the next marker (a table, the next scan, the end).
      const dataEnd = endOfScanData(data, end)
      if (dataEnd < 0) return null // cut off: the re-encode refuses it
      parts.push(data.subarray(at, dataEnd))
      scanned = true
      at = dataEnd
    } else if (IMAGE_SEGMENTS.has(marker)) {
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xcc) {
        if (frame) return null // a second frame header: not one baseline/progressive image
        frame = true
      }
      parts.push(data.subarray(at, end))
      at = end
    } else {
      return null // a marker that has no business here (SOI again, a stray restart, JPEG extensions)
    }
  }
  return null
}
