import type { Access, PayloadRequest, Where } from 'payload'

import { prefixer, readDemandes, updateDemandes } from './demandes'
import { ETATS_MODIFIABLES } from '../src/regles/machine'

async function parDemande(req: PayloadRequest, acces: Access): Promise<Where | boolean> {
  const filtre = await acces({ req })
  return typeof filtre === 'boolean' ? filtre : prefixer(filtre, 'demande.')
}

/** Readable (files included) exactly by who can read the demande. */
export const readAnnexes: Access = ({ req }) => parDemande(req, readDemandes)

/**
 * Replaced or removed only while its structure may edit its demande (a draft, or a demande sent back for correction:
 * src/regles/machine.ts), like the demande itself; the campaign's dates are the hooks' to check.
 */
export const modifierAnnexes: Access = async ({ req }) => {
  const filtre = await parDemande(req, updateDemandes)
  if (filtre === false) return false
  const modifiable: Where = { 'demande.statut': { in: [...ETATS_MODIFIABLES] } }
  return filtre === true ? modifiable : { and: [modifiable, filtre] }
}

/** Anyone who may edit some demande may upload; the target demande is checked by the hook. */
export const createAnnexes: Access = async ({ req }) => (await updateDemandes({ req })) !== false
