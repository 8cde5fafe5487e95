import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { peut, utilisateurDe } from '../access/roles'
import { lireCorpsJson } from './corpsJson'
import { destinataires } from './courriels/destinataires'
import { dateHeureFr } from './formatsDates'
import { journaliser } from './journal'
import {
  compterDecisions,
  type DemandeInformee,
  empreinteDecisions,
  marqueDecisions,
  prefixeDecisions,
  structuresAInformer,
} from './regles/publication'
import { sousVerrouPartage } from './verrou'

export type Publication = { publiees: boolean; publieesLe: string | null; rentree: number }

/**
 * Whether the decisions are published and since when: the oldest of the campaign's latest versions that all have
 * the box ticked (the editor may have ticked it in the campaign screen: the versions say when, whoever did it).
 */
export async function etatPublication(payload: Payload): Promise<Publication> {
  const campagne = await payload.findGlobal({ slug: 'campagne', depth: 0, overrideAccess: true })
  const rentree = campagne.rentree ?? new Date().getFullYear() + 1
  if (!campagne.decisionsPubliees) return { publiees: false, publieesLe: null, rentree }
  const versions = await payload.findGlobalVersions({
    slug: 'campagne',
    sort: '-updatedAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  let publieesLe: string | null = campagne.updatedAt ?? null
  for (const v of versions.docs) {
    if (!v.version?.decisionsPubliees) break
    publieesLe = v.updatedAt ?? v.createdAt ?? publieesLe
  }
  return { publiees: true, publieesLe, rentree }
}

/** A structure's decisions mail: its demandes, its addresses, its mark, and whether it was told before. */
export type EnvoiDecisions = {
  structure: string
  demandes: DemandeLue[]
  adresses: string[]
  marque: string
  miseAJour: boolean
}
type DemandeLue = DemandeInformee & {
  titre?: string | null
  responsable?: { email?: string | null } | null
}

/**
 * The mails a publication of the rentrée's decisions sends (the `publierDecisions` task sends exactly these; the
 * confirmation counts them): one per structure having at least one décision and one address, unless that structure
 * was already mailed the very same decisions (a publication withdrawn then made again tells only what changed).
 */
export async function envoisDecisions(
  payload: Payload,
  rentree: number,
): Promise<{ envois: EnvoiDecisions[]; dejaInformees: number; decisions: number; sansDecision: number }> {
  const demandes = await payload.find({
    collection: 'demandes',
    where: { and: [{ statut: { not_in: ['brouillon', 'a-corriger'] } }, { rentree: { equals: rentree } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'numero',
    select: {
      numero: true,
      titre: true,
      statut: true,
      structureDeposante: true,
      responsable: true,
      avis: true,
      decision: true,
    },
  })
  const marques = new Set(
    (
      await payload.find({
        collection: 'compteurs',
        where: { nom: { like: prefixeDecisions(rentree) } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { nom: true },
      })
    ).docs
      .map((c) => c.nom)
      .filter((nom) => nom.startsWith(prefixeDecisions(rentree))),
  )
  const envois: EnvoiDecisions[] = []
  let dejaInformees = 0
  for (const [structure, liste] of structuresAInformer(demandes.docs as DemandeLue[])) {
    const adresses = await destinataires(payload, structure, liste)
    if (adresses.length === 0) continue
    const marque = marqueDecisions(rentree, structure, empreinteDecisions(liste))
    if (marques.has(marque)) {
      dejaInformees++
      continue
    }
    const avant = prefixeDecisions(rentree, `${structure}:`)
    envois.push({
      structure,
      demandes: liste,
      adresses,
      marque,
      miseAJour: [...marques].some((m) => m.startsWith(avant)),
    })
  }
  return { envois, dejaInformees, ...compterDecisions(demandes.docs) }
}

/**
 * What publishing would send: how many validated demandes of the rentrée carry a décision and how many do not yet,
 * how many structures will be mailed, and how many were already told the same decisions.
 */
export async function bilanPublication(
  payload: Payload,
  rentree: number,
): Promise<{ decisions: number; sansDecision: number; structures: number; dejaInformees: number }> {
  const { envois, dejaInformees, decisions, sansDecision } = await envoisDecisions(payload, rentree)
  return { decisions, sansDecision, structures: envois.length, dejaInformees }
}

const corps = z.object({ confirmer: z.boolean({ error: '« confirmer » doit valoir true ou false.' }) })

const erreur = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

const dejaPubliees = (p: Publication) =>
  `Les décisions sont déjà publiées${p.publieesLe ? ` (depuis le ${dateHeureFr(p.publieesLe)})` : ''}.`

async function publier(req: PayloadRequest): Promise<Response> {
  const { payload } = req
  const avant = await etatPublication(payload)
  if (avant.publiees) return erreur(409, dejaPubliees(avant))
  const bilan = await bilanPublication(payload, avant.rentree)
  const debut = await initTransaction(req)
  try {
    // The campaign's afterChange queues the mails (once: it runs only when the box goes from unticked to ticked).
    await payload.updateGlobal({
      slug: 'campagne',
      data: { decisionsPubliees: true },
      req,
      overrideAccess: true,
      depth: 0,
    })
    await journaliser(req, {
      action: 'decision',
      resume: `Publication des décisions de la rentrée ${avant.rentree} aux établissements : ${bilan.decisions} décisions, ${bilan.structures} structures informées par courriel`,
      collection: 'campagne',
      details: { publication: true, ...bilan },
    })
    if (debut) await commitTransaction(req)
  } catch (err) {
    if (debut) await killTransaction(req)
    throw err
  }
  const apres = await etatPublication(payload)
  return Response.json({
    message: `Les décisions sont publiées : ${bilan.structures} ${bilan.structures > 1 ? 'structures vont' : 'structure va'} recevoir un courriel${bilan.dejaInformees ? ` (${bilan.dejaInformees} déjà ${bilan.dejaInformees > 1 ? 'informées' : 'informée'} des mêmes décisions : pas de nouveau courriel)` : ''}.`,
    ...bilan,
    publiees: true,
    publieesLe: apres.publieesLe,
  })
}

/**
 * POST /api/globals/campagne/publier-decisions {"confirmer": false} → what would be published; {"confirmer": true}
 * → published (once). For whoever has the `publierDecisions` capacity (the Région, the Carif-Oref, the admin).
 */
export const publierDecisions: Endpoint = {
  path: '/publier-decisions',
  method: 'post',
  handler: async (req) => {
    if (!utilisateurDe(req)) return erreur(401, 'Vous devez être connecté pour publier les décisions.')
    if (!peut(req, 'publierDecisions'))
      return erreur(403, "Vous n'êtes pas autorisé à publier les décisions.")
    const lu = await lireCorpsJson(req, corps, '{"confirmer": false} ou {"confirmer": true}', 'confirmer')
    if (lu.reponse) return lu.reponse
    if (!lu.donnees.confirmer) {
      const etat = await etatPublication(req.payload)
      return Response.json({ ...(await bilanPublication(req.payload, etat.rentree)), ...etat })
    }
    // Two confirmations at once (two tabs, two instances): one publishes, the other is told it is done.
    return sousVerrouPartage(req.payload, 'publier-decisions', () => publier(req))
  },
}
