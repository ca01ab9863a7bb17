'use client'

import { useConfig } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'

/**
 * Above the audit log's list: downloads as CSV what the list's filters select (the `where` in the
 * page's address goes to /api/audit-events/export.csv unchanged).
 */
export function AuditExportButton() {
  const params = useSearchParams()
  const { config } = useConfig()
  const query = new URLSearchParams()
  for (const [key, value] of params.entries()) if (key.startsWith('where')) query.append(key, value)
  const href = `${config.routes.api}/audit-events/export.csv${query.size ? `?${query}` : ''}`
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 'var(--base)' }}>
      <a className="btn btn--style-secondary btn--size-small btn--icon-style-without-border" href={href} download>
        Export CSV (the records these filters select)
      </a>
    </div>
  )
}
