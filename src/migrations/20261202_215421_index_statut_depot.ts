import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`etablissementConcerne_statut_numero_idx\`;`)
  await db.run(sql`CREATE INDEX \`etablissementConcerne_statutDepot_numero_idx\` ON \`demandes\` (\`etablissement_concerne_id\`,\`statut_depot\`,\`numero\`);`)
  await db.run(sql`DROP INDEX \`version_etablissementConcerne_version_statut_version_num_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_demandes_v\` (\`version_etablissement_concerne_id\`,\`version_statut_depot\`,\`version_numero\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`etablissementConcerne_statutDepot_numero_idx\`;`)
  await db.run(sql`CREATE INDEX \`etablissementConcerne_statut_numero_idx\` ON \`demandes\` (\`etablissement_concerne_id\`,\`statut\`,\`numero\`);`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`CREATE INDEX \`version_etablissementConcerne_version_statut_version_num_idx\` ON \`_demandes_v\` (\`version_etablissement_concerne_id\`,\`version_statut\`,\`version_numero\`);`)
}
