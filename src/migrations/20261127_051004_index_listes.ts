import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`demandes_structure_deposante_idx\`;`)
  await db.run(sql`DROP INDEX \`demandes_academie_idx\`;`)
  await db.run(sql`CREATE INDEX \`etablissementConcerne_statut_numero_idx\` ON \`demandes\` (\`etablissement_concerne_id\`,\`statut\`,\`numero\`);`)
  await db.run(sql`CREATE INDEX \`structureDeposante_statut_numero_idx\` ON \`demandes\` (\`structure_deposante\`,\`statut\`,\`numero\`);`)
  await db.run(sql`CREATE INDEX \`academie_mesure_numero_statut_idx\` ON \`demandes\` (\`academie\`,\`mesure\`,\`numero\`,\`statut\`);`)
  await db.run(sql`DROP INDEX \`_demandes_v_version_version_structure_deposante_idx\`;`)
  await db.run(sql`DROP INDEX \`_demandes_v_version_version_academie_idx\`;`)
  await db.run(sql`CREATE INDEX \`version_etablissementConcerne_version_statut_version_num_idx\` ON \`_demandes_v\` (\`version_etablissement_concerne_id\`,\`version_statut\`,\`version_numero\`);`)
  await db.run(sql`CREATE INDEX \`version_structureDeposante_version_statut_version_numero_idx\` ON \`_demandes_v\` (\`version_structure_deposante\`,\`version_statut\`,\`version_numero\`);`)
  await db.run(sql`CREATE INDEX \`version_academie_version_mesure_version_numero_version_s_idx\` ON \`_demandes_v\` (\`version_academie\`,\`version_mesure\`,\`version_numero\`,\`version_statut\`);`)
  // Payload indexes the values of hasMany text and number fields on (order, parent_id) only: reading those of one
  // diplôme scanned the whole table (the 48 diplômes of a list: 10 ms). Not in Payload's schema, so by hand.
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`diplomes_texts_parent_idx\` ON \`diplomes_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`diplomes_numbers_parent_idx\` ON \`diplomes_numbers\` (\`parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`diplomes_texts_parent_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`diplomes_numbers_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`etablissementConcerne_statut_numero_idx\`;`)
  await db.run(sql`DROP INDEX \`structureDeposante_statut_numero_idx\`;`)
  await db.run(sql`DROP INDEX \`academie_mesure_numero_statut_idx\`;`)
  await db.run(sql`CREATE INDEX \`demandes_structure_deposante_idx\` ON \`demandes\` (\`structure_deposante\`);`)
  await db.run(sql`CREATE INDEX \`demandes_academie_idx\` ON \`demandes\` (\`academie\`);`)
  await db.run(sql`DROP INDEX \`version_etablissementConcerne_version_statut_version_num_idx\`;`)
  await db.run(sql`DROP INDEX \`version_structureDeposante_version_statut_version_numero_idx\`;`)
  await db.run(sql`DROP INDEX \`version_academie_version_mesure_version_numero_version_s_idx\`;`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_structure_deposante_idx\` ON \`_demandes_v\` (\`version_structure_deposante\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_academie_idx\` ON \`_demandes_v\` (\`version_academie\`);`)
}
