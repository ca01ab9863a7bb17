import sharp from 'sharp'

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

/**
 * A JPEG that says plainly it stands in for a photo we do not have. The originals of the seed pages'
 * photos were not scraped; a placeholder keeps galleries and layouts honest until they are uploaded.
 */
export async function placeholderJpeg(photoName: string, index: number, width = 1200, height = 800): Promise<Buffer> {
  const hue = (index * 47) % 360
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="hsl(${hue}, 25%, 35%)"/>
  <rect x="40" y="40" width="${width - 80}" height="${height - 80}" fill="none" stroke="#ffffff" stroke-width="6" stroke-dasharray="24 16"/>
  <text x="50%" y="45%" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="64" fill="#ffffff" text-anchor="middle">Photo not available</text>
  <text x="50%" y="56%" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="40" fill="#ffffff" text-anchor="middle">Original: ${escapeXml(photoName)}</text>
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}
