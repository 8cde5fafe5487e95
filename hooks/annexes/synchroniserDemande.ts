import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { idDe } from '../../access/roles'
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
  await req.payload.update({
    collection: 'demandes',
    id: demandeId,
    // Ids are strings on MongoDB, numbers on SQLite: the generated type says number.
    data: { annexes: suivants as number[] },
    req,
    overrideAccess: true,
    depth: 0,
  })
}

export const ajouterALaDemande: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const demande = idDe(doc.demande)
  const ancienne = idDe(previousDoc?.demande)
  if (operation === 'update' && ancienne !== null && String(ancienne) !== String(demande)) {
    await mettreAJour(req, ancienne, (ids) => ids.filter((id) => String(id) !== String(doc.id)))
  }
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
