'use client'
import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect } from 'react'

type Lock = { id: string | number; user?: { value?: { id?: string | number } | string | number } | null }
const holderOf = (lock: Lock) => (typeof lock.user?.value === 'object' ? lock.user.value?.id : lock.user?.value)

/**
 * Payload releases a document's lock only when its holder leaves with unsaved changes; otherwise the
 * lock stays until it expires (5 minutes), and a contributor, who may not take over an editor's lock
 * (src/workflow/documentLocks.ts), could not touch a release an editor had merely looked at. Leaving
 * the document in the admin gives up one's own lock. Renders nothing.
 */
export function ReleaseLockOnLeave() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  useEffect(() => {
    if (id === undefined || id === null || !collectionSlug || !user) return
    return () => {
      const query = `where[document.relationTo][equals]=${encodeURIComponent(collectionSlug)}&where[document.value][equals]=${encodeURIComponent(String(id))}&depth=0`
      void fetch(`${api}/payload-locked-documents?${query}`, { credentials: 'include' })
        .then((response) => (response.ok ? (response.json() as Promise<{ docs?: Lock[] }>) : { docs: [] }))
        .then(({ docs }) => docs?.find((lock) => String(holderOf(lock)) === String(user.id)))
        .then((mine) => (mine ? fetch(`${api}/payload-locked-documents/${mine.id}`, { method: 'DELETE', credentials: 'include' }) : undefined))
        .catch(() => undefined)
    }
  }, [api, collectionSlug, id, user])
  return null
}
