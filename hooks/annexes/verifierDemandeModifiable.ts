import type { CollectionBeforeChangeHook, Where } from 'payload'
import { APIError, ValidationError } from 'payload'

import { readDemandes, updateDemandes } from '../../access/demandes'
import { idDe, peut, utilisateurDe } from '../../access/roles'
import { campagneFermeePour } from '../../src/campagne'
import { modifiableParSaStructure } from '../../src/regles/machine'

/** An annexe is attached only to a draft (or a demande sent back for correction) the user may edit (the admin: any). */
export const verifierDemandeModifiable: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const demandeId = idDe(data.demande ?? originalDoc?.demande)
  const erreur = (message: string) =>
    new ValidationError({ collection: 'annexes', errors: [{ path: 'demande', message }], req }, req.t)
  if (demandeId === null) throw erreur('Indiquez la demande à laquelle joindre cette annexe.')
  if (!utilisateurDe(req) || peut(req, 'outrepasserVerrous')) return data
  const filtre = await updateDemandes({ req })
  if (filtre === false) throw erreur("Vous ne pouvez pas joindre d'annexe à une demande.")
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
  if (!demande) throw erreur("Cette demande n'existe pas ou ne vous est pas accessible.")
  if (!modifiableParSaStructure(demande.statut))
    throw erreur('Cette demande est validée : ses annexes ne sont plus modifiables.')
  const fermee = await campagneFermeePour(req, demande.statut)
  if (fermee) throw new APIError(fermee, 403, null, true)
  return data
}
