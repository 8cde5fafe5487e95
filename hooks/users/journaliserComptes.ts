import type { CollectionAfterChangeHook, CollectionAfterLoginHook, CollectionBeforeChangeHook } from 'payload'

import { journaliser } from '../../src/journal'

const CHAMPS_SUIVIS = ['username', 'email', 'nom', 'role', 'academie', 'etablissement', 'reseau', 'actif', 'enableAPIKey'] as const

export const journaliserConnexion: CollectionAfterLoginHook = async ({ req, user }) => {
  await journaliser(req, { action: 'connexion', resume: `Connexion de ${user.username}`, collection: 'users', documentId: user.id, utilisateur: String(user.username) })
  return user
}

/** Account creations and changes of identity, rights, address or state (never passwords or tokens). */
export const journaliserCompte: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const id = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)
  const changes = CHAMPS_SUIVIS.filter((c) => operation === 'create' || JSON.stringify(id(doc[c])) !== JSON.stringify(id(previousDoc?.[c])))
  const motDePasse = operation === 'update' && doc.updatedAt !== previousDoc?.updatedAt && req.context.motDePasseChange === true
  if (changes.length === 0 && !motDePasse) return doc
  const quoi = operation === 'create' ? 'créé' : `modifié (${[...changes, ...(motDePasse ? ['mot de passe'] : [])].join(', ')})`
  await journaliser(req, {
    action: 'compte',
    resume: `Compte ${doc.username} ${quoi}`,
    collection: 'users',
    documentId: doc.id,
    details: Object.fromEntries(changes.map((c) => [c, { avant: id(previousDoc?.[c]) ?? null, apres: id(doc[c]) ?? null }])),
  })
  return doc
}

/** Disabling an account or changing its password ends every open session of that account at once. */
export const revoquerSessions: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update') return data
  const desactive = data.actif === false && originalDoc?.actif !== false
  const motDePasse = typeof data.password === 'string' && data.password.length > 0
  if (motDePasse) req.context.motDePasseChange = true
  if (desactive) return { ...data, sessions: [] }
  return data
}
