/**
 * `npm start`: the production start path. Checks the configuration (and that the installed Payload is
 * the release the document-lock rules were written for, docs/adr/0001-locked-documents-rules.md), applies pending migrations,
 * removes media files a crash left without a record (src/media/orphanUploads.ts), then serves the
 * built app with `next start` on PORT (default 3000). Any failure before serving is one line on
 * stderr and exit code 1.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { runMigrations } from '@/config/database'
import { mediaDir, projectRoot } from '@/config/env'
import { processTuning } from '@/config/processTuning'
import { emailOffNotice } from '@/email/settings'
import { removeOrphanUploads } from '@/media/orphanUploads'
import { payloadVersionProblem } from '@/workflow/documentLocks'

import { describeStartupError, fail, loadEnv, openPayload, runCli } from './openPayload'

async function main() {
  const env = process.env as Record<string, string | undefined>
  env.NODE_ENV ||= 'production'
  const versionProblem = payloadVersionProblem(installedPayloadVersion())
  if (versionProblem) fail(versionProblem)
  loadEnv()
  // Without an email server: one line saying so and what it disables (src/email/settings.ts).
  let emailNotice: string | null = null
  try {
    emailNotice = emailOffNotice()
  } catch (error) {
    fail(describeStartupError(error))
  }
  if (emailNotice) process.stdout.write(`${emailNotice}\n`)
  const payload = await openPayload()
  try {
    await runMigrations(payload)
    const removed = await removeOrphanUploads(payload, mediaDir())
    if (removed.length) process.stdout.write(`Removed ${removed.length} media file(s) no record names, left by uploads cut off by a crash: ${removed.join(', ')}\n`)
  } catch (error) {
    fail(describeStartupError(error))
  }
  await payload.destroy().catch(() => undefined)
  delete process.env.DISABLE_JOB_AUTORUN
  delete process.env.PAYLOAD_LOG_TO_STDERR

  const port = process.env.PORT || '3000'
  const next = path.join(projectRoot, 'node_modules/next/dist/bin/next')
  // stdin is not passed on: `next start` quits at once when its stdin is closed (CI, process managers).
  const child = spawn(process.execPath, [next, 'start', '--port', port], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...processTuning() } })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

function installedPayloadVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/payload/package.json'), 'utf8')) as { version?: string }).version
  } catch {
    return undefined
  }
}

runCli(main)
