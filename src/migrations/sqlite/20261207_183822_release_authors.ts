import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`releases_rels\` ADD \`users_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`releases_rels_users_id_idx\` ON \`releases_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`_releases_v_rels\` ADD \`users_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_users_id_idx\` ON \`_releases_v_rels\` (\`users_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_releases_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`agencies_id\` text(36),
  	\`officials_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`agencies_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`officials_id\`) REFERENCES \`officials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_releases_rels\`("id", "order", "parent_id", "path", "agencies_id", "officials_id") SELECT "id", "order", "parent_id", "path", "agencies_id", "officials_id" FROM \`releases_rels\`;`)
  await db.run(sql`DROP TABLE \`releases_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_releases_rels\` RENAME TO \`releases_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`releases_rels_order_idx\` ON \`releases_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_parent_idx\` ON \`releases_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_path_idx\` ON \`releases_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_agencies_id_idx\` ON \`releases_rels\` (\`agencies_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_officials_id_idx\` ON \`releases_rels\` (\`officials_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__releases_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`agencies_id\` text(36),
  	\`officials_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`agencies_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`officials_id\`) REFERENCES \`officials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__releases_v_rels\`("id", "order", "parent_id", "path", "agencies_id", "officials_id") SELECT "id", "order", "parent_id", "path", "agencies_id", "officials_id" FROM \`_releases_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_releases_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__releases_v_rels\` RENAME TO \`_releases_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_order_idx\` ON \`_releases_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_parent_idx\` ON \`_releases_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_path_idx\` ON \`_releases_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_agencies_id_idx\` ON \`_releases_v_rels\` (\`agencies_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_officials_id_idx\` ON \`_releases_v_rels\` (\`officials_id\`);`)
}
