import type { Payload } from 'payload'

import type { Role } from '../../access/roles'

export type Utilisateur = Record<string, unknown> & {
  id: number | string
  collection: 'users'
  role: Role
  username: string
}
export type Monde = Awaited<ReturnType<typeof construireMonde>>

export const MOT_DE_PASSE = 'mot-de-passe-de-test-123'
const JOUR = 24 * 60 * 60 * 1000

/** Opens (or closes) the campaign around now. */
export async function campagne(
  payload: Payload,
  etat: 'ouverte' | 'close' | 'future' = 'ouverte',
  rentree = 2027,
) {
  const decalage = { ouverte: [-10, 10], close: [-30, -1], future: [5, 30] }[etat]
  await payload.updateGlobal({
    slug: 'campagne',
    overrideAccess: true,
    data: {
      rentree,
      ouverture: new Date(Date.now() + decalage[0]! * JOUR).toISOString(),
      cloture: new Date(Date.now() + decalage[1]! * JOUR).toISOString(),
    },
  })
}

/**
 * A small world: two schools of different académies, a réseau of two members, an agricultural lycée, one account
 * per role (two for school A, to show that drafts are shared within a structure), diplômes, an open campaign.
 */
export async function construireMonde(payload: Payload) {
  const etab = (
    uai: string,
    nom: string,
    academie: 'montpellier' | 'toulouse',
    departement: string,
    ministere = 'education-nationale',
  ) =>
    payload.create({
      collection: 'etablissements',
      overrideAccess: true,
      data: { uai, nom, academie, departement, ministere: ministere as never, commune: nom },
    })
  const [a, b, m1, m2, ag] = await Promise.all([
    etab('0340042L', 'Lycée Jean Mermoz', 'montpellier', '34'),
    etab('0310024H', "Lycée Pierre d'Aragon", 'toulouse', '31'),
    etab('0300057Z', 'LP Gaston Darboux', 'montpellier', '30'),
    etab('0300058A', 'Lycée Frédéric Mistral', 'montpellier', '30'),
    etab('0480514Y', 'LEGTPA François Rabelais', 'montpellier', '48', 'agriculture'),
  ])
  const reseau = await payload.create({
    collection: 'reseaux',
    overrideAccess: true,
    data: {
      nom: 'Réseau de Nîmes',
      type: 'etablissements',
      academie: 'montpellier',
      etablissementReferent: m1!.id,
      membres: [m1!.id, m2!.id],
    },
  })
  const dipl = (cfd: string, libelle: string, typeDiplome: string, durees: number[], ouvert = true) =>
    payload.create({
      collection: 'diplomes',
      overrideAccess: true,
      data: { cfd, libelle, typeDiplome, durees, ouvert },
    })
  const [capCuisine, bts, ferme] = await Promise.all([
    dipl('50022146', 'Cuisine', 'CAP', [1, 2, 3]),
    dipl('32031213', 'Management commercial opérationnel', 'BTS', [1, 2]),
    dipl('01022001', 'Agent de contrôle non destructif', 'MC', [1], false),
  ])
  await campagne(payload, 'ouverte')

  const compte = async (
    username: string,
    role: Role,
    extra: Record<string, unknown> = {},
  ): Promise<Utilisateur> => {
    const u = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { username, password: MOT_DE_PASSE, role, nom: username, ...extra } as never,
    })
    return {
      ...(u as unknown as Record<string, unknown>),
      id: u.id,
      collection: 'users',
      role,
      username: u.username as string,
    }
  }
  const users = {
    admin: await compte('admin', 'admin'),
    carif: await compte('carif', 'carif-oref'),
    region: await compte('region', 'region'),
    rectoratM: await compte('rectorat-m', 'rectorat', { academie: 'montpellier' }),
    rectoratT: await compte('rectorat-t', 'rectorat', { academie: 'toulouse' }),
    draaf: await compte('draaf', 'draaf'),
    reseau: await compte('reseau', 'reseau', { reseau: reseau.id }),
    etabA: await compte('0340042l', 'etablissement', { etablissement: a!.id }),
    etabA2: await compte('0340042L-proviseur', 'etablissement', { etablissement: a!.id }),
    etabB: await compte('0310024H', 'etablissement', { etablissement: b!.id }),
    integration: await compte('integration', 'integration', {
      enableAPIKey: true,
      apiKey: 'cle-api-integration-de-test-0123456789',
    }),
  }
  return {
    etablissements: { a: a!, b: b!, m1: m1!, m2: m2!, ag: ag! },
    reseau,
    diplomes: { capCuisine: capCuisine!, bts: bts!, ferme: ferme! },
    users,
  }
}

// Priorities are unique per structure and rentrée: each complete demande gets its own unless the test says one.
let dernierePriorite = 300 // above the ones tests pick by hand, within the field’s 999
export const prioriteUnique = () => ++dernierePriorite

/**
 * The validation option of the files that validate `demandeComplete` again and again (the same CAP Cuisine, each a
 * duplicate of the one before): the duplicate is confirmed; its rule is tested in doublons-projet-lie.int.test.ts.
 */
export const AVEC_DOUBLONS = { confirmerDoublon: true } as const

/** A demande that passes every validation rule, for établissement `etablissementConcerne`. */
export function demandeComplete(monde: Monde, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    etablissementConcerne: monde.etablissements.a.id,
    responsable: {
      nom: 'Claire Martin',
      telephone: '04 67 13 81 55',
      email: 'claire.martin@ac-montpellier.fr',
    },
    modalite: 'scolaire',
    diplome: monde.diplomes.capCuisine.id,
    dureeFormation: 2,
    anneeFormation: 1,
    mesure: 'ouverture',
    capaciteActuelle: 0,
    capaciteNouvelle: 12,
    priorite: prioriteUnique(),
    premiereDemande: true,
    dateConseil: new Date().toISOString(),
    zonesRecrutement: ['departementale'],
    travaux: { travauxDemandes: false, equipementsDemandes: false },
    rapportOpportunite: 'Besoin confirmé par le diagnostic sectoriel.',
    ...extra,
  }
}
