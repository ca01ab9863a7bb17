/**
 * Where a media item is used: every field that can show an image, in published documents and in
 * their latest drafts. The admin's "Used in" panel and the delete guard both read it from here.
 */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { DEFAULT_LOCALE } from '@/fields/localizedName'
import { inOwnLocale } from '@/lib/reqLocale'

export const IMAGE_FIELDS = {
  releases: ['heroImage'],
  galleries: ['photos', 'cover'],
  officials: ['portrait'],
  agencies: ['logo'],
} as const satisfies Partial<Record<CollectionSlug, readonly string[]>>

export type ImageUsingCollection = keyof typeof IMAGE_FIELDS

export interface MediaUse {
  collection: ImageUsingCollection
  id: string
  title: string
}

/** A title in the default language, else any language it has (titles are localized). */
function firstText(value: unknown): string | null {
  if (typeof value === 'string') return value || null
  if (!value || typeof value !== 'object') return null
  const byLocale = value as Record<string, unknown>
  const texts = [byLocale[DEFAULT_LOCALE], ...Object.values(byLocale)]
  return (texts.find((t) => typeof t === 'string' && t.trim()) as string | undefined) ?? null
}

export async function findMediaUsage(payload: Payload, mediaId: string | number, req?: PayloadRequest): Promise<MediaUse[]> {
  const uses = new Map<string, MediaUse>()
  for (const [collection, fields] of Object.entries(IMAGE_FIELDS) as [ImageUsingCollection, readonly string[]][]) {
    const titleField = payload.collections[collection].config.admin?.useAsTitle ?? 'id'
    const where: Where = { or: fields.map((field) => ({ [field]: { in: [mediaId] } })) }
    // The published documents, then the latest drafts (which may add the image or drop it).
    for (const draft of [false, true]) {
      const { docs } = await inOwnLocale(req, () =>
        payload.find({
          collection,
          where,
          draft,
          locale: 'all',
          depth: 0,
          pagination: false,
          overrideAccess: true,
          req,
          select: { [titleField]: true },
        }),
      )
      for (const doc of docs as unknown as Record<string, unknown>[]) {
        const id = String(doc.id)
        uses.set(`${collection}:${id}`, { collection, id, title: firstText(doc[titleField]) ?? id })
      }
    }
  }
  return [...uses.values()]
}

const COLLECTION_NAMES: Record<ImageUsingCollection, string> = {
  releases: 'release',
  galleries: 'gallery',
  officials: 'official',
  agencies: 'agency',
}

export const describeUse = (use: MediaUse): string => `${COLLECTION_NAMES[use.collection]} “${use.title}”`
