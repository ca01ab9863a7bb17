/**
 * `npm run import -- <file-or-folder>… [--dry-run] [--json]`
 * Scraped press-release text files → draft releases for an editor to review. Exit code 1 if any
 * file failed (the others are still imported).
 */
import { parseArgs } from 'node:util'

import { runMigrations } from '@/config/database'
import { fail, openPayload, runCli } from '@/scripts/openPayload'

import { importTargets, knownAgencies, type ImportResult } from './importer'

const USAGE = 'usage: npm run import -- <file-or-folder>… [--dry-run] [--json]'

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`)
  }
}

function describe(result: ImportResult): string {
  const mark = { created: 'created ', 'would-create': 'would create', skipped: 'skipped ', failed: 'FAILED  ' }[result.status]
  if (result.status === 'failed') return `${mark} ${result.file}\n         ${result.message}`
  const lines = [`${mark} ${result.file}${result.id ? ` → ${result.id}` : ''}`, `         title: ${result.title ?? '(none)'}`]
  lines.push(`         date: ${result.date ?? '(unknown)'} · agency: ${result.agency ?? '(not recognised)'} · language: ${result.locale} · ${result.paragraphs} paragraphs`)
  if (result.photos?.length) lines.push(`         photos: ${result.photos.join(', ')}`)
  for (const warning of result.warnings ?? []) lines.push(`         note: ${warning}`)
  if (result.message) lines.push(`         ${result.message}`)
  return lines.join('\n')
}

async function main() {
  const { values, positionals } = parse()
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  if (!positionals.length) fail(`name at least one file or folder\n${USAGE}`)
  const dryRun = Boolean(values['dry-run'])

  const payload = await openPayload()
  await runMigrations(payload)
  const agencies = await knownAgencies(payload)
  const results = await importTargets(payload, positionals, {
    dryRun,
    agencies,
    onResult: (result) => {
      if (!values.json) process.stdout.write(`${describe(result)}\n`)
    },
  })
  const count = (status: ImportResult['status']) => results.filter((r) => r.status === status).length
  const failed = count('failed')
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ dryRun, results }, null, 2)}\n`)
  } else {
    const made = dryRun ? `${count('would-create')} would be created` : `${count('created')} created as drafts`
    process.stdout.write(`\n${results.length} file(s): ${made}, ${count('skipped')} already imported, ${failed} failed.\n`)
  }
  // Exit only once stdout is flushed: a pipe (CI, `| jq`) must get the whole report.
  process.stdout.write('', () => process.exit(failed ? 1 : 0))
}

runCli(main)
