import { Banner, Pill, Table } from '@payloadcms/ui'
import type { ClientField, Column, ServerProps, Where } from 'payload'
import React from 'react'

import { LOCALES } from '@/fields/localizedName'

import { listTitleOf } from './listTitle'

type Titles = Partial<Record<string, string | null>>
type QueueDoc = {
  id: string
  title?: Titles | string | null
  workflow?: {
    submittedBy?: string | null
    submittedAt?: string | null
    forcePublished?: { kind?: 'force' | 'minor' | null; by?: string | null; at?: string | null; reason?: string | null } | null
  } | null
}

const BAKU = 'Asia/Baku'

/** A time in Baku, written the admin's way (its language). */
export function bakuTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—'
  const tag = language === 'az' ? 'az-Latn-AZ' : language === 'ru' ? 'ru-RU' : 'en-GB'
  return new Intl.DateTimeFormat(tag, { timeZone: BAKU, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

/** The languages a release has a title in, in the site's order. */
export function languagesWithTitle(titles: Titles | string | null | undefined): string[] {
  if (!titles || typeof titles !== 'object') return []
  return LOCALES.map(({ code }) => code).filter((code) => typeof titles[code] === 'string' && titles[code]!.trim() !== '')
}

/**
 * Dashboard panel: releases waiting for an editor, and releases published without review that still
 * need a second editor's look — title (in the admin's language when it exists there, else marked with
 * the language it has), who submitted, when (Baku time), the languages with a title. Shown to every
 * staff member above the collections, in Payload's own table, pills and banners, in the admin's language.
 */
export async function ReviewQueue({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const language = i18n?.language ?? 'az'
  const t = (key: string) => (i18n ? (i18n.t as (k: string) => string)(`pressOffice:${key}`) : key)
  const find = (where: Where) =>
    payload.find({
      collection: 'releases',
      where,
      draft: true,
      depth: 0,
      limit: 20,
      sort: '-updatedAt',
      locale: 'all',
      select: { title: true, workflow: true },
      user,
      overrideAccess: false,
    }) as unknown as Promise<{ docs: QueueDoc[]; totalDocs: number }>
  const [waiting, unreviewed] = await Promise.all([
    find({ 'workflow.state': { equals: 'in_review' } }),
    find({
      and: [{ 'workflow.forcePublished.by': { exists: true } }, { 'workflow.forcePublished.reviewedAt': { exists: false } }],
    }),
  ])

  // Names of the people involved (staff read each other's names, nothing else: collections/Users).
  const ids = [...new Set([...waiting.docs.map((d) => d.workflow?.submittedBy), ...unreviewed.docs.map((d) => d.workflow?.forcePublished?.by)].filter(Boolean))] as string[]
  const people = ids.length
    ? await payload.find({ collection: 'users', where: { id: { in: ids } }, select: { name: true }, depth: 0, limit: ids.length, pagination: false, user, overrideAccess: false })
    : { docs: [] }
  const nameOf = new Map(people.docs.map((person) => [String(person.id), person.name]))

  const titleFor = (doc: QueueDoc) => {
    const titles = doc.title && typeof doc.title === 'object' ? doc.title : { az: doc.title ?? null }
    return listTitleOf(titles, language) ?? t('untitled')
  }
  const field = (name: string) => ({ name, type: 'text' }) as ClientField
  const column = (accessor: string, heading: string, cells: React.ReactNode[]): Column => ({
    accessor,
    active: true,
    field: field(accessor),
    Heading: <span>{heading}</span>,
    renderedCells: cells,
  })
  const languages = (doc: QueueDoc) => (
    <span style={{ display: 'inline-flex', gap: 'calc(var(--base) / 4)' }}>
      {languagesWithTitle(doc.title).map((code) => (
        <Pill key={code} pillStyle="light-gray" size="small">
          {code}
        </Pill>
      ))}
    </span>
  )

  const table = (docs: QueueDoc[], kind: 'waiting' | 'unreviewed', id: string) =>
    docs.length ? (
      <Table
        data={docs.map((doc) => ({ id: doc.id }))}
        columns={[
          column(
            'title',
            t('reviewTitle'),
            docs.map((doc) => (
              <a key={doc.id} href={`/admin/collections/releases/${doc.id}`}>
                {titleFor(doc)}
              </a>
            )),
          ),
          column(
            'by',
            t('reviewBy'),
            docs.map((doc) => {
              const by = kind === 'waiting' ? doc.workflow?.submittedBy : doc.workflow?.forcePublished?.by
              return by ? (nameOf.get(String(by)) ?? t('unknownPerson')) : '—'
            }),
          ),
          column(
            'when',
            t('reviewWhen'),
            docs.map((doc) => bakuTime(kind === 'waiting' ? doc.workflow?.submittedAt : doc.workflow?.forcePublished?.at, language)),
          ),
          column('languages', t('reviewLanguages'), docs.map(languages)),
          ...(kind === 'unreviewed' ? [column('reason', t('reviewReason'), docs.map((doc) =>
                  // A lone editor's minor fix has no reason: it says so (src/workflow/releaseWorkflow.ts).
                  doc.workflow?.forcePublished?.kind === 'minor' ? t('reviewMinorFix') : `“${doc.workflow?.forcePublished?.reason ?? ''}”`,
                ))] : []),
        ]}
      />
    ) : (
      <Banner type="default">
        <span id={id}>{t('reviewNone')}</span>
      </Banner>
    )

  return (
    <section aria-labelledby="review-queue-heading" className="review-queue" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 id="review-queue-heading">{t('reviewQueue')}</h2>
      <h3>
        {t('reviewWaiting')} <Pill pillStyle={waiting.totalDocs ? 'warning' : 'light-gray'} size="small">{waiting.totalDocs}</Pill>
      </h3>
      {table(waiting.docs, 'waiting', 'review-queue-waiting-none')}
      <h3>
        {t('reviewUnreviewed')} <Pill pillStyle={unreviewed.totalDocs ? 'warning' : 'light-gray'} size="small">{unreviewed.totalDocs}</Pill>
      </h3>
      {table(unreviewed.docs, 'unreviewed', 'review-queue-unreviewed-none')}
    </section>
  )
}
