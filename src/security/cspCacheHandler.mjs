// Plain JavaScript: Next loads its cache handler at run time, outside the bundler.
import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'

import { inlineScriptHashes, pagePolicy } from './contentSecurityPolicy.mjs'

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule
const CSP = 'content-security-policy'

/**
 * Next's own file-system page cache, plus one thing: every cached page is stored and served with a
 * Content-Security-Policy that lists the hashes of its own inline scripts. A cached page's HTML
 * (Next's flight data in inline scripts included) is fixed until it is regenerated, so its hashes
 * are too: the policy is computed once per render, readers get a strict policy, and pages stay
 * cached (a nonce would force every page to render per request). Next sends a cached entry's
 * `headers` with it, on a hit and on the render that fills the cache.
 */
export default class CspCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    const entry = await super.get(key, ctx)
    if (entry?.value) withPolicy(entry.value) // entries written before this handler (the build's)
    return entry
  }

  async set(key, data, ctx) {
    if (data) withPolicy(data)
    // A 404 is served (with its policy) but not stored: every unknown address would otherwise
    // become a file on disk, and anyone could fill the disk by asking for made-up addresses.
    if (data?.kind === 'APP_PAGE' && data.status === 404) return
    return super.set(key, data, ctx)
  }
}

/** Adds the policy to a cached page (in place: Next serves the object it just stored). */
function withPolicy(value) {
  if (value.kind !== 'APP_PAGE' || value.headers?.[CSP]) return
  const html = typeof value.html === 'string' ? value.html : Buffer.isBuffer(value.html) ? value.html.toString('utf8') : null
  if (html === null) return
  value.headers = { ...value.headers, [CSP]: pagePolicy({ scripts: inlineScriptHashes(html) }) }
}
