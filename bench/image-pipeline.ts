/**
 * Image pipeline benchmark: uploads a 24-megapixel camera JPEG (EXIF with GPS) through Payload's
 * local API on a throw-away SQLite database and prints the time until every size exists and the
 * peak memory of the process. Then weighs AVIF against WebP for the large sizes (bytes and encode
 * time), the measurement behind "no AVIF" in collections/Media/index.ts.
 *
 *   npm run bench:image            (runs the upload in a fresh child process, so its peak RSS is its own)
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { processTuning } from '../src/config/processTuning'

import { recordBenchmark } from './lib/report'
import { runBench } from './lib/run'

const COMMAND = 'npm run bench:image'
const WIDTH = 6000
const HEIGHT = 4000
const RUNS = 3

/** A photo-like 24 MP JPEG: gradients, shapes and sensor-like noise, saved as a camera would (q92, EXIF, GPS). */
async function cameraPhoto(): Promise<Buffer> {
  const shapes = Array.from({ length: 160 }, (_, i) => {
    const x = (i * 7919) % WIDTH
    const y = (i * 104729) % HEIGHT
    const r = 40 + ((i * 31) % 400)
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${(i * 47) % 360}, 45%, ${30 + (i % 40)}%)" fill-opacity="0.55"/>`
  }).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3a5a78"/><stop offset="1" stop-color="#c8a46e"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`
  const base = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true })
  const noise = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 0, sigma: 6 } } })
    .raw()
    .toBuffer()
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3)
  for (let i = 0, p = 0; i < pixels.length; i++, p++) {
    if (base.info.channels === 4 && p % 4 === 3) p++
    pixels[i] = Math.max(0, Math.min(255, base.data[p]! + noise[i]! - 3))
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R6', Artist: 'Press Office' },
      IFD2: { DateTimeOriginal: '2025:01:24 15:02:31' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 24/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '49/1 52/1 0/1' },
    })
    .jpeg({ quality: 92 })
    .toBuffer()
}

/** Child: boot Payload, upload the photo RUNS times, print JSON figures. */
async function child(photoFile: string): Promise<void> {
  const { openPayload } = await import('../src/scripts/openPayload')
  const { runMigrations } = await import('../src/config/database')
  const payload = await openPayload()
  await runMigrations(payload)
  const data = fs.readFileSync(photoFile)
  const rssAfterBoot = process.memoryUsage().rss
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  const times: number[] = []
  let sizes = 0
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'Benchmark photo' },
      file: { data, name: `bench-${i}.jpg`, mimetype: 'image/jpeg', size: data.length },
    })
    times.push(performance.now() - started)
    sizes = Object.values(doc.sizes ?? {}).filter((s) => (s as { filename?: string | null })?.filename).length
  }
  clearInterval(sampler)
  const maxRss = process.resourceUsage().maxRSS * 1024
  process.stdout.write(JSON.stringify({ times, sizes, rssAfterBoot, peak: Math.max(peak, maxRss) }) + '\n')
  process.exit(0)
}

async function encodeCost(photo: Buffer, width: number, format: 'webp' | 'avif', effort: number) {
  const resized = await sharp(photo).rotate().resize(width).toBuffer()
  const started = performance.now()
  const out = await sharp(resized)
    .toFormat(format, format === 'webp' ? { quality: 80, effort } : { quality: 55, effort })
    .toBuffer()
  return { ms: performance.now() - started, kb: out.length / 1024 }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!)

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-bench-image-'))
  try {
    const photo = await cameraPhoto()
    const photoFile = path.join(dir, 'camera.jpg')
    fs.writeFileSync(photoFile, photo)
    console.log(`24 MP test photo: ${WIDTH}×${HEIGHT}, ${(photo.length / 1024 / 1024).toFixed(1)} MB, EXIF with GPS`)

    const result = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', photoFile], {
      // The server's own process settings (src/scripts/start.ts), so the figures are production's.
      env: {
        ...process.env,
        ...processTuning(),
        DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
        MEDIA_DIR: path.join(dir, 'media'),
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'bench-only-secret-0123456789abcdef0123456789',
        LOG_LEVEL: 'fatal',
      },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
    const line = result.stdout.trim().split('\n').pop() ?? ''
    if (result.status !== 0 || !line.startsWith('{')) {
      process.stderr.write(result.stderr)
      throw new Error(`the upload child failed (exit ${result.status})`)
    }
    const { times, sizes, rssAfterBoot, peak } = JSON.parse(line) as { times: number[]; sizes: number; rssAfterBoot: number; peak: number }
    const sorted = [...times].sort((a, b) => a - b)

    // AVIF against WebP, on the two large sizes (hero 1600 px, full screen 2400 px).
    const costs: Record<string, number> = {}
    for (const width of [1600, 2400]) {
      for (const [format, effort] of [
        ['webp', 2],
        ['avif', 0],
        ['avif', 2],
      ] as const) {
        const { ms, kb } = await encodeCost(photo, width, format, effort)
        costs[`${format} e${effort} ${width}px ms`] = Math.round(ms)
        costs[`${format} e${effort} ${width}px KB`] = Math.round(kb)
      }
    }

    recordBenchmark('Image pipeline (24 MP JPEG → every size)', COMMAND, {
      'upload → all sizes, median ms': Math.round(sorted[Math.floor(sorted.length / 2)]!),
      'upload → all sizes, max ms': Math.round(sorted[sorted.length - 1]!),
      'files per upload': sizes + 1,
      'RSS after boot MB': Math.round(rssAfterBoot / 1024 / 1024),
      'peak RSS MB': Math.round(peak / 1024 / 1024),
      ...costs,
    })
    console.log('\nTargets (issue 6): < 3000 ms and < 600 MB peak.')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

runBench('bench:image', main)
