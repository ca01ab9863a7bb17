import type { ServerProps } from 'payload'
import React from 'react'

/**
 * Dashboard panel: releases waiting for an editor, and releases published without review that
 * still need a second editor's look. Shown to every staff member above the collections.
 */
export async function ReviewQueue({ payload, user }: ServerProps) {
  if (!user) return null
  const find = (where: Parameters<typeof payload.find>[0]['where']) =>
    payload.find({
      collection: 'releases',
      where,
      draft: true,
      depth: 0,
      limit: 20,
      sort: '-updatedAt',
      fallbackLocale: 'en',
      select: { title: true, workflow: true },
      user,
      overrideAccess: false,
    })
  const [waiting, unreviewed] = await Promise.all([
    find({ 'workflow.state': { equals: 'in_review' } }),
    find({
      and: [{ 'workflow.forcePublished.by': { exists: true } }, { 'workflow.forcePublished.reviewedAt': { exists: false } }],
    }),
  ])
  const list = (docs: typeof waiting.docs, extra?: (doc: (typeof waiting.docs)[number]) => string) =>
    docs.length ? (
      <ul>
        {docs.map((doc) => (
          <li key={doc.id}>
            <a href={`/admin/collections/releases/${doc.id}`}>{doc.title || '(untitled)'}</a>
            {extra ? ` — ${extra(doc)}` : null}
          </li>
        ))}
      </ul>
    ) : (
      <p>None.</p>
    )
  return (
    <section aria-labelledby="review-queue-heading" style={{ marginBottom: 'var(--base)' }}>
      <h2 id="review-queue-heading">Review</h2>
      <h3>Submitted for review ({waiting.totalDocs})</h3>
      {list(waiting.docs)}
      <h3>Published without review, awaiting a second editor ({unreviewed.totalDocs})</h3>
      {list(unreviewed.docs, (doc) => `reason: “${doc.workflow?.forcePublished?.reason ?? ''}”`)}
    </section>
  )
}
