import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * Before a release is deleted: if it was ever public, keep its addresses (every language) as
 * "removed", so they answer 410 Gone rather than 404.
 */
export const recordRemoval: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload
    .findByID({ collection: 'releases', id, locale: 'all', depth: 0, overrideAccess: true, req, draft: false })
    .catch(() => null)
  if (!doc?.workflow?.firstPublishedAt) return
  const slugs = (doc.slug ?? {}) as unknown as Record<string, string | null | undefined>
  const titles = (doc.title ?? {}) as unknown as Record<string, string | null | undefined>
  const removedAt = new Date().toISOString()
  for (const [locale, slug] of Object.entries(slugs)) {
    if (!slug) continue
    await req.payload.create({
      collection: 'removed-releases',
      data: { slug, locale, title: titles[locale] ?? undefined, removedAt },
      overrideAccess: true,
      req,
    })
  }
}
