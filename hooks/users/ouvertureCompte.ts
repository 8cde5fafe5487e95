import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeLoginHook,
  CollectionBeforeOperationHook,
} from 'payload'
import { APIError } from 'payload'

import {
  MESSAGE_OUVERTURE_EN_ATTENTE,
  ouvertureAValider,
  ouvertureEnAttente,
  valideLesOuvertures,
} from '../../access/comptes'
import { utilisateurDe } from '../../access/roles'
import { envoyerInvitation } from '../../src/comptes/creerEnMasse'

/** Set by the server only: who validated the opening of the account, and when. */
export const CHAMPS_VALIDATION_OUVERTURE = ['ouvertureValideePar', 'ouvertureValideeLe'] as const

/**
 * The state of an account's opening (access/comptes.ts, `ouvertureAValider`). At creation: waiting when opened by
 * anyone but the administrator for a role that reads drafts (no session), validated at once when opened by the
 * administrator, left unset without a user (demo, command line). On update, the validation (only the
 * administrator may write the field: hooks/users/verifierDroitsComptes.ts) records who and when; an account put
 * back on hold loses its sessions. Nobody writes the record itself.
 */
export const marquerOuverture: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const suite: Record<string, unknown> = { ...data }
  for (const champ of CHAMPS_VALIDATION_OUVERTURE) delete suite[champ]
  const acteur = utilisateurDe(req)
  const valider = () => {
    suite.ouvertureValidee = true
    suite.ouvertureValideePar = acteur
      ? String((req.user as { username?: unknown }).username ?? acteur.id)
      : null
    suite.ouvertureValideeLe = new Date().toISOString()
  }
  if (operation === 'create') {
    if (ouvertureAValider(acteur, suite.role)) {
      suite.ouvertureValidee = false
      suite.sessions = []
    } else if (valideLesOuvertures(acteur) && suite.ouvertureValidee !== false) valider()
    return suite
  }
  const avant = ouvertureEnAttente(originalDoc)
  if (suite.ouvertureValidee === true && avant) valider()
  if (suite.ouvertureValidee === false && !avant) suite.sessions = []
  return suite
}

/** Validated by the administrator (one account or many at once): the invitation to choose a password leaves. */
export const inviterALaValidation: CollectionAfterChangeHook = async ({
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (operation !== 'update' || !ouvertureEnAttente(previousDoc) || ouvertureEnAttente(doc)) return doc
  if (doc.email && doc.actif !== false)
    await envoyerInvitation(req, {
      id: doc.id,
      username: doc.username,
      email: doc.email,
      structure: doc.nom ? `${doc.nom} (${doc.username})` : String(doc.username),
    })
  return doc
}

/** An account waiting for its validation does not sign in (nor through a reset link, which signs in too). */
export const refuserOuvertureEnAttente: CollectionBeforeLoginHook = ({ user }) => {
  if (ouvertureEnAttente(user)) throw new APIError(MESSAGE_OUVERTURE_EN_ATTENTE, 403, undefined, true)
  return user
}

/**
 * « Mot de passe oublié ? » for an account waiting for its validation sends nothing (the answer stays the same as
 * for any identifiant, so it does not tell which accounts wait): its address was chosen by whoever opened it. A
 * reset link for such an account (none is sent) is refused before anything is written.
 */
export const fermerOubliEnAttente: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'forgotPassword' && operation !== 'resetPassword') return args
  const data = ((args as { data?: Record<string, unknown> }).data ?? {}) as Record<string, unknown>
  if (operation === 'resetPassword') {
    if (typeof data.token !== 'string' || !data.token) return args
    const compte = await req.payload.db.findOne({
      collection: 'users',
      where: { resetPasswordToken: { equals: data.token } },
      req,
    })
    if (ouvertureEnAttente(compte as { ouvertureValidee?: unknown } | null))
      throw new APIError(MESSAGE_OUVERTURE_EN_ATTENTE, 403, undefined, true)
    return args
  }
  const identifiant = typeof data.username === 'string' ? data.username.toLowerCase().trim() : ''
  if (!identifiant) return args
  const compte = await req.payload.db.findOne({
    collection: 'users',
    where: { username: { equals: identifiant } },
    req,
  })
  return ouvertureEnAttente(compte as { ouvertureValidee?: unknown } | null)
    ? { ...args, disableEmail: true }
    : args
}
