// Plain JavaScript: Next loads its cache handler at run time, outside the bundler.
import { createHash } from 'node:crypto'

import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import TagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'

import { inlineScriptHashes, pagePolicy } from '../security/contentSecurityPolicy.mjs'
import { VIEW_PREFIX } from '../a11y/viewRouting.mjs'
import { commonHeaders, commonHeadersByRule } from '../security/headers.mjs'

import { runsScripts, withoutFrameworkScripts } from './frameworkScripts.mjs'

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule
const { areTagsExpired } = TagsManifestModule
const TAGS = 'x-next-cache-tags'
const CSP = 'content-security-policy'
const ETAG = 'etag'
// Public pages have no header rule in next.config.mjs (src/security/headers.mjs says why).
const COMMON = Object.fromEntries(commonHeaders({ production: process.env.NODE_ENV === 'production' }).map(({ key, value }) => [key.toLowerCase(), value]))
const COMMON_NAMES = Object.keys(COMMON)

/**
 * Next's own file-system page cache, plus four steps done once per render to every page it stores
 * (Next serves the stored entry on every hit, and the object it just stored on the render that fills it):
 * - a page with nothing interactive on it loses the framework's scripts (`withoutFrameworkScripts`):
 *   readers of a release get a document, not ~130 KB of JavaScript;
 * - a Content-Security-Policy that lists the hashes of the page's own inline scripts. A cached
 *   page's HTML (Next's flight data in inline scripts included) is fixed until it is regenerated,
 *   so its hashes are too: readers get a strict policy and pages stay cached (a nonce would force
 *   every page to render per request). A page on which nothing runs allows no script at all;
 * - the security headers every response carries (they are not in Next's header rules for pages);
 * - its ETag. Next's own (`generateEtags`, off in next.config.mjs) hashes the whole HTML in
 *   JavaScript on every response: a sixth of the server's CPU per cached page
 *   (CPU profiles, deploy/README.md). This one identifies the render, so it is weak: the page's flight data,
 *   served from the same entry, carries it too. nginx (deploy/) answers a matching If-None-Match
 *   from its cache with 304; Next alone no longer does.
 */
export default class PageCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    const entry = await super.get(key, ctx)
    if (entry?.value) withHeaders(entry.value, key) // entries written before this handler (the build's)
    else if (ctx?.kind === 'APP_PAGE') renderStarts.missed(key)
    return entry
  }

  async set(key, data, ctx) {
    const started = renderStarts.take(key)
    if (data) withHeaders(data, key)
    // A 404 is served (with its policy) but not stored: every unknown address would otherwise
    // become a file on disk, and anyone could fill the disk by asking for made-up addresses. Nor is
    // a list for a query string (src/proxy.ts): as many pages as searches, each rendered afresh.
    if (data?.kind === 'APP_PAGE' && (data.status === 404 || isListQuery(key))) return
    if (begunBeforePurge(data, started)) return
    return super.set(key, data, ctx)
  }
}

/**
 * When the render that fills each missing page began: its first miss since it was last stored
 * (pages only: only they are checked in `begunBeforePurge`).
 * Next counts a page fresh when it was stored after the last purge (src/site/revalidate.ts); a
 * render that began before a purge and ended after it read the content from before the change, and
 * would be kept as fresh until the next change. Bounded: a miss never followed by a store (a
 * failed render) must not grow it without end.
 */
const renderStarts = {
  at: new Map(),
  missed(key) {
    if (this.at.has(key)) return
    if (this.at.size >= 10_000) this.at.clear()
    this.at.set(key, Date.now())
  },
  take(key) {
    const started = this.at.get(key)
    this.at.delete(key)
    return started
  },
}

/** Such a render is served to the readers waiting for it, and not kept: the next request renders afresh. */
function begunBeforePurge(data, started) {
  const tags = data?.kind === 'APP_PAGE' ? data.headers?.[TAGS] : undefined
  return started !== undefined && typeof tags === 'string' && areTagsExpired(tags.split(','), started)
}

/**
 * Strips the scripts a page does not need and adds the security headers, the policy and the ETag
 * of what is left (in place: Next serves the object it just stored).
 */
function withHeaders(value, key) {
  if (value.kind !== 'APP_PAGE') return
  // On a hit the entry has them all: decided without reading the key (every cached hit comes here).
  const has = (name) => Boolean(value.headers?.[name])
  if (has(CSP) && has(ETAG) && (COMMON_NAMES.every(has) || headersRuleCovers(key))) return
  const common = headersRuleCovers(key) ? {} : COMMON
  const rendered = typeof value.html === 'string' ? value.html : Buffer.isBuffer(value.html) ? value.html.toString('utf8') : null
  if (rendered === null) return
  const html = (value.status ?? 200) === 200 ? withoutFrameworkScripts(rendered) : rendered
  value.html = html
  value.headers = {
    ...value.headers,
    ...common,
    [CSP]: pagePolicy({ scripts: runsScripts(html) ? inlineScriptHashes(html) : null }),
    [ETAG]: `W/"${createHash('sha256').update(html, 'utf8').digest('base64url').slice(0, 27)}"`,
  }
}

/**
 * Whether Next's header rules already gave the request for this page the common headers: the
 * 404 page answering an address outside the languages. Next appends stored headers to the rules'
 * own, and a doubled Cross-Origin-Opener-Policy is no policy at all to a browser. A view's page
 * (`/view/…`) was asked for under a language (src/proxy.ts rewrites it there).
 */
function headersRuleCovers(key) {
  const path = pathOf(key)
  return !path.startsWith(`/${VIEW_PREFIX}/`) && commonHeadersByRule(path)
}

const LIST_QUERY = new RegExp(`^(?:/${VIEW_PREFIX}/[^/]+)?/[^/]+/(?:releases|galleries)-query/`)

/** A list's page for one query string (`/{locale}/releases-query/{query}`, in either version of the site). */
function isListQuery(key) {
  return LIST_QUERY.test(pathOf(key))
}

/** The page's path: Next 16 keys a page `/route-cache/APP_PAGE/{route}/$/{path}`; before, by the path alone. */
function pathOf(key) {
  const at = key.indexOf('/$/')
  return at === -1 ? key : key.slice(at + 2)
}
