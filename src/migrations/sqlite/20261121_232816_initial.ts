import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`releases_change_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_change_history_order_idx\` ON \`releases_change_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`releases_change_history_parent_id_idx\` ON \`releases_change_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`releases_change_history_locales\` (
  	\`note\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`releases_change_history\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`releases_change_history_locales_locale_parent_id_unique\` ON \`releases_change_history_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`releases\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`type\` text DEFAULT 'press-release',
  	\`published_at\` text,
  	\`publishedat_tz\` text DEFAULT 'Asia/Baku',
  	\`date_precision\` text DEFAULT 'datetime',
  	\`lead_agency_id\` text(36),
  	\`hero_image_id\` text(36),
  	\`gallery_id\` text(36),
  	\`source_outlet_id\` text(36),
  	\`source_byline\` text,
  	\`source_original_url\` text,
  	\`source_original_date\` text,
  	\`source_originaldate_tz\` text DEFAULT 'Asia/Baku',
  	\`update_type\` text,
  	\`withdrawal_withdrawn\` integer DEFAULT false,
  	\`withdrawal_withdrawn_at\` text,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`workflow_submitted_by_id\` text(36),
  	\`workflow_submitted_at\` text,
  	\`workflow_reviewed_by_id\` text(36),
  	\`workflow_first_published_at\` text,
  	\`workflow_force_publish_reason\` text,
  	\`workflow_force_published_reason\` text,
  	\`workflow_force_published_by_id\` text(36),
  	\`workflow_force_published_at\` text,
  	\`workflow_force_published_reviewed_by_id\` text(36),
  	\`workflow_force_published_reviewed_at\` text,
  	\`workflow_confirm_force_review\` integer,
  	\`import_source_key\` text,
  	\`import_source_file\` text,
  	\`import_source_photos\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`lead_agency_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`gallery_id\`) REFERENCES \`galleries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_outlet_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_force_published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_force_published_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_type_idx\` ON \`releases\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`releases_published_at_idx\` ON \`releases\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`releases_lead_agency_idx\` ON \`releases\` (\`lead_agency_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_hero_image_idx\` ON \`releases\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_gallery_idx\` ON \`releases\` (\`gallery_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_source_source_outlet_idx\` ON \`releases\` (\`source_outlet_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_workflow_workflow_state_idx\` ON \`releases\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`releases_workflow_workflow_submitted_by_idx\` ON \`releases\` (\`workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_workflow_workflow_reviewed_by_idx\` ON \`releases\` (\`workflow_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_workflow_force_published_workflow_force_publish_idx\` ON \`releases\` (\`workflow_force_published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_workflow_force_published_workflow_force_publi_1_idx\` ON \`releases\` (\`workflow_force_published_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_import_source_import_source_key_idx\` ON \`releases\` (\`import_source_key\`);`)
  await db.run(sql`CREATE INDEX \`releases_updated_at_idx\` ON \`releases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`releases_created_at_idx\` ON \`releases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`releases__status_idx\` ON \`releases\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`releases_locales\` (
  	\`title\` text,
  	\`lead\` text,
  	\`body\` text,
  	\`place\` text,
  	\`change_note\` text,
  	\`withdrawal_explanation\` text,
  	\`slug\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_slug_idx\` ON \`releases_locales\` (\`slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`releases_locales_locale_parent_id_unique\` ON \`releases_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`releases_rels\` (
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
  await db.run(sql`CREATE INDEX \`releases_rels_order_idx\` ON \`releases_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_parent_idx\` ON \`releases_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_path_idx\` ON \`releases_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_agencies_id_idx\` ON \`releases_rels\` (\`agencies_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_officials_id_idx\` ON \`releases_rels\` (\`officials_id\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v_version_change_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_releases_v_version_change_history_order_idx\` ON \`_releases_v_version_change_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_change_history_parent_id_idx\` ON \`_releases_v_version_change_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v_version_change_history_locales\` (
  	\`note\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_releases_v_version_change_history\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_releases_v_version_change_history_locales_locale_parent_id_\` ON \`_releases_v_version_change_history_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_type\` text DEFAULT 'press-release',
  	\`version_published_at\` text,
  	\`version_publishedat_tz\` text DEFAULT 'Asia/Baku',
  	\`version_date_precision\` text DEFAULT 'datetime',
  	\`version_lead_agency_id\` text(36),
  	\`version_hero_image_id\` text(36),
  	\`version_gallery_id\` text(36),
  	\`version_source_outlet_id\` text(36),
  	\`version_source_byline\` text,
  	\`version_source_original_url\` text,
  	\`version_source_original_date\` text,
  	\`version_source_originaldate_tz\` text DEFAULT 'Asia/Baku',
  	\`version_update_type\` text,
  	\`version_withdrawal_withdrawn\` integer DEFAULT false,
  	\`version_withdrawal_withdrawn_at\` text,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_workflow_submitted_by_id\` text(36),
  	\`version_workflow_submitted_at\` text,
  	\`version_workflow_reviewed_by_id\` text(36),
  	\`version_workflow_first_published_at\` text,
  	\`version_workflow_force_publish_reason\` text,
  	\`version_workflow_force_published_reason\` text,
  	\`version_workflow_force_published_by_id\` text(36),
  	\`version_workflow_force_published_at\` text,
  	\`version_workflow_force_published_reviewed_by_id\` text(36),
  	\`version_workflow_force_published_reviewed_at\` text,
  	\`version_workflow_confirm_force_review\` integer,
  	\`version_import_source_key\` text,
  	\`version_import_source_file\` text,
  	\`version_import_source_photos\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_lead_agency_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_gallery_id\`) REFERENCES \`galleries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_outlet_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_force_published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_force_published_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_releases_v_parent_idx\` ON \`_releases_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_type_idx\` ON \`_releases_v\` (\`version_type\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_published_at_idx\` ON \`_releases_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_lead_agency_idx\` ON \`_releases_v\` (\`version_lead_agency_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_hero_image_idx\` ON \`_releases_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_gallery_idx\` ON \`_releases_v\` (\`version_gallery_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_source_version_source_outlet_idx\` ON \`_releases_v\` (\`version_source_outlet_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_workflow_version_workflow_state_idx\` ON \`_releases_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_workflow_version_workflow_submitted__idx\` ON \`_releases_v\` (\`version_workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_workflow_version_workflow_reviewed_b_idx\` ON \`_releases_v\` (\`version_workflow_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_workflow_force_published_version_wor_idx\` ON \`_releases_v\` (\`version_workflow_force_published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_workflow_force_published_version_w_1_idx\` ON \`_releases_v\` (\`version_workflow_force_published_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_import_source_version_import_source__idx\` ON \`_releases_v\` (\`version_import_source_key\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_updated_at_idx\` ON \`_releases_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_created_at_idx\` ON \`_releases_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version__status_idx\` ON \`_releases_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_created_at_idx\` ON \`_releases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_updated_at_idx\` ON \`_releases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_snapshot_idx\` ON \`_releases_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_published_locale_idx\` ON \`_releases_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_latest_idx\` ON \`_releases_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_autosave_idx\` ON \`_releases_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v_locales\` (
  	\`version_title\` text,
  	\`version_lead\` text,
  	\`version_body\` text,
  	\`version_place\` text,
  	\`version_change_note\` text,
  	\`version_withdrawal_explanation\` text,
  	\`version_slug\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_slug_idx\` ON \`_releases_v_locales\` (\`version_slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_releases_v_locales_locale_parent_id_unique\` ON \`_releases_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v_rels\` (
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
  await db.run(sql`CREATE INDEX \`_releases_v_rels_order_idx\` ON \`_releases_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_parent_idx\` ON \`_releases_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_path_idx\` ON \`_releases_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_agencies_id_idx\` ON \`_releases_v_rels\` (\`agencies_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_officials_id_idx\` ON \`_releases_v_rels\` (\`officials_id\`);`)
  await db.run(sql`CREATE TABLE \`officials_positions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`agency_id\` text(36),
  	\`start_date\` text,
  	\`end_date\` text,
  	\`head_of_agency\` integer DEFAULT false,
  	FOREIGN KEY (\`agency_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`officials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`officials_positions_order_idx\` ON \`officials_positions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`officials_positions_parent_id_idx\` ON \`officials_positions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`officials_positions_agency_idx\` ON \`officials_positions\` (\`agency_id\`);`)
  await db.run(sql`CREATE TABLE \`officials_positions_locales\` (
  	\`title\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`officials_positions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`officials_positions_locales_locale_parent_id_unique\` ON \`officials_positions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`officials\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`portrait_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`portrait_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`officials_slug_idx\` ON \`officials\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`officials_portrait_idx\` ON \`officials\` (\`portrait_id\`);`)
  await db.run(sql`CREATE INDEX \`officials_updated_at_idx\` ON \`officials\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`officials_created_at_idx\` ON \`officials\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`officials__status_idx\` ON \`officials\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`officials_locales\` (
  	\`name\` text,
  	\`rank\` text,
  	\`biography\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`officials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`officials_locales_locale_parent_id_unique\` ON \`officials_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_officials_v_version_positions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`agency_id\` text(36),
  	\`start_date\` text,
  	\`end_date\` text,
  	\`head_of_agency\` integer DEFAULT false,
  	\`_uuid\` text,
  	FOREIGN KEY (\`agency_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_officials_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_officials_v_version_positions_order_idx\` ON \`_officials_v_version_positions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_positions_parent_id_idx\` ON \`_officials_v_version_positions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_positions_agency_idx\` ON \`_officials_v_version_positions\` (\`agency_id\`);`)
  await db.run(sql`CREATE TABLE \`_officials_v_version_positions_locales\` (
  	\`title\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_officials_v_version_positions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_officials_v_version_positions_locales_locale_parent_id_uniq\` ON \`_officials_v_version_positions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_officials_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_slug\` text,
  	\`version_portrait_id\` text(36),
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`officials\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_portrait_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_officials_v_parent_idx\` ON \`_officials_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_version_slug_idx\` ON \`_officials_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_version_portrait_idx\` ON \`_officials_v\` (\`version_portrait_id\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_version_updated_at_idx\` ON \`_officials_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_version_created_at_idx\` ON \`_officials_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_version__status_idx\` ON \`_officials_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_created_at_idx\` ON \`_officials_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_updated_at_idx\` ON \`_officials_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_snapshot_idx\` ON \`_officials_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_published_locale_idx\` ON \`_officials_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_latest_idx\` ON \`_officials_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_autosave_idx\` ON \`_officials_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_officials_v_locales\` (
  	\`version_name\` text,
  	\`version_rank\` text,
  	\`version_biography\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_officials_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_officials_v_locales_locale_parent_id_unique\` ON \`_officials_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`agencies\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`kind\` text,
  	\`parent_id\` text(36),
  	\`website\` text,
  	\`logo_id\` text(36),
  	\`contacts_phone\` text,
  	\`contacts_email\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`agencies_slug_idx\` ON \`agencies\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`agencies_kind_idx\` ON \`agencies\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`agencies_parent_idx\` ON \`agencies\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`agencies_logo_idx\` ON \`agencies\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`agencies_updated_at_idx\` ON \`agencies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`agencies_created_at_idx\` ON \`agencies\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`agencies__status_idx\` ON \`agencies\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`agencies_locales\` (
  	\`name\` text,
  	\`short_name\` text,
  	\`description\` text,
  	\`contacts_address\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`agencies_locales_locale_parent_id_unique\` ON \`agencies_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_agencies_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_slug\` text,
  	\`version_kind\` text,
  	\`version_parent_id\` text(36),
  	\`version_website\` text,
  	\`version_logo_id\` text(36),
  	\`version_contacts_phone\` text,
  	\`version_contacts_email\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_parent_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_agencies_v_parent_idx\` ON \`_agencies_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_version_version_slug_idx\` ON \`_agencies_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_version_version_kind_idx\` ON \`_agencies_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_version_version_parent_idx\` ON \`_agencies_v\` (\`version_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_version_version_logo_idx\` ON \`_agencies_v\` (\`version_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_version_version_updated_at_idx\` ON \`_agencies_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_version_version_created_at_idx\` ON \`_agencies_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_version_version__status_idx\` ON \`_agencies_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_created_at_idx\` ON \`_agencies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_updated_at_idx\` ON \`_agencies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_snapshot_idx\` ON \`_agencies_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_published_locale_idx\` ON \`_agencies_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_latest_idx\` ON \`_agencies_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_agencies_v_autosave_idx\` ON \`_agencies_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_agencies_v_locales\` (
  	\`version_name\` text,
  	\`version_short_name\` text,
  	\`version_description\` text,
  	\`version_contacts_address\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_agencies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_agencies_v_locales_locale_parent_id_unique\` ON \`_agencies_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`galleries_images\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`image_id\` text(36),
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`galleries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`galleries_images_order_idx\` ON \`galleries_images\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`galleries_images_parent_id_idx\` ON \`galleries_images\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`galleries_images_image_idx\` ON \`galleries_images\` (\`image_id\`);`)
  await db.run(sql`CREATE TABLE \`galleries_images_locales\` (
  	\`caption\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`galleries_images\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`galleries_images_locales_locale_parent_id_unique\` ON \`galleries_images_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`galleries\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`agency_id\` text(36),
  	\`cover_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`agency_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`galleries_date_idx\` ON \`galleries\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`galleries_agency_idx\` ON \`galleries\` (\`agency_id\`);`)
  await db.run(sql`CREATE INDEX \`galleries_cover_idx\` ON \`galleries\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`galleries_updated_at_idx\` ON \`galleries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`galleries_created_at_idx\` ON \`galleries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`galleries__status_idx\` ON \`galleries\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`galleries_locales\` (
  	\`title\` text,
  	\`slug\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`galleries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`galleries_slug_idx\` ON \`galleries_locales\` (\`slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`galleries_locales_locale_parent_id_unique\` ON \`galleries_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_galleries_v_version_images\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`image_id\` text(36),
  	\`_uuid\` text,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_galleries_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_images_order_idx\` ON \`_galleries_v_version_images\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_images_parent_id_idx\` ON \`_galleries_v_version_images\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_images_image_idx\` ON \`_galleries_v_version_images\` (\`image_id\`);`)
  await db.run(sql`CREATE TABLE \`_galleries_v_version_images_locales\` (
  	\`caption\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_galleries_v_version_images\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_galleries_v_version_images_locales_locale_parent_id_unique\` ON \`_galleries_v_version_images_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_galleries_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_date\` text,
  	\`version_agency_id\` text(36),
  	\`version_cover_id\` text(36),
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`galleries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_agency_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_galleries_v_parent_idx\` ON \`_galleries_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_version_date_idx\` ON \`_galleries_v\` (\`version_date\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_version_agency_idx\` ON \`_galleries_v\` (\`version_agency_id\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_version_cover_idx\` ON \`_galleries_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_version_updated_at_idx\` ON \`_galleries_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_version_created_at_idx\` ON \`_galleries_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_version__status_idx\` ON \`_galleries_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_created_at_idx\` ON \`_galleries_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_updated_at_idx\` ON \`_galleries_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_snapshot_idx\` ON \`_galleries_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_published_locale_idx\` ON \`_galleries_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_latest_idx\` ON \`_galleries_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_autosave_idx\` ON \`_galleries_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_galleries_v_locales\` (
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_galleries_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_galleries_v_version_version_slug_idx\` ON \`_galleries_v_locales\` (\`version_slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_galleries_v_locales_locale_parent_id_unique\` ON \`_galleries_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`credit\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text,
  	\`sizes_og_url\` text,
  	\`sizes_og_width\` numeric,
  	\`sizes_og_height\` numeric,
  	\`sizes_og_mime_type\` text,
  	\`sizes_og_filesize\` numeric,
  	\`sizes_og_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_og_sizes_og_filename_idx\` ON \`media\` (\`sizes_og_filename\`);`)
  await db.run(sql`CREATE TABLE \`media_locales\` (
  	\`alt\` text NOT NULL,
  	\`caption\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`media_locales_locale_parent_id_unique\` ON \`media_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`releases_id\` text(36),
  	\`officials_id\` text(36),
  	\`agencies_id\` text(36),
  	\`galleries_id\` text(36),
  	\`media_id\` text(36),
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`releases_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`officials_id\`) REFERENCES \`officials\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`agencies_id\`) REFERENCES \`agencies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`galleries_id\`) REFERENCES \`galleries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_releases_id_idx\` ON \`payload_locked_documents_rels\` (\`releases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_officials_id_idx\` ON \`payload_locked_documents_rels\` (\`officials_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_agencies_id_idx\` ON \`payload_locked_documents_rels\` (\`agencies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_galleries_id_idx\` ON \`payload_locked_documents_rels\` (\`galleries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`releases_change_history\`;`)
  await db.run(sql`DROP TABLE \`releases_change_history_locales\`;`)
  await db.run(sql`DROP TABLE \`releases\`;`)
  await db.run(sql`DROP TABLE \`releases_locales\`;`)
  await db.run(sql`DROP TABLE \`releases_rels\`;`)
  await db.run(sql`DROP TABLE \`_releases_v_version_change_history\`;`)
  await db.run(sql`DROP TABLE \`_releases_v_version_change_history_locales\`;`)
  await db.run(sql`DROP TABLE \`_releases_v\`;`)
  await db.run(sql`DROP TABLE \`_releases_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_releases_v_rels\`;`)
  await db.run(sql`DROP TABLE \`officials_positions\`;`)
  await db.run(sql`DROP TABLE \`officials_positions_locales\`;`)
  await db.run(sql`DROP TABLE \`officials\`;`)
  await db.run(sql`DROP TABLE \`officials_locales\`;`)
  await db.run(sql`DROP TABLE \`_officials_v_version_positions\`;`)
  await db.run(sql`DROP TABLE \`_officials_v_version_positions_locales\`;`)
  await db.run(sql`DROP TABLE \`_officials_v\`;`)
  await db.run(sql`DROP TABLE \`_officials_v_locales\`;`)
  await db.run(sql`DROP TABLE \`agencies\`;`)
  await db.run(sql`DROP TABLE \`agencies_locales\`;`)
  await db.run(sql`DROP TABLE \`_agencies_v\`;`)
  await db.run(sql`DROP TABLE \`_agencies_v_locales\`;`)
  await db.run(sql`DROP TABLE \`galleries_images\`;`)
  await db.run(sql`DROP TABLE \`galleries_images_locales\`;`)
  await db.run(sql`DROP TABLE \`galleries\`;`)
  await db.run(sql`DROP TABLE \`galleries_locales\`;`)
  await db.run(sql`DROP TABLE \`_galleries_v_version_images\`;`)
  await db.run(sql`DROP TABLE \`_galleries_v_version_images_locales\`;`)
  await db.run(sql`DROP TABLE \`_galleries_v\`;`)
  await db.run(sql`DROP TABLE \`_galleries_v_locales\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`media_locales\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
