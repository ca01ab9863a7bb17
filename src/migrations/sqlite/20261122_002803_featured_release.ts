import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`releases\` ADD \`featured\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`releases_featured_idx\` ON \`releases\` (\`featured\`);`)
  await db.run(sql`ALTER TABLE \`_releases_v\` ADD \`version_featured\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_featured_idx\` ON \`_releases_v\` (\`version_featured\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`releases_featured_idx\`;`)
  await db.run(sql`ALTER TABLE \`releases\` DROP COLUMN \`featured\`;`)
  await db.run(sql`DROP INDEX \`_releases_v_version_version_featured_idx\`;`)
  await db.run(sql`ALTER TABLE \`_releases_v\` DROP COLUMN \`version_featured\`;`)
}
