/**
 * npm run backup [-- --out <dir>]              a backup of the database and media (server may keep running)
 * npm run restore -- <backup-dir> [--force]    puts a backup back (stop the server first)
 * npm run media:check                          media records without their files, files without a record
 */
import fs from 'node:fs'
import path from 'node:path'

import { databaseTarget, mediaDir } from '@/config/env'
import { migrations } from '@/migrations/sqlite'
import { describeStartupError, fail, loadEnv, openPayload, runCli } from '@/scripts/openPayload'

import { createBackup, defaultBackupDir } from './backup'
import { BackupError } from './manifest'
import { checkMedia } from './mediaCheck'
import { compareCounts, restoreBackup } from './restore'

const out = (line: string) => process.stdout.write(`${line}\n`)
// npm runs scripts from the project root; paths on the command line are meant from where it was typed.
const fromCaller = (p: string) => path.resolve(process.env.INIT_CWD || process.cwd(), p)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function mongoInstructions(command: 'backup' | 'restore', dir: string): never {
  const media = mediaDir()
  if (command === 'backup') {
    out('MongoDB: `npm run backup` copies SQLite only. Run these instead (mongodump comes with MongoDB Database Tools):')
    out(`  mkdir -p ${dir}`)
    out(`  mongodump --uri "$DATABASE_URI" --archive=${dir}/mongo.archive.gz --gzip`)
    out(`  cp -a ${media}/. ${dir}/media/`)
  } else {
    out('MongoDB: `npm run restore` restores SQLite only. With the server stopped, run:')
    out(`  mongorestore --uri "$DATABASE_URI" --archive=${dir}/mongo.archive.gz --gzip --drop`)
    out(`  rsync -a --delete ${dir}/media/ ${media}/`)
  }
  fail(`not done: ${command} of a MongoDB database is the commands above`)
}

function parse(args: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--out') flags.set('out', args[++i] ?? fail('--out needs a folder'))
    else if (arg.startsWith('--')) flags.set(arg.slice(2), true)
    else positional.push(arg)
  }
  return { positional, flags }
}

async function backup(args: string[]) {
  const { positional, flags } = parse(args)
  if (positional.length || [...flags.keys()].some((flag) => flag !== 'out')) fail('usage: npm run backup [-- --out <dir>]')
  const outFlag = flags.get('out')
  const dir = typeof outFlag === 'string' ? fromCaller(outFlag) : defaultBackupDir()
  const target = databaseTarget()
  if (target.kind === 'mongodb') mongoInstructions('backup', dir)
  if (!fs.existsSync(target.file)) fail(`there is no database at ${target.file} (DATABASE_URI): nothing to back up`)
  const payload = await openPayload()
  const started = Date.now()
  const { manifest, missingFiles } = await createBackup(payload, dir, mediaDir())
  const mediaBytes = manifest.media.files.reduce((sum, file) => sum + file.bytes, 0)
  out(`Backup in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s):`)
  out(`  database  ${mb(manifest.database.bytes)}, ${manifest.database.migrations.length} migrations applied`)
  out(`  media     ${manifest.media.files.length} files, ${mb(mediaBytes)}`)
  out(`  counts    ${Object.entries(manifest.counts).map(([slug, c]) => `${slug} ${c.docs}`).join(', ')}`)
  if (missingFiles.length) out(`  warning   ${missingFiles.length} file(s) named by media records were not in the media folder: ${missingFiles.slice(0, 5).join(', ')}`)
  process.exit(0)
}

async function restore(args: string[]) {
  const { positional, flags } = parse(args)
  if (positional.length !== 1 || [...flags.keys()].some((flag) => flag !== 'force')) fail('usage: npm run restore -- <backup-dir> [--force]')
  const dir = fromCaller(positional[0]!)
  const target = databaseTarget()
  if (target.kind === 'mongodb') mongoInstructions('restore', dir)
  const media = mediaDir()
  const result = await restoreBackup(dir, { dbFile: target.file, mediaDir: media, knownMigrations: migrations.map((m) => m.name), force: flags.has('force') })
  for (const warning of result.warnings) out(`warning: ${warning}`)
  out(`Restored ${dir} (made ${result.manifest.createdAt}) into ${target.file} and ${media}: ${result.mediaReplaced} media files, ${result.mediaRemoved} removed`)
  const payload = await openPayload()
  const differences = await compareCounts(payload, result.manifest)
  if (differences.length) fail(`the restored database does not hold what the manifest counted: ${differences.join('; ')}`)
  out(`Counts match the manifest (${Object.keys(result.manifest.counts).length} collections). Start the server.`)
  process.exit(0)
}

async function mediaCheck(args: string[]) {
  if (args.length) fail('usage: npm run media:check')
  const dir = mediaDir()
  const payload = await openPayload()
  const report = await checkMedia(payload, dir)
  out(`${report.records} media records, ${report.files} files in ${dir}`)
  for (const { id, file } of report.missing) out(`  missing  ${file}  (media ${id})`)
  for (const { file, bytes, modified } of report.orphans) out(`  orphan   ${file}  (${(bytes / 1024).toFixed(0)} kB, ${modified})`)
  out(`${report.missing.length} file(s) missing, ${report.orphans.length} file(s) without a record${report.orphans.length ? ' (left by uploads cut off before their record was saved; safe to delete once older than any upload in progress)' : ''}`)
  process.exit(report.missing.length ? 1 : 0)
}

runCli(async () => {
  loadEnv()
  const [command, ...args] = process.argv.slice(2)
  try {
    if (command === 'backup') await backup(args)
    else if (command === 'restore') await restore(args)
    else if (command === 'media-check') await mediaCheck(args)
    else fail('usage: tsx src/backup/cli.ts backup|restore|media-check …')
  } catch (error) {
    fail(error instanceof BackupError ? error.message : describeStartupError(error))
  }
})
