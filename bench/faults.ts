/**
 * Fault injection (local, bounded): SIGKILL at the worst moments, then check what is left.
 *   (a) `npm run seed` killed mid-way at several moments, then run to completion;
 *   (b) the server killed during a bulk upload of photos through REST;
 *   (c) the server killed during publishes of submitted releases;
 *   (d) not a kill: `npm run backup` run several times while editors keep saving — no save may fail,
 *       and every backup must verify.
 * After each: the database opens and passes SQLite's integrity check, every media record has its
 * files, files without a record are listed, and each release is fully published or fully not.
 *
 *   npm run bench:faults                         (builds into NEXT_DIST_DIR unless BENCH_BUILD_DIR names a build)
 *   BENCH_BUILD_DIR=.next-hardening npm run bench:faults
 *   FAULTS=seed,upload npm run bench:faults      some of the scenarios (seed, upload, publish, backup)
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

import { paragraphsToLexical } from '../src/import/toLexical'

import { appEnv, ensureBuild, killGroup, login, mediaDirOf, npmRun, root, spawnGroup, startServer, type AppEnv, type Server } from './lib/app-process'
import { recordBenchmark } from './lib/report'

const COMMAND = 'npm run bench:faults'
const PORT = Number(process.env.FAULTS_PORT || 3720)
const SEED_COUNTS = { agencies: 10, officials: 4, media: 14, galleries: 3, releases: 5, users: 3 }

// ---------------------------------------------------------------------------------------------
// The checker: a child process that opens Payload on the instance's database and reports JSON.

interface ReleaseState {
  id: string
  status: string | null
  state: string | null
  versions: number
  latestVersionStatus: string | null
  latestVersionState: string | null
  publishedVersions: number
}

interface CheckResult {
  integrity: string
  counts: Record<string, number>
  mediaIds: string[]
  missingFiles: string[]
  orphanFiles: string[]
  /** Seeded agencies and officials without a name in one of the three languages. */
  incomplete: string[]
  releases: ReleaseState[]
}

async function check(releaseIds: string[]): Promise<void> {
  const { openPayload } = await import('../src/scripts/openPayload')
  const { mediaDir } = await import('../src/config/env')
  const payload = await openPayload()
  const db = payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> } }
  const integrity = (await db.client.execute('PRAGMA integrity_check')).rows.map((row) => Object.values(row)[0]).join('; ')
  const counts: Record<string, number> = {}
  for (const collection of ['agencies', 'officials', 'media', 'galleries', 'releases', 'users'] as const) {
    counts[collection] = (await payload.count({ collection })).totalDocs
  }
  const { checkMedia } = await import('../src/backup/mediaCheck')
  const media = await checkMedia(payload, mediaDir())
  const { docs: mediaDocs } = await payload.find({ collection: 'media', pagination: false, depth: 0 })
  const incomplete: string[] = []
  for (const collection of ['agencies', 'officials'] as const) {
    for (const locale of ['az', 'en', 'ru'] as const) {
      const { docs } = await payload.find({ collection, locale, fallbackLocale: false, pagination: false, depth: 0 })
      for (const doc of docs) if (!doc.name) incomplete.push(`${collection} ${doc.slug} has no ${locale} name`)
    }
  }
  const releases: ReleaseState[] = []
  for (const id of releaseIds) {
    const found = await payload.find({ collection: 'releases', where: { id: { equals: id } }, depth: 0, locale: 'en' })
    const doc = found.docs[0]
    const { docs: versions } = await payload.findVersions({ collection: 'releases', where: { parent: { equals: id } }, sort: '-updatedAt', pagination: false, depth: 0 })
    releases.push({
      id,
      status: doc?._status ?? null,
      state: doc?.workflow?.state ?? null,
      versions: versions.length,
      latestVersionStatus: versions[0]?.version._status ?? null,
      latestVersionState: versions[0]?.version.workflow?.state ?? null,
      publishedVersions: versions.filter((v) => v.version._status === 'published').length,
    })
  }
  const result: CheckResult = {
    integrity,
    counts,
    mediaIds: mediaDocs.map((doc) => doc.id),
    missingFiles: media.missing.map((m) => m.file),
    orphanFiles: media.orphans.map((o) => o.file).sort(),
    incomplete,
    releases,
  }
  process.stdout.write(`CHECK_JSON ${JSON.stringify(result)}\n`)
  process.exit(0)
}

function runCheck(app: AppEnv, releaseIds: string[] = []): CheckResult {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/faults.ts', '--check', JSON.stringify(releaseIds)], {
    cwd: root,
    env: { ...app.env, NODE_OPTIONS: '--no-deprecation' },
    encoding: 'utf8',
  })
  const line = result.stdout.split('\n').find((l) => l.startsWith('CHECK_JSON '))
  if (!line) throw new Error(`the database does not open: ${why(`${result.stdout}\n${result.stderr}`)}`)
  return JSON.parse(line.slice('CHECK_JSON '.length)) as CheckResult
}

// ---------------------------------------------------------------------------------------------

interface Outcome {
  scenario: string
  pass: boolean
  details: string
}
const outcomes: Outcome[] = []
function report(name: string, problems: string[], facts: string) {
  const repeats = outcomes.filter((o) => o.scenario === name || o.scenario.startsWith(`${name} #`)).length
  const scenario = repeats ? `${name} #${repeats + 1}` : name
  const pass = problems.length === 0
  outcomes.push({ scenario, pass, details: pass ? facts : `${problems.join('; ')} (${facts})` })
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${scenario}: ${pass ? facts : `${problems.join('; ')} — ${facts}`}`)
}

/** The one line that says why a command failed: its `error:` line, else the message of Payload's JSON log, else its last line. */
function why(output: string): string {
  const lines = output.trim().split('\n')
  const errorLine = lines.find((line) => line.startsWith('error:'))
  if (errorLine) return errorLine
  for (const line of lines.reverse()) {
    try {
      const msg = (JSON.parse(line) as { msg?: string }).msg
      if (msg) return msg.replace(/\s+/g, ' ').slice(0, 220)
    } catch {
      // not a log line
    }
  }
  return lines[0] ?? '(no output)'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Common checks after a crash: the database is sound and media records have their files. */
function soundness(result: CheckResult): string[] {
  const problems: string[] = []
  if (result.integrity !== 'ok') problems.push(`integrity_check: ${result.integrity}`)
  if (result.missingFiles.length) problems.push(`${result.missingFiles.length} media file(s) missing for their records: ${result.missingFiles.slice(0, 3).join(', ')}`)
  return problems
}

// (a) ------------------------------------------------------------------------------------------

/** Kill points: ms after the seed printed "Importing the seed content…" (-1: during the migrations). */
const SEED_KILLS_MS = [-1, 0, 400, 1200, 2000, 3000]

async function seedKills(): Promise<void> {
  for (const delay of SEED_KILLS_MS) {
    const app = appEnv(`faults-seed-${delay}`, PORT)
    const child = spawnGroup(app, 'npm', ['run', '-s', 'seed'], 'seed-killed.log')
    const marker = delay < 0 ? 'Applying pending migrations' : 'Importing the seed content'
    const logFile = path.join(app.dir, 'seed-killed.log')
    const started = Date.now()
    while (!fs.readFileSync(logFile, 'utf8').includes(marker) && Date.now() - started < 60_000 && child.exitCode === null) await sleep(10)
    await sleep(Math.max(0, delay < 0 ? 30 : delay))
    const finishedFirst = child.exitCode !== null
    await killGroup(child)
    const scenario = `seed SIGKILL ${delay < 0 ? 'during migrations' : `${delay} ms into the content`}`
    let before: CheckResult | null = null
    try {
      before = runCheck(app)
    } catch {
      // a database killed during its first migration may not open yet: the rerun must cope
    }
    const rerun = spawnSync('npm', ['run', '-s', 'seed'], { cwd: root, env: app.env, encoding: 'utf8' })
    if (rerun.status !== 0) {
      report(scenario, [`the rerun of the seed exits ${rerun.status}: ${why(`${rerun.stdout}\n${rerun.stderr}`)}`], before ? 'the database opened after the kill' : 'the database did not open after the kill')
      continue
    }
    const after = runCheck(app)
    const problems = soundness(after)
    for (const [collection, expected] of Object.entries(SEED_COUNTS)) {
      if (after.counts[collection] !== expected) problems.push(`${collection}: ${after.counts[collection]} instead of ${expected}`)
    }
    if (after.orphanFiles.length) problems.push(`${after.orphanFiles.length} media file(s) without a record: ${after.orphanFiles.slice(0, 3).join(', ')}`)
    if (after.incomplete.length) problems.push(`${after.incomplete.length} item(s) left incomplete: ${after.incomplete.slice(0, 3).join('; ')}`)
    const partial = before ? `killed with ${before.counts.media} media, ${before.counts.agencies} agencies, ${before.counts.releases} releases, ${before.orphanFiles.length} orphan file(s)` : 'killed before the database opened'
    report(scenario, problems, `${finishedFirst ? 'the seed had already finished; ' : ''}${partial}; after the rerun: counts right, integrity ok, ${after.mediaIds.length} media records all with their files`)
  }
}

// (b) ------------------------------------------------------------------------------------------

const PHOTOS = 8
/**
 * One instance; each round uploads PHOTOS photos two at a time and the server is killed this long
 * after the first — or ('first file') the moment the first new file appears in the media folder,
 * the window between Payload writing an upload's files and inserting its record.
 */
const UPLOAD_KILLS: (number | 'first file')[] = [1500, 2500, 3500, 5000, 'first file', 'first file']

async function photo(i: number): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40 + i * 20, g: 90, b: 140 }, noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

async function upload(baseURL: string, auth: string, data: Buffer, name: string): Promise<{ id: string; filename: string } | string> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), name)
  form.append('_payload', JSON.stringify({ alt: `Fault test photo ${name}` }))
  try {
    const response = await fetch(`${baseURL}/api/media`, { method: 'POST', headers: { Authorization: auth }, body: form })
    const body = (await response.json()) as { doc?: { id: string; filename: string }; errors?: { message: string }[] }
    return response.status === 201 && body.doc ? body.doc : `HTTP ${response.status} ${body.errors?.[0]?.message ?? ''}`
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause
    return cause?.code === 'ECONNREFUSED' ? 'refused' : 'cut off'
  }
}

async function uploadKills(): Promise<string[]> {
  const photos = await Promise.all(Array.from({ length: PHOTOS }, (_, i) => photo(i)))
  const app = appEnv('faults-upload', PORT)
  npmRun(app, 'seed')
  let server: Server = await startServer(app)
  let mediaBefore = SEED_COUNTS.media
  let orphans: string[] = []
  for (const [round, delay] of UPLOAD_KILLS.entries()) {
    const auth = await login(server.baseURL, 'editor@example.com')
    const acknowledged: { id: string; filename: string }[] = []
    const failed: string[] = []
    const dying = server
    let kill: Promise<void>
    if (delay === 'first file') {
      const known = new Set(fs.readdirSync(mediaDirOf(app)))
      kill = new Promise<void>((resolve) => {
        const watcher = fs.watch(mediaDirOf(app), (_event, name) => {
          if (!name || known.has(name)) return
          watcher.close()
          void dying.stop('SIGKILL').then(resolve)
        })
      })
    } else {
      kill = sleep(delay).then(() => dying.stop('SIGKILL'))
    }
    // Two at a time, as a browser's bulk upload does.
    let next = 0
    const worker = async () => {
      while (next < PHOTOS) {
        const i = next++
        const result = await upload(server.baseURL, auth, photos[i]!, `fault-${round}-${i}.jpg`)
        if (typeof result === 'string') failed.push(result)
        else acknowledged.push(result)
      }
    }
    await Promise.all([worker(), worker(), kill])
    const logFile = path.join(app.dir, 'server.log')
    const logBefore = fs.readFileSync(logFile, 'utf8').length
    server = await startServer(app)
    // `npm start` removes files no record names before serving (src/media/orphanUploads.ts).
    const swept = Number(/Removed (\d+) media file/.exec(fs.readFileSync(logFile, 'utf8').slice(logBefore))?.[1] ?? 0)
    const health = (await (await fetch(`${server.baseURL}/api/health`)).json()) as { status: string }
    const after = runCheck(app)
    const problems = soundness(after)
    const lost = acknowledged.filter((doc) => !after.mediaIds.includes(doc.id))
    if (lost.length) problems.push(`${lost.length} upload(s) answered 201 but gone after the restart`)
    if (health.status !== 'ok') problems.push(`health after restart: ${health.status}`)
    const newOrphans = after.orphanFiles.filter((f) => !orphans.includes(f))
    orphans = after.orphanFiles
    const cut = failed.filter((f) => f === 'cut off').length
    const reasons = [...new Set(failed.filter((f) => f !== 'cut off' && f !== 'refused'))]
    report(
      `server SIGKILL ${delay === 'first file' ? 'at the first file written' : `${delay} ms`} into a bulk upload of ${PHOTOS} photos`,
      problems,
      `${acknowledged.length} answered 201, ${cut} cut off in flight, ${failed.length - cut} refused or failed${reasons.length ? ` (${reasons.join('; ').slice(0, 120)})` : ''}; after the restart ${after.counts.media - mediaBefore} new media records, all with their files; ${swept} file(s) without a record removed at the restart, ${newOrphans.length} left${newOrphans.length ? ` (${newOrphans.slice(0, 4).join(', ')}${newOrphans.length > 4 ? ', …' : ''})` : ''}`,
    )
    mediaBefore = after.counts.media
  }
  await server.stop('SIGTERM')
  return orphans
}

// (c) ------------------------------------------------------------------------------------------

/**
 * Each round fires three publishes 0, 15 and 30 ms apart and kills the server this long after the
 * first — or ('first write') the moment the database (or its write-ahead log) is first written after they were sent.
 */
const PUBLISH_KILLS: (number | 'first write')[] = [5, 40, 80, 120, 160, 300, 'first write', 'first write', 'first write']

async function api(server: Server, auth: string, method: string, url: string, body?: unknown): Promise<{ status: number; doc?: { id: string } }> {
  const response = await fetch(`${server.baseURL}/api/${url}`, {
    method,
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json()) as { doc?: { id: string }; errors?: { message: string }[] }
  if (response.status >= 400) throw new Error(`${method} /api/${url}: HTTP ${response.status} ${json.errors?.[0]?.message ?? ''}`)
  return { status: response.status, doc: json.doc }
}

async function publishKills(): Promise<void> {
  const app = appEnv('faults-publish', PORT)
  npmRun(app, 'seed')
  let server = await startServer(app)
  const contributor = await login(server.baseURL, 'contributor@example.com')
  const { docs: agencies } = (await (await fetch(`${server.baseURL}/api/agencies?limit=1&depth=0`)).json()) as { docs: { id: string }[] }
  const rounds: { delay: number | 'first write'; ids: string[] }[] = []
  for (const delay of PUBLISH_KILLS) {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const created = await api(server, contributor, 'POST', 'releases?draft=true&locale=az', {
        title: `Fault test release ${delay} ms ${i}`,
        type: 'press-release',
        leadAgency: agencies[0]!.id,
        body: paragraphsToLexical(['Text written by the contributor.']),
      })
      await api(server, contributor, 'PATCH', `releases/${created.doc!.id}?draft=true&locale=az`, { workflow: { state: 'in_review' } })
      ids.push(created.doc!.id)
    }
    rounds.push({ delay, ids })
  }

  const answered = new Map<string, string>()
  for (const round of rounds) {
    const editor = await login(server.baseURL, 'editor@example.com')
    const dying = server
    const dbFile = app.env.DATABASE_URI!.slice('file:'.length)
    const kill =
      round.delay === 'first write'
        ? new Promise<void>((resolve) => {
            // In WAL mode a commit writes the -wal file; the database file itself only at checkpoints.
            const watcher = fs.watch(path.dirname(dbFile), (_event, name) => {
              if (name !== path.basename(dbFile) && name !== `${path.basename(dbFile)}-wal`) return
              watcher.close()
              void dying.stop('SIGKILL').then(resolve)
            })
          })
        : sleep(round.delay).then(() => dying.stop('SIGKILL'))
    const publishes = round.ids.map((id, i) =>
      sleep(i * 15).then(() =>
        api(server, editor, 'PATCH', `releases/${id}?locale=az`, { _status: 'published' }).then(
          (r) => answered.set(id, `HTTP ${r.status}`),
          (error: Error) => answered.set(id, error.message.slice(0, 60)),
        ),
      ),
    )
    await Promise.all([...publishes, kill])
    server = await startServer(app)
  }
  await server.stop('SIGTERM')

  const after = runCheck(app, rounds.flatMap((r) => r.ids))
  const common = soundness(after)
  for (const round of rounds) {
    const problems = [...common]
    const states: string[] = []
    for (const id of round.ids) {
      const r = after.releases.find((x) => x.id === id)!
      const fullyPublished = r.status === 'published' && r.state === 'published' && r.latestVersionStatus === 'published'
      // A submission is a draft save: it lives in the latest version, the main row keeps the first draft.
      const fullyUnpublished = r.status === 'draft' && r.latestVersionStatus === 'draft' && r.latestVersionState === 'in_review' && r.publishedVersions === 0
      const acknowledged = answered.get(id) === 'HTTP 200'
      states.push(`${fullyPublished ? 'published' : fullyUnpublished ? 'unpublished' : 'MIXED'}${acknowledged ? ' (answered 200)' : ''}`)
      if (!fullyPublished && !fullyUnpublished) {
        problems.push(
          `release ${id.slice(0, 8)} half-published: document _status ${r.status} (workflow ${r.state}), latest version _status ${r.latestVersionStatus} (workflow ${r.latestVersionState}), ${r.publishedVersions} published version(s) of ${r.versions}`,
        )
      }
      if (acknowledged && !fullyPublished) problems.push(`release ${id.slice(0, 8)} answered 200 but is not published after the restart`)
    }
    report(`server SIGKILL ${round.delay === 'first write' ? 'at the first database write' : `${round.delay} ms`} into 3 publishes`, problems, states.join(', '))
  }
}

// (d) ------------------------------------------------------------------------------------------

const BACKUPS = 5
const WRITERS = 3

function runAsync(app: AppEnv, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: root, env: app.env })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.on('exit', (status) => resolve({ status, output }))
  })
}

async function backupDuringWrites(): Promise<void> {
  const app = appEnv('faults-backup', PORT)
  npmRun(app, 'seed')
  const server = await startServer(app)
  const editor = await login(server.baseURL, 'editor@example.com')
  const { docs } = (await (await fetch(`${server.baseURL}/api/agencies?limit=${WRITERS}&depth=0`)).json()) as { docs: { id: string }[] }
  let writing = true
  const statuses = new Map<number, number>()
  const writer = async (id: string) => {
    for (let i = 0; writing; i++) {
      const response = await fetch(`${server.baseURL}/api/agencies/${id}?draft=true&locale=en`, {
        method: 'PATCH',
        headers: { Authorization: editor, 'Content-Type': 'application/json' },
        body: JSON.stringify({ website: `https://example.org/${i}` }),
      })
      await response.arrayBuffer()
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    }
  }
  const writers = docs.map((doc) => writer(doc.id))
  const backupProblems: string[] = []
  const { verifyBackup } = await import('../src/backup/restore')
  const { migrations } = await import('../src/migrations/sqlite')
  for (let i = 0; i < BACKUPS; i++) {
    const dir = path.join(app.dir, `backup-${i}`)
    const result = await runAsync(app, ['run', '-s', 'backup', '--', '--out', dir])
    if (result.status !== 0) backupProblems.push(`backup ${i} exited ${result.status}: ${why(result.output)}`)
    else await verifyBackup(dir, migrations.map((m) => m.name)).catch((error: Error) => backupProblems.push(`backup ${i}: ${error.message}`))
  }
  writing = false
  await Promise.all(writers)
  await server.stop('SIGTERM')
  const saves = [...statuses.values()].reduce((a, b) => a + b, 0)
  const failedSaves = [...statuses].filter(([status]) => status >= 400).reduce((sum, [, n]) => sum + n, 0)
  const busy = (fs.readFileSync(path.join(app.dir, 'server.log'), 'utf8').match(/SQLITE_BUSY/g) ?? []).length / 2
  const problems = [...backupProblems]
  if (failedSaves) problems.push(`${failedSaves} of ${saves} saves failed (${[...statuses].map(([s, n]) => `${n}× HTTP ${s}`).join(', ')}; SQLITE_BUSY in the server log ×${busy})`)
  report(`${BACKUPS} backups while ${WRITERS} editors save`, problems, `${saves} saves, ${failedSaves} failed; ${BACKUPS - backupProblems.length}/${BACKUPS} backups complete and verified`)
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now()
  const buildApp = appEnv('faults-build', PORT)
  const build = ensureBuild(buildApp)
  console.log(build.built ? `Built into ${buildApp.env.NEXT_DIST_DIR} in ${build.seconds.toFixed(0)} s` : `Reusing the build in ${buildApp.env.NEXT_DIST_DIR}`)
  const only = (process.env.FAULTS || 'seed,upload,publish,backup').split(',')
  if (only.includes('seed')) await seedKills()
  const orphans = only.includes('upload') ? await uploadKills() : []
  if (only.includes('publish')) await publishKills()
  if (only.includes('backup')) await backupDuringWrites()
  const failed = outcomes.filter((o) => !o.pass)
  console.log(`\n${outcomes.length - failed.length}/${outcomes.length} scenarios passed`)
  if (orphans.length) console.log(`Orphan files (on disk, no media record), from killed uploads:\n  ${orphans.join('\n  ')}`)
  const figures: Record<string, string | number> = {
    scenarios: outcomes.length,
    passed: outcomes.length - failed.length,
    'orphan files after killed uploads': orphans.length,
    minutes: (Date.now() - started) / 60_000,
  }
  for (const outcome of outcomes) figures[outcome.scenario] = outcome.pass ? 'PASS' : `FAIL: ${outcome.details.slice(0, 160)}`
  recordBenchmark('Faults (SIGKILL mid-way)', COMMAND, figures)
  process.exit(failed.length ? 1 : 0)
}

if (process.argv[2] === '--check') {
  check(JSON.parse(process.argv[3] ?? '[]') as string[]).catch((error: unknown) => {
    process.stderr.write(`check failed: ${(error as Error).message}\n`)
    process.exit(1)
  })
} else {
  main().catch((error: unknown) => {
    console.error(`bench:faults failed: ${(error as Error).stack ?? error}`)
    process.exit(1)
  })
}
