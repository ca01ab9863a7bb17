/**
 * What readers download, fetched from a running `npm start` with `Accept-Encoding: gzip` and counted
 * as bytes on the wire (bodies, without headers):
 *   - the JavaScript of a release page: every <script src> a current browser loads (target, issue 6:
 *     < 80 KB gzipped), and apart from it the `nomodule` polyfills only old browsers load;
 *   - the whole home page: HTML, stylesheets (and what they url()), scripts, images (<img src>), icons;
 *   - Lighthouse performance and accessibility scores of the home page and a release page, with
 *     Debian's Chromium; Lighthouse is fetched by `npx --yes lighthouse@12` (not a project dependency).
 *     BENCH_LIGHTHOUSE=0 skips it.
 *
 *   npx tsx bench/page-weight.ts          (BENCH_DIST_DIR=.next-bench reuses an earlier build)
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import { releaseSlugs, startApp, type BenchApp } from './lib/app'
import { recordBenchmark, type Figures } from './lib/report'
import { runBench } from './lib/run'

const PORT = Number(process.env.BENCH_PORT || 3210)
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium'
const KB = 1024

interface Transfer {
  url: string
  status: number
  type: string
  wireBytes: number
  body: Buffer
}

/** GET with gzip accepted; wireBytes is the body as sent (compressed when the server compressed it). */
function get(url: string): Promise<Transfer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const gzipped = res.headers['content-encoding'] === 'gzip'
          resolve({
            url,
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            wireBytes: raw.length,
            body: gzipped ? gunzipSync(raw) : raw,
          })
        })
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`, 'i'))?.[1]?.replace(/&amp;/g, '&')
const tags = (html: string, name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? []

/**
 * Script files of a page. `nomodule` ones (Next's polyfills, ~40 KB) are only for browsers without
 * ES modules: current browsers neither download nor run them, so they are counted apart.
 */
function scriptUrls(html: string, base: string, { legacy = false } = {}): string[] {
  const wanted = tags(html, 'script').filter((t) => /\snomodule\b/i.test(t) === legacy)
  return [...new Set(wanted.map((t) => attr(t, 'src')).filter((s): s is string => Boolean(s)).map((s) => new URL(s, base).toString()))]
}

async function sum(urls: string[]): Promise<{ bytes: number; items: Transfer[] }> {
  const items = await Promise.all(urls.map(get))
  const failed = items.filter((i) => i.status !== 200)
  if (failed.length) throw new Error(`Not 200: ${failed.map((f) => `${f.url} (${f.status})`).join(', ')}`)
  return { bytes: items.reduce((n, i) => n + i.wireBytes, 0), items }
}

async function homeWeight(app: BenchApp) {
  const pageUrl = `${app.url}/az`
  const html = await get(pageUrl)
  const text = html.body.toString('utf8')
  const css = [
    ...new Set(
      tags(text, 'link')
        .filter((t) => /rel="stylesheet"/i.test(t))
        .map((t) => attr(t, 'href'))
        .filter((h): h is string => Boolean(h))
        .map((h) => new URL(h, pageUrl).toString()),
    ),
  ]
  const icons = tags(text, 'link')
    .filter((t) => /rel="(icon|shortcut icon|apple-touch-icon)"/i.test(t))
    .map((t) => attr(t, 'href'))
    .filter((h): h is string => Boolean(h))
    .map((h) => new URL(h, pageUrl).toString())
  const images = [
    ...new Set(
      tags(text, 'img')
        .map((t) => attr(t, 'src'))
        .filter((s): s is string => Boolean(s) && !s!.startsWith('data:'))
        .map((s) => new URL(s, pageUrl).toString()),
    ),
  ]
  const styles = await sum(css)
  const fromCss = [
    ...new Set(
      styles.items.flatMap((s) =>
        [...s.body.toString('utf8').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:')).map((u) => new URL(u, s.url).toString()),
      ),
    ),
  ]
  const scripts = await sum(scriptUrls(text, pageUrl))
  const pictures = await sum([...images, ...icons, ...fromCss])
  return {
    html: html.wireBytes,
    css: styles.bytes,
    js: scripts.bytes,
    images: pictures.bytes,
    counts: `${css.length} css, ${scripts.items.length} js, ${images.length} img, ${icons.length + fromCss.length} other`,
  }
}

interface LighthouseScores {
  performance: number
  accessibility: number
}

function lighthouse(url: string, outFile: string): Promise<LighthouseScores> {
  const args = [
    '--yes',
    'lighthouse@12',
    url,
    '--quiet',
    '--output=json',
    `--output-path=${outFile}`,
    '--only-categories=performance,accessibility',
    '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
  ]
  return new Promise((resolve, reject) => {
    execFile('npx', args, { env: { ...process.env, CHROME_PATH: CHROME }, timeout: 300_000, maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
      if (error) return reject(new Error(`lighthouse failed: ${stderr.split('\n').filter(Boolean).slice(-3).join(' | ') || error.message}`))
      const report = JSON.parse(fs.readFileSync(outFile, 'utf8')) as {
        runtimeError?: { message: string }
        categories: Record<string, { score: number | null }>
      }
      if (report.runtimeError) return reject(new Error(`lighthouse: ${report.runtimeError.message}`))
      resolve({ performance: Math.round((report.categories.performance.score ?? 0) * 100), accessibility: Math.round((report.categories.accessibility.score ?? 0) * 100) })
    })
  })
}

async function main() {
  let app: BenchApp | undefined
  try {
    app = await startApp('page-weight', { port: PORT })
    const [slug] = await releaseSlugs(app)
    const releaseUrl = `${app.url}/az/releases/${slug}`
    const releaseHtml = (await get(releaseUrl)).body.toString('utf8')
    const releaseJs = await sum(scriptUrls(releaseHtml, releaseUrl))
    const legacyJs = await sum(scriptUrls(releaseHtml, releaseUrl, { legacy: true }))
    const dataBlocks = tags(releaseHtml, 'script').filter((t) => /\stype="application\/(ld\+)?json"/i.test(t)).length
    const inlineJs = tags(releaseHtml, 'script').length - releaseJs.items.length - legacyJs.items.length - dataBlocks
    console.log(`\nRelease page ${releaseUrl}`)
    for (const s of releaseJs.items) console.log(`  ${(s.wireBytes / KB).toFixed(1).padStart(6)} KB  ${new URL(s.url).pathname}`)
    console.log(`  ${(releaseJs.bytes / KB).toFixed(1).padStart(6)} KB gzipped in ${releaseJs.items.length} <script src> (plus ${inlineJs} inline scripts inside the HTML, and ${dataBlocks} JSON data blocks such as JSON-LD)`)
    console.log(`  ${(legacyJs.bytes / KB).toFixed(1).padStart(6)} KB more in ${legacyJs.items.length} nomodule script (polyfills for browsers without ES modules; not loaded by current ones)`)

    const home = await homeWeight(app)
    const homeTotal = home.html + home.css + home.js + home.images
    console.log(`\nHome page ${app.url}/az (${home.counts}): HTML ${(home.html / KB).toFixed(1)} KB, CSS ${(home.css / KB).toFixed(1)} KB, JS ${(home.js / KB).toFixed(1)} KB, images ${(home.images / KB).toFixed(1)} KB; total ${(homeTotal / KB).toFixed(1)} KB`)

    const figures: Figures = {
      'release JS KB gz': releaseJs.bytes / KB,
      'release scripts': releaseJs.items.length,
      'release nomodule KB gz': legacyJs.bytes / KB,
      'home total KB': homeTotal / KB,
      'home HTML KB gz': home.html / KB,
      'home CSS KB gz': home.css / KB,
      'home JS KB gz': home.js / KB,
      'home images KB': home.images / KB,
    }

    if (process.env.BENCH_LIGHTHOUSE !== '0') {
      if (!fs.existsSync(CHROME)) {
        figures.lighthouse = `no Chromium at ${CHROME}`
      } else {
        console.log('\nLighthouse 12 (npx --yes lighthouse@12, Chromium headless, default mobile simulation)…')
        try {
          const dir = path.join(app.dir, 'lighthouse')
          fs.mkdirSync(dir, { recursive: true })
          // One at a time: two Chromium runs side by side would slow each other's scores down.
          const homeScores = await lighthouse(`${app.url}/az`, path.join(dir, 'home.json'))
          const releaseScores = await lighthouse(releaseUrl, path.join(dir, 'release.json'))
          console.log(`  home: performance ${homeScores.performance}, accessibility ${homeScores.accessibility}`)
          console.log(`  release: performance ${releaseScores.performance}, accessibility ${releaseScores.accessibility}`)
          figures['LH home perf'] = homeScores.performance
          figures['LH home a11y'] = homeScores.accessibility
          figures['LH release perf'] = releaseScores.performance
          figures['LH release a11y'] = releaseScores.accessibility
        } catch (error) {
          figures.lighthouse = error instanceof Error ? error.message.slice(0, 200) : String(error)
          console.log(`  ${figures.lighthouse}`)
        }
      }
    }
    recordBenchmark('page-weight', 'npx tsx bench/page-weight.ts', figures)
    console.log(`\nTarget release page JS < 80 KB gzipped: ${releaseJs.bytes < 80 * KB ? 'met' : 'MISSED'} (${(releaseJs.bytes / KB).toFixed(1)} KB)`)
  } finally {
    await app?.stop().catch(() => undefined)
  }
}

runBench('bench:page-weight', main)
