import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { refreshMediaVisibility } from '../../media/visibility'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`in_published_use\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`media_in_published_use_idx\` ON \`media\` (\`in_published_use\`);`)
  // Photos already shown by published documents stay public; every other photo becomes staff-only.
  await refreshMediaVisibility(payload, undefined, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`media_in_published_use_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`in_published_use\`;`)
}
