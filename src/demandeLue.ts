import type { PayloadRequest } from 'payload'

import { vueDuLecteur } from '../access/demandes'
import { journaliser } from './journal'
import type { Annex, Demande } from './payload-types'
import { construireRecapitulatif, type Recapitulatif } from './validation'

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

/**
 * What the consult page and the PDF show of a readable demande: its recap, without the Instruction section for
 * filers before publication (as the API hides the avis and the décision), and its annexes as the caller reads them.
 */
export async function recapitulatifDuLecteur(
  req: PayloadRequest,
  demande: Demande,
): Promise<{ recap: Recapitulatif; annexes: Annex[] }> {
  // Read at depth 0: its relations are ids, which the generated type does not say.
  const recap = await construireRecapitulatif(req, demande as never)
  if ((await vueDuLecteur(req)) === 'sans-instruction')
    recap.sections = recap.sections.filter((s) => s.titre !== 'Instruction')
  const annexes = await req.payload.find({
    collection: 'annexes',
    where: { demande: { equals: demande.id } },
    req,
    user: req.user,
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: 'createdAt',
  })
  return { recap, annexes: annexes.docs }
}
