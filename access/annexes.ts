import type { Access, PayloadRequest, Where } from 'payload'

import { readDemandes, updateDemandes } from './demandes'

/** The same filter as on demandes, applied through the annexe's `demande` relationship. */
export function prefixer(where: Where, prefixe: string): Where {
  const resultat: Where = {}
  for (const [cle, valeur] of Object.entries(where)) {
    resultat[cle === 'and' || cle === 'or' ? cle : `${prefixe}${cle}`] =
      (cle === 'and' || cle === 'or') && Array.isArray(valeur) ? valeur.map((w) => prefixer(w as Where, prefixe)) : valeur
  }
  return resultat
}

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
