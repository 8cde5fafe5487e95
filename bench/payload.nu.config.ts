/**
 * Benchmark baseline: the same collections and fields (indexes and versions included) as the platform, in bare
 * Payload — no custom access, hooks, endpoints or validation. Only `npm run bench` builds and serves it (into .next-bench-nu).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, type CollectionConfig } from 'payload'

import { INDEX_DEMANDES } from '../collections/Demandes/indexComposes'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const connecte = ({ req }: { req: { user?: unknown } }) => Boolean(req.user)
const acces = { read: connecte, create: connecte, update: connecte, delete: connecte }

const Users: CollectionConfig = { slug: 'users', auth: { loginWithUsername: { allowEmailLogin: false, requireEmail: false } }, access: acces, fields: [] }
const Etablissements: CollectionConfig = {
  slug: 'etablissements',
  access: acces,
  fields: [
    { name: 'uai', type: 'text', required: true, unique: true, index: true },
    { name: 'nom', type: 'text', required: true },
    { name: 'type', type: 'text' },
    { name: 'secteur', type: 'select', options: ['public', 'prive'] },
    { name: 'ministere', type: 'select', options: ['education-nationale', 'agriculture', 'autre'], index: true },
    { name: 'commune', type: 'text' },
    { name: 'departement', type: 'text', index: true },
    { name: 'academie', type: 'select', options: ['montpellier', 'toulouse'], index: true },
    { name: 'libelle', type: 'text' },
  ],
}
const Diplomes: CollectionConfig = {
  slug: 'diplomes',
  access: acces,
  fields: [
    { name: 'cfd', type: 'text', required: true, unique: true, index: true },
    { name: 'libelle', type: 'text', required: true },
    { name: 'typeDiplome', type: 'text', index: true },
    { name: 'durees', type: 'number', hasMany: true },
    { name: 'ouvert', type: 'checkbox', index: true },
  ],
}
const groupe = (name: string, champs: string[]) => ({ name, type: 'group' as const, fields: champs.map((c) => ({ name: c, type: 'text' as const })) })
const Demandes: CollectionConfig = {
  slug: 'demandes',
  access: acces,
  indexes: INDEX_DEMANDES,
  // Payload's own history of each demande, as on the platform: part of the collection's shape, not custom code.
  versions: { maxPerDoc: 100 },
  fields: [
    { name: 'numero', type: 'number', unique: true, index: true },
    { name: 'rentree', type: 'number', index: true },
    { name: 'statut', type: 'select', options: ['brouillon', 'validee', 'en-instruction', 'retenue', 'non-retenue', 'ajournee'], index: true },
    { name: 'titre', type: 'text' },
    { name: 'etablissementReferent', type: 'relationship', relationTo: 'etablissements', index: true },
    { name: 'etablissementConcerne', type: 'relationship', relationTo: 'etablissements' },
    { name: 'siteFormation', type: 'text' },
    groupe('responsable', ['nom', 'telephone', 'email']),
    { name: 'modalite', type: 'select', options: ['scolaire', 'mixte'] },
    { name: 'diplome', type: 'relationship', relationTo: 'diplomes', index: true },
    { name: 'dureeFormation', type: 'number' },
    { name: 'anneeFormation', type: 'number' },
    { name: 'mesure', type: 'select', options: ['ouverture', 'fermeture', 'augmentation', 'diminution'], index: true },
    { name: 'projetLie', type: 'checkbox' },
    { name: 'demandeLiee', type: 'relationship', relationTo: 'demandes' },
    { name: 'priorite', type: 'number' },
    { name: 'capaciteActuelle', type: 'number' },
    { name: 'capaciteNouvelle', type: 'number' },
    { name: 'ecartCapacite', type: 'number', index: true },
    { name: 'premiereDemande', type: 'checkbox' },
    { name: 'anneePrecedentDepot', type: 'number' },
    { name: 'dateConseil', type: 'date' },
    { name: 'zonesRecrutement', type: 'select', hasMany: true, options: ['locale', 'departementale', 'academique', 'regionale', 'nationale'] },
    { name: 'travaux', type: 'group', fields: [{ name: 'travauxDemandes', type: 'checkbox' }, { name: 'descriptionTravaux', type: 'textarea' }, { name: 'equipementsDemandes', type: 'checkbox' }, { name: 'descriptionEquipements', type: 'textarea' }, { name: 'autresIncidences', type: 'textarea' }] },
    { name: 'rapportOpportunite', type: 'textarea' },
    { name: 'valideeLe', type: 'date' },
    { name: 'validePar', type: 'relationship', relationTo: 'users' },
    groupe('avis', ['avis', 'commentaire', 'auteur', 'date']),
    groupe('decision', ['decision', 'commentaire', 'auteur', 'date']),
    { name: 'structureDeposante', type: 'text' },
    { name: 'academie', type: 'select', options: ['montpellier', 'toulouse'] },
    { name: 'departement', type: 'text', index: true },
    { name: 'typeDiplome', type: 'text', index: true },
    { name: 'agricole', type: 'checkbox', index: true },
  ],
}

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || 'banc-d-essai-uniquement-0123456789abcdef',
  serverURL: process.env.SERVER_URL,
  admin: { user: 'users', avatar: 'default', importMap: { baseDir: path.resolve(dirname, '..'), autoGenerate: false } },
  collections: [Demandes, Etablissements, Diplomes, Users],
  db: sqliteAdapter({ client: { url: process.env.DATABASE_URI || 'file:data/bench-nu.db' }, wal: true, busyTimeout: 5_000, push: process.env.CARTE_SCHEMA_PUSH !== 'false' }),
  maxDepth: 3,
  defaultDepth: 1,
  telemetry: false,
  typescript: { autoGenerate: false },
})
