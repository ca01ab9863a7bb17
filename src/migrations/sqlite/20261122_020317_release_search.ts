import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { searchEntry, type ReleaseAllLocales } from '@/search/entry'
import { searchFacets, sortKey } from '@/search/sqlite'

// The full-text index of published releases (src/search/sqlite.ts). Not part of Payload's schema:
// written by hand, so `migrate:create` never diffs it.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`release_search\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`release_id\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`release_search_release_id_idx\` ON \`release_search\` (\`release_id\`);`)
  await db.run(sql`CREATE VIRTUAL TABLE \`release_search_fts\` USING fts5(
    facets, text_az, text_en, text_ru,
    content='', contentless_delete=1, detail=column, tokenize='unicode61 remove_diacritics 0'
  );`)
  await indexPublishedReleases(db)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`release_search_fts\`;`)
  await db.run(sql`DROP TABLE \`release_search\`;`)
}

type Db = MigrateUpArgs['db']

/** Indexes the releases published before this migration, reading this migration's tables directly. */
async function indexPublishedReleases(db: Db): Promise<void> {
  const used = new Set<number>()
  let after = ''
  for (;;) {
    const releases = await db.all<{ id: string; published_at: string | null; created_at: string; type: string | null; featured: number | null; lead_agency_id: string | null }>(
      sql`SELECT id, published_at, created_at, type, featured, lead_agency_id FROM releases WHERE _status = 'published' AND id > ${after} ORDER BY id LIMIT 500`,
    )
    if (!releases.length) return
    after = releases[releases.length - 1]!.id
    const ids = sql.join(releases.map((r) => sql`${r.id}`), sql`, `)
    const locales = await db.all<{ _parent_id: string; _locale: string; title: string | null; lead: string | null; body: string | null }>(
      sql`SELECT _parent_id, _locale, title, lead, body FROM releases_locales WHERE _parent_id IN (${ids})`,
    )
    const rels = await db.all<{ parent_id: string; path: string; agencies_id: string | null; officials_id: string | null }>(
      sql`SELECT parent_id, path, agencies_id, officials_id FROM releases_rels WHERE parent_id IN (${ids}) ORDER BY "order"`,
    )
    for (const release of releases) {
      const doc: ReleaseAllLocales = {
        id: release.id,
        _status: 'published',
        publishedAt: release.published_at,
        createdAt: release.created_at,
        type: release.type,
        featured: Boolean(release.featured),
        leadAgency: release.lead_agency_id,
        supportingAgencies: rels.filter((r) => r.parent_id === release.id && r.path === 'supportingAgencies').map((r) => r.agencies_id),
        officials: rels.filter((r) => r.parent_id === release.id && r.path === 'officials').map((r) => r.officials_id),
        title: {},
        lead: {},
        body: {},
      }
      for (const row of locales.filter((l) => l._parent_id === release.id)) {
        const locale = row._locale as 'az'
        doc.title![locale] = row.title
        doc.lead![locale] = row.lead
        doc.body![locale] = row.body ? JSON.parse(row.body) : null
      }
      const entry = searchEntry(doc)
      let key = sortKey(entry.publishedAt)
      while (used.has(key)) key += 1
      used.add(key)
      await db.run(sql`INSERT INTO release_search (id, release_id) VALUES (${key}, ${entry.id})`)
      await db.run(
        sql`INSERT INTO release_search_fts (rowid, facets, text_az, text_en, text_ru) VALUES (${key}, ${searchFacets(entry)}, ${entry.text.az}, ${entry.text.en}, ${entry.text.ru})`,
      )
    }
  }
}
