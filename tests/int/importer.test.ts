/**
 * The importer (`npm run import`): scraped text files → draft releases. The module is tested
 * directly on a fresh database; the CLI is run once as a child process for its exit code and JSON.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '@/config/env'
import { detectLocale, importFile, importKey, knownAgencies, listFiles, type ImportResult } from '@/import/importer'
import type { KnownAgency } from '@/import/parser'
import { lexicalToParagraphs } from '@/import/toLexical'
import type { Release } from '@/payload-types'

import { startPayload } from './helpers/payload'

const SEED_DIR = path.join(projectRoot, 'src/seed/documents')
const BOARD_MEETING = '001_0e984d2450b06bd9.txt'
const MIGRATION_SERVICE = '003_a976819310c3f68d.txt'

const AZ_TEXT = [
  'Bakıda beynəlxalq təhlükəsizlik konfransı keçirilib',
  '',
  '24.01.2025',
  '',
  'Yanvarın 24-də Bakıda ictimai təhlükəsizlik məsələlərinə həsr olunmuş beynəlxalq konfrans keçirilib.',
  'Konfransda çıxış edənlər cinayətkarlığa qarşı mübarizədə əməkdaşlığın əhəmiyyətini vurğulayıblar.',
  '',
].join('\n')

const RU_TEXT = [
  'В Баку прошла международная конференция по безопасности',
  '',
  '24 января 2025',
  '',
  'В Баку прошла международная конференция, посвящённая вопросам общественной безопасности.',
  'Участники конференции обсудили сотрудничество в борьбе с преступностью.',
  '',
].join('\n')

const GOOD = [BOARD_MEETING, MIGRATION_SERVICE, 'az-release.txt', 'ru-release.txt'] as const
const BAD = {
  'binary.txt': 'input looks like binary data, not text',
  'chrome-only.txt': 'no body text left after removing page chrome',
  'empty.txt': 'input is empty',
} as const
const ALL_TXT = [BOARD_MEETING, MIGRATION_SERVICE, 'az-release.txt', 'binary.txt', 'chrome-only.txt', 'empty.txt', 'ru-release.txt']

let payload: Payload
let cleanup: () => Promise<void>
let dbFile: string
let dir: string
let agencies: KnownAgency[]
let miaId: string

const file = (name: string) => path.join(dir, name)
const text = (name: string) => fs.readFileSync(file(name), 'utf8')
const releaseCount = async () => (await payload.count({ collection: 'releases' })).totalDocs
const versionCount = async () => (await payload.countVersions({ collection: 'releases' })).totalDocs

async function importFolder(dryRun: boolean): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  for (const f of await listFiles(dir)) results.push(await importFile(payload, f, { dryRun, agencies }))
  return results
}

async function releaseByKey(key: string, locale: 'az' | 'en' | 'ru'): Promise<Release | undefined> {
  const { docs } = await payload.find({
    collection: 'releases',
    where: { 'importSource.key': { equals: key } },
    draft: true,
    locale,
    fallbackLocale: false,
    depth: 0,
    limit: 2,
  })
  expect(docs.length).toBeLessThanOrEqual(1)
  return docs[0]
}

beforeAll(async () => {
  ;({ payload, cleanup, dbFile } = await startPayload())
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-import-'))
  for (const name of [BOARD_MEETING, MIGRATION_SERVICE]) fs.copyFileSync(path.join(SEED_DIR, name), file(name))
  fs.writeFileSync(file('az-release.txt'), AZ_TEXT)
  fs.writeFileSync(file('ru-release.txt'), RU_TEXT)
  fs.writeFileSync(file('empty.txt'), '')
  fs.writeFileSync(file('binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]))
  fs.writeFileSync(file('chrome-only.txt'), 'Useful links\nBack\nPaylaş:\n')
  // Not press releases: a note in another format and a folder whose name ends in .txt.
  fs.writeFileSync(file('notes.md'), 'A Board meeting was held at the Ministry\n\nThe board met today.\n')
  fs.mkdirSync(file('archive.txt'))

  const mia = await payload.create({
    collection: 'agencies',
    locale: 'en',
    data: { name: 'Ministry of Internal Affairs', shortName: 'MIA', kind: 'ministry', _status: 'published' },
  })
  miaId = mia.id
  agencies = await knownAgencies(payload)
})
afterAll(async () => {
  await cleanup()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('detectLocale', () => {
  it.each([
    ['en', 'The Minister received the Ambassador of France. They discussed cooperation in the field of security.'],
    ['az', 'Nazir Fransanın səfirini qəbul edib. Görüşdə təhlükəsizlik sahəsində əməkdaşlıq müzakirə olunub.'],
    ['ru', 'Министр принял посла Франции. Стороны обсудили сотрудничество в сфере безопасности.'],
    // Russian with Latin names and acronyms is still Russian.
    ['ru', 'Министр МВД принял делегацию UNHCR и ICRC в Баку и обсудил с ними вопросы миграции.'],
    // English with one Azerbaijani letter in a long text stays English.
    ['en', `${'The Ministry of Internal Affairs reported on the results of the year. '.repeat(10)}Baku, Şuşa.`],
  ])('%s: %s', (locale, sample) => {
    expect(detectLocale(sample)).toBe(locale)
  })

  it('reads the seed pages as English', () => {
    for (const name of [BOARD_MEETING, MIGRATION_SERVICE]) expect(detectLocale(fs.readFileSync(path.join(SEED_DIR, name), 'utf8'))).toBe('en')
  })
})

describe('listFiles and importKey', () => {
  it('lists only the .txt files of a folder, sorted', async () => {
    expect(await listFiles(dir)).toEqual(ALL_TXT.map(file))
  })

  it('lists a single .txt file as itself, and refuses a file named explicitly that is not .txt', async () => {
    expect(await listFiles(file('empty.txt'))).toEqual([file('empty.txt')])
    await expect(listFiles(file('notes.md'))).rejects.toThrow('not a .txt file')
  })

  it('rejects a missing path', async () => {
    await expect(listFiles(path.join(dir, 'no-such-folder'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('keys a file by its content', () => {
    expect(importKey('abc')).toBe(importKey('abc'))
    expect(importKey('abc')).not.toBe(importKey('abd'))
    expect(importKey('abc')).toMatch(/^import-[0-9a-f]{20}$/)
  })

  it('knows the agency created for this test by its names', () => {
    expect(agencies).toEqual([{ id: miaId, names: ['Ministry of Internal Affairs', 'MIA'] }])
  })
})

describe('dry run', () => {
  let results: ImportResult[]
  let before: { releases: number; versions: number }

  beforeAll(async () => {
    before = { releases: await releaseCount(), versions: await versionCount() }
    results = await importFolder(true)
  })

  it('reports what it would create, with title, date and photos', () => {
    expect(results.map((r) => [path.basename(r.file), r.status])).toEqual(
      ALL_TXT.map((name) => [name, name in BAD ? 'failed' : 'would-create']),
    )
    expect(results[0]).toMatchObject({
      file: file(BOARD_MEETING),
      status: 'would-create',
      title: 'A Board meeting was held at the Ministry of Internal Affairs',
      locale: 'en',
      date: '2025-01-24T00:00:00+04:00',
      agency: 'Ministry of Internal Affairs',
      photos: ['image_20250124150231.jpg', '_Y7A8241_1'],
      paragraphs: 20,
    })
    expect(results[0]!.id).toBeUndefined()
  })

  it('writes nothing', async () => {
    expect(before).toEqual({ releases: 0, versions: 0 })
    expect(await releaseCount()).toBe(before.releases)
    expect(await versionCount()).toBe(before.versions)
  })
})

describe('the CLI', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      // tsx from node_modules rather than npx: npx may print its own warnings on stderr.
      execFile(
        path.join(projectRoot, 'node_modules/.bin/tsx'),
        ['src/import/cli.ts', ...args],
        {
          cwd: projectRoot,
          timeout: 60_000,
          env: {
            ...process.env,
            DATABASE_URI: `file:${dbFile}`,
            PAYLOAD_SECRET: 'test-secret-for-the-integration-suite-0123456789',
            NODE_OPTIONS: '--no-deprecation',
          },
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0
          resolve({ code, stdout, stderr })
        },
      )
    })

  it('--dry-run --json: exit code 1 for the bad files, pure JSON on stdout, nothing written', async () => {
    const before = await releaseCount()
    const { code, stdout, stderr } = await run([dir, '--dry-run', '--json'])
    expect(code, stderr).toBe(1)
    const output = JSON.parse(stdout) as { dryRun: boolean; results: ImportResult[] }
    expect(output.dryRun).toBe(true)
    expect(output.results.map((r) => [path.basename(r.file), r.status])).toEqual(
      ALL_TXT.map((name) => [name, name in BAD ? 'failed' : 'would-create']),
    )
    expect(output.results[0]).toMatchObject({ title: 'A Board meeting was held at the Ministry of Internal Affairs', agency: 'Ministry of Internal Affairs' })
    expect(await releaseCount()).toBe(before)
    expect(before).toBe(0)
  }, 70_000)

  it('no arguments: exit code 1 and a one-line error', async () => {
    const { code, stdout, stderr } = await run([])
    expect(code).toBe(1)
    expect(stderr.startsWith('error: '), stderr).toBe(true)
    expect(stderr).toContain('name at least one file or folder')
    expect(stdout).toBe('')
  }, 70_000)
})

describe('import', () => {
  let results: ImportResult[]

  beforeAll(async () => {
    results = await importFolder(false)
  })

  it('imports the good files although others in the run fail', async () => {
    expect(results.map((r) => [path.basename(r.file), r.status])).toEqual(
      ALL_TXT.map((name) => [name, name in BAD ? 'failed' : 'created']),
    )
    expect(await releaseCount()).toBe(GOOD.length)
  })

  it.each(Object.entries(BAD))('%s fails with a message naming the file and the reason', (name, reason) => {
    const result = results.find((r) => r.file === file(name))!
    expect(result.status).toBe('failed')
    expect(result.message).toBe(`Cannot parse press release "${name}": ${reason}`)
    expect(result.id).toBeUndefined()
  })

  it('an unreadable file fails with its name and the reason', async () => {
    expect(await importFile(payload, file('missing.txt'), { dryRun: false, agencies })).toEqual({
      file: file('missing.txt'),
      status: 'failed',
      message: 'cannot read missing.txt: ENOENT',
    })
  })

  it('creates an English draft the public cannot read, keyed by its content, with its photos and agency', async () => {
    const key = importKey(text(BOARD_MEETING))
    const release = (await releaseByKey(key, 'en'))!
    expect(release.id).toBe(results[0]!.id)
    expect(release._status).toBe('draft')
    expect(release.workflow?.state).toBe('draft')
    expect(release.title).toBe('A Board meeting was held at the Ministry of Internal Affairs')
    expect(release.type).toBe('press-release')
    expect(release.leadAgency).toBe(miaId)
    expect(new Date(release.publishedAt!).toISOString()).toBe('2025-01-23T20:00:00.000Z')
    expect(release.datePrecision).toBe('date')
    expect(release.importSource).toMatchObject({ key, file: BOARD_MEETING, photos: 'image_20250124150231.jpg\n_Y7A8241_1' })
    const paragraphs = lexicalToParagraphs(release.body)
    expect(paragraphs).toHaveLength(20)
    expect(paragraphs[0]).toMatch(/^On January 24, a General Board meeting was held/)
    expect(paragraphs.join('\n')).not.toMatch(/Useful links|For the visually impaired|_Y7A8241_1|Paylaş|Most recent press releases/)

    const anonymous = await payload.find({ collection: 'releases', where: { id: { equals: release.id } }, overrideAccess: false })
    expect(anonymous.docs).toHaveLength(0)
    // Written in English only.
    expect((await releaseByKey(key, 'az'))?.title ?? null).toBeNull()
  })

  it('leaves the lead agency empty when no known agency is named', async () => {
    const key = importKey(text(MIGRATION_SERVICE))
    const release = (await releaseByKey(key, 'en'))!
    expect(release._status).toBe('draft')
    expect(release.title).toBe('The meeting held at the State Migration Service with representatives of the International Committee of the Red Cross')
    expect(release.leadAgency ?? null).toBeNull()
    expect(release.publishedAt ?? null).toBeNull()
    expect(release.importSource?.photos ?? null).toBeNull()
    expect(results[1]).toMatchObject({ agency: null, date: null, photos: [] })
    expect(results[1]!.warnings).toContain('no date found')
  })

  it.each([
    ['az-release.txt', 'az', 'Bakıda beynəlxalq təhlükəsizlik konfransı keçirilib', 'Konfransda çıxış edənlər cinayətkarlığa qarşı mübarizədə əməkdaşlığın əhəmiyyətini vurğulayıblar.'],
    ['ru-release.txt', 'ru', 'В Баку прошла международная конференция по безопасности', 'Участники конференции обсудили сотрудничество в борьбе с преступностью.'],
  ] as const)('%s is written in locale %s only', async (name, locale, title, lastParagraph) => {
    const key = importKey(text(name))
    const result = results.find((r) => r.file === file(name))!
    expect(result).toMatchObject({ status: 'created', locale, title, date: '2025-01-24T00:00:00+04:00', agency: null, paragraphs: 2 })

    const release = (await releaseByKey(key, locale))!
    expect(release.id).toBe(result.id)
    expect(release._status).toBe('draft')
    expect(release.title).toBe(title)
    expect(lexicalToParagraphs(release.body)).toHaveLength(2)
    expect(lexicalToParagraphs(release.body).at(-1)).toBe(lastParagraph)
    expect(release.leadAgency ?? null).toBeNull()
    expect(new Date(release.publishedAt!).toISOString()).toBe('2025-01-23T20:00:00.000Z')

    const english = (await releaseByKey(key, 'en'))!
    expect(english.title ?? null).toBeNull()
    expect(english.body ?? null).toBeNull()
  })

  it('skips every file on a rerun and creates nothing', async () => {
    const before = { releases: await releaseCount(), versions: await versionCount() }
    const rerun = await importFolder(false)
    expect(rerun.map((r) => [path.basename(r.file), r.status])).toEqual(ALL_TXT.map((name) => [name, name in BAD ? 'failed' : 'skipped']))
    for (const [i, r] of rerun.entries()) {
      if (r.status === 'skipped') {
        expect(r.id).toBe(results[i]!.id)
        expect(r.message).toBe('already imported')
      }
    }
    expect(await releaseCount()).toBe(before.releases)
    expect(await versionCount()).toBe(before.versions)
    expect(before.releases).toBe(GOOD.length)
  })

  it('a dry run of an imported file reports it as skipped', async () => {
    const result = await importFile(payload, file(BOARD_MEETING), { dryRun: true, agencies })
    expect(result).toMatchObject({ status: 'skipped', id: results[0]!.id, message: 'already imported' })
  })
})
