import * as migration_20261121_232816_initial from './20261121_232816_initial';
import * as migration_20261122_002803_featured_release from './20261122_002803_featured_release';
import * as migration_20261122_010818_removed_releases from './20261122_010818_removed_releases';
import * as migration_20261122_015701_media_pipeline from './20261122_015701_media_pipeline';
import * as migration_20261122_020317_release_search from './20261122_020317_release_search';
import * as migration_20261122_022433_list_indexes from './20261122_022433_list_indexes';
import * as migration_20261122_044203_media_visibility from './20261122_044203_media_visibility';
import * as migration_20261207_183822_release_authors from './20261207_183822_release_authors';
import * as migration_20261207_190318_change_notes_minor_fixes from './20261207_190318_change_notes_minor_fixes';
import * as migration_20261207_190557_search_languages from './20261207_190557_search_languages';
import * as migration_20261207_215613_audit_events from './20261207_215613_audit_events';
import * as migration_20261207_221948_two_factor from './20261207_221948_two_factor';
import * as migration_20261207_224607_user_disabled from './20261207_224607_user_disabled';

export const migrations = [
  {
    up: migration_20261121_232816_initial.up,
    down: migration_20261121_232816_initial.down,
    name: '20261121_232816_initial',
  },
  {
    up: migration_20261122_002803_featured_release.up,
    down: migration_20261122_002803_featured_release.down,
    name: '20261122_002803_featured_release',
  },
  {
    up: migration_20261122_010818_removed_releases.up,
    down: migration_20261122_010818_removed_releases.down,
    name: '20261122_010818_removed_releases',
  },
  {
    up: migration_20261122_015701_media_pipeline.up,
    down: migration_20261122_015701_media_pipeline.down,
    name: '20261122_015701_media_pipeline',
  },
  {
    up: migration_20261122_020317_release_search.up,
    down: migration_20261122_020317_release_search.down,
    name: '20261122_020317_release_search',
  },
  {
    up: migration_20261122_022433_list_indexes.up,
    down: migration_20261122_022433_list_indexes.down,
    name: '20261122_022433_list_indexes',
  },
  {
    up: migration_20261122_044203_media_visibility.up,
    down: migration_20261122_044203_media_visibility.down,
    name: '20261122_044203_media_visibility',
  },
  {
    up: migration_20261207_183822_release_authors.up,
    down: migration_20261207_183822_release_authors.down,
    name: '20261207_183822_release_authors',
  },
  {
    up: migration_20261207_190318_change_notes_minor_fixes.up,
    down: migration_20261207_190318_change_notes_minor_fixes.down,
    name: '20261207_190318_change_notes_minor_fixes',
  },
  {
    up: migration_20261207_190557_search_languages.up,
    down: migration_20261207_190557_search_languages.down,
    name: '20261207_190557_search_languages',
  },
  {
    up: migration_20261207_215613_audit_events.up,
    down: migration_20261207_215613_audit_events.down,
    name: '20261207_215613_audit_events',
  },
  {
    up: migration_20261207_221948_two_factor.up,
    down: migration_20261207_221948_two_factor.down,
    name: '20261207_221948_two_factor',
  },
  {
    up: migration_20261207_224607_user_disabled.up,
    down: migration_20261207_224607_user_disabled.down,
    name: '20261207_224607_user_disabled'
  },
];
