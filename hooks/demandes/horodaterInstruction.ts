import type { CollectionBeforeChangeHook } from 'payload'

import { utilisateurDe } from '../../access/roles'

type Instruction = { commentaire?: string | null; auteur?: string | null; date?: string | null } & Record<string, unknown>

export function signature(req: Parameters<CollectionBeforeChangeHook>[0]['req']): string {
  const user = utilisateurDe(req) as { nom?: string | null; username?: string | null } | null
  if (!user) return 'système'
  return user.nom ? `${user.nom} (${user.username ?? ''})` : String(user.username ?? '')
}

/** An avis or a décision is dated and signed by its author; the statut follows the instruction. */
export const horodaterInstruction: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const suite = { ...data }
  const maintenant = new Date().toISOString()
  const avant = (originalDoc.avis ?? {}) as Instruction
  const apres = (suite.avis ?? {}) as Instruction
  if (apres.avis !== avant.avis || (apres.commentaire ?? null) !== (avant.commentaire ?? null)) {
    suite.avis = { ...apres, auteur: signature(req), date: maintenant }
    if (suite.statut === 'validee' && apres.avis) suite.statut = 'en-instruction'
  } else if (suite.avis) {
    suite.avis = { ...apres, auteur: avant.auteur ?? null, date: avant.date ?? null }
  }
  const decAvant = (originalDoc.decision ?? {}) as Instruction
  const decApres = (suite.decision ?? {}) as Instruction
  if (decApres.decision !== decAvant.decision || (decApres.commentaire ?? null) !== (decAvant.commentaire ?? null)) {
    suite.decision = { ...decApres, auteur: signature(req), date: maintenant }
    if (decApres.decision && suite.statut !== 'brouillon') suite.statut = decApres.decision
  } else if (suite.decision) {
    suite.decision = { ...decApres, auteur: decAvant.auteur ?? null, date: decAvant.date ?? null }
  }
  return suite
}
