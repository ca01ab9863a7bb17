import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { refreshMediaVisibility } from '../../media/visibility'

/** Photos already shown by published documents stay public; every other photo becomes staff-only. */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await refreshMediaVisibility(payload, undefined, req)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // The flag is ignored by older code; nothing to undo.
}
