import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`audit_events\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`who_id\` text(36),
  	\`who_name\` text,
  	\`when\` text NOT NULL,
  	\`client_address\` text,
  	\`target_collection\` text,
  	\`target_id\` text,
  	\`target_title\` text,
  	\`detail\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`who_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_events_action_idx\` ON \`audit_events\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_who_idx\` ON \`audit_events\` (\`who_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_when_idx\` ON \`audit_events\` (\`when\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_target_collection_idx\` ON \`audit_events\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_target_id_idx\` ON \`audit_events\` (\`target_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_updated_at_idx\` ON \`audit_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_created_at_idx\` ON \`audit_events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`targetCollection_targetId_idx\` ON \`audit_events\` (\`target_collection\`,\`target_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`audit_events\`;`)
}
