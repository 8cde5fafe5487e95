import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`demandes\` ADD \`modifiee_le_depot\` text;`)
  await db.run(sql`ALTER TABLE \`demandes\` ADD \`modifiee_le_sans_decision\` text;`)
  await db.run(sql`ALTER TABLE \`_demandes_v\` ADD \`version_modifiee_le_depot\` text;`)
  await db.run(sql`ALTER TABLE \`_demandes_v\` ADD \`version_modifiee_le_sans_decision\` text;`)
  // The date each view would have shown: an instructed demande was last changed, for its filer, when validated
  // (for the DRAAF, at the latest avis); the others at their last write.
  const instruite = sql.raw(`((avis_avis IS NOT NULL AND avis_avis <> '') OR (decision_decision IS NOT NULL AND decision_decision <> ''))`)
  await db.run(sql`UPDATE \`demandes\` SET
    \`modifiee_le_depot\` = CASE WHEN statut <> 'brouillon' AND ${instruite} THEN COALESCE(validee_le, updated_at) ELSE updated_at END,
    \`modifiee_le_sans_decision\` = CASE WHEN statut <> 'brouillon' AND decision_decision IS NOT NULL AND decision_decision <> ''
      THEN max(COALESCE(validee_le, updated_at), COALESCE(avis_date, validee_le, updated_at)) ELSE updated_at END;`)
  // Versions: filers read only the drafting's, whose date is their own.
  await db.run(sql`UPDATE \`_demandes_v\` SET \`version_modifiee_le_depot\` = \`version_updated_at\`, \`version_modifiee_le_sans_decision\` = \`version_updated_at\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`demandes\` DROP COLUMN \`modifiee_le_depot\`;`)
  await db.run(sql`ALTER TABLE \`demandes\` DROP COLUMN \`modifiee_le_sans_decision\`;`)
  await db.run(sql`ALTER TABLE \`_demandes_v\` DROP COLUMN \`version_modifiee_le_depot\`;`)
  await db.run(sql`ALTER TABLE \`_demandes_v\` DROP COLUMN \`version_modifiee_le_sans_decision\`;`)
}
