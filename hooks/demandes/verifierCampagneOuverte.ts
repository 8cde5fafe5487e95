import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'

import { peut, utilisateurDe } from '../../access/roles'
import { campagneFermeePour } from '../../src/campagne'
import { modifiableParSaStructure } from '../../src/regles/machine'

/** Outside [ouverture, clôture], filers can neither create nor save a draft; a correction, yes; admins can. */
export const verifierCampagneOuverte: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (!utilisateurDe(req) || peut(req, 'outrepasserVerrous')) return data
  const surBrouillon = operation === 'create' || modifiableParSaStructure(originalDoc?.statut)
  if (!surBrouillon) return data
  const fermee = await campagneFermeePour(req, operation === 'create' ? undefined : originalDoc?.statut)
  if (fermee) throw new APIError(fermee, 403, null, true)
  return data
}
