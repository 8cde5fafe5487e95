import type { PayloadRequest } from 'payload'

import { journaliser } from './journal'
import type { Demande } from './payload-types'

/**
 * The demande as the caller may read it (its read access and read hooks: the statut as the caller sees it), or
 * null. Asking for one it cannot read is journaled with `quoi` (« Validation refusée »…): probing demandes one
 * cannot see is what the audit trail is for.
 */
export async function demandeDuLecteur(
  req: PayloadRequest,
  id: string | number,
  quoi: string,
): Promise<Demande | null> {
  const demande = await req.payload
    .findByID({ collection: 'demandes', id, depth: 0, req, user: req.user, overrideAccess: false })
    .catch(() => null)
  if (!demande)
    await journaliser(req, {
      action: 'refus',
      resume: `${quoi} : demande ${String(id).slice(0, 40)} inexistante ou hors périmètre`,
      collection: 'demandes',
      documentId: id,
    })
  return demande
}
