import crypto from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { choisitLeMotDePasse } from '../../access/comptes'
import { utilisateurDe } from '../../access/roles'
import { lireCampagne } from '../../src/campagne'
import { VALIDITE_INVITATION_JOURS } from '../../src/comptes/creerEnMasse'
import { adresseSupport, lienAdmin } from '../../src/courriels/envois'
import { invitation } from '../../src/courriels/modeles'

const INVITER = 'inviterNouveauCompte'

/** An account opened by someone who may not choose its password (access/comptes.ts) gets one nobody knows. */
export const remplacerMotDePasseChoisi: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const createur = utilisateurDe(req)
  if (operation !== 'create' || !createur || choisitLeMotDePasse(createur)) return data
  req.context[INVITER] = true
  return { ...data, password: crypto.randomBytes(32).toString('base64url') }
}

/** …and, when it has an address, the invitation to choose it (as for accounts created in bulk). */
export const inviterNouveauCompte: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || !req.context[INVITER] || !doc.email) return doc
  delete req.context[INVITER]
  const expireLe = new Date(Date.now() + VALIDITE_INVITATION_JOURS * 86_400_000)
  const jeton = await req.payload.forgotPassword({ collection: 'users', data: { username: doc.username } as never, disableEmail: true, req })
  await req.payload.db.updateOne({ collection: 'users', id: doc.id, data: { resetPasswordExpiration: expireLe.toISOString() }, req })
  await req.payload.sendEmail({
    to: doc.email,
    ...invitation({ identifiant: doc.username, etablissement: String(doc.nom ?? doc.username), lien: lienAdmin(req, `/reset/${jeton}`), expireLe: expireLe.toISOString(), support: adresseSupport(await lireCampagne(req)) }),
  })
  return doc
}
