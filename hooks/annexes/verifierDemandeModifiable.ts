import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest, Where } from 'payload'
import { APIError, ValidationError } from 'payload'

import { readDemandes, updateDemandes } from '../../access/demandes'
import { idDe, peut, utilisateurDe } from '../../access/roles'
import { campagneFermeePour } from '../../src/campagne'
import { modifiableParSaStructure } from '../../src/regles/machine'
import { SUPPRESSION_DEMANDE } from '../demandes/verrouillerApresValidation'

export const MESSAGE_CHANGEMENT_DEMANDE =
  "Une annexe ne change pas de demande : supprimez-la, puis ajoutez le fichier à l'autre demande."

const erreurDemande = (req: PayloadRequest, message: string) =>
  new ValidationError(
    { collection: 'annexes', errors: [{ path: 'demande', label: 'Demande', message }], req },
    req.t,
  )

/** Why an annexe may not be attached to this demande now: a field error, or the campaign's 403. */
export type RefusAnnexe = { message: string; campagne: boolean }

/**
 * An annexe is attached only to a draft (or a demande sent back for correction) the user may edit (the admin: any),
 * while the campaign lets it be written. null: allowed. The hook refuses with it; the form offers « Ajouter » only
 * without it (src/admin/ChampAnnexes.tsx).
 */
export async function refusAnnexe(
  req: PayloadRequest,
  demandeId: number | string,
): Promise<RefusAnnexe | null> {
  const refus = (message: string): RefusAnnexe => ({ message, campagne: false })
  if (!utilisateurDe(req) || peut(req, 'outrepasserVerrous')) return null
  const filtre = await updateDemandes({ req })
  if (filtre === false) return refus("Vous ne pouvez pas joindre d'annexe à une demande.")
  const parmi = async (f: Where | boolean) => {
    if (f === false) return undefined
    const where: Where =
      f === true ? { id: { equals: demandeId } } : { and: [{ id: { equals: demandeId } }, f] }
    return (
      await req.payload.find({
        collection: 'demandes',
        where,
        depth: 0,
        limit: 1,
        req,
        overrideAccess: true,
        select: { statut: true },
      })
    ).docs[0]
  }
  // A validated demande its filer reads but no longer edits: say it is locked, not that it does not exist.
  const demande = (await parmi(filtre)) ?? (await parmi(await readDemandes({ req })))
  if (!demande) return refus("Cette demande n'existe pas ou ne vous est pas accessible.")
  if (!modifiableParSaStructure(demande.statut))
    return refus('Cette demande est validée : ses annexes ne sont plus modifiables.')
  const fermee = await campagneFermeePour(req, demande.statut)
  return fermee ? { message: fermee, campagne: true } : null
}

export const verifierDemandeModifiable: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  // Moving an annexe would write two demandes' lists, each under its own rules (campaign, lock): one could be
  // refused after the other was written. Refused for everyone, before anything is written.
  if (
    operation === 'update' &&
    originalDoc &&
    'demande' in data &&
    String(idDe(data.demande)) !== String(idDe(originalDoc.demande))
  )
    throw erreurDemande(req, MESSAGE_CHANGEMENT_DEMANDE)
  const demandeId = idDe(data.demande ?? originalDoc?.demande)
  if (demandeId === null) throw erreurDemande(req, 'Indiquez la demande à laquelle joindre cette annexe.')
  const refus = await refusAnnexe(req, demandeId)
  if (refus?.campagne) throw new APIError(refus.message, 403, null, true)
  if (refus) throw erreurDemande(req, refus.message)
  return data
}

/**
 * Removing an annexe is a write on its demande: a draft's annexes stay once the campaign is closed, like the rest of
 * the draft (a demande « à corriger » is not held by the campaign). Who may delete at all is access/annexes.ts.
 */
export const verifierSuppressionPermise: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!utilisateurDe(req) || peut(req, 'outrepasserVerrous')) return
  const annexe = await req.payload
    .findByID({ collection: 'annexes', id, depth: 0, req, overrideAccess: true, select: { demande: true } })
    .catch(() => null)
  const demandeId = idDe(annexe?.demande)
  // The demande's own deletion takes its annexes with it: its rules were checked there.
  if (demandeId === null || req.context[SUPPRESSION_DEMANDE] === String(demandeId)) return
  const demande = await req.payload
    .findByID({
      collection: 'demandes',
      id: demandeId,
      depth: 0,
      req,
      overrideAccess: true,
      select: { statut: true },
    })
    .catch(() => null)
  if (!demande) return
  const fermee = await campagneFermeePour(req, demande.statut)
  if (fermee) throw new APIError(fermee, 403, null, true)
}
