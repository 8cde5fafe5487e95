import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { ActionJournal } from '../collections/Journal'
import { adresseClient } from './debit'
import type { Journal } from './payload-types'

type Entree = {
  action: ActionJournal
  resume: string
  collection?: string
  documentId?: number | string
  details?: Record<string, unknown>
  utilisateur?: string
}

function adresseIp(req: PayloadRequest): string | null {
  return req.headers ? adresseClient(req.headers) : null
}

/**
 * Records an audit entry; a failure to record never breaks the user's action, but is logged. Written through the
 * database adapter, in the request's transaction: the entry is built here from trusted values, the collection has
 * no hooks, and nothing is read back (one statement instead of three on every validation, avis or sign-in).
 */
export async function journaliser(req: PayloadRequest, entree: Entree): Promise<void> {
  const user = req.user
  const maintenant = new Date().toISOString()
  try {
    // The adapter's create takes any data: the row is typed here as the collection's.
    const ligne: Omit<Journal, 'id'> = {
      action: entree.action,
      resume: entree.resume,
      utilisateur: entree.utilisateur ?? user?.username ?? null,
      role: user?.role ?? null,
      collectionConcernee: entree.collection ?? null,
      documentId: entree.documentId === undefined ? null : String(entree.documentId),
      details: entree.details ?? null,
      ip: adresseIp(req),
      createdAt: maintenant,
      updatedAt: maintenant,
    }
    await req.payload.db.create({ collection: 'journal', req, returning: false, data: ligne })
  } catch (err) {
    req.payload.logger.error({ err, msg: `Journal d'audit : entrée « ${entree.action} » non enregistrée` })
  }
}

/** A failed sign-in (Payload has no hook for it), REST or GraphQL: recorded by src/limitesRequetes.ts with the identifiant tried. */
export async function journaliserEchecConnexion(
  payload: Payload,
  identifiant: string,
  entetes: Headers,
): Promise<void> {
  const req = await createLocalReq({ req: { headers: entetes } }, payload)
  const qui = identifiant.slice(0, 100)
  await journaliser(req, {
    action: 'echec-connexion',
    resume: `Échec de connexion pour « ${qui} »`,
    utilisateur: qui,
    collection: 'users',
  })
}
