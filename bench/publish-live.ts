/**
 * From "Publish" to what readers see: time until a new release, and then a title change of a published
 * release, show on the public release page and on the home page, through the production recipe
 * (nginx micro-cache in front of Next) and through Next alone.
 *
 * Through the REST API, following the review workflow (src/workflow/releaseWorkflow.ts): the demo
 * contributor writes the release and submits it for review, the demo editor publishes it (the second
 * pair of eyes, no force-publish reason); for the edit the contributor submits a new title and the
 * editor publishes it as a minor change. Readers are anonymous GETs of each page every 50 ms, started
 * 2-3 s before the publish. Each case runs BENCH_TRIALS times (default 5): figures are the time until
 * both pages show the change, median and worst.
 * Targets (issue 6): < 2 s through the recipe, < 1 s on Next alone.
 *
 *   npx tsx bench/publish-live.ts          (BENCH_DIST_DIR=.next-bench reuses an earlier build)
 */
import path from 'node:path'

import { startApp, type BenchApp } from './lib/app'
import { recipeTestCopy, startNginx } from './lib/nginx'
import { recordBenchmark, type Figures } from './lib/report'
import { runBench } from './lib/run'
import { ensureDebianPackages, sleep } from './lib/system'

const NEXT_PORT = Number(process.env.BENCH_PORT || 3210)
const RECIPE_PORT = Number(process.env.BENCH_NGINX_PORT || 8090) + 1
const POLL_MS = 50
const GIVE_UP_MS = 30_000
const TRIALS = Number(process.env.BENCH_TRIALS || 5)

interface Api {
  base: string
  token: string
}

async function api<T>(who: Api, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${who.base}/api/${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${who.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as T & { errors?: { message: string }[] }
  if (!res.ok) throw new Error(`${method} /api/${route}: ${res.status} ${json.errors?.map((e) => e.message).join('; ') ?? ''}`)
  return json
}

async function login(base: string, email: string, password: string): Promise<Api> {
  const res = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  const json = (await res.json()) as { token?: string }
  if (!res.ok || !json.token) throw new Error(`Login as ${email} failed (${res.status})`)
  return { base, token: json.token }
}

async function page(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' })
  const text = await res.text()
  return res.status === 200 ? text : ''
}

/**
 * Readers poll the pages from before the publish (so the caches are as a steady stream of readers
 * leaves them, not freshly filled), the publish is sent at a random moment 2-3 s later, and the
 * result is, for each page, the milliseconds from sending the publish until it first shows `text`.
 */
async function watchPublish(urls: Record<string, string>, text: string, publish: () => Promise<unknown>): Promise<Trial> {
  const seen: Record<string, number> = {}
  let start = 0
  let failed = false
  const readers = Object.entries(urls).map(async ([name, url]) => {
    while (!(name in seen) && !failed) {
      if (start && Date.now() - start > GIVE_UP_MS) throw new Error(`"${text}" not visible on ${name} after ${GIVE_UP_MS / 1000} s`)
      const body = await page(url)
      if (start && body.includes(text)) seen[name] = Date.now() - start
      await sleep(POLL_MS)
    }
  })
  await sleep(2000 + Math.random() * 1000)
  start = Date.now()
  try {
    await publish()
  } catch (error) {
    failed = true
    throw error
  }
  const publishMs = Date.now() - start
  await Promise.all(readers)
  return { publishMs, releaseMs: seen.release, homeMs: seen.home }
}

interface Trial {
  publishMs: number
  releaseMs: number
  homeMs: number
}

async function newRelease(base: string, contributor: Api, editor: Api, agency: string, label: string): Promise<{ trial: Trial; id: string; slug: string }> {
  const title = `Live publish check ${label} ${Date.now().toString(36)}`
  const { doc } = await api<{ doc: { id: string; slug: string } }>({ ...contributor, base }, 'POST', 'releases?draft=true', {
    title,
    lead: 'A release made by bench/publish-live.ts.',
    type: 'press-release',
    leadAgency: agency,
    workflow: { state: 'in_review' },
  })
  const urls = { release: `${base}/az/releases/${doc.slug}`, home: `${base}/az` }
  const trial = await watchPublish(urls, title, () => api({ ...editor, base }, 'PATCH', `releases/${doc.id}`, { _status: 'published' }))
  return { trial, id: doc.id, slug: doc.slug }
}

async function editTitle(base: string, contributor: Api, editor: Api, id: string, slug: string, label: string): Promise<Trial> {
  const title = `Edited title ${label} ${Date.now().toString(36)}`
  await api({ ...contributor, base }, 'PATCH', `releases/${id}?draft=true`, { title, workflow: { state: 'in_review' } })
  const urls = { release: `${base}/az/releases/${slug}`, home: `${base}/az` }
  return watchPublish(urls, title, () => api({ ...editor, base }, 'PATCH', `releases/${id}`, { _status: 'published', title, updateType: 'minor' }))
}

function show(label: string, t: Trial): void {
  console.log(`${label.padEnd(28)} publish request ${String(t.publishMs).padStart(5)} ms   release page ${String(t.releaseMs).padStart(5)} ms   home page ${String(t.homeMs).padStart(5)} ms`)
}

const both = (t: Trial) => Math.max(t.releaseMs, t.homeMs)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  ensureDebianPackages({ nginx: 'nginx' })
  const recipeUrl = `http://127.0.0.1:${RECIPE_PORT}`
  let app: BenchApp | undefined
  let nginx: { stop: () => Promise<void> } | undefined
  try {
    // The recipe's refresh listener (deploy/nginx/press-office.conf), as a deployment would set it.
    app = await startApp('publish-live', { port: NEXT_PORT, siteUrl: recipeUrl, env: { SHARED_CACHE_REFRESH_URL: `http://127.0.0.1:${RECIPE_PORT + 1000}` } })
    const nginxDir = path.join(app.dir, 'nginx')
    nginx = await startNginx(nginxDir, [
      { name: 'press-office', conf: recipeTestCopy({ dir: nginxDir, port: RECIPE_PORT, upstreams: [`127.0.0.1:${NEXT_PORT}`], mediaDir: String(app.env.MEDIA_DIR) }), checkUrl: `${recipeUrl}/az` },
    ])

    const contributor = await login(recipeUrl, 'contributor@example.com', app.demoPassword)
    const editor = await login(recipeUrl, 'editor@example.com', app.demoPassword)
    const agencies = await api<{ docs: { id: string }[] }>(editor, 'GET', 'agencies?limit=1&depth=0')
    const agency = agencies.docs[0]?.id
    if (!agency) throw new Error('The seed has no agency')

    console.log(`\nReaders poll every ${POLL_MS} ms from 2-3 s before the publish; times from sending the publish request.\n`)
    const cases: Record<string, Trial[]> = { 'recipe new': [], 'recipe edit': [], 'next new': [], 'next edit': [] }
    for (const [target, base] of [['recipe', recipeUrl], ['next', app.url]] as const) {
      for (let i = 1; i <= TRIALS; i++) {
        const created = await newRelease(base, contributor, editor, agency, `${target} ${i}`)
        show(`${target} new release #${i}`, created.trial)
        cases[`${target} new`].push(created.trial)
        const edited = await editTitle(base, contributor, editor, created.id, created.slug, `${target} ${i}`)
        show(`${target} title edit #${i}`, edited)
        cases[`${target} edit`].push(edited)
      }
    }

    const figures: Figures = { trials: TRIALS }
    for (const [name, trials] of Object.entries(cases)) {
      figures[`${name} median ms`] = median(trials.map(both))
      figures[`${name} worst ms`] = Math.max(...trials.map(both))
    }
    figures['publish request median ms'] = median(Object.values(cases).flat().map((t) => t.publishMs))
    recordBenchmark('publish-live', 'npx tsx bench/publish-live.ts', figures)

    const worst = (...names: string[]) => Math.max(...names.flatMap((n) => cases[n].map(both)))
    const recipeWorst = worst('recipe new', 'recipe edit')
    const nextWorst = worst('next new', 'next edit')
    console.log(`\nTarget < 2 s through the recipe: ${recipeWorst < 2000 ? 'met' : 'MISSED'} (worst ${recipeWorst} ms)`)
    console.log(`Target < 1 s on Next alone: ${nextWorst < 1000 ? 'met' : 'MISSED'} (worst ${nextWorst} ms)`)
  } finally {
    await nginx?.stop().catch(() => undefined)
    await app?.stop().catch(() => undefined)
  }
}

runBench('bench:publish-live', main)
