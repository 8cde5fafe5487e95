import type { CollectionBeforeChangeHook } from 'payload'

import { idDe } from '../../access/roles'

/** Set (to the demande's id) while hooks/annexes/synchroniserDemande.ts writes that demande's list. */
export const SYNCHRONISATION_ANNEXES = 'synchronisationAnnexes'

const idsDe = (valeur: unknown): (number | string)[] =>
  (Array.isArray(valeur) ? valeur : []).map(idDe).filter((id): id is number | string => id !== null)

/**
 * `annexes` is the server's list of the annexes attached to the demande (kept by the annexes' own hooks): neither a
 * client's write (a form sent with a stale list, `[]`) nor a restored version (whose list is that of its day) may
 * drop one while it still points here. An id the stored list lacks is left for the field's validation to judge
 * (« Annexes » : 400 for another demande's annexe); a restore keeps the stored list as it is.
 */
export const garderListeAnnexes: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || !('annexes' in data)) return data
  if (req.context[SYNCHRONISATION_ANNEXES] === String(originalDoc.id)) return data
  const stockes = idsDe(originalDoc.annexes)
  const connus = new Set(stockes.map(String))
  const ajoutes = req.context.isRestoringVersion
    ? []
    : idsDe(data.annexes).filter((id) => !connus.has(String(id)))
  // Ids are strings on MongoDB, numbers on SQLite: the generated type says number.
  return { ...data, annexes: [...stockes, ...ajoutes] as number[] }
}
