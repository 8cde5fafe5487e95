import * as migration_20261127_000241_initial from './20261127_000241_initial';
import * as migration_20261127_005528_interface_sans_verrous from './20261127_005528_interface_sans_verrous';
import * as migration_20261127_022515_courriels_et_taches from './20261127_022515_courriels_et_taches';
import * as migration_20261127_023222_listes_et_filtres from './20261127_023222_listes_et_filtres';
import * as migration_20261127_031717_stockage_s3 from './20261127_031717_stockage_s3';
import * as migration_20261127_051004_index_listes from './20261127_051004_index_listes';
import * as migration_20261202_181808_statuts_vus from './20261202_181808_statuts_vus';
import * as migration_20261202_215421_index_statut_depot from './20261202_215421_index_statut_depot';
import * as migration_20261203_102641_dates_des_vues from './20261203_102641_dates_des_vues';
import * as migration_20261204_023126_ouverture_comptes from './20261204_023126_ouverture_comptes';
import * as migration_20261204_024042_messages_a_corriger from './20261204_024042_messages_a_corriger';
import * as migration_20261204_180233_lectures_et_resume from './20261204_180233_lectures_et_resume';
import * as migration_20261204_210945_etablissements_fermes from './20261204_210945_etablissements_fermes';

export const migrations = [
  {
    up: migration_20261127_000241_initial.up,
    down: migration_20261127_000241_initial.down,
    name: '20261127_000241_initial',
  },
  {
    up: migration_20261127_005528_interface_sans_verrous.up,
    down: migration_20261127_005528_interface_sans_verrous.down,
    name: '20261127_005528_interface_sans_verrous',
  },
  {
    up: migration_20261127_022515_courriels_et_taches.up,
    down: migration_20261127_022515_courriels_et_taches.down,
    name: '20261127_022515_courriels_et_taches',
  },
  {
    up: migration_20261127_023222_listes_et_filtres.up,
    down: migration_20261127_023222_listes_et_filtres.down,
    name: '20261127_023222_listes_et_filtres',
  },
  {
    up: migration_20261127_031717_stockage_s3.up,
    down: migration_20261127_031717_stockage_s3.down,
    name: '20261127_031717_stockage_s3',
  },
  {
    up: migration_20261127_051004_index_listes.up,
    down: migration_20261127_051004_index_listes.down,
    name: '20261127_051004_index_listes',
  },
  {
    up: migration_20261202_181808_statuts_vus.up,
    down: migration_20261202_181808_statuts_vus.down,
    name: '20261202_181808_statuts_vus',
  },
  {
    up: migration_20261202_215421_index_statut_depot.up,
    down: migration_20261202_215421_index_statut_depot.down,
    name: '20261202_215421_index_statut_depot',
  },
  {
    up: migration_20261203_102641_dates_des_vues.up,
    down: migration_20261203_102641_dates_des_vues.down,
    name: '20261203_102641_dates_des_vues',
  },
  {
    up: migration_20261204_023126_ouverture_comptes.up,
    down: migration_20261204_023126_ouverture_comptes.down,
    name: '20261204_023126_ouverture_comptes',
  },
  {
    up: migration_20261204_024042_messages_a_corriger.up,
    down: migration_20261204_024042_messages_a_corriger.down,
    name: '20261204_024042_messages_a_corriger',
  },
  {
    up: migration_20261204_180233_lectures_et_resume.up,
    down: migration_20261204_180233_lectures_et_resume.down,
    name: '20261204_180233_lectures_et_resume',
  },
  {
    up: migration_20261204_210945_etablissements_fermes.up,
    down: migration_20261204_210945_etablissements_fermes.down,
    name: '20261204_210945_etablissements_fermes'
  },
];
