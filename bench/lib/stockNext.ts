/**
 * A stock Next.js ISR page of a given size, for comparison with the app's pages: a throw-away Next
 * app generated and built under .tmp, served by `next start`, with nothing else (no proxy, no
 * Payload, no headers or rewrites). It lives outside the app on purpose: the app must not carry
 * routes that exist only for a benchmark. The same page twice:
 * - `/releases/[slug]`: ISR on a dynamic route, rendered on its first request and cached
 *   (`revalidate = 3600`, `generateStaticParams` empty) — the way the app's release pages are;
 * - `/`: prerendered by `next build`, so the server never renders anything. On Node 20 that also
 *   spares it the cost every server pays once it has rendered a page: the first render turns on
 *   AsyncLocalStorage's promise hooks for the rest of the process (about 60 µs per cached hit here).
 */
import fs from 'node:fs'
import path from 'node:path'

import { processTreeCpuSeconds, run, startProcess, stopProcess, waitForHttp } from './system'

const nextBin = path.resolve(process.cwd(), 'node_modules/next/dist/bin/next')

// Measured: a page with N characters of the release's text weighs about 2.2 × N bytes (the HTML, and
// the same text again, escaped, in the RSC payload, plus Next's script tags).
const BYTES_PER_CHAR = 2.2

export interface StockNext {
  /** The page prerendered at build time: until `renderOnDemand`, the server has rendered nothing. */
  prerenderedUrl: string
  /** Renders the ISR page on the dynamic route (its first request) and returns its address: a cache hit from then on. */
  renderOnDemand: () => Promise<string>
  cpuSeconds: () => number
  stop: () => Promise<void>
}

/** Builds (once per size; reused while the folder exists) and starts the stock page. */
export async function startStockNext(dir: string, port: number, sample: string, targetBytes: number): Promise<StockNext> {
  const chars = Math.max(1000, Math.round(targetBytes / BYTES_PER_CHAR))
  const text = sample.repeat(Math.ceil(chars / Math.max(1, sample.length))).slice(0, chars)
  const body = `const text = ${JSON.stringify(text)}\nexport default function Page() {\n  return <main><pre>{text}</pre></main>\n}\n`
  const files: Record<string, string> = {
    'next.config.mjs': 'export default {}\n',
    'app/layout.js': 'export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>\n}\n',
    'app/page.js': `export const revalidate = 3600\n${body}`,
    'app/releases/[slug]/page.js': `export const revalidate = 3600\nexport function generateStaticParams() {\n  return []\n}\n${body}`,
  }
  const built =
    fs.existsSync(path.join(dir, '.next/BUILD_ID')) &&
    Object.entries(files).every(([file, content]) => fs.existsSync(path.join(dir, file)) && fs.readFileSync(path.join(dir, file), 'utf8') === content)
  if (!built) {
    fs.rmSync(dir, { recursive: true, force: true })
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), content)
    }
    console.log(`Building the stock Next.js ISR page in ${path.relative(process.cwd(), dir)}…`)
    await run(process.execPath, [nextBin, 'build', dir], { log: path.join(dir, '..', 'stock-next-build.log'), env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  }
  const server = startProcess(process.execPath, [nextBin, 'start', '--port', String(port), dir], {
    log: path.join(dir, '..', 'stock-next.log'),
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  const prerenderedUrl = `http://127.0.0.1:${port}/`
  await waitForHttp(prerenderedUrl, 60_000, server)
  const renderOnDemand = async () => {
    // A new address each time: route-cache entries left by an earlier run would make it a hit.
    const url = `http://127.0.0.1:${port}/releases/stock-${Date.now()}`
    const first = await fetch(url)
    await first.arrayBuffer()
    const second = await fetch(url)
    await second.arrayBuffer()
    if (first.headers.get('x-nextjs-cache') === 'HIT' || second.headers.get('x-nextjs-cache') !== 'HIT') {
      throw new Error(`The stock ISR page was not rendered on demand and then cached (x-nextjs-cache: ${first.headers.get('x-nextjs-cache')}, then ${second.headers.get('x-nextjs-cache')})`)
    }
    return url
  }
  return { prerenderedUrl, renderOnDemand, cpuSeconds: () => processTreeCpuSeconds(server.pid!), stop: () => stopProcess(server) }
}
