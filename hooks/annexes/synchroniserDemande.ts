import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { idDe } from '../../access/roles'
import { SYNCHRONISATION_ANNEXES } from '../demandes/garderListeAnnexes'
import { SUPPRESSION_DEMANDE } from '../demandes/verrouillerApresValidation'

/** Keeps the contract's `demandes.annexes` list equal to the annexes attached to the demande. */
async function mettreAJour(
  req: PayloadRequest,
  demandeId: number | string,
  modifier: (ids: (number | string)[]) => (number | string)[],
) {
  const demande = await req.payload
    .findByID({
      collection: 'demandes',
      id: demandeId,
      depth: 0,
      req,
      overrideAccess: true,
      select: { annexes: true },
    })
    .catch(() => null)
  if (!demande) return
  const actuels = (demande.annexes ?? []).map(idDe).filter((id): id is number | string => id !== null)
  const suivants = modifier(actuels)
  if (suivants.length === actuels.length && suivants.every((id, i) => String(id) === String(actuels[i])))
    return
  // The list is the server's: hooks/demandes/garderListeAnnexes.ts lets only this write change it.
  req.context[SYNCHRONISATION_ANNEXES] = String(demandeId)
  try {
    await req.payload.update({
      collection: 'demandes',
      id: demandeId,
      // Ids are strings on MongoDB, numbers on SQLite: the generated type says number.
      data: { annexes: suivants as number[] },
      req,
      overrideAccess: true,
      depth: 0,
    })
  } finally {
    delete req.context[SYNCHRONISATION_ANNEXES]
  }
}

/** An annexe never changes demande (hooks/annexes/verifierDemandeModifiable.ts): only its own demande's list is written. */
export const ajouterALaDemande: CollectionAfterChangeHook = async ({ doc, req }) => {
  const demande = idDe(doc.demande)
  if (demande !== null)
    await mettreAJour(req, demande, (ids) =>
      ids.some((id) => String(id) === String(doc.id)) ? ids : [...ids, doc.id],
    )
  return doc
}

export const retirerDeLaDemande: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const demande = idDe(doc.demande)
  if (demande !== null && req.context[SUPPRESSION_DEMANDE] !== String(demande))
    await mettreAJour(req, demande, (ids) => ids.filter((id) => String(id) !== String(doc.id)))
}
