import type {
  CollectionAfterChangeHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
  CollectionBeforeChangeHook,
} from 'payload'

import { journaliser } from '../../src/journal'

const CHAMPS_SUIVIS = [
  'username',
  'email',
  'nom',
  'role',
  'academie',
  'etablissement',
  'reseau',
  'actif',
  'ouvertureValidee',
  'enableAPIKey',
] as const

export const journaliserConnexion: CollectionAfterLoginHook = async ({ req, user }) => {
  await journaliser(req, {
    action: 'connexion',
    resume: `Connexion de ${user.username}`,
    collection: 'users',
    documentId: user.id,
    utilisateur: String(user.username),
  })
  return user
}

/** Account creations and changes of identity, rights, address or state (never passwords or tokens). */
export const journaliserCompte: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const id = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)
  const changes = CHAMPS_SUIVIS.filter(
    (c) => operation === 'create' || JSON.stringify(id(doc[c])) !== JSON.stringify(id(previousDoc?.[c])),
  )
  const motDePasse =
    operation === 'update' &&
    doc.updatedAt !== previousDoc?.updatedAt &&
    req.context.motDePasseChange === true
  if (changes.length === 0 && !motDePasse) return doc
  const quoi =
    operation === 'create'
      ? doc.ouvertureValidee === false
        ? 'créé, en attente de la validation de son ouverture'
        : 'créé'
      : `modifié (${[...changes, ...(motDePasse ? ['mot de passe'] : [])].join(', ')})`
  await journaliser(req, {
    action: 'compte',
    resume: `Compte ${doc.username} ${quoi}`,
    collection: 'users',
    documentId: doc.id,
    details: Object.fromEntries(
      changes.map((c) => [c, { avant: id(previousDoc?.[c]) ?? null, apres: id(doc[c]) ?? null }]),
    ),
  })
  return doc
}

/** What erases an account's API key: no key, not enabled, and no index for the API-key strategy to find. */
export const SANS_CLE_API = { enableAPIKey: false, apiKey: null, apiKeyIndex: null } as const

/**
 * Disabling an account ends every way in at once: its sessions and its API key. A password change ends the
 * other sessions (Payload) and the API key too, unless the same write sets a new key (an administrator rotating
 * both). A reactivated account gets a new key from an administrator, never its old one back.
 */
export const revoquerSessions: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update') return data
  const desactive = data.actif === false && originalDoc?.actif !== false
  const motDePasse = typeof data.password === 'string' && data.password.length > 0
  const nouvelleCle = typeof data.apiKey === 'string' && data.apiKey.length > 0
  const aUneCle = Boolean(originalDoc?.enableAPIKey || originalDoc?.hasAPIKey || originalDoc?.apiKeyIndex)
  if (motDePasse) req.context.motDePasseChange = true
  if (desactive) return { ...data, sessions: [], ...(aUneCle ? SANS_CLE_API : {}) }
  if (motDePasse && aUneCle && !nouvelleCle) return { ...data, ...SANS_CLE_API }
  return data
}

/** Logging out with an API key ends that key (the integration asked for it): it must be issued again. */
export const revoquerCleALaDeconnexion: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user as { id: number | string; _strategy?: string } | null
  if (!user || user._strategy !== 'api-key') return
  await req.payload.update({
    collection: 'users',
    id: user.id,
    data: { enableAPIKey: false, apiKey: null },
    overrideAccess: true,
    depth: 0,
    req,
  })
}
