/**
 * Turns scraped press-release files into draft releases. Each file is handled on its own: a bad
 * file gets a message and the others still import. A file already imported (same content) is
 * skipped, so a rerun creates nothing twice.
 */
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import type { LocaleCode } from '@/fields/localizedName'

import { parsePressRelease, type KnownAgency, type ParsedRelease } from './parser'
import { paragraphsToLexical } from './toLexical'

export type ImportStatus = 'created' | 'would-create' | 'skipped' | 'failed'

export interface ImportResult {
  file: string
  status: ImportStatus
  id?: string
  title?: string | null
  locale?: LocaleCode
  date?: string | null
  agency?: string | null
  photos?: string[]
  paragraphs?: number
  warnings?: string[]
  message?: string
}

/** A scraped press release is a few kilobytes; anything this large is not one. */
export const MAX_FILE_BYTES = 1024 * 1024

/**
 * The .txt files a path names: the file itself, or those in the folder (sorted). Only regular .txt
 * files: a symbolic link to a file, a device or any other kind of file could make a draft out of
 * something that is no press release (`/etc/passwd`, a `.env` linked into a scraped folder).
 */
export async function listFiles(target: string): Promise<string[]> {
  const link = await fs.lstat(target)
  const stat = link.isSymbolicLink() ? await fs.stat(target) : link
  if (stat.isFile()) {
    if (link.isSymbolicLink()) throw new Error('a symbolic link to a file: name the file itself')
    if (!target.toLowerCase().endsWith('.txt')) throw new Error('not a .txt file')
    return [target]
  }
  if (!stat.isDirectory()) throw new Error('not a regular file or folder')
  const entries = await fs.readdir(target, { withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt'))
    .map((e) => path.join(target, e.name))
    .sort()
}

export const importKey = (text: string): string => `import-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 20)}`

/** Which of the three site languages a text is written in. */
export function detectLocale(text: string): LocaleCode {
  const cyrillic = (text.match(/[\u0400-\u04FF]/g) ?? []).length
  const azerbaijani = (text.match(/[əƏğĞışŞçÇöÖüÜİ]/g) ?? []).length
  const latin = (text.match(/[a-zA-Z]/g) ?? []).length
  if (cyrillic > latin) return 'ru'
  // A few Azerbaijani-spelled names in an English text are not enough: 2% of the letters.
  return azerbaijani > latin * 0.02 ? 'az' : 'en'
}

export async function knownAgencies(payload: Payload): Promise<KnownAgency[]> {
  const byId = new Map<string, Set<string>>()
  for (const locale of ['az', 'en', 'ru'] as const) {
    const { docs } = await payload.find({ collection: 'agencies', locale, limit: 0, pagination: false, depth: 0, draft: true })
    for (const agency of docs) {
      const names = byId.get(agency.id) ?? new Set<string>()
      for (const name of [agency.name, agency.shortName]) if (name) names.add(name)
      byId.set(agency.id, names)
    }
  }
  return [...byId].map(([id, names]) => ({ id, names: [...names] }))
}

const outletId = (parsed: ParsedRelease, agencies: KnownAgency[]): string | null => {
  const outlet = parsed.source?.outlet?.toLowerCase()
  return outlet ? (agencies.find((a) => a.names.some((n) => n.toLowerCase() === outlet))?.id ?? null) : null
}

export async function importFile(
  payload: Payload,
  file: string,
  { dryRun, agencies }: { dryRun: boolean; agencies: KnownAgency[] },
): Promise<ImportResult> {
  const name = path.basename(file)
  let text: string
  try {
    const { size } = await fs.stat(file)
    if (size > MAX_FILE_BYTES) return { file, status: 'failed', message: `${name} is too large (${(size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_FILE_BYTES / 1024 / 1024} MB)` }
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    return { file, status: 'failed', message: `cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }
  }
  let parsed: ParsedRelease
  try {
    parsed = parsePressRelease(text, { fileName: name, knownAgencies: agencies })
  } catch (error) {
    return { file, status: 'failed', message: (error as Error).message }
  }
  const locale = detectLocale(parsed.paragraphs.join(' '))
  const agencyName = parsed.agencyGuess ? parsed.agencyGuess.matched : null
  const summary: ImportResult = {
    file,
    status: dryRun ? 'would-create' : 'created',
    title: parsed.title,
    locale,
    date: parsed.date?.iso ?? null,
    agency: agencyName,
    photos: parsed.photos,
    paragraphs: parsed.paragraphs.length,
    warnings: parsed.warnings,
  }
  const key = importKey(text)
  const { docs: existing } = await payload.find({
    collection: 'releases',
    where: { 'importSource.key': { equals: key } },
    draft: true,
    depth: 0,
    limit: 1,
  })
  if (existing[0]) return { ...summary, status: 'skipped', id: existing[0].id, message: 'already imported' }
  if (dryRun) return summary

  try {
    const created = await payload.create({
      collection: 'releases',
      locale,
      draft: true,
      data: {
        title: parsed.title ?? name,
        type: parsed.typeGuess,
        lead: parsed.lead,
        body: paragraphsToLexical(parsed.paragraphs),
        publishedAt: parsed.date?.iso ?? undefined,
        datePrecision: parsed.date?.hour != null ? 'datetime' : 'date',
        leadAgency: parsed.agencyGuess?.id,
        source: parsed.source
          ? { outlet: outletId(parsed, agencies), byline: parsed.source.byline, originalDate: parsed.source.originalDate?.iso ?? undefined }
          : undefined,
        importSource: { key, file: name, photos: parsed.photos.join('\n') || undefined },
      },
    })
    return { ...summary, id: created.id }
  } catch (error) {
    return { ...summary, status: 'failed', message: `${name}: ${(error as Error).message}` }
  }
}

/**
 * Every .txt file the targets name (files or folders), imported one by one. A target that cannot be
 * opened or holds no text file is a failed result of its own; the other targets still import.
 */
export async function importTargets(
  payload: Payload,
  targets: string[],
  { dryRun, agencies, onResult }: { dryRun: boolean; agencies: KnownAgency[]; onResult?: (result: ImportResult) => void },
): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  const report = (result: ImportResult) => {
    results.push(result)
    onResult?.(result)
  }
  for (const target of targets) {
    let files: string[]
    try {
      files = await listFiles(target)
    } catch (error) {
      report({ file: target, status: 'failed', message: `cannot open ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` })
      continue
    }
    if (!files.length) report({ file: target, status: 'failed', message: `no .txt files in ${target}` })
    for (const file of files) report(await importFile(payload, file, { dryRun, agencies }))
  }
  return results
}
