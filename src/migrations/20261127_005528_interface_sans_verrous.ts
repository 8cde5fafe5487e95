import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_demandes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`numero\` numeric,
  	\`rentree\` numeric,
  	\`statut\` text DEFAULT 'brouillon' NOT NULL,
  	\`titre\` text DEFAULT 'Nouvelle demande',
  	\`etablissement_referent_id\` integer,
  	\`etablissement_concerne_id\` integer NOT NULL,
  	\`site_formation\` text,
  	\`responsable_nom\` text,
  	\`responsable_telephone\` text,
  	\`responsable_email\` text,
  	\`modalite\` text,
  	\`diplome_id\` integer,
  	\`duree_formation\` numeric,
  	\`annee_formation\` numeric,
  	\`mesure\` text,
  	\`projet_lie\` integer DEFAULT false,
  	\`demande_liee_id\` integer,
  	\`priorite\` numeric,
  	\`capacite_actuelle\` numeric,
  	\`capacite_nouvelle\` numeric,
  	\`premiere_demande\` integer DEFAULT true,
  	\`annee_precedent_depot\` numeric,
  	\`date_conseil\` text,
  	\`travaux_travaux_demandes\` integer DEFAULT false,
  	\`travaux_description_travaux\` text,
  	\`travaux_equipements_demandes\` integer DEFAULT false,
  	\`travaux_description_equipements\` text,
  	\`travaux_autres_incidences\` text,
  	\`rapport_opportunite\` text,
  	\`validee_le\` text,
  	\`valide_par_id\` integer,
  	\`avis_avis\` text,
  	\`avis_commentaire\` text,
  	\`avis_auteur\` text,
  	\`avis_date\` text,
  	\`decision_decision\` text,
  	\`decision_commentaire\` text,
  	\`decision_auteur\` text,
  	\`decision_date\` text,
  	\`structure_deposante\` text,
  	\`academie\` text,
  	\`departement\` text,
  	\`agricole\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`etablissement_referent_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`etablissement_concerne_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`diplome_id\`) REFERENCES \`diplomes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`demande_liee_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`valide_par_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_demandes\`("id", "numero", "rentree", "statut", "titre", "etablissement_referent_id", "etablissement_concerne_id", "site_formation", "responsable_nom", "responsable_telephone", "responsable_email", "modalite", "diplome_id", "duree_formation", "annee_formation", "mesure", "projet_lie", "demande_liee_id", "priorite", "capacite_actuelle", "capacite_nouvelle", "premiere_demande", "annee_precedent_depot", "date_conseil", "travaux_travaux_demandes", "travaux_description_travaux", "travaux_equipements_demandes", "travaux_description_equipements", "travaux_autres_incidences", "rapport_opportunite", "validee_le", "valide_par_id", "avis_avis", "avis_commentaire", "avis_auteur", "avis_date", "decision_decision", "decision_commentaire", "decision_auteur", "decision_date", "structure_deposante", "academie", "departement", "agricole", "updated_at", "created_at") SELECT "id", "numero", "rentree", "statut", "titre", "etablissement_referent_id", "etablissement_concerne_id", "site_formation", "responsable_nom", "responsable_telephone", "responsable_email", "modalite", "diplome_id", "duree_formation", "annee_formation", "mesure", "projet_lie", "demande_liee_id", "priorite", "capacite_actuelle", "capacite_nouvelle", "premiere_demande", "annee_precedent_depot", "date_conseil", "travaux_travaux_demandes", "travaux_description_travaux", "travaux_equipements_demandes", "travaux_description_equipements", "travaux_autres_incidences", "rapport_opportunite", "validee_le", "valide_par_id", "avis_avis", "avis_commentaire", "avis_auteur", "avis_date", "decision_decision", "decision_commentaire", "decision_auteur", "decision_date", "structure_deposante", "academie", "departement", "agricole", "updated_at", "created_at" FROM \`demandes\`;`)
  await db.run(sql`DROP TABLE \`demandes\`;`)
  await db.run(sql`ALTER TABLE \`__new_demandes\` RENAME TO \`demandes\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`demandes_numero_idx\` ON \`demandes\` (\`numero\`);`)
  await db.run(sql`CREATE INDEX \`demandes_rentree_idx\` ON \`demandes\` (\`rentree\`);`)
  await db.run(sql`CREATE INDEX \`demandes_statut_idx\` ON \`demandes\` (\`statut\`);`)
  await db.run(sql`CREATE INDEX \`demandes_etablissement_referent_idx\` ON \`demandes\` (\`etablissement_referent_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_etablissement_concerne_idx\` ON \`demandes\` (\`etablissement_concerne_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_diplome_idx\` ON \`demandes\` (\`diplome_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_mesure_idx\` ON \`demandes\` (\`mesure\`);`)
  await db.run(sql`CREATE INDEX \`demandes_demande_liee_idx\` ON \`demandes\` (\`demande_liee_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_valide_par_idx\` ON \`demandes\` (\`valide_par_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_structure_deposante_idx\` ON \`demandes\` (\`structure_deposante\`);`)
  await db.run(sql`CREATE INDEX \`demandes_academie_idx\` ON \`demandes\` (\`academie\`);`)
  await db.run(sql`CREATE INDEX \`demandes_departement_idx\` ON \`demandes\` (\`departement\`);`)
  await db.run(sql`CREATE INDEX \`demandes_agricole_idx\` ON \`demandes\` (\`agricole\`);`)
  await db.run(sql`CREATE INDEX \`demandes_updated_at_idx\` ON \`demandes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`demandes_created_at_idx\` ON \`demandes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__demandes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_numero\` numeric,
  	\`version_rentree\` numeric,
  	\`version_statut\` text DEFAULT 'brouillon' NOT NULL,
  	\`version_titre\` text DEFAULT 'Nouvelle demande',
  	\`version_etablissement_referent_id\` integer,
  	\`version_etablissement_concerne_id\` integer NOT NULL,
  	\`version_site_formation\` text,
  	\`version_responsable_nom\` text,
  	\`version_responsable_telephone\` text,
  	\`version_responsable_email\` text,
  	\`version_modalite\` text,
  	\`version_diplome_id\` integer,
  	\`version_duree_formation\` numeric,
  	\`version_annee_formation\` numeric,
  	\`version_mesure\` text,
  	\`version_projet_lie\` integer DEFAULT false,
  	\`version_demande_liee_id\` integer,
  	\`version_priorite\` numeric,
  	\`version_capacite_actuelle\` numeric,
  	\`version_capacite_nouvelle\` numeric,
  	\`version_premiere_demande\` integer DEFAULT true,
  	\`version_annee_precedent_depot\` numeric,
  	\`version_date_conseil\` text,
  	\`version_travaux_travaux_demandes\` integer DEFAULT false,
  	\`version_travaux_description_travaux\` text,
  	\`version_travaux_equipements_demandes\` integer DEFAULT false,
  	\`version_travaux_description_equipements\` text,
  	\`version_travaux_autres_incidences\` text,
  	\`version_rapport_opportunite\` text,
  	\`version_validee_le\` text,
  	\`version_valide_par_id\` integer,
  	\`version_avis_avis\` text,
  	\`version_avis_commentaire\` text,
  	\`version_avis_auteur\` text,
  	\`version_avis_date\` text,
  	\`version_decision_decision\` text,
  	\`version_decision_commentaire\` text,
  	\`version_decision_auteur\` text,
  	\`version_decision_date\` text,
  	\`version_structure_deposante\` text,
  	\`version_academie\` text,
  	\`version_departement\` text,
  	\`version_agricole\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_etablissement_referent_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_etablissement_concerne_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_diplome_id\`) REFERENCES \`diplomes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_demande_liee_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_valide_par_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__demandes_v\`("id", "parent_id", "version_numero", "version_rentree", "version_statut", "version_titre", "version_etablissement_referent_id", "version_etablissement_concerne_id", "version_site_formation", "version_responsable_nom", "version_responsable_telephone", "version_responsable_email", "version_modalite", "version_diplome_id", "version_duree_formation", "version_annee_formation", "version_mesure", "version_projet_lie", "version_demande_liee_id", "version_priorite", "version_capacite_actuelle", "version_capacite_nouvelle", "version_premiere_demande", "version_annee_precedent_depot", "version_date_conseil", "version_travaux_travaux_demandes", "version_travaux_description_travaux", "version_travaux_equipements_demandes", "version_travaux_description_equipements", "version_travaux_autres_incidences", "version_rapport_opportunite", "version_validee_le", "version_valide_par_id", "version_avis_avis", "version_avis_commentaire", "version_avis_auteur", "version_avis_date", "version_decision_decision", "version_decision_commentaire", "version_decision_auteur", "version_decision_date", "version_structure_deposante", "version_academie", "version_departement", "version_agricole", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_numero", "version_rentree", "version_statut", "version_titre", "version_etablissement_referent_id", "version_etablissement_concerne_id", "version_site_formation", "version_responsable_nom", "version_responsable_telephone", "version_responsable_email", "version_modalite", "version_diplome_id", "version_duree_formation", "version_annee_formation", "version_mesure", "version_projet_lie", "version_demande_liee_id", "version_priorite", "version_capacite_actuelle", "version_capacite_nouvelle", "version_premiere_demande", "version_annee_precedent_depot", "version_date_conseil", "version_travaux_travaux_demandes", "version_travaux_description_travaux", "version_travaux_equipements_demandes", "version_travaux_description_equipements", "version_travaux_autres_incidences", "version_rapport_opportunite", "version_validee_le", "version_valide_par_id", "version_avis_avis", "version_avis_commentaire", "version_avis_auteur", "version_avis_date", "version_decision_decision", "version_decision_commentaire", "version_decision_auteur", "version_decision_date", "version_structure_deposante", "version_academie", "version_departement", "version_agricole", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_demandes_v\`;`)
  await db.run(sql`DROP TABLE \`_demandes_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__demandes_v\` RENAME TO \`_demandes_v\`;`)
  await db.run(sql`CREATE INDEX \`_demandes_v_parent_idx\` ON \`_demandes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_numero_idx\` ON \`_demandes_v\` (\`version_numero\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_rentree_idx\` ON \`_demandes_v\` (\`version_rentree\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_statut_idx\` ON \`_demandes_v\` (\`version_statut\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_etablissement_referent_idx\` ON \`_demandes_v\` (\`version_etablissement_referent_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_etablissement_concerne_idx\` ON \`_demandes_v\` (\`version_etablissement_concerne_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_diplome_idx\` ON \`_demandes_v\` (\`version_diplome_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_mesure_idx\` ON \`_demandes_v\` (\`version_mesure\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_demande_liee_idx\` ON \`_demandes_v\` (\`version_demande_liee_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_valide_par_idx\` ON \`_demandes_v\` (\`version_valide_par_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_structure_deposante_idx\` ON \`_demandes_v\` (\`version_structure_deposante\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_academie_idx\` ON \`_demandes_v\` (\`version_academie\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_departement_idx\` ON \`_demandes_v\` (\`version_departement\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_agricole_idx\` ON \`_demandes_v\` (\`version_agricole\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_updated_at_idx\` ON \`_demandes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_created_at_idx\` ON \`_demandes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_created_at_idx\` ON \`_demandes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_updated_at_idx\` ON \`_demandes_v\` (\`updated_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`demandes_id\` integer,
  	\`annexes_id\` integer,
  	\`etablissements_id\` integer,
  	\`reseaux_id\` integer,
  	\`diplomes_id\` integer,
  	\`documents_id\` integer,
  	\`users_id\` integer,
  	\`journal_id\` integer,
  	\`compteurs_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`demandes_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`annexes_id\`) REFERENCES \`annexes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`etablissements_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reseaux_id\`) REFERENCES \`reseaux\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`diplomes_id\`) REFERENCES \`diplomes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`journal_id\`) REFERENCES \`journal\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`compteurs_id\`) REFERENCES \`compteurs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_demandes_id_idx\` ON \`payload_locked_documents_rels\` (\`demandes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_annexes_id_idx\` ON \`payload_locked_documents_rels\` (\`annexes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_etablissements_id_idx\` ON \`payload_locked_documents_rels\` (\`etablissements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reseaux_id_idx\` ON \`payload_locked_documents_rels\` (\`reseaux_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_diplomes_id_idx\` ON \`payload_locked_documents_rels\` (\`diplomes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_journal_id_idx\` ON \`payload_locked_documents_rels\` (\`journal_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_compteurs_id_idx\` ON \`payload_locked_documents_rels\` (\`compteurs_id\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_demandes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`numero\` numeric,
  	\`rentree\` numeric,
  	\`statut\` text DEFAULT 'brouillon' NOT NULL,
  	\`titre\` text,
  	\`etablissement_referent_id\` integer,
  	\`etablissement_concerne_id\` integer NOT NULL,
  	\`site_formation\` text,
  	\`responsable_nom\` text,
  	\`responsable_telephone\` text,
  	\`responsable_email\` text,
  	\`modalite\` text,
  	\`diplome_id\` integer,
  	\`duree_formation\` numeric,
  	\`annee_formation\` numeric,
  	\`mesure\` text,
  	\`projet_lie\` integer DEFAULT false,
  	\`demande_liee_id\` integer,
  	\`priorite\` numeric,
  	\`capacite_actuelle\` numeric,
  	\`capacite_nouvelle\` numeric,
  	\`premiere_demande\` integer DEFAULT true,
  	\`annee_precedent_depot\` numeric,
  	\`date_conseil\` text,
  	\`travaux_travaux_demandes\` integer DEFAULT false,
  	\`travaux_description_travaux\` text,
  	\`travaux_equipements_demandes\` integer DEFAULT false,
  	\`travaux_description_equipements\` text,
  	\`travaux_autres_incidences\` text,
  	\`rapport_opportunite\` text,
  	\`validee_le\` text,
  	\`valide_par_id\` integer,
  	\`avis_avis\` text,
  	\`avis_commentaire\` text,
  	\`avis_auteur\` text,
  	\`avis_date\` text,
  	\`decision_decision\` text,
  	\`decision_commentaire\` text,
  	\`decision_auteur\` text,
  	\`decision_date\` text,
  	\`structure_deposante\` text,
  	\`academie\` text,
  	\`departement\` text,
  	\`agricole\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`etablissement_referent_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`etablissement_concerne_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`diplome_id\`) REFERENCES \`diplomes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`demande_liee_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`valide_par_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_demandes\`("id", "numero", "rentree", "statut", "titre", "etablissement_referent_id", "etablissement_concerne_id", "site_formation", "responsable_nom", "responsable_telephone", "responsable_email", "modalite", "diplome_id", "duree_formation", "annee_formation", "mesure", "projet_lie", "demande_liee_id", "priorite", "capacite_actuelle", "capacite_nouvelle", "premiere_demande", "annee_precedent_depot", "date_conseil", "travaux_travaux_demandes", "travaux_description_travaux", "travaux_equipements_demandes", "travaux_description_equipements", "travaux_autres_incidences", "rapport_opportunite", "validee_le", "valide_par_id", "avis_avis", "avis_commentaire", "avis_auteur", "avis_date", "decision_decision", "decision_commentaire", "decision_auteur", "decision_date", "structure_deposante", "academie", "departement", "agricole", "updated_at", "created_at") SELECT "id", "numero", "rentree", "statut", "titre", "etablissement_referent_id", "etablissement_concerne_id", "site_formation", "responsable_nom", "responsable_telephone", "responsable_email", "modalite", "diplome_id", "duree_formation", "annee_formation", "mesure", "projet_lie", "demande_liee_id", "priorite", "capacite_actuelle", "capacite_nouvelle", "premiere_demande", "annee_precedent_depot", "date_conseil", "travaux_travaux_demandes", "travaux_description_travaux", "travaux_equipements_demandes", "travaux_description_equipements", "travaux_autres_incidences", "rapport_opportunite", "validee_le", "valide_par_id", "avis_avis", "avis_commentaire", "avis_auteur", "avis_date", "decision_decision", "decision_commentaire", "decision_auteur", "decision_date", "structure_deposante", "academie", "departement", "agricole", "updated_at", "created_at" FROM \`demandes\`;`)
  await db.run(sql`DROP TABLE \`demandes\`;`)
  await db.run(sql`ALTER TABLE \`__new_demandes\` RENAME TO \`demandes\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`demandes_numero_idx\` ON \`demandes\` (\`numero\`);`)
  await db.run(sql`CREATE INDEX \`demandes_rentree_idx\` ON \`demandes\` (\`rentree\`);`)
  await db.run(sql`CREATE INDEX \`demandes_statut_idx\` ON \`demandes\` (\`statut\`);`)
  await db.run(sql`CREATE INDEX \`demandes_etablissement_referent_idx\` ON \`demandes\` (\`etablissement_referent_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_etablissement_concerne_idx\` ON \`demandes\` (\`etablissement_concerne_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_diplome_idx\` ON \`demandes\` (\`diplome_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_mesure_idx\` ON \`demandes\` (\`mesure\`);`)
  await db.run(sql`CREATE INDEX \`demandes_demande_liee_idx\` ON \`demandes\` (\`demande_liee_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_valide_par_idx\` ON \`demandes\` (\`valide_par_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_structure_deposante_idx\` ON \`demandes\` (\`structure_deposante\`);`)
  await db.run(sql`CREATE INDEX \`demandes_academie_idx\` ON \`demandes\` (\`academie\`);`)
  await db.run(sql`CREATE INDEX \`demandes_departement_idx\` ON \`demandes\` (\`departement\`);`)
  await db.run(sql`CREATE INDEX \`demandes_agricole_idx\` ON \`demandes\` (\`agricole\`);`)
  await db.run(sql`CREATE INDEX \`demandes_updated_at_idx\` ON \`demandes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`demandes_created_at_idx\` ON \`demandes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__demandes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_numero\` numeric,
  	\`version_rentree\` numeric,
  	\`version_statut\` text DEFAULT 'brouillon' NOT NULL,
  	\`version_titre\` text,
  	\`version_etablissement_referent_id\` integer,
  	\`version_etablissement_concerne_id\` integer NOT NULL,
  	\`version_site_formation\` text,
  	\`version_responsable_nom\` text,
  	\`version_responsable_telephone\` text,
  	\`version_responsable_email\` text,
  	\`version_modalite\` text,
  	\`version_diplome_id\` integer,
  	\`version_duree_formation\` numeric,
  	\`version_annee_formation\` numeric,
  	\`version_mesure\` text,
  	\`version_projet_lie\` integer DEFAULT false,
  	\`version_demande_liee_id\` integer,
  	\`version_priorite\` numeric,
  	\`version_capacite_actuelle\` numeric,
  	\`version_capacite_nouvelle\` numeric,
  	\`version_premiere_demande\` integer DEFAULT true,
  	\`version_annee_precedent_depot\` numeric,
  	\`version_date_conseil\` text,
  	\`version_travaux_travaux_demandes\` integer DEFAULT false,
  	\`version_travaux_description_travaux\` text,
  	\`version_travaux_equipements_demandes\` integer DEFAULT false,
  	\`version_travaux_description_equipements\` text,
  	\`version_travaux_autres_incidences\` text,
  	\`version_rapport_opportunite\` text,
  	\`version_validee_le\` text,
  	\`version_valide_par_id\` integer,
  	\`version_avis_avis\` text,
  	\`version_avis_commentaire\` text,
  	\`version_avis_auteur\` text,
  	\`version_avis_date\` text,
  	\`version_decision_decision\` text,
  	\`version_decision_commentaire\` text,
  	\`version_decision_auteur\` text,
  	\`version_decision_date\` text,
  	\`version_structure_deposante\` text,
  	\`version_academie\` text,
  	\`version_departement\` text,
  	\`version_agricole\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_etablissement_referent_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_etablissement_concerne_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_diplome_id\`) REFERENCES \`diplomes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_demande_liee_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_valide_par_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__demandes_v\`("id", "parent_id", "version_numero", "version_rentree", "version_statut", "version_titre", "version_etablissement_referent_id", "version_etablissement_concerne_id", "version_site_formation", "version_responsable_nom", "version_responsable_telephone", "version_responsable_email", "version_modalite", "version_diplome_id", "version_duree_formation", "version_annee_formation", "version_mesure", "version_projet_lie", "version_demande_liee_id", "version_priorite", "version_capacite_actuelle", "version_capacite_nouvelle", "version_premiere_demande", "version_annee_precedent_depot", "version_date_conseil", "version_travaux_travaux_demandes", "version_travaux_description_travaux", "version_travaux_equipements_demandes", "version_travaux_description_equipements", "version_travaux_autres_incidences", "version_rapport_opportunite", "version_validee_le", "version_valide_par_id", "version_avis_avis", "version_avis_commentaire", "version_avis_auteur", "version_avis_date", "version_decision_decision", "version_decision_commentaire", "version_decision_auteur", "version_decision_date", "version_structure_deposante", "version_academie", "version_departement", "version_agricole", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_numero", "version_rentree", "version_statut", "version_titre", "version_etablissement_referent_id", "version_etablissement_concerne_id", "version_site_formation", "version_responsable_nom", "version_responsable_telephone", "version_responsable_email", "version_modalite", "version_diplome_id", "version_duree_formation", "version_annee_formation", "version_mesure", "version_projet_lie", "version_demande_liee_id", "version_priorite", "version_capacite_actuelle", "version_capacite_nouvelle", "version_premiere_demande", "version_annee_precedent_depot", "version_date_conseil", "version_travaux_travaux_demandes", "version_travaux_description_travaux", "version_travaux_equipements_demandes", "version_travaux_description_equipements", "version_travaux_autres_incidences", "version_rapport_opportunite", "version_validee_le", "version_valide_par_id", "version_avis_avis", "version_avis_commentaire", "version_avis_auteur", "version_avis_date", "version_decision_decision", "version_decision_commentaire", "version_decision_auteur", "version_decision_date", "version_structure_deposante", "version_academie", "version_departement", "version_agricole", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_demandes_v\`;`)
  await db.run(sql`DROP TABLE \`_demandes_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__demandes_v\` RENAME TO \`_demandes_v\`;`)
  await db.run(sql`CREATE INDEX \`_demandes_v_parent_idx\` ON \`_demandes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_numero_idx\` ON \`_demandes_v\` (\`version_numero\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_rentree_idx\` ON \`_demandes_v\` (\`version_rentree\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_statut_idx\` ON \`_demandes_v\` (\`version_statut\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_etablissement_referent_idx\` ON \`_demandes_v\` (\`version_etablissement_referent_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_etablissement_concerne_idx\` ON \`_demandes_v\` (\`version_etablissement_concerne_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_diplome_idx\` ON \`_demandes_v\` (\`version_diplome_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_mesure_idx\` ON \`_demandes_v\` (\`version_mesure\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_demande_liee_idx\` ON \`_demandes_v\` (\`version_demande_liee_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_valide_par_idx\` ON \`_demandes_v\` (\`version_valide_par_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_structure_deposante_idx\` ON \`_demandes_v\` (\`version_structure_deposante\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_academie_idx\` ON \`_demandes_v\` (\`version_academie\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_departement_idx\` ON \`_demandes_v\` (\`version_departement\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_agricole_idx\` ON \`_demandes_v\` (\`version_agricole\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_updated_at_idx\` ON \`_demandes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_version_created_at_idx\` ON \`_demandes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_created_at_idx\` ON \`_demandes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_updated_at_idx\` ON \`_demandes_v\` (\`updated_at\`);`)
}
