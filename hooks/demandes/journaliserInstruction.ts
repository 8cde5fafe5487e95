import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { journaliser } from '../../src/journal'

type Instruction =
  { avis?: string | null; decision?: string | null; commentaire?: string | null } | null | undefined

/** Each avis and each décision leaves an audit entry (who, when, what), beside the versions. */
export const journaliserInstruction: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  const avant = previousDoc as Record<string, Instruction>
  const apres = doc as Record<string, Instruction>
  // A group the user may not read comes back absent: they cannot have written it either (field access).
  const change = (groupe: 'avis' | 'decision', champ: 'avis' | 'decision') =>
    apres[groupe] !== undefined &&
    ((apres[groupe]?.[champ] ?? null) !== (avant[groupe]?.[champ] ?? null) ||
      (apres[groupe]?.commentaire ?? null) !== (avant[groupe]?.commentaire ?? null))
  if (change('avis', 'avis')) {
    await journaliser(req, {
      action: 'avis',
      resume: `Avis « ${apres.avis?.avis ?? 'retiré'} » sur la demande n° ${doc.numero}`,
      collection: 'demandes',
      documentId: doc.id,
      details: { avis: apres.avis?.avis ?? null },
    })
  }
  if (change('decision', 'decision')) {
    await journaliser(req, {
      action: 'decision',
      resume: `Décision « ${apres.decision?.decision ?? 'retirée'} » sur la demande n° ${doc.numero}`,
      collection: 'demandes',
      documentId: doc.id,
      details: { decision: apres.decision?.decision ?? null },
    })
  }
  return doc
}

export const journaliserSuppression: CollectionAfterDeleteHook = async ({ doc, req, collection }) => {
  await journaliser(req, {
    action: 'suppression',
    resume: `Suppression : ${collection.slug} ${doc.titre ?? doc.filename ?? doc.id}`,
    collection: collection.slug,
    documentId: doc.id,
  })
}
