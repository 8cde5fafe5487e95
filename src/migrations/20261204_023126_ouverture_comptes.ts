import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // No default: the accounts that exist keep NULL, which counts as validated (as an absent field on MongoDB);
  // only an account opened by someone else than the administrator is written false (hooks/users/ouvertureCompte.ts).
  await db.run(sql`ALTER TABLE \`users\` ADD \`ouverture_validee\` integer;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`ouverture_validee_par\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`ouverture_validee_le\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`ouverture_validee\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`ouverture_validee_par\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`ouverture_validee_le\`;`)
}
