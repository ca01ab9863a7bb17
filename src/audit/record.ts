import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { clientAddress } from '@/lib/clientAddress'

import type { AuditAction } from './actions'

export const AUDIT_SLUG = 'audit-events'

/** Largest `detail` kept (JSON characters): a reason or a short list, never a document. */
const MAX_DETAIL = 2000
const MAX_TEXT = 300

type Person = { id: string | number; name?: string | null; email?: string | null; collection?: string } | null | undefined

export interface AuditEntry {
  action: AuditAction
  /** Who did it; by default the request's signed-in user. `null`: nobody signed in (or the server itself). */
  who?: Person
  /** The document it was done to. */
  collection?: string | null
  id?: string | number | null
  title?: string | null
  /** A small JSON object: a reason, a role list, a version id. */
  detail?: Record<string, unknown> | null
  /** The client's address; by default read from the request (src/lib/clientAddress.ts). */
  address?: string | null
}

const clip = (text: string | null | undefined, max = MAX_TEXT): string | null => (text ? text.slice(0, max) : null)

function limitDetail(detail: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!detail) return null
  const text = JSON.stringify(detail)
  return text.length <= MAX_DETAIL ? detail : { truncated: text.slice(0, MAX_DETAIL) }
}

/** "Name (email)": who it was, as they were called then (the account may be renamed or deleted later). */
export function nameOf(person: Person): string | null {
  if (!person) return null
  const name = person.name?.trim()
  const email = person.email?.trim()
  return clip(name && email ? `${name} (${email})` : (name ?? email ?? String(person.id)))
}

/**
 * Writes one audit record with the request's `req`, so it joins the request's transaction: it is
 * committed with the change it records, or rolled back with it; and if it cannot be written the
 * change fails. The collection refuses every client write (collections/AuditEvents), so this is the
 * only way a record is made: the server, with `overrideAccess`.
 */
export async function recordAuditEvent(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const who = entry.who === undefined ? (req.user as Person) : entry.who
  const isUser = Boolean(who && (who.collection ?? 'users') === 'users')
  await req.payload.create({
    collection: 'audit-events',
    data: {
      action: entry.action,
      who: isUser ? who!.id : null,
      whoName: nameOf(who),
      when: new Date().toISOString(),
      clientAddress: entry.address === undefined ? clientAddress(req.headers) : entry.address,
      targetCollection: entry.collection ?? null,
      targetId: entry.id == null ? null : String(entry.id),
      targetTitle: clip(entry.title),
      detail: limitDetail(entry.detail),
    } as never,
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/** A document's title as the admin shows it (its `useAsTitle`), in the request's language or the first one it has. */
export function titleOf(collection: Pick<SanitizedCollectionConfig, 'admin'> | undefined, doc: Record<string, unknown> | null | undefined): string | null {
  if (!doc) return null
  const field = collection?.admin?.useAsTitle ?? 'id'
  const value = doc[field]
  if (typeof value === 'string' || typeof value === 'number') return clip(String(value))
  if (value && typeof value === 'object') {
    const first = Object.values(value as Record<string, unknown>).find((v) => typeof v === 'string' && v.trim())
    if (typeof first === 'string') return clip(first)
  }
  return null
}
