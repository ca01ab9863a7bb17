import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { turnEventLoop } from '@/lib/eventLoop'
import { searchEntry, type ReleaseAllLocales } from '@/search/entry'
import { searchFacets, sortKey } from '@/search/sqlite'

// Search in three languages (src/search/terms.ts): the index now holds stems and name keys besides
// folded words, and queries look for them. An index made before holds folded words only, so it is
// rebuilt here, once, from the published releases. Written by hand (the index is not part of
// Payload's schema); the table is made afresh exactly as 20261122_020317_release_search made it.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS \`release_search_fts\`;`)
  await db.run(sql`CREATE VIRTUAL TABLE \`release_search_fts\` USING fts5(
    facets, text_az, text_en, text_ru,
    content='', contentless_delete=1, detail=column, tokenize='unicode61 remove_diacritics 0'
  );`)
  await db.run(sql`DELETE FROM \`release_search\`;`)
  await indexPublishedReleases(db)
  await db.run(sql`INSERT INTO release_search_fts (release_search_fts) VALUES ('optimize')`)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // The rebuilt index still has every folded word the older code looks for: nothing to undo.
}

type Db = MigrateUpArgs['db']
type ReleaseRow = { id: string; published_at: string | null; created_at: string; type: string | null; featured: number | null; lead_agency_id: string | null }

const BATCH = 500
const COLUMNS = sql`id, published_at, created_at, type, featured, lead_agency_id`

/**
 * Published releases in the index's key order (publication date, then id; those without a date
 * first), read from this migration's tables directly: FTS5 then only appends (inserted in id order,
 * among rows already indexed, inserts slowed tenfold by 45,000 releases; see src/search/index.ts).
 */
async function* publishedInKeyOrder(db: Db): AsyncGenerator<ReleaseRow[]> {
  for (let after = ''; ; ) {
    const rows = await db.all<ReleaseRow>(
      sql`SELECT ${COLUMNS} FROM releases WHERE _status = 'published' AND published_at IS NULL AND id > ${after} ORDER BY id LIMIT ${BATCH}`,
    )
    if (!rows.length) break
    yield rows
    after = rows[rows.length - 1]!.id
  }
  for (let after: ReleaseRow | null = null; ; ) {
    const rows: ReleaseRow[] = after
      ? await db.all<ReleaseRow>(
          sql`SELECT ${COLUMNS} FROM releases WHERE _status = 'published' AND published_at >= ${after.published_at}
              AND (published_at > ${after.published_at} OR id > ${after.id}) ORDER BY published_at, id LIMIT ${BATCH}`,
        )
      : await db.all<ReleaseRow>(sql`SELECT ${COLUMNS} FROM releases WHERE _status = 'published' AND published_at IS NOT NULL ORDER BY published_at, id LIMIT ${BATCH}`)
    if (!rows.length) return
    yield rows
    after = rows[rows.length - 1]!
  }
}

async function indexPublishedReleases(db: Db): Promise<void> {
  const used = new Set<number>()
  for await (const releases of publishedInKeyOrder(db)) {
    const ids = sql.join(
      releases.map((r) => sql`${r.id}`),
      sql`, `,
    )
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
    await turnEventLoop()
  }
}
