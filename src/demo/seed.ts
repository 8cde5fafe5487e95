import crypto from 'node:crypto'
import type { Payload, PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'
import { createLocalReq } from 'payload'

import type { User } from '../payload-types'
import { importerFichiersReference } from '../referentiel/fichiers'
import { traiterValidation } from '../validation'

export type CompteDemo = { identifiant: string; role: User['role']; description: string }

/** Demo accounts: one per role, plus a second établissement to show that structures do not see each other. */
export const COMPTES_DEMO: CompteDemo[] = [
  { identifiant: 'admin', role: 'admin', description: 'Administrateur de la plateforme' },
  {
    identifiant: 'carif-oref',
    role: 'carif-oref',
    description: 'Carif-Oref Occitanie : référentiels, campagne, comptes',
  },
  { identifiant: 'region', role: 'region', description: 'Région Occitanie : consultation et décisions' },
  {
    identifiant: 'rectorat-montpellier',
    role: 'rectorat',
    description: 'Rectorat de Montpellier : consultation et avis',
  },
  {
    identifiant: 'rectorat-toulouse',
    role: 'rectorat',
    description: 'Rectorat de Toulouse : consultation et avis',
  },
  {
    identifiant: 'draaf',
    role: 'draaf',
    description: 'DRAAF Occitanie : dépôt pour les établissements agricoles, avis',
  },
  {
    identifiant: 'reseau-nimes',
    role: 'reseau',
    description: 'Réseau des lycées professionnels de Nîmes (dépôt pour ses membres)',
  },
  {
    identifiant: '0340042L',
    role: 'etablissement',
    description: 'Lycée polyvalent Jean Mermoz, Montpellier',
  },
  { identifiant: '0310024H', role: 'etablissement', description: "Lycée polyvalent Pierre d'Aragon, Muret" },
  { identifiant: 'integration', role: 'integration', description: 'Intégration (lecture par clé d’API)' },
]

const RAPPORT = (sujet: string) =>
  `${sujet}\n\nLe bassin d'emploi connaît des besoins de recrutement réguliers dans ce secteur, confirmés par les diagnostics sectoriels du Carif-Oref. ` +
  "L'établissement dispose des plateaux techniques nécessaires ; la faisabilité en matière de ressources humaines a été étudiée avec les services académiques."

function texteRiche(paragraphes: string[]) {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      children: paragraphes.map((texte) => ({
        type: 'paragraph',
        version: 1,
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        textFormat: 0,
        children: [
          { type: 'text', version: 1, text: texte, format: 0, detail: 0, mode: 'normal', style: '' },
        ],
      })),
    },
  }
}

async function idPar(
  payload: Payload,
  collection: 'etablissements' | 'diplomes',
  champ: string,
  valeur: string,
) {
  const { docs } = await payload.find({
    collection,
    where: { [champ]: { equals: valeur } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (!docs[0])
    throw new Error(
      `Données de démonstration : ${collection} ${valeur} introuvable (import des référentiels ?).`,
    )
  return docs[0].id
}

/** Reference data (always, idempotent), then, on an empty database only, the demo campaign, accounts and demandes. */
export async function preparerDemo(
  payload: Payload,
  motDePasse: string,
): Promise<{ rapport: string; cree: boolean; cleApi?: string }> {
  const { rapport } = await importerFichiersReference(payload)
  const dejaLa = await payload.count({
    collection: 'users',
    where: { username: { equals: 'admin' } },
    overrideAccess: true,
  })
  if (dejaLa.totalDocs > 0) return { rapport, cree: false }

  const maintenant = Date.now()
  const jour = 24 * 60 * 60 * 1000
  const rentree = new Date().getFullYear() + 1
  await payload.updateGlobal({
    slug: 'campagne',
    overrideAccess: true,
    data: {
      rentree,
      ouverture: new Date(maintenant - 30 * jour).toISOString(),
      cloture: new Date(maintenant + 60 * jour).toISOString(),
      contactSupport: 'support.carte@cariforefoccitanie.fr',
      texteAccueil: texteRiche([
        `Appel à projets — Évolution de la carte régionale des formations professionnelles initiales, rentrée ${rentree}.`,
        'Cette plateforme est destinée au Conseil régional, aux autorités académiques (DRAAF et Éducation nationale), aux établissements des académies de Montpellier et de Toulouse et aux partenaires mobilisés sur la préparation de la rentrée.',
      ]),
      lettreDeCadrage: texteRiche([
        `La Région Occitanie et les autorités académiques lancent la campagne de préparation de la rentrée ${rentree}.`,
        "Les projets sont déposés par les établissements, en concertation par réseau d'établissements, avant la date de clôture.",
      ]),
    },
  })

  const mermoz = await idPar(payload, 'etablissements', 'uai', '0340042L')
  const aragon = await idPar(payload, 'etablissements', 'uai', '0310024H')
  const membresNimes = await Promise.all(
    ['0300057Z', '0300058A', '0301210C', '0301270T'].map((uai) =>
      idPar(payload, 'etablissements', 'uai', uai),
    ),
  )
  const agricole = await idPar(payload, 'etablissements', 'uai', '0480514Y')
  const reseau = await payload.create({
    collection: 'reseaux',
    overrideAccess: true,
    data: {
      nom: 'Réseau des lycées professionnels de Nîmes',
      type: 'etablissements',
      academie: 'montpellier',
      etablissementReferent: membresNimes[0],
      membres: membresNimes,
    },
  })

  const comptes: Record<string, { id: number | string }> = {}
  let cleApi: string | undefined
  for (const c of COMPTES_DEMO) {
    // Reserved .example domain (RFC 2606): a demo run with a real SMTP server writes to nobody real.
    const email = `${c.identifiant.toLowerCase()}@demo.example`
    const data: RequiredDataFromCollectionSlug<'users'> = {
      username: c.identifiant,
      password: motDePasse,
      nom: c.description,
      role: c.role,
      actif: true,
      email,
    }
    if (c.identifiant === 'rectorat-montpellier') data.academie = 'montpellier'
    if (c.identifiant === 'rectorat-toulouse') data.academie = 'toulouse'
    if (c.identifiant === '0340042L') data.etablissement = mermoz
    if (c.identifiant === '0310024H') data.etablissement = aragon
    if (c.role === 'reseau') data.reseau = reseau.id
    if (c.role === 'integration') {
      cleApi = crypto.randomBytes(24).toString('hex')
      Object.assign(data, { enableAPIKey: true, apiKey: cleApi })
    }
    comptes[c.identifiant] = await payload.create({
      collection: 'users',
      data,
      overrideAccess: true,
    })
  }

  const diplomes = {
    capCuisine: await idPar(payload, 'diplomes', 'cfd', '50022146'),
    bacElec: await idPar(payload, 'diplomes', 'cfd', '40025520'),
    btsMco: await idPar(payload, 'diplomes', 'cfd', '32031213'),
    capEbeniste: await idPar(payload, 'diplomes', 'cfd', '50023445'),
    bacAgricole: await idPar(payload, 'diplomes', 'cfd', '40321004'),
  }

  const reqPour = async (identifiant: string): Promise<PayloadRequest> => {
    const user = await payload.findByID({
      collection: 'users',
      id: comptes[identifiant]!.id,
      overrideAccess: true,
      depth: 0,
    })
    return createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  }
  type Saisie = Partial<RequiredDataFromCollectionSlug<'demandes'>>
  const deposer = async (identifiant: string, data: Saisie, valider = false) => {
    const req = await reqPour(identifiant)
    const demande = await payload.create({
      collection: 'demandes',
      // The statut and the other server fields are filled by the collection (defaultValue, hooks): the generated
      // type calls them required.
      data: data as RequiredDataFromCollectionSlug<'demandes'>,
      req,
      user: req.user,
      overrideAccess: false,
      depth: 0,
    })
    if (valider) {
      const r = await traiterValidation(req, demande.id, true)
      if (r.status !== 200) throw new Error(`Démo : validation refusée (${JSON.stringify(r.body)})`)
    }
    return demande
  }
  const complete = (sujet: string, extra: Saisie): Saisie => ({
    responsable: {
      nom: 'Claire Martin',
      telephone: '04 67 13 81 55',
      email: 'claire.martin@ac-montpellier.example',
    },
    modalite: 'scolaire',
    premiereDemande: true,
    dateConseil: new Date(maintenant - 10 * jour).toISOString(),
    zonesRecrutement: ['departementale', 'academique'],
    travaux: {
      travauxDemandes: false,
      equipementsDemandes: true,
      descriptionEquipements: 'Équipement du plateau technique.',
    },
    rapportOpportunite: RAPPORT(sujet),
    ...extra,
  })

  await deposer(
    '0340042L',
    complete('Ouverture du CAP Cuisine.', {
      etablissementConcerne: mermoz,
      diplome: diplomes.capCuisine,
      dureeFormation: 2,
      anneeFormation: 1,
      mesure: 'ouverture',
      capaciteActuelle: 0,
      capaciteNouvelle: 12,
      priorite: 1,
    }),
    true,
  )
  await deposer(
    '0340042L',
    complete("Augmentation de capacité du bac pro Métiers de l'électricité.", {
      etablissementConcerne: mermoz,
      diplome: diplomes.bacElec,
      dureeFormation: 3,
      anneeFormation: 1,
      mesure: 'augmentation',
      capaciteActuelle: 24,
      capaciteNouvelle: 30,
      priorite: 2,
    }),
    true,
  )
  await deposer(
    '0340042L',
    complete('Ouverture du BTS Management commercial opérationnel.', {
      etablissementConcerne: mermoz,
      diplome: diplomes.btsMco,
      dureeFormation: 2,
      anneeFormation: 1,
      mesure: 'ouverture',
      capaciteActuelle: 0,
      capaciteNouvelle: 24,
      priorite: 3,
    }),
  )
  await deposer('0340042L', { etablissementConcerne: mermoz, mesure: 'ouverture', modalite: 'scolaire' })
  await deposer(
    '0310024H',
    complete('Ouverture du CAP Ébéniste.', {
      responsable: {
        nom: 'Paul Durand',
        telephone: '05 61 51 00 00',
        email: 'paul.durand@ac-toulouse.example',
      },
      etablissementConcerne: aragon,
      diplome: diplomes.capEbeniste,
      dureeFormation: 2,
      anneeFormation: 1,
      mesure: 'ouverture',
      capaciteActuelle: 0,
      capaciteNouvelle: 12,
      priorite: 1,
    }),
  )
  await deposer(
    'reseau-nimes',
    complete('Fermeture du CAP Cuisine, remplacé par une section en apprentissage.', {
      etablissementConcerne: membresNimes[1],
      diplome: diplomes.capCuisine,
      dureeFormation: 2,
      anneeFormation: 1,
      mesure: 'fermeture',
      capaciteActuelle: 15,
      capaciteNouvelle: 0,
      priorite: 1,
    }),
    true,
  )
  await deposer(
    'reseau-nimes',
    complete("Diminution de capacité du bac pro Métiers de l'électricité.", {
      etablissementConcerne: membresNimes[2],
      diplome: diplomes.bacElec,
      dureeFormation: 3,
      anneeFormation: 1,
      mesure: 'diminution',
      capaciteActuelle: 30,
      capaciteNouvelle: 24,
      priorite: 2,
    }),
  )
  await deposer(
    'draaf',
    complete("Ouverture d'une section de bac pro agricole CGEA.", {
      etablissementConcerne: agricole,
      diplome: diplomes.bacAgricole,
      dureeFormation: 3,
      anneeFormation: 1,
      mesure: 'ouverture',
      capaciteActuelle: 0,
      capaciteNouvelle: 16,
      priorite: 1,
      modalite: 'mixte',
    }),
    true,
  )

  return { rapport, cree: true, cleApi }
}
