import type { PayloadRequest } from 'payload'

import { vueDuLecteur } from '../../access/demandes'
import { estDeposant } from '../../access/roles'
import { dateHeureFr } from '../formatsDates'
import { construireHistorique, type Evenement } from './historique'

/**
 * The history of a demande the caller has already read (its consult page), as the caller may see it. The journal
 * is the admin's: it is read here by the server, and only what the reader's view allows comes out — before the
 * decisions are published a filer sees no avis and no décision, and no authority account's name (the recap shows
 * none), only the names of the filing accounts that validated.
 */
export async function historiqueDuLecteur(
  req: PayloadRequest,
  demande: { id: number | string; createdAt?: string | null },
): Promise<Evenement[]> {
  const vue = await vueDuLecteur(req)
  const entrees = await req.payload.find({
    collection: 'journal',
    where: {
      and: [
        { collectionConcernee: { equals: 'demandes' } },
        { documentId: { equals: String(demande.id) } },
        { action: { in: ['validation', 'avis', 'decision'] } },
      ],
    },
    overrideAccess: true,
    depth: 0,
    limit: 200,
    sort: 'createdAt',
    select: { action: true, utilisateur: true, role: true, details: true, createdAt: true },
  })
  const nomMontre = (role: string | null | undefined) =>
    vue !== 'sans-instruction' || estDeposant({ role: role ?? undefined })
  const identifiants = [
    ...new Set(
      entrees.docs.filter((e) => e.utilisateur && nomMontre(e.role)).map((e) => e.utilisateur as string),
    ),
  ]
  const noms = new Map(
    identifiants.length
      ? (
          await req.payload.find({
            collection: 'users',
            where: { username: { in: identifiants } },
            overrideAccess: true,
            depth: 0,
            limit: identifiants.length,
            select: { nom: true, username: true },
          })
        ).docs.map((u) => [u.username as string, u.nom || (u.username as string)])
      : [],
  )
  return construireHistorique(
    demande.createdAt,
    entrees.docs.map((e) => ({
      action: e.action,
      createdAt: e.createdAt,
      nom: e.utilisateur && nomMontre(e.role) ? (noms.get(e.utilisateur) ?? e.utilisateur) : null,
      details: e.details,
    })),
    vue,
    dateHeureFr,
  )
}
