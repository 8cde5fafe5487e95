import type { Access, PayloadRequest, Where } from 'payload'

import { prefixer, readDemandes, updateDemandes } from './demandes'

async function parDemande(req: PayloadRequest, acces: Access): Promise<Where | boolean> {
  const filtre = await acces({ req })
  return typeof filtre === 'boolean' ? filtre : prefixer(filtre, 'demande.')
}

/** Readable (files included) exactly by who can read the demande. */
export const readAnnexes: Access = ({ req }) => parDemande(req, readDemandes)

/** Replaced or removed only while its demande is a draft that the user may edit. */
export const modifierAnnexes: Access = async ({ req }) => {
  const filtre = await parDemande(req, updateDemandes)
  if (filtre === false) return false
  const brouillon: Where = { 'demande.statut': { equals: 'brouillon' } }
  return filtre === true ? brouillon : { and: [brouillon, filtre] }
}

/** Anyone who may edit some demande may upload; the target demande is checked by the hook. */
export const createAnnexes: Access = async ({ req }) => (await updateDemandes({ req })) !== false
