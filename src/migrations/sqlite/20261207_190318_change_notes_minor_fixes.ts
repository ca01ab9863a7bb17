import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`releases\` ADD \`workflow_force_published_kind\` text;`)
  await db.run(sql`ALTER TABLE \`_releases_v\` ADD \`version_workflow_force_published_kind\` text;`)
  // Records from before minor fixes existed were all publishes with a reason.
  await db.run(sql`UPDATE \`releases\` SET \`workflow_force_published_kind\` = 'force' WHERE \`workflow_force_published_by_id\` IS NOT NULL;`)
  await db.run(sql`UPDATE \`_releases_v\` SET \`version_workflow_force_published_kind\` = 'force' WHERE \`version_workflow_force_published_by_id\` IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`releases\` DROP COLUMN \`workflow_force_published_kind\`;`)
  await db.run(sql`ALTER TABLE \`_releases_v\` DROP COLUMN \`version_workflow_force_published_kind\`;`)
}
