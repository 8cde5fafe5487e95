import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`demandes\` ADD \`statut_depot\` text;`)
  await db.run(sql`ALTER TABLE \`demandes\` ADD \`statut_sans_decision\` text;`)
  await db.run(sql`CREATE INDEX \`demandes_statut_depot_idx\` ON \`demandes\` (\`statut_depot\`);`)
  await db.run(sql`CREATE INDEX \`demandes_statut_sans_decision_idx\` ON \`demandes\` (\`statut_sans_decision\`);`)
  await db.run(sql`ALTER TABLE \`_demandes_v\` ADD \`version_statut_depot\` text;`)
  await db.run(sql`ALTER TABLE \`_demandes_v\` ADD \`version_statut_sans_decision\` text;`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_statut_depot_idx\` ON \`_demandes_v\` (\`version_statut_depot\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_statut_sans_decision_idx\` ON \`_demandes_v\` (\`version_statut_sans_decision\`);`)
  // The statut follows the avis and décision present (a withdrawn décision used to leave its statut behind), then
  // the views filers read (src/regles/statut.ts). Versions keep their statut: they are the history.
  await db.run(sql`UPDATE \`demandes\` SET \`statut\` = CASE
    WHEN \`statut\` = 'brouillon' THEN 'brouillon'
    WHEN \`decision_decision\` IN ('retenue', 'non-retenue', 'ajournee') THEN \`decision_decision\`
    WHEN \`avis_avis\` IS NOT NULL AND \`avis_avis\` <> '' THEN 'en-instruction'
    ELSE 'validee' END;`)
  await db.run(sql`UPDATE \`demandes\` SET
    \`statut_depot\` = CASE WHEN \`statut\` = 'brouillon' THEN 'brouillon' ELSE 'validee' END,
    \`statut_sans_decision\` = CASE WHEN \`statut\` = 'brouillon' THEN 'brouillon' WHEN \`avis_avis\` IS NOT NULL AND \`avis_avis\` <> '' THEN 'en-instruction' ELSE 'validee' END;`)
  await db.run(sql`UPDATE \`_demandes_v\` SET
    \`version_statut_depot\` = CASE WHEN \`version_statut\` = 'brouillon' THEN 'brouillon' ELSE 'validee' END,
    \`version_statut_sans_decision\` = CASE WHEN \`version_statut\` = 'brouillon' THEN 'brouillon' WHEN \`version_avis_avis\` IS NOT NULL AND \`version_avis_avis\` <> '' THEN 'en-instruction' ELSE 'validee' END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`demandes_statut_depot_idx\`;`)
  await db.run(sql`DROP INDEX \`demandes_statut_sans_decision_idx\`;`)
  await db.run(sql`ALTER TABLE \`demandes\` DROP COLUMN \`statut_depot\`;`)
  await db.run(sql`ALTER TABLE \`demandes\` DROP COLUMN \`statut_sans_decision\`;`)
  await db.run(sql`DROP INDEX \`_demandes_v_version_version_statut_depot_idx\`;`)
  await db.run(sql`DROP INDEX \`_demandes_v_version_version_statut_sans_decision_idx\`;`)
  await db.run(sql`ALTER TABLE \`_demandes_v\` DROP COLUMN \`version_statut_depot\`;`)
  await db.run(sql`ALTER TABLE \`_demandes_v\` DROP COLUMN \`version_statut_sans_decision\`;`)
}
