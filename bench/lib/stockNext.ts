/**
 * A stock Next.js ISR page of a given size, for comparison with the app's pages: a throw-away Next
 * app (one page, `revalidate = 3600`, nothing else: no proxy, no Payload) generated and built under
 * .tmp, served by `next start`. It lives outside the app on purpose: the app must not carry routes
 * that exist only for a benchmark.
 */
import fs from 'node:fs'
import path from 'node:path'

import { run, startProcess, stopProcess, waitForHttp } from './system'

const nextBin = path.resolve(process.cwd(), 'node_modules/next/dist/bin/next')

// Measured: a page with N characters of the release's text weighs about 2.2 × N bytes (the HTML, and
// the same text again, escaped, in the RSC payload, plus Next's script tags).
const BYTES_PER_CHAR = 2.2

export interface StockNext {
  url: string
  stop: () => Promise<void>
}

/** Builds (once per size; reused while the folder exists) and starts the stock page. */
export async function startStockNext(dir: string, port: number, sample: string, targetBytes: number): Promise<StockNext> {
  const chars = Math.max(1000, Math.round(targetBytes / BYTES_PER_CHAR))
  const text = sample.repeat(Math.ceil(chars / Math.max(1, sample.length))).slice(0, chars)
  const page = `export const revalidate = 3600\nconst text = ${JSON.stringify(text)}\nexport default function Page() {\n  return <main><pre>{text}</pre></main>\n}\n`
  const pageFile = path.join(dir, 'app/page.js')
  const built = fs.existsSync(path.join(dir, '.next/BUILD_ID')) && fs.existsSync(pageFile) && fs.readFileSync(pageFile, 'utf8') === page
  if (!built) {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(path.join(dir, 'app'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'next.config.mjs'), 'export default {}\n')
    fs.writeFileSync(path.join(dir, 'app/layout.js'), 'export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>\n}\n')
    fs.writeFileSync(pageFile, page)
    console.log(`Building the stock Next.js ISR page in ${path.relative(process.cwd(), dir)}…`)
    await run(process.execPath, [nextBin, 'build', dir], { log: path.join(dir, '..', 'stock-next-build.log'), env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  }
  const server = startProcess(process.execPath, [nextBin, 'start', '--port', String(port), dir], {
    log: path.join(dir, '..', 'stock-next.log'),
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  const url = `http://127.0.0.1:${port}/`
  await waitForHttp(url, 60_000, server)
  return { url, stop: () => stopProcess(server) }
}
