/**
 * The admin speaks the staff member's language (az, en, ru): every label, description, tab label,
 * select option label, array row label, collection label and nav group the project defines is given
 * in all three (src/i18n/fieldLabels.ts), not in English only. Payload's own fields (timestamps, auth,
 * upload, draft status) carry Payload's translations (functions) and are accepted as they are.
 */
import type { SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

/** The project's collections (Payload's own, such as payload-locked-documents, translate themselves). */
const PROJECT_COLLECTIONS = ['releases', 'officials', 'agencies', 'galleries', 'media', 'users', 'removed-releases']

/** Texts that are the same word in Azerbaijani and English. */
const SAME_IN_AZ_AND_EN = new Set<string>(['Media'])

let config: SanitizedConfig

beforeAll(async () => {
  config = await (await import('@payload-config')).default
})

type Problems = { missing: string[]; sameAsEnglish: string[] }

/** A text staff read: an object with non-empty az, en and ru (a function is Payload's own translation). */
function checkText(value: unknown, where: string, problems: Problems): void {
  if (value === undefined || value === false || typeof value === 'function') return
  if (typeof value !== 'object' || value === null) {
    problems.missing.push(`${where}: ${JSON.stringify(value)}`)
    return
  }
  const text = value as Record<string, unknown>
  for (const lang of ['az', 'en', 'ru']) {
    if (typeof text[lang] !== 'string' || !(text[lang] as string).trim()) problems.missing.push(`${where}: no ${lang}`)
  }
  if (typeof text.en === 'string' && text.az === text.en && !SAME_IN_AZ_AND_EN.has(text.en)) problems.sameAsEnglish.push(`${where}: ${text.en}`)
  if (typeof text.en === 'string' && text.ru === text.en) problems.sameAsEnglish.push(`${where} (ru): ${text.en}`)
}

type AnyField = Record<string, unknown> & { name?: string; type: string; admin?: Record<string, unknown> }

function walk(fields: AnyField[], path: string, problems: Problems): void {
  for (const field of fields) {
    const admin = field.admin ?? {}
    // Never shown: Payload's hidden fields (timezones, auth internals) and the list-only virtual title.
    if (admin.hidden === true || admin.disabled === true || field.hidden === true) continue
    const here = `${path}.${field.name ?? field.type}`
    if ('label' in field) checkText(field.label, `${here} label`, problems)
    if (typeof admin.description !== 'function') checkText(admin.description, `${here} description`, problems)
    if (Array.isArray(field.options)) {
      for (const option of field.options as unknown[]) {
        if (typeof option === 'string') problems.missing.push(`${here} option ${option}: no label`)
        else checkText((option as { label?: unknown }).label, `${here} option ${(option as { value: string }).value}`, problems)
      }
    }
    if (field.labels) {
      const labels = field.labels as { singular?: unknown; plural?: unknown }
      checkText(labels.singular, `${here} labels.singular`, problems)
      checkText(labels.plural, `${here} labels.plural`, problems)
    }
    if (Array.isArray(field.fields)) walk(field.fields as AnyField[], here, problems)
    if (Array.isArray(field.tabs)) {
      for (const tab of field.tabs as (AnyField & { label?: unknown; description?: unknown })[]) {
        const tabPath = `${here}[tab ${JSON.stringify(typeof tab.label === 'object' ? (tab.label as { en?: string }).en : tab.label)}]`
        checkText(tab.label, `${tabPath} label`, problems)
        if (typeof tab.description !== 'function') checkText(tab.description, `${tabPath} description`, problems)
        walk(tab.fields as AnyField[], tabPath, problems)
      }
    }
    if (Array.isArray(field.blocks)) {
      for (const block of field.blocks as { slug: string; fields: AnyField[] }[]) walk(block.fields, `${here}[${block.slug}]`, problems)
    }
  }
}

function problemsOf(collection: SanitizedCollectionConfig): Problems {
  const problems: Problems = { missing: [], sameAsEnglish: [] }
  const slug = collection.slug
  checkText(collection.labels.singular, `${slug} labels.singular`, problems)
  checkText(collection.labels.plural, `${slug} labels.plural`, problems)
  checkText(collection.admin.group, `${slug} admin.group`, problems)
  if (typeof collection.admin.description !== 'function') checkText(collection.admin.description, `${slug} admin.description`, problems)
  walk(collection.fields as unknown as AnyField[], slug, problems)
  return problems
}

describe('admin labels in the staff member’s language', () => {
  it('covers every project collection', () => {
    expect(config.collections.map((c) => c.slug)).toEqual(expect.arrayContaining(PROJECT_COLLECTIONS))
  })

  it.each(PROJECT_COLLECTIONS)('%s: every label, description and option label is given in az, en and ru', (slug) => {
    const collection = config.collections.find((c) => c.slug === slug)!
    expect(problemsOf(collection).missing).toEqual([])
  })

  it.each(PROJECT_COLLECTIONS)('%s: no Azerbaijani or Russian text is a copy of the English one', (slug) => {
    const collection = config.collections.find((c) => c.slug === slug)!
    expect(problemsOf(collection).sameAsEnglish).toEqual([])
  })

  it('keeps the English texts the browser tests look for', () => {
    const releases = config.collections.find((c) => c.slug === 'releases')!
    const tabs = (releases.fields.find((f) => f.type === 'tabs') as { tabs: { label: Record<string, string> }[] }).tabs
    expect(tabs.map((t) => t.label.en)).toEqual(['Content', 'Agencies, people, images', 'Changes and withdrawal'])
    expect(tabs.map((t) => t.label.az)).toEqual(['Məzmun', 'Qurumlar, şəxslər, şəkillər', 'Dəyişikliklər və geri çəkilmə'])
    const workflow = releases.fields.find((f) => 'name' in f && f.name === 'workflow') as { fields: AnyField[] }
    const state = workflow.fields.find((f) => f.name === 'state') as unknown as { label: Record<string, string>; options: { value: string; label: Record<string, string> }[] }
    expect(state.label).toEqual({ az: 'Yoxlama statusu', en: 'Review status', ru: 'Статус проверки' })
    expect(state.options.find((o) => o.value === 'in_review')?.label).toEqual({
      az: 'Yoxlamaya göndərilib',
      en: 'Submitted for review',
      ru: 'Отправлено на проверку',
    })
  })
})
