import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig, type SelectField } from 'payload'

import { accesFiltres, controlePartage, partagesPermis } from './access/comptes'
import { Annexes } from './collections/Annexes'
import { Compteurs } from './collections/Compteurs'
import { Demandes } from './collections/Demandes'
import { Diplomes } from './collections/Diplomes'
import { Documents } from './collections/Documents'
import { Etablissements } from './collections/Etablissements'
import { Journal } from './collections/Journal'
import { Lectures } from './collections/Lectures'
import { Messages } from './collections/Messages'
import { Reseaux } from './collections/Reseaux'
import { Users } from './collections/Users'
import { franciserChampsPayload, TEXTES_ADMIN } from './src/admin/traductions'
import { traduireErreursFichiers } from './hooks/traduireErreursFichiers'
import { traduireErreursRequete } from './hooks/traduireErreursRequete'
import { adaptateurParFile } from './src/courriels/file'
import { actualiserStatistiques } from './src/adaptateur'
import { health } from './src/endpoints/health'
import { importerReferentiel } from './src/endpoints/importerReferentiel'
import { lireConfiguration } from './src/env'
import { Campagne } from './src/globals/Campagne'
import { migrations } from './src/migrations'
import { completerStatutsVus } from './hooks/demandes/statutVu'
import { profondeurMaximale } from './src/graphqlProfondeur'
import { configurationTaches } from './src/taches'
import { DATE_HEURE_LONGUE } from './src/formatsDates'
import { avecFiltresIgnores } from './src/admin/avecFiltresIgnores'
import { verifierRelations } from './hooks/texte'
import { garderRequetes } from './hooks/requetes/garderRequetes'
import { ajouterRoutesInconnues, traduireErreursAnglaises } from './src/erreurs-francaises'
import {
  accesDocumentConnecte,
  franciserFiltresEnregistres,
  preferenceInconnue404,
  tachesInterdites403,
} from './src/collectionsPayload'

/** Deepest legitimate query: Demandes › docs › etablissementConcerne/diplome/demandeLiee › … (6 levels). */
const PROFONDEUR_GRAPHQL_MAX = 7
const MESSAGE_CONNEXION =
  'Identifiant ou mot de passe incorrect. Après 5 essais infructueux, le compte est bloqué pendant 15 minutes.'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const conf = lireConfiguration()

const db =
  conf.base.type === 'mongodb'
    ? mongooseAdapter({
        url: conf.base.url,
        // Fail within 10 s with a clear message instead of hanging on an unreachable server.
        connectOptions: { serverSelectionTimeoutMS: 5_000, connectTimeoutMS: 5_000 },
      })
    : sqliteAdapter({
        client: { url: conf.base.url },
        wal: true,
        busyTimeout: 5_000,
        migrationDir: conf.CARTE_MIGRATIONS_DIR || path.resolve(dirname, 'src/migrations'),
        prodMigrations: migrations,
        push: conf.CARTE_SCHEMA_PUSH === 'false' ? false : undefined,
      })

/**
 * With S3_BUCKET, annexes and documents live in S3-compatible storage (every instance sees the same files) and are
 * still served through Payload, so the read access of each file stays the one of its demande. The plugin's fields
 * are always in the schema (`alwaysInsertFields`), so the SQLite migrations are the same with or without S3.
 */
const stockageS3 = s3Storage({
  enabled: Boolean(conf.S3_BUCKET),
  alwaysInsertFields: true,
  collections: { annexes: { prefix: 'annexes' }, documents: { prefix: 'documents' } },
  bucket: conf.S3_BUCKET ?? '',
  config: {
    region: conf.S3_REGION,
    endpoint: conf.S3_ENDPOINT,
    forcePathStyle: conf.S3_FORCE_PATH_STYLE === 'true',
    credentials: conf.S3_ACCESS_KEY_ID
      ? { accessKeyId: conf.S3_ACCESS_KEY_ID, secretAccessKey: conf.S3_SECRET_ACCESS_KEY! }
      : undefined,
  },
})

const config = buildConfig({
  serverURL: conf.serverURL,
  secret: conf.secret,
  admin: {
    user: Users.slug,
    avatar: 'default',
    // Lists and headers: « 3 décembre 2026, 11 h 25 », as the guide writes dates (src/formatsDates.ts).
    dateFormat: DATE_HEURE_LONGUE,
    meta: {
      titleSuffix: ' — Carte des formations Occitanie',
      description: 'Plateforme carte des formations — Occitanie',
    },
    importMap: { baseDir: path.resolve(dirname), autoGenerate: false },
    components: {
      header: ['/src/admin/BandeauConnexion#BandeauConnexion', '/src/admin/Affichage#Affichage'],
      providers: ['/src/admin/Accessibilite#Accessibilite'],
      graphics: { Logo: '/src/admin/Marque#Logo', Icon: '/src/admin/Marque#Icone' },
      beforeLogin: ['/src/admin/Marque#AvantConnexion'],
      afterNavLinks: ['/src/admin/LiensNavigation#LiensNavigation'],
      views: {
        dashboard: { Component: '/src/admin/TableauDeBord#TableauDeBord' },
        recapitulatif: {
          Component: '/src/admin/vues#Recapitulatif',
          path: '/demandes/:id/recapitulatif',
          meta: { title: 'Récapitulatif de la demande' },
        },
        consulter: {
          Component: '/src/admin/vues#Consulter',
          path: '/demandes/:id/consulter',
          meta: { title: 'Consulter une demande' },
        },
        statistiques: {
          Component: '/src/admin/Statistiques#Statistiques',
          path: '/statistiques',
          meta: { title: 'Statistiques' },
        },
        comptesEnMasse: {
          Component: '/src/admin/vuesEditeur#ComptesEnMasse',
          path: '/comptes-en-masse',
          meta: { title: 'Créer des comptes en masse' },
        },
        importReferentiels: {
          Component: '/src/admin/vuesEditeur#ImportReferentiels',
          path: '/import-referentiels',
          meta: { title: 'Mettre à jour un référentiel' },
        },
      },
    },
  },
  i18n: {
    supportedLanguages: { fr },
    fallbackLanguage: 'fr',
    // The guide's words: "identifiant", "tableau de bord de suivi".
    // Payload's generic texts in the guide's words, right for every collection (src/admin/traductions.ts).
    translations: {
      fr: {
        ...TEXTES_ADMIN,
        // One message whether the identifiant exists, the password is wrong or the account is locked:
        // nothing tells an attacker which identifiants exist.
        error: {
          ...TEXTES_ADMIN.error,
          usernameOrPasswordIncorrect: MESSAGE_CONNEXION,
          emailOrPasswordIncorrect: MESSAGE_CONNEXION,
          userLocked: MESSAGE_CONNEXION,
        },
      },
    },
  },
  // Every relationship to one document takes one identifier (hooks/texte.ts), on every collection and the campaign.
  collections: [
    Demandes,
    Annexes,
    Messages,
    Lectures,
    Etablissements,
    Reseaux,
    Diplomes,
    Documents,
    Users,
    Journal,
    Compteurs,
  ]
    .map((c) => ({ ...c, fields: verifierRelations(c.fields) }))
    .map(avecFiltresIgnores),
  globals: [Campagne].map((g) => ({ ...g, fields: verifierRelations(g.fields) })),
  // Saved filters are shared only within one's own structure (SECURITY 33): access/comptes.ts.
  queryPresets: {
    labels: { singular: 'Filtre enregistré', plural: 'Filtres enregistrés' },
    access: { read: accesFiltres('read'), update: accesFiltres('update'), delete: accesFiltres('delete') },
    constraints: {
      read: [controlePartage('read')],
      update: [controlePartage('update')],
      delete: [controlePartage('delete')],
    },
    // partagesPermis (access/) returns the options it is given, typed { value } where Payload's Option also has a label.
    filterConstraints: partagesPermis as SelectField['filterOptions'],
  },
  editor: lexicalEditor(),
  db,
  email: adaptateurParFile(conf),
  jobs: configurationTaches(conf.JOBS_TRAVAILLEUR_SEPARE),
  endpoints: [health, importerReferentiel],
  // Last: what Payload still says in English, in French (src/erreurs-francaises.ts).
  hooks: { afterError: [traduireErreursFichiers, traduireErreursRequete, traduireErreursAnglaises] },
  cors: [conf.serverURL],
  csrf: [conf.serverURL],
  maxDepth: 3,
  defaultDepth: 1,
  upload: { limits: { fileSize: conf.UPLOAD_MAX_MO * 1024 * 1024 } },
  graphQL: {
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    maxComplexity: 1000,
    validationRules: () => [profondeurMaximale(PROFONDEUR_GRAPHQL_MAX)],
  },
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts'), autoGenerate: false },
  plugins: [stockageS3],
  // SQLite plans its queries from statistics it only gathers when asked (see actualiserStatistiques).
  onInit: async (payload) => {
    await actualiserStatistiques(payload).catch((err) =>
      payload.logger.warn({ err, msg: 'Statistiques de la base non actualisées' }),
    )
    await completerStatutsVus(payload).catch((err) =>
      payload.logger.error({ err, msg: 'Statuts vus par les déposants non complétés' }),
    )
  },
  telemetry: false,
})

/**
 * Payload adds its filter-preset collection while it sanitizes the config, after our collections are declared: the
 * query guard (ids, pagination, sort/where/select) is attached to it here, as to every other collection
 * (outside attack, F8: `/api/payload-query-presets/abc` and `/versions` answered 500, `page=abc` was accepted).
 */
export default config.then((c) => {
  const presets = c.collections.find((x) => x.slug === 'payload-query-presets')
  if (presets) {
    presets.hooks.beforeOperation = [garderRequetes, ...(presets.hooks.beforeOperation ?? [])]
    // French labels; an unknown account in « specific users », the same 400 as another structure's.
    franciserFiltresEnregistres(presets)
  }
  // Payload's preferences and jobs: no 500 for an unknown key, a 403 for a signed-in account (src/collectionsPayload.ts).
  const preferences = c.collections.find((x) => x.slug === 'payload-preferences')
  if (preferences) preferenceInconnue404(preferences)
  const taches = c.collections.find((x) => x.slug === 'payload-jobs')
  if (taches) tachesInterdites403(taches)
  for (const entite of [...c.collections, ...c.globals]) accesDocumentConnecte(entite)
  // The admin in French: Payload's own fields labelled, a new document titled in its gender, no « API » tab (the
  // API is documented in docs/api.md; its answers are JSON a filer or an officer has no use for).
  franciserChampsPayload(c.collections)
  for (const collection of c.collections) {
    collection.admin.hideAPIURL = true
    const edition = ((collection.admin.components ??= {}).edit ??= {})
    edition.beforeDocumentControls = [
      '/src/admin/TitreNouveau#TitreNouveau',
      ...(edition.beforeDocumentControls ?? []),
    ]
  }
  for (const global of c.globals) global.admin.hideAPIURL = true
  // An unknown API address: a 404 in French through the error hooks (src/erreurs-francaises.ts).
  ajouterRoutesInconnues(c)
  return c
})
