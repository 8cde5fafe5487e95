import type { Access, PayloadRequest } from 'payload'

import { demandesDuFil } from './messages'
import { utilisateurDe } from './roles'

/**
 * Read markers (collection lectures): how far each account has read each demande's thread. Only those who take
 * part in the thread (access/messages.ts) have markers, and each reads and writes only their own: nobody, the admin
 * included, learns when someone else opened a demande. Never deleted through the API.
 */

/** The user's own markers, when the user takes part in some thread (never integrations nor the Carif-Oref). */
async function sesMarqueurs(req: PayloadRequest) {
  const user = utilisateurDe(req)
  if (!user || (await demandesDuFil(req)) === false) return false
  return { user: { equals: user.id } }
}

export const lireLectures: Access = ({ req }) => sesMarqueurs(req)

/** Whoever takes part in a thread may mark it; the collection's hook checks the demande and sets the owner. */
export const creerLectures: Access = async ({ req }) => (await sesMarqueurs(req)) !== false

export const modifierLectures: Access = ({ req }) => sesMarqueurs(req)

export const supprimerLectures: Access = () => false
