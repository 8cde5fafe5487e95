import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`demandes_zones_recrutement\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`demandes_zones_recrutement_order_idx\` ON \`demandes_zones_recrutement\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`demandes_zones_recrutement_parent_idx\` ON \`demandes_zones_recrutement\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`demandes\` (
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
  await db.run(sql`CREATE TABLE \`demandes_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`annexes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`annexes_id\`) REFERENCES \`annexes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`demandes_rels_order_idx\` ON \`demandes_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`demandes_rels_parent_idx\` ON \`demandes_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`demandes_rels_path_idx\` ON \`demandes_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`demandes_rels_annexes_id_idx\` ON \`demandes_rels\` (\`annexes_id\`);`)
  await db.run(sql`CREATE TABLE \`_demandes_v_version_zones_recrutement\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_demandes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_zones_recrutement_order_idx\` ON \`_demandes_v_version_zones_recrutement\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_version_zones_recrutement_parent_idx\` ON \`_demandes_v_version_zones_recrutement\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_demandes_v\` (
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
  await db.run(sql`CREATE TABLE \`_demandes_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`annexes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_demandes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`annexes_id\`) REFERENCES \`annexes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_demandes_v_rels_order_idx\` ON \`_demandes_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_rels_parent_idx\` ON \`_demandes_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_rels_path_idx\` ON \`_demandes_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_demandes_v_rels_annexes_id_idx\` ON \`_demandes_v_rels\` (\`annexes_id\`);`)
  await db.run(sql`CREATE TABLE \`annexes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`demande_id\` integer NOT NULL,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`demande_id\`) REFERENCES \`demandes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`annexes_demande_idx\` ON \`annexes\` (\`demande_id\`);`)
  await db.run(sql`CREATE INDEX \`annexes_updated_at_idx\` ON \`annexes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`annexes_created_at_idx\` ON \`annexes\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`annexes_filename_idx\` ON \`annexes\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`etablissements\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`uai\` text NOT NULL,
  	\`nom\` text NOT NULL,
  	\`type\` text,
  	\`secteur\` text,
  	\`ministere\` text DEFAULT 'education-nationale' NOT NULL,
  	\`commune\` text,
  	\`departement\` text,
  	\`academie\` text NOT NULL,
  	\`libelle\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`etablissements_uai_idx\` ON \`etablissements\` (\`uai\`);`)
  await db.run(sql`CREATE INDEX \`etablissements_ministere_idx\` ON \`etablissements\` (\`ministere\`);`)
  await db.run(sql`CREATE INDEX \`etablissements_departement_idx\` ON \`etablissements\` (\`departement\`);`)
  await db.run(sql`CREATE INDEX \`etablissements_academie_idx\` ON \`etablissements\` (\`academie\`);`)
  await db.run(sql`CREATE INDEX \`etablissements_updated_at_idx\` ON \`etablissements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`etablissements_created_at_idx\` ON \`etablissements\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reseaux\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`nom\` text NOT NULL,
  	\`type\` text DEFAULT 'etablissements' NOT NULL,
  	\`academie\` text,
  	\`etablissement_referent_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`etablissement_referent_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reseaux_etablissement_referent_idx\` ON \`reseaux\` (\`etablissement_referent_id\`);`)
  await db.run(sql`CREATE INDEX \`reseaux_updated_at_idx\` ON \`reseaux\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reseaux_created_at_idx\` ON \`reseaux\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reseaux_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`etablissements_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reseaux\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`etablissements_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reseaux_rels_order_idx\` ON \`reseaux_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reseaux_rels_parent_idx\` ON \`reseaux_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reseaux_rels_path_idx\` ON \`reseaux_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`reseaux_rels_etablissements_id_idx\` ON \`reseaux_rels\` (\`etablissements_id\`);`)
  await db.run(sql`CREATE TABLE \`diplomes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`cfd\` text NOT NULL,
  	\`libelle\` text NOT NULL,
  	\`type_diplome\` text NOT NULL,
  	\`niveau\` text,
  	\`ouvert\` integer DEFAULT true,
  	\`date_ouverture\` text,
  	\`date_fermeture\` text,
  	\`intitule\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`diplomes_cfd_idx\` ON \`diplomes\` (\`cfd\`);`)
  await db.run(sql`CREATE INDEX \`diplomes_type_diplome_idx\` ON \`diplomes\` (\`type_diplome\`);`)
  await db.run(sql`CREATE INDEX \`diplomes_ouvert_idx\` ON \`diplomes\` (\`ouvert\`);`)
  await db.run(sql`CREATE INDEX \`diplomes_updated_at_idx\` ON \`diplomes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`diplomes_created_at_idx\` ON \`diplomes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`diplomes_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`diplomes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`diplomes_texts_order_parent\` ON \`diplomes_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`diplomes_numbers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`diplomes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`diplomes_numbers_order_parent_idx\` ON \`diplomes_numbers\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`titre\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`documents_updated_at_idx\` ON \`documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`documents_created_at_idx\` ON \`documents\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`documents_filename_idx\` ON \`documents\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`nom\` text,
  	\`role\` text DEFAULT 'etablissement' NOT NULL,
  	\`academie\` text,
  	\`etablissement_id\` integer,
  	\`reseau_id\` integer,
  	\`actif\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text,
  	\`email\` text,
  	\`username\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`etablissement_id\`) REFERENCES \`etablissements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reseau_id\`) REFERENCES \`reseaux\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`users_etablissement_idx\` ON \`users\` (\`etablissement_id\`);`)
  await db.run(sql`CREATE INDEX \`users_reseau_idx\` ON \`users\` (\`reseau_id\`);`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_username_idx\` ON \`users\` (\`username\`);`)
  await db.run(sql`CREATE TABLE \`journal\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`utilisateur\` text,
  	\`role\` text,
  	\`collection_concernee\` text,
  	\`document_id\` text,
  	\`resume\` text,
  	\`details\` text,
  	\`ip\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`journal_action_idx\` ON \`journal\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`journal_utilisateur_idx\` ON \`journal\` (\`utilisateur\`);`)
  await db.run(sql`CREATE INDEX \`journal_document_id_idx\` ON \`journal\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`journal_updated_at_idx\` ON \`journal\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`journal_created_at_idx\` ON \`journal\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`compteurs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`nom\` text NOT NULL,
  	\`valeur\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`compteurs_nom_idx\` ON \`compteurs\` (\`nom\`);`)
  await db.run(sql`CREATE INDEX \`compteurs_updated_at_idx\` ON \`compteurs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`compteurs_created_at_idx\` ON \`compteurs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`campagne_documents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`titre\` text NOT NULL,
  	\`fichier_id\` integer,
  	FOREIGN KEY (\`fichier_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`campagne\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`campagne_documents_order_idx\` ON \`campagne_documents\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`campagne_documents_parent_id_idx\` ON \`campagne_documents\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`campagne_documents_fichier_idx\` ON \`campagne_documents\` (\`fichier_id\`);`)
  await db.run(sql`CREATE TABLE \`campagne\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`rentree\` numeric DEFAULT 2027 NOT NULL,
  	\`ouverture\` text,
  	\`cloture\` text,
  	\`texte_accueil\` text,
  	\`lettre_de_cadrage\` text,
  	\`contact_support\` text DEFAULT 'support.carte@cariforefoccitanie.fr',
  	\`decisions_publiees\` integer DEFAULT false,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`_campagne_v_version_documents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`titre\` text NOT NULL,
  	\`fichier_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`fichier_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_campagne_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_campagne_v_version_documents_order_idx\` ON \`_campagne_v_version_documents\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_campagne_v_version_documents_parent_id_idx\` ON \`_campagne_v_version_documents\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_campagne_v_version_documents_fichier_idx\` ON \`_campagne_v_version_documents\` (\`fichier_id\`);`)
  await db.run(sql`CREATE TABLE \`_campagne_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_rentree\` numeric DEFAULT 2027 NOT NULL,
  	\`version_ouverture\` text,
  	\`version_cloture\` text,
  	\`version_texte_accueil\` text,
  	\`version_lettre_de_cadrage\` text,
  	\`version_contact_support\` text DEFAULT 'support.carte@cariforefoccitanie.fr',
  	\`version_decisions_publiees\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`_campagne_v_created_at_idx\` ON \`_campagne_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_campagne_v_updated_at_idx\` ON \`_campagne_v\` (\`updated_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`demandes_zones_recrutement\`;`)
  await db.run(sql`DROP TABLE \`demandes\`;`)
  await db.run(sql`DROP TABLE \`demandes_rels\`;`)
  await db.run(sql`DROP TABLE \`_demandes_v_version_zones_recrutement\`;`)
  await db.run(sql`DROP TABLE \`_demandes_v\`;`)
  await db.run(sql`DROP TABLE \`_demandes_v_rels\`;`)
  await db.run(sql`DROP TABLE \`annexes\`;`)
  await db.run(sql`DROP TABLE \`etablissements\`;`)
  await db.run(sql`DROP TABLE \`reseaux\`;`)
  await db.run(sql`DROP TABLE \`reseaux_rels\`;`)
  await db.run(sql`DROP TABLE \`diplomes\`;`)
  await db.run(sql`DROP TABLE \`diplomes_texts\`;`)
  await db.run(sql`DROP TABLE \`diplomes_numbers\`;`)
  await db.run(sql`DROP TABLE \`documents\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`journal\`;`)
  await db.run(sql`DROP TABLE \`compteurs\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`campagne_documents\`;`)
  await db.run(sql`DROP TABLE \`campagne\`;`)
  await db.run(sql`DROP TABLE \`_campagne_v_version_documents\`;`)
  await db.run(sql`DROP TABLE \`_campagne_v\`;`)
}
