import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'

import { utilisateurDe } from '../../access/roles'
import { appliquer, type Evenement } from '../../src/regles/machine'
import { datesDesVues, statutApresInstruction, statutsDerives } from '../../src/regles/statut'
import { champsDifferents } from './verrouillerApresValidation'

type Instruction = { commentaire?: string | null; auteur?: string | null; date?: string | null } & Record<
  string,
  unknown
>

export function signature(req: Parameters<CollectionBeforeChangeHook>[0]['req']): string {
  const user = utilisateurDe(req)
  if (!user) return 'système'
  const u = user as { nom?: string | null; username?: string | null }
  return u.nom ? `${u.nom} (${u.username ?? ''})` : String(u.username ?? '')
}

/** Not a change anyone reads: the timestamps themselves. */
const HORODATAGE = new Set(['id', 'createdAt', 'updatedAt', 'modifieeLeDepot', 'modifieeLeSansDecision'])

/**
 * An avis or a décision is dated and signed by its author. The statut follows from the avis and décision present
 * (src/regles/statut.ts: withdrawing one puts it back), and the views filers read are stored beside it, with the
 * date each view shows.
 */
export const horodaterInstruction: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const suite = { ...data }
  const evenements: Evenement[] = []
  if (operation === 'update' && originalDoc) {
    const maintenant = new Date().toISOString()
    const avant = (originalDoc.avis ?? {}) as Instruction
    const apres = (suite.avis ?? {}) as Instruction
    if (apres.avis !== avant.avis || (apres.commentaire ?? null) !== (avant.commentaire ?? null)) {
      if ('avis' in data && (apres.avis || null) !== (avant.avis || null))
        evenements.push(apres.avis ? 'avis-donne' : 'avis-retire')
      suite.avis = { ...apres, auteur: signature(req), date: maintenant }
    } else if (suite.avis) {
      suite.avis = { ...apres, auteur: avant.auteur ?? null, date: avant.date ?? null }
    }
    const decAvant = (originalDoc.decision ?? {}) as Instruction
    const decApres = (suite.decision ?? {}) as Instruction
    if (
      decApres.decision !== decAvant.decision ||
      (decApres.commentaire ?? null) !== (decAvant.commentaire ?? null)
    ) {
      if ('decision' in data && (decApres.decision || null) !== (decAvant.decision || null))
        evenements.push(decApres.decision ? 'decision-enregistree' : 'decision-retiree')
      suite.decision = { ...decApres, auteur: signature(req), date: maintenant }
    } else if (suite.decision) {
      suite.decision = { ...decApres, auteur: decAvant.auteur ?? null, date: decAvant.date ?? null }
    }
  }
  // A group absent from the input is kept as stored.
  const instruction = {
    avis: 'avis' in suite ? suite.avis : originalDoc?.avis,
    decision: 'decision' in suite ? suite.decision : originalDoc?.decision,
  }
  // Each avis or décision given or withdrawn is a transition of the statut machine, from the stored statut: refused
  // on a draft or a demande sent back to its filer (409), else the statut follows from what is present.
  for (const evenement of evenements) {
    const issue = appliquer(originalDoc?.statut, evenement, instruction)
    if ('refus' in issue) throw new APIError(issue.refus, issue.status, null, true)
  }
  suite.statut = statutApresInstruction(suite.statut ?? originalDoc?.statut, instruction)
  Object.assign(suite, statutsDerives({ statut: suite.statut, avis: instruction.avis }))
  const modifies =
    operation === 'update' && originalDoc ? champsDifferents(suite, originalDoc, HORODATAGE) : null
  Object.assign(suite, datesDesVues(modifies ?? [], modifies ? originalDoc : null, new Date().toISOString()))
  return suite
}
