import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { clientSqlite, modeleMongo } from '../adaptateur'
import type { Demande, Diplome, Etablissement } from '../payload-types'
import { statutDepot, statutSansDecision } from '../regles/statut'

/**
 * Bulk loading of demandes for the benchmark and the large-volume tests: straight into the database, bypassing
 * hooks (500 rows per statement), because creating 100,000 demandes through the API would take an hour.
 */

/** Ids as the adapter gives them: numbers on SQLite, strings on MongoDB (the generated types say number). */
type Id = number | string

/** The fields a generated row fills, every one given, as the generated `Demande` types them. */
type ChampsMasse =
  | 'numero'
  | 'rentree'
  | 'statut'
  | 'titre'
  | 'mesure'
  | 'modalite'
  | 'capaciteActuelle'
  | 'capaciteNouvelle'
  | 'priorite'
  | 'dureeFormation'
  | 'anneeFormation'
  | 'structureDeposante'
  | 'academie'
  | 'departement'
  | 'typeDiplome'
  | 'ecartCapacite'
  | 'agricole'
  | 'rapportOpportunite'

export type DemandeMasse = { [K in ChampsMasse]-?: NonNullable<Demande[K]> } & {
  // The stored views, as src/regles/statut.ts computes them.
  statutDepot: ReturnType<typeof statutDepot>
  statutSansDecision: ReturnType<typeof statutSansDecision>
  etablissementConcerne: Id
  etablissementReferent: Id
  diplome: Id
  responsable: { nom: string; telephone: string; email: string }
  valideeLe: string | null
}

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same data set. */
export function aleatoire(graine: number) {
  let a = graine >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Etab = Pick<Etablissement, 'uai' | 'academie' | 'departement' | 'ministere'> & { id: Id }
type Dipl = Pick<Diplome, 'typeDiplome' | 'libelle' | 'durees'> & { id: Id }

const MESURES: NonNullable<Demande['mesure']>[] = ['ouverture', 'fermeture', 'augmentation', 'diminution']
// A realistic mix near the deadline: a third still drafts, most validated, some already instructed.
const STATUTS: [Demande['statut'], number][] = [
  ['brouillon', 0.35],
  ['validee', 0.45],
  ['en-instruction', 0.1],
  ['retenue', 0.05],
  ['non-retenue', 0.05],
]

export function genererDemandes(
  n: number,
  etablissements: Etab[],
  diplomes: Dipl[],
  depart = 1,
  rentree = 2027,
  graine = 42,
): DemandeMasse[] {
  const hasard = aleatoire(graine)
  const choisir = <T>(liste: T[]) => liste[Math.floor(hasard() * liste.length)]!
  const maintenant = new Date().toISOString()
  return Array.from({ length: n }, (_, i) => {
    const e = choisir(etablissements)
    const d = choisir(diplomes)
    const mesure = choisir(MESURES)
    let r = hasard()
    const statut = STATUTS.find(([, p]) => (r -= p) < 0)?.[0] ?? 'validee'
    const actuelle = mesure === 'ouverture' ? 0 : 12 + Math.floor(hasard() * 24)
    const nouvelle =
      mesure === 'fermeture'
        ? 0
        : mesure === 'diminution'
          ? Math.max(0, actuelle - 6)
          : actuelle + 6 + Math.floor(hasard() * 12)
    const duree = d.durees?.length ? choisir(d.durees) : 2
    const numero = depart + i
    return {
      numero,
      rentree,
      statut,
      // The stored views the filers read (src/regles/statut.ts): written here since these rows skip the hooks.
      statutDepot: statutDepot(statut),
      statutSansDecision: statutSansDecision(statut, {}),
      titre: `N° ${numero} — ${mesure} ${d.typeDiplome} ${d.libelle}`.slice(0, 200),
      etablissementConcerne: e.id,
      etablissementReferent: e.id,
      diplome: d.id,
      mesure,
      modalite: hasard() < 0.8 ? 'scolaire' : 'mixte',
      capaciteActuelle: actuelle,
      capaciteNouvelle: nouvelle,
      priorite: 1 + (i % 9),
      dureeFormation: duree,
      anneeFormation: 1,
      structureDeposante: `etablissement:${e.id}`,
      academie: e.academie,
      departement: e.departement ?? '',
      typeDiplome: d.typeDiplome,
      ecartCapacite: nouvelle - actuelle,
      agricole: e.ministere === 'agriculture',
      responsable: {
        nom: 'Responsable de test',
        telephone: '04 67 00 00 00',
        email: `ce.${e.uai.toLowerCase()}@ac-${e.academie}.fr`,
      },
      rapportOpportunite: 'Projet généré pour les mesures de volume.',
      valideeLe: statut === 'brouillon' ? null : maintenant,
    }
  })
}

export async function insererDemandes(payload: Payload, demandes: DemandeMasse[]): Promise<void> {
  const maintenant = new Date().toISOString()
  const sqlite = clientSqlite(payload)
  const LOT = 500
  for (let i = 0; i < demandes.length; i += LOT) {
    const lot = demandes.slice(i, i + LOT)
    if (sqlite) {
      // clientSqlite found the SQLite adapter: Payload types payload.db as the base adapter of either.
      const db = payload.db as unknown as SQLiteAdapter
      await db.drizzle.insert(db.tables.demandes).values(
        lot.map(({ responsable, ...d }) => ({
          ...d,
          responsable_nom: responsable.nom,
          responsable_telephone: responsable.telephone,
          responsable_email: responsable.email,
          premiereDemande: true,
          projetLie: false,
          travaux_travauxDemandes: false,
          travaux_equipementsDemandes: false,
          createdAt: maintenant,
          updatedAt: maintenant,
          modifieeLeDepot: maintenant,
          modifieeLeSansDecision: maintenant,
        })),
      )
    } else {
      const modele = modeleMongo(payload, 'demandes')
      await modele.insertMany(
        lot.map((d) => ({
          ...d,
          premiereDemande: true,
          projetLie: false,
          travaux: { travauxDemandes: false, equipementsDemandes: false },
          createdAt: new Date(maintenant),
          updatedAt: new Date(maintenant),
          modifieeLeDepot: new Date(maintenant),
          modifieeLeSansDecision: new Date(maintenant),
          valideeLe: d.valideeLe ? new Date(d.valideeLe) : null,
        })),
        { ordered: false },
      )
    }
  }
  // The numero counter restarts from the highest numero on its next use (the benchmark baseline has no counter).
  if (payload.collections.compteurs)
    await payload.delete({
      collection: 'compteurs',
      where: { nom: { equals: 'demandes' } },
      overrideAccess: true,
    })
}

/** A draft that passes every validation rule (src/regles/validationDemande.ts), for load and multi-instance tests. */
export function demandeValidable(
  etablissement: number | string,
  diplome: number | string,
  priorite: number,
  dureeFormation = 2,
) {
  return {
    etablissementConcerne: etablissement,
    responsable: {
      nom: 'Claire Martin',
      telephone: '04 67 13 81 55',
      email: 'claire.martin@ac-montpellier.example',
    },
    modalite: 'scolaire',
    diplome,
    dureeFormation,
    anneeFormation: 1,
    mesure: 'ouverture',
    capaciteActuelle: 0,
    capaciteNouvelle: 12,
    priorite,
    premiereDemande: true,
    dateConseil: new Date().toISOString(),
    zonesRecrutement: ['departementale'],
    travaux: { travauxDemandes: false, equipementsDemandes: false },
    rapportOpportunite: 'Besoin confirmé par le diagnostic sectoriel.',
  }
}
