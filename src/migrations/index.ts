import * as migration_20261126_235403_initial from './20261126_235403_initial';

export const migrations = [
  {
    up: migration_20261126_235403_initial.up,
    down: migration_20261126_235403_initial.down,
    name: '20261126_235403_initial'
  },
];
