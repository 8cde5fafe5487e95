import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`etablissements\` ADD \`ferme\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`etablissements_ferme_idx\` ON \`etablissements\` (\`ferme\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`etablissements_ferme_idx\`;`)
  await db.run(sql`ALTER TABLE \`etablissements\` DROP COLUMN \`ferme\`;`)
}
