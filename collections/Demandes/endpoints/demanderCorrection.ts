import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { demandeAdmise, demanderCorrectionDemandes } from '../../../access/demandes'
import { utilisateurDe } from '../../../access/roles'
import { CONTEXTE_VALIDATION } from '../../../hooks/demandes/renseignerChampsServeur'
import { changerStatutSi } from '../../../src/adaptateur'
import { lireCorpsJson } from '../../../src/corpsJson'
import { demandeDuLecteur } from '../../../src/demandeLue'
import { envoyerDemandeCorrection } from '../../../src/courriels/envois'
import { journaliser } from '../../../src/journal'
import { appliquer } from '../../../src/regles/machine'
import { CONTEXTE_MESSAGE_SERVEUR, verifierMessage } from '../../Messages'

const corps = z.object({ message: z.unknown() })

type Reponse = { status: number; body: Record<string, unknown> }

const erreur = (status: number, message: string, champ?: string): Reponse => ({
  status,
  body: {
    errors: [
      champ
        ? { name: 'ValidationError', message, data: { errors: [{ path: champ, message }] } }
        : { message },
    ],
  },
})

type Demande = {
  id: number | string
  numero?: number | null
  statut?: string | null
  rentree?: number | null
  structureDeposante?: string | null
  responsable?: { email?: string | null } | null
}

/**
 * POST /api/demandes/:id/demander-correction {"message": "…"}: the rectorat or the DRAAF within its avis scope, the
 * Région or the admin send a validated demande (or one in instruction, before any décision) back to its filer.
 * The statut moves to `a-corriger` in one atomic step (two concurrent requests: one 200, one 409), the message is
 * posted in the demande's thread and mailed to the filer's structure, the journal records it.
 */
export async function traiterDemandeCorrection(
  req: PayloadRequest,
  id: string | number,
  texte: unknown,
): Promise<Reponse> {
  const user = utilisateurDe(req)
  if (!user) return erreur(401, 'Vous devez être connecté pour renvoyer une demande pour correction.')
  const { payload } = req
  const demande = await demandeDuLecteur(req, id, 'Demande de correction refusée')
  if (!demande) {
    return erreur(404, "Cette demande n'existe pas ou ne vous est pas accessible.")
  }
  if (!(await demandeAdmise(req, demande.id, await demanderCorrectionDemandes({ req })))) {
    await journaliser(req, {
      action: 'refus',
      resume: `Demande de correction refusée sur la demande n° ${demande.numero}`,
      collection: 'demandes',
      documentId: demande.id,
    })
    return erreur(403, "Vous n'êtes pas autorisé à renvoyer cette demande pour correction.")
  }
  const verifie = verifierMessage(texte)
  if (verifie !== true) return erreur(400, verifie, 'message')
  const message = texte as string

  // The stored statut (the caller is an authority: it reads the real one; the machine decides).
  const stockee = await payload.db.findOne<{ id: number | string; statut?: string | null }>({
    collection: 'demandes',
    where: { id: { equals: demande.id } },
    req,
  })
  const depuis = stockee?.statut ?? null
  const transition = appliquer(depuis, 'demande-correction')
  if ('refus' in transition) return erreur(transition.status, transition.refus)
  if (!depuis || !(await changerStatutSi(payload, demande.id, depuis, transition.statut)))
    return erreur(409, "Cette demande vient d'être renvoyée pour correction ou modifiée par ailleurs.")
  let renvoyee: Demande
  try {
    renvoyee = (await payload.update({
      collection: 'demandes',
      id: demande.id,
      data: { statut: transition.statut } as never,
      req,
      overrideAccess: true,
      context: { [CONTEXTE_VALIDATION]: true },
      depth: 0,
    })) as unknown as Demande
  } catch (err) {
    await changerStatutSi(payload, demande.id, transition.statut, depuis)
    throw err
  }
  await payload.create({
    collection: 'messages',
    data: { demande: demande.id as number, texte: message },
    req,
    overrideAccess: true,
    context: { [CONTEXTE_MESSAGE_SERVEUR]: true },
    depth: 0,
  })
  await journaliser(req, {
    action: 'avis',
    resume: `Demande n° ${demande.numero} renvoyée à sa structure pour correction`,
    collection: 'demandes',
    documentId: demande.id,
    details: { evenement: 'demande-correction', depuis },
  })
  try {
    await envoyerDemandeCorrection(req, renvoyee, message)
  } catch (err) {
    // The correction request stands; the missing mail is logged for the support.
    payload.logger.error({
      err,
      msg: `Demande de correction n° ${demande.numero} : courriel non mis en file`,
    })
  }
  const doc = await payload
    .findByID({
      collection: 'demandes',
      id: demande.id,
      depth: 0,
      req,
      overrideAccess: false,
      user: req.user,
    })
    .catch(() => renvoyee)
  return { status: 200, body: { message: 'La demande a été renvoyée pour correction.', doc } }
}

export const demanderCorrection: Endpoint = {
  path: '/:id/demander-correction',
  method: 'post',
  handler: async (req) => {
    if (!utilisateurDe(req))
      return Response.json(
        erreur(401, 'Vous devez être connecté pour renvoyer une demande pour correction.').body,
        {
          status: 401,
        },
      )
    const lu = await lireCorpsJson(req, corps, '{"message": "…"}', 'message')
    if (lu.reponse) return lu.reponse
    const { status, body } = await traiterDemandeCorrection(
      req,
      String(req.routeParams?.id ?? ''),
      lu.donnees.message,
    )
    return Response.json(body, { status })
  },
}
