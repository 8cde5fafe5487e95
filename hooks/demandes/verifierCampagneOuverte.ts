import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'

import { aLeRole, utilisateurDe } from '../../access/roles'
import { etatCampagne, lireCampagne, messageCampagneFermee } from '../../src/campagne'

/** Outside [ouverture, clôture], filers can neither create nor save a draft; admins can. */
export const verifierCampagneOuverte: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (!utilisateurDe(req) || aLeRole(req, 'admin')) return data
  const surBrouillon = operation === 'create' || originalDoc?.statut === 'brouillon'
  if (!surBrouillon) return data
  const campagne = await lireCampagne(req)
  const etat = etatCampagne(campagne)
  if (etat !== 'ouverte') throw new APIError(messageCampagneFermee(campagne, etat), 403, null, true)
  return data
}
