import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'

import { aLeRole, utilisateurDe } from '../../access/roles'
import { campagneFermee } from '../../src/campagne'

/** Outside [ouverture, clôture], filers can neither create nor save a draft; admins can. */
export const verifierCampagneOuverte: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (!utilisateurDe(req) || aLeRole(req, 'admin')) return data
  const surBrouillon = operation === 'create' || originalDoc?.statut === 'brouillon'
  if (!surBrouillon) return data
  const fermee = await campagneFermee(req)
  if (fermee) throw new APIError(fermee, 403, null, true)
  return data
}
