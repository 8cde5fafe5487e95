import crypto from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { choisitLeMotDePasse, ouvertureEnAttente } from '../../access/comptes'
import { utilisateurDe } from '../../access/roles'
import { envoyerInvitation } from '../../src/comptes/creerEnMasse'

const INVITER = 'inviterNouveauCompte'

/** An account opened by someone who may not choose its password (access/comptes.ts) gets one nobody knows. */
export const remplacerMotDePasseChoisi: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const createur = utilisateurDe(req)
  if (operation !== 'create' || !createur || choisitLeMotDePasse(createur)) return data
  req.context[INVITER] = true
  return { ...data, password: crypto.randomBytes(32).toString('base64url') }
}

/**
 * …and, when it has an address, the invitation to choose it (as for accounts created in bulk); an account waiting
 * for the validation of its opening gets it once validated (hooks/users/ouvertureCompte.ts).
 */
export const inviterNouveauCompte: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || !req.context[INVITER]) return doc
  delete req.context[INVITER]
  if (!doc.email || ouvertureEnAttente(doc)) return doc
  await envoyerInvitation(req, {
    id: doc.id,
    username: doc.username,
    email: doc.email,
    structure: String(doc.nom ?? doc.username),
  })
  return doc
}
