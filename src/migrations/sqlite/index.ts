import * as migration_20261121_232252_initial from './20261121_232252_initial';

export const migrations = [
  {
    up: migration_20261121_232252_initial.up,
    down: migration_20261121_232252_initial.down,
    name: '20261121_232252_initial'
  },
];
