import type { CollectionAfterChangeHook } from 'payload'

import { journaliser } from '../../src/journal'

/** The établissement's fields copied onto its demandes (rights and lists filter on them). */
export function champsCopies(etablissement: {
  academie?: string | null
  departement?: string | null
  ministere?: string | null
}) {
  return {
    academie: etablissement.academie ?? null,
    departement: etablissement.departement ?? null,
    agricole: etablissement.ministere === 'agriculture',
  }
}

/**
 * SECURITY 37: when an établissement moves (académie, département, ministère), its demandes follow in the same
 * transaction, so the new rectorat (or the DRAAF) reads and instructs them and the old one no longer does. Written
 * through the adapter: the demandes' own hooks would refuse to touch a validated demande, and these fields are the
 * server's. Journaled with the count.
 */
export const demandesSuiventEtablissement: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !previousDoc) return doc
  const avant = champsCopies(previousDoc)
  const apres = champsCopies(doc)
  const changes = (Object.keys(apres) as (keyof typeof apres)[]).filter((c) => avant[c] !== apres[c])
  if (changes.length === 0) return doc
  const where = { etablissementConcerne: { equals: doc.id } }
  const { totalDocs } = await req.payload.count({ collection: 'demandes', where, req, overrideAccess: true })
  if (totalDocs === 0) return doc
  await req.payload.db.updateMany({ collection: 'demandes', where, data: apres, req })
  await journaliser(req, {
    action: 'import',
    resume: `Établissement ${doc.uai} modifié : ${totalDocs} demande${totalDocs > 1 ? 's' : ''} mise${totalDocs > 1 ? 's' : ''} à jour (${changes.map((c) => `${c} ${String(avant[c])} → ${String(apres[c])}`).join(', ')})`,
    collection: 'etablissements',
    documentId: doc.id,
    details: { demandes: totalDocs, avant, apres },
  })
  return doc
}
