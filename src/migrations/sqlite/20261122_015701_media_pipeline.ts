import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`galleries_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`galleries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`galleries_rels_order_idx\` ON \`galleries_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`galleries_rels_parent_idx\` ON \`galleries_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`galleries_rels_path_idx\` ON \`galleries_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`galleries_rels_media_id_idx\` ON \`galleries_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_galleries_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_galleries_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_galleries_v_rels_order_idx\` ON \`_galleries_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_rels_parent_idx\` ON \`_galleries_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_rels_path_idx\` ON \`_galleries_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_galleries_v_rels_media_id_idx\` ON \`_galleries_v_rels\` (\`media_id\`);`)
  // Gallery photos move from an array (one row per photo) to an ordered upload list: keep every photo,
  // in its order, in published documents and in versions; a caption given in the gallery row goes to
  // the photo itself where the photo had none in that language.
  await db.run(sql`INSERT INTO \`galleries_rels\` (\`order\`, \`parent_id\`, \`path\`, \`media_id\`)
    SELECT \`_order\`, \`_parent_id\`, 'photos', \`image_id\` FROM \`galleries_images\` WHERE \`image_id\` IS NOT NULL;`)
  await db.run(sql`INSERT INTO \`_galleries_v_rels\` (\`order\`, \`parent_id\`, \`path\`, \`media_id\`)
    SELECT \`_order\`, \`_parent_id\`, 'version.photos', \`image_id\` FROM \`_galleries_v_version_images\` WHERE \`image_id\` IS NOT NULL;`)
  await db.run(sql`UPDATE \`media_locales\` SET \`caption\` = (
      SELECT l.\`caption\` FROM \`galleries_images_locales\` l JOIN \`galleries_images\` r ON r.\`id\` = l.\`_parent_id\`
      WHERE r.\`image_id\` = \`media_locales\`.\`_parent_id\` AND l.\`_locale\` = \`media_locales\`.\`_locale\` AND l.\`caption\` <> '' LIMIT 1)
    WHERE (\`caption\` IS NULL OR \`caption\` = '') AND EXISTS (
      SELECT 1 FROM \`galleries_images_locales\` l JOIN \`galleries_images\` r ON r.\`id\` = l.\`_parent_id\`
      WHERE r.\`image_id\` = \`media_locales\`.\`_parent_id\` AND l.\`_locale\` = \`media_locales\`.\`_locale\` AND l.\`caption\` <> '');`)
  await db.run(sql`DROP TABLE \`galleries_images\`;`)
  await db.run(sql`DROP TABLE \`galleries_images_locales\`;`)
  await db.run(sql`DROP TABLE \`_galleries_v_version_images\`;`)
  await db.run(sql`DROP TABLE \`_galleries_v_version_images_locales\`;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`date_taken\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`delete_while_in_use\` integer;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_thumbnail_webp_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_thumbnail_webp_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_thumbnail_webp_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_thumbnail_webp_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_thumbnail_webp_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_thumbnail_webp_filename\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_webp_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_webp_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_webp_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_webp_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_webp_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_webp_filename\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_webp_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_webp_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_webp_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_webp_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_webp_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_webp_filename\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_filename\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_webp_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_webp_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_webp_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_webp_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_webp_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_full_webp_filename\` text;`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_webp_sizes_thumbnail_webp_filename_idx\` ON \`media\` (\`sizes_thumbnail_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_webp_sizes_card_webp_filename_idx\` ON \`media\` (\`sizes_card_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_webp_sizes_hero_webp_filename_idx\` ON \`media\` (\`sizes_hero_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_full_sizes_full_filename_idx\` ON \`media\` (\`sizes_full_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_full_webp_sizes_full_webp_filename_idx\` ON \`media\` (\`sizes_full_webp_filename\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
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
  await db.run(sql`DROP TABLE \`galleries_rels\`;`)
  await db.run(sql`DROP TABLE \`_galleries_v_rels\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_thumbnail_webp_sizes_thumbnail_webp_filename_idx\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_card_webp_sizes_card_webp_filename_idx\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_hero_webp_sizes_hero_webp_filename_idx\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_full_sizes_full_filename_idx\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_full_webp_sizes_full_webp_filename_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`date_taken\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`delete_while_in_use\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_thumbnail_webp_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_thumbnail_webp_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_thumbnail_webp_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_thumbnail_webp_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_thumbnail_webp_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_thumbnail_webp_filename\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_webp_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_webp_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_webp_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_webp_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_webp_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_webp_filename\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_webp_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_webp_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_webp_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_webp_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_webp_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_webp_filename\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_filename\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_webp_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_webp_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_webp_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_webp_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_webp_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_full_webp_filename\`;`)
}
