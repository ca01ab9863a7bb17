// MongoDB stores documents schemalessly; Payload builds its indexes on connect. Data migrations go here.
import * as migration_20261122_044203_media_visibility from './20261122_044203_media_visibility'
import * as migration_20261207_190557_search_languages from './20261207_190557_search_languages'

export const migrations = [
  {
    up: migration_20261122_044203_media_visibility.up,
    down: migration_20261122_044203_media_visibility.down,
    name: '20261122_044203_media_visibility',
  },
  {
    up: migration_20261207_190557_search_languages.up,
    down: migration_20261207_190557_search_languages.down,
    name: '20261207_190557_search_languages',
  },
]
