import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { rebuildSearchIndex } from '../../search'

/**
 * Search in three languages (src/search/terms.ts): each release's words now include stems and name
 * keys. Rebuilds the `release_search` collection once from every published release (which also
 * indexes releases published before the search collection existed). Not run here: no MongoDB.
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await rebuildSearchIndex(payload, req)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Older code finds the folded words it looks for in the rebuilt collection: nothing to undo.
}
