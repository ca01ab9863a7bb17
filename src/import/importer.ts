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

/** The .txt files a path names: the file itself, or those in the folder (sorted). */
export async function listFiles(target: string): Promise<string[]> {
  const stat = await fs.stat(target)
  if (stat.isFile()) return [target]
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
