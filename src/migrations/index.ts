import * as migration_20261127_000241_initial from './20261127_000241_initial';

export const migrations = [
  {
    up: migration_20261127_000241_initial.up,
    down: migration_20261127_000241_initial.down,
    name: '20261127_000241_initial'
  },
];
