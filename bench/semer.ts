/**
 * Seeds one benchmark database (run as its own process, one config per process):
 *   tsx bench/semer.ts plateforme|nu <phase: initial|complement> <nombre de demandes à ajouter>
 * DATABASE_URI points to the database. Prints one JSON line with what the scenarios need.
 */
import fs from 'node:fs'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { actualiserStatistiques, clientSqlite } from '../src/adaptateur'
import { demandeValidable, genererDemandes, insererDemandes } from '../src/outils/masse'
import { lireDiplomes, lireEtablissements } from '../src/referentiel/lire'

const [cible, phase, nombre] = process.argv.slice(2) as [
  'plateforme' | 'nu',
  'initial' | 'complement',
  string,
]
export const MOT_DE_PASSE = 'Banc-d-essai-2027'
const RENTREE = 2027
const CANDIDATS = 400

const config =
  cible === 'plateforme'
    ? (await import('../payload.config')).default
    : (await import('./payload.nu.config')).default
const payload: Payload = await getPayload({ config })
if (cible === 'plateforme' && payload.db.name === 'sqlite') {
  const { migrations } = await import('../src/migrations')
  await payload.db.migrate({ migrations: migrations as never })
} else if (cible === 'nu') {
  // The indexes the platform's migration adds to Payload's schema (values of hasMany fields by their diplôme).
  const client = clientSqlite(payload)!
  await client.execute({
    sql: 'CREATE INDEX IF NOT EXISTS diplomes_numbers_parent_idx ON diplomes_numbers (parent_id)',
    args: [],
  })
  await client.execute({
    sql: 'CREATE INDEX IF NOT EXISTS diplomes_texts_parent_idx ON diplomes_texts (parent_id)',
    args: [],
  })
}

const tous = async (collection: 'etablissements' | 'diplomes') =>
  (await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, sort: 'id' }))
    .docs as never[]

if (phase === 'initial') {
  const dossier = path.resolve('data/reference')
  const etabs = (
    await lireEtablissements(fs.readFileSync(path.join(dossier, 'etablissements_occitanie.csv'), 'utf8'))
  ).lignes
  const dipl = (
    await lireDiplomes(fs.readFileSync(path.join(dossier, 'formations_diplomes_pro.csv'), 'utf8'))
  ).lignes
  // Same rows in the same order in both databases: the same ids.
  for (const e of etabs)
    await payload.create({
      collection: 'etablissements',
      data: { ...e, libelle: `${e.uai} — ${e.nom}` } as never,
      overrideAccess: true,
      depth: 0,
    })
  for (const d of dipl)
    await payload.create({ collection: 'diplomes', data: d as never, overrideAccess: true, depth: 0 })
  if (cible === 'plateforme') {
    await payload.updateGlobal({
      slug: 'campagne',
      overrideAccess: true,
      data: {
        rentree: RENTREE,
        ouverture: new Date(Date.now() - 86_400_000).toISOString(),
        cloture: new Date(Date.now() + 60 * 86_400_000).toISOString(),
      },
    })
  }
}

const etablissements = (await tous('etablissements')) as {
  id: number
  uai: string
  academie: string
  departement?: string
  ministere?: string
}[]
const diplomes = (
  (await tous('diplomes')) as {
    id: number
    typeDiplome: string
    libelle: string
    durees?: number[]
    ouvert?: boolean
  }[]
).filter((d) => d.ouvert && d.durees?.length)
const depart =
  ((
    await payload.find({
      collection: 'demandes',
      sort: '-numero',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
  ).docs[0]?.numero as number | undefined) ?? 0
// The school of the dashboard scenarios: the first of the annuaire, given a realistic share of the demandes.
const ecole = etablissements[0]!
const n = Number(nombre)
// The dashboard school gets only the demandes given below, not its share of the random ones: a school files tens of
// demandes, and its lists must measure the database's size, not a longer result.
const lot = genererDemandes(
  n,
  etablissements.slice(1) as never,
  diplomes as never,
  depart + 1,
  RENTREE,
  depart + 7,
)
// About 20 demandes, whatever the total: a school files tens of demandes, not thousands.
// Half drafts, half validated (counted by k: the step between the chosen rows may be even).
for (
  let i = 0, k = 0;
  phase === 'initial' && i < lot.length && k < 20;
  i += Math.max(1, Math.floor(lot.length / 20)), k++
) {
  const d = lot[i]!
  Object.assign(d, {
    etablissementConcerne: ecole.id,
    etablissementReferent: ecole.id,
    structureDeposante: `etablissement:${ecole.id}`,
    academie: ecole.academie,
    departement: ecole.departement ?? '',
    statut: k % 2 ? 'validee' : 'brouillon',
  })
}
await insererDemandes(payload, lot)

if (phase === 'initial') {
  const compte = (username: string, extra: Record<string, unknown>) =>
    payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { username, password: MOT_DE_PASSE, ...extra } as never,
    })
  if (cible === 'plateforme') {
    await compte('admin', { role: 'admin' })
    await compte('region', { role: 'region' })
    await compte('rectorat-montpellier', { role: 'rectorat', academie: 'montpellier' })
    await compte(ecole.uai, { role: 'etablissement', etablissement: ecole.id })
  } else {
    await compte('banc', { role: 'admin' })
  }
}

// Complete drafts, one per établissement, to be validated by the validation scenario (each phase makes new ones).
const admin =
  cible === 'plateforme'
    ? (
        await payload.find({
          collection: 'users',
          where: { username: { equals: 'admin' } },
          overrideAccess: true,
          depth: 0,
        })
      ).docs[0]
    : null
const diplome = diplomes.find((d) => d.durees!.includes(2)) ?? diplomes[0]!
const candidats: (number | string)[] = []
// One per établissement (after the dashboard school): each is its own structure, as at the deadline.
const priorite = phase === 'initial' ? 500 : 501
for (const e of etablissements.slice(1, CANDIDATS + 1)) {
  const data = {
    ...demandeValidable(e.id, diplome.id, priorite, diplome.durees!.includes(2) ? 2 : diplome.durees![0]),
    ...(cible === 'nu'
      ? {
          statut: 'brouillon',
          rentree: RENTREE,
          structureDeposante: `etablissement:${e.id}`,
          academie: e.academie,
          etablissementReferent: e.id,
        }
      : {}),
  }
  const d = await payload.create({
    collection: 'demandes',
    data: data as never,
    overrideAccess: cible === 'nu',
    user: admin ? ({ ...admin, collection: 'users' } as never) : undefined,
    depth: 0,
  })
  candidats.push(d.id)
}
if (cible === 'plateforme') {
  // Created by the admin for convenience, filed as their own établissement's (what the school's account would do).
  await clientSqlite(payload)!.execute({
    sql: `UPDATE demandes SET structure_deposante = 'etablissement:' || etablissement_concerne_id WHERE id IN (${candidats.map(() => '?').join(',')})`,
    args: candidats,
  })
}

const brouillons = await payload.find({
  collection: 'demandes',
  where: {
    and: [
      { structureDeposante: { equals: `etablissement:${ecole.id}` } },
      { statut: { equals: 'brouillon' } },
    ],
  },
  pagination: false,
  depth: 0,
  overrideAccess: true,
  select: { numero: true },
})
// Both databases get the statistics the platform gathers when it starts and every night: the baseline is Payload's
// own cost on an equally prepared database.
await actualiserStatistiques(payload)
const total = await payload.count({ collection: 'demandes', overrideAccess: true })
console.log(
  JSON.stringify({
    ecole: { id: ecole.id, uai: ecole.uai },
    brouillonsEcole: brouillons.docs.map((d) => d.id),
    candidats,
    total: total.totalDocs,
  }),
)
await payload.destroy()
process.exit(0)
