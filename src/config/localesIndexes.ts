import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

/**
 * Payload reads a document's localized fields with `… FROM <table>_locales WHERE _parent_id = ?`
 * (every language at once), but gives locales tables only a (_locale, _parent_id) index, which
 * that lookup cannot use: each document read scanned its whole locales table — a second per
 * release list at 1,000 releases. This adds an index on _parent_id to every locales table, as part
 * of the schema, so migrations keep it when they rebuild a table.
 */
export const indexLocalesParents: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_locales') || !table._parentID) continue
    const indexName = `${name}_parent_id_idx`
    extendTable({ table, extraConfig: (t) => ({ [indexName]: index(indexName).on(t._parentID!) }) })
  }
  return schema
}
