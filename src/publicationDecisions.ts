import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { peut, utilisateurDe } from '../access/roles'
import { lireCorpsJson } from './corpsJson'
import { destinataires } from './courriels/destinataires'
import { dateHeureFr } from './formatsDates'
import { journaliser } from './journal'
import { compterDecisions, structuresAInformer } from './regles/publication'
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

/**
 * What publishing would send: how many validated demandes of the rentrée carry a décision and how many do not yet,
 * and how many filing structures the `publierDecisions` task will mail (src/taches/index.ts: one mail per structure
 * having at least one décision and at least one address).
 */
export async function bilanPublication(
  payload: Payload,
  rentree: number,
): Promise<{ decisions: number; sansDecision: number; structures: number }> {
  const demandes = await payload.find({
    collection: 'demandes',
    where: { and: [{ statut: { not_in: ['brouillon', 'a-corriger'] } }, { rentree: { equals: rentree } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { statut: true, structureDeposante: true, responsable: true, decision: true },
  })
  let structures = 0
  for (const [cle, liste] of structuresAInformer(demandes.docs))
    if ((await destinataires(payload, cle, liste)).length > 0) structures++
  return { ...compterDecisions(demandes.docs), structures }
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
    message: `Les décisions sont publiées : ${bilan.structures} structures vont recevoir un courriel.`,
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
