import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'

import { peut, utilisateurDe } from '../../access/roles'
import { campagneFermee } from '../../src/campagne'
import { modifiableParSaStructure } from '../../src/regles/machine'

/** Outside [ouverture, clôture], filers can neither create nor save a draft (nor a correction); admins can. */
export const verifierCampagneOuverte: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (!utilisateurDe(req) || peut(req, 'outrepasserVerrous')) return data
  const surBrouillon = operation === 'create' || modifiableParSaStructure(originalDoc?.statut)
  if (!surBrouillon) return data
  const fermee = await campagneFermee(req)
  if (fermee) throw new APIError(fermee, 403, null, true)
  return data
}
