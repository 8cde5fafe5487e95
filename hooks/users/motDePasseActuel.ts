import crypto from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
  TypedUser,
  Where,
} from 'payload'
import {
  APIError,
  incrementLoginAttempts,
  isolateObjectProperty,
  resetLoginAttempts,
  ValidationError,
} from 'payload'

import { CHAMPS_COMPTE } from '../../access/comptes'
import { utilisateurDe } from '../../access/roles'
import type { User } from '../../src/payload-types'
import { envoyerAvisChangementAdresse } from '../../src/courriels/envois'
import { journaliser } from '../../src/journal'

export const CHAMP_MOT_DE_PASSE_ACTUEL = 'motDePasseActuel'
export const LIBELLE_MOT_DE_PASSE_ACTUEL = 'Mot de passe actuel'

// Payload's hash formats (auth/strategies/local/generatePasswordSaltHash, not exported): current and legacy.
const PREFIXE_HASH = 'pbkdf2-sha256-v1:'

/** Payload's own password check (auth/strategies/local/authenticate): same pbkdf2 parameters, constant time. */
export async function motDePasseCorrect(
  compte: { hash?: unknown; salt?: unknown },
  motDePasse: string,
): Promise<boolean> {
  const { hash, salt } = compte
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const actuel = hash.startsWith(PREFIXE_HASH)
  const attendu = Buffer.from(actuel ? hash.slice(PREFIXE_HASH.length) : hash, 'hex')
  const calcule = await new Promise<Buffer>((resolve, reject) =>
    crypto.pbkdf2(motDePasse, salt, actuel ? 600_000 : 25_000, actuel ? 32 : 512, 'sha256', (e, b) =>
      e ? reject(e) : resolve(b),
    ),
  )
  return calcule.length === attendu.length && crypto.timingSafeEqual(calcule, attendu)
}

const normaliserAdresse = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '')

type Compte = {
  id: number | string
  username?: string | null
  email?: string | null
  hash?: unknown
  salt?: unknown
  lockUntil?: string | null
  loginAttempts?: number | null
}

const verrouille = (c: Compte) => Boolean(c.lockUntil && new Date(c.lockUntil).getTime() > Date.now())

/** The same request outside its transaction: what is written there stays when the refusal rolls the rest back. */
function horsTransaction(req: PayloadRequest): PayloadRequest {
  const isole = isolateObjectProperty(req, 'transactionID')
  isole.transactionID = undefined
  return isole
}

/** A text field given as something else (an array, an object) is refused in French, never half-read (500) or ignored. */
function exigerTexte(req: PayloadRequest, donnees: Record<string, unknown>) {
  const attendus = { email: 'une adresse mail', password: 'un mot de passe' } as const
  for (const champ of Object.keys(attendus) as (keyof typeof attendus)[]) {
    const v = donnees[champ]
    if (v !== undefined && v !== null && typeof v !== 'string')
      throw refus(
        req,
        champ,
        `Le champ « ${CHAMPS_COMPTE[champ]} » n'est pas valide : ${attendus[champ]} s'écrit en texte.`,
      )
  }
}

/**
 * Each wrong « Mot de passe actuel » counts as a failed sign-in (Payload's own counter, outside the transaction so
 * that the refusal does not roll it back and parallel requests see it) and is journaled; at the collection's
 * `maxLoginAttempts` the account is locked for its `lockTime` and its sessions end, so a stolen session dies with
 * its guesses (outside attack of 4 December 2026, finding 2). Once locked, nothing more is tried (each GraphQL
 * alias reads the counter again). A right one resets the counter, as a successful sign-in does.
 */
async function verifierMotDePasseActuel(
  req: PayloadRequest,
  id: number | string,
  essai: string,
  quoi: string,
) {
  const collection = req.payload.collections.users.config
  const { maxLoginAttempts, lockTime } = collection.auth
  const dehors = horsTransaction(req)
  const lire = async () =>
    (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })) as Compte | null
  const minutes = Math.ceil(lockTime / 60_000)
  const tropDEssais = async (compte: Compte) => {
    await req.payload.db.updateOne({
      collection: 'users',
      id: compte.id,
      data: { sessions: [] },
      returning: false,
    })
    return new APIError(
      `Trop d'essais du mot de passe actuel : le compte est bloqué pendant ${minutes} minutes et ses sessions sont fermées. Reconnectez-vous ensuite, ou utilisez « Mot de passe oublié ? » sur la page de connexion.`,
      429,
      undefined,
      true,
    )
  }
  // One guess at a time per account (second outside attack, 1: 30 parallel guesses were each checked against
  // the count read before any was counted, and a right one reset a lock set meanwhile).
  return enFile(String(id), async () => {
    const compte = await lire()
    if (!compte) return
    const qui = String(compte.username ?? compte.id)
    if (maxLoginAttempts > 0 && verrouille(compte)) throw await tropDEssais(compte)
    if (await motDePasseCorrect(compte, essai)) {
      // Locked while the hash was computed (another instance): refused, the lock stands.
      const maintenant = maxLoginAttempts > 0 ? await lire() : null
      if (maintenant && verrouille(maintenant)) throw await tropDEssais(maintenant)
      if (maxLoginAttempts > 0)
        await resetLoginAttempts({ collection, doc: compte, payload: req.payload, req })
      return
    }
    if (maxLoginAttempts > 0)
      await incrementLoginAttempts({ collection, payload: req.payload, user: compte as unknown as TypedUser })
    await journaliser(dehors, {
      action: 'echec-connexion',
      resume: `Mot de passe actuel erroné pour « ${qui} » : changement du champ ${quoi} refusé`,
      utilisateur: qui,
      collection: 'users',
      documentId: compte.id,
    })
    const apres = maxLoginAttempts > 0 ? await lire() : null
    if (apres && verrouille(apres)) {
      await journaliser(dehors, {
        action: 'compte',
        resume: `Compte ${qui} bloqué ${minutes} minutes après ${maxLoginAttempts} essais du mot de passe actuel : sessions fermées`,
        collection: 'users',
        documentId: compte.id,
        utilisateur: qui,
      })
      throw await tropDEssais(apres)
    }
    throw refus(
      req,
      CHAMP_MOT_DE_PASSE_ACTUEL,
      `Le champ « ${LIBELLE_MOT_DE_PASSE_ACTUEL} » ne correspond pas à votre mot de passe : le champ ${quoi} n'a pas été changé.${maxLoginAttempts > 0 ? ` Après ${maxLoginAttempts} essais infructueux, le compte est bloqué pendant ${minutes} minutes.` : ''}`,
    )
  })
}

/** Guesses on one account, one after the other in this instance (each sees the count the previous one left). */
const files = new Map<string, Promise<unknown>>()
function enFile<T>(cle: string, travail: () => Promise<T>): Promise<T> {
  const avant = files.get(cle) ?? Promise.resolve()
  const suite = avant.then(travail, travail)
  const fin = suite.catch(() => undefined)
  files.set(cle, fin)
  void fin.then(() => {
    if (files.get(cle) === fin) files.delete(cle)
  })
  return suite
}

/** A 400 on one field whose own message is the answer's (not « Le champ suivant n'est pas valide »). */
function refus(req: PayloadRequest, path: string, message: string): ValidationError {
  const erreur = new ValidationError({ collection: 'users', errors: [{ path, message }], req }, req.t)
  erreur.message = message
  return erreur
}

/**
 * The accounts an update reaches: by id, or (bulk) those the caller's filter reaches read as the caller, so that
 * the filter obeys the read rules (a filter on `hash` would otherwise tell its value).
 */
async function comptesVises(req: PayloadRequest, id: unknown, where: Where | undefined) {
  const parId = id !== undefined && id !== null
  const { docs } = await req.payload.find({
    collection: 'users',
    where: parId ? { id: { equals: id as number } } : (where ?? {}),
    depth: 0,
    pagination: false,
    overrideAccess: parId,
    user: req.user,
    req,
  })
  return docs
}

/**
 * A signed-in user changing their own password or address gives their current password first (outside attack,
 * F12: a stolen session became a stolen account). The field is virtual: checked here, removed, never stored.
 * Changes of another account stay governed by the table of access/comptes.ts. An address already held by another
 * account is refused (the address receives the « Mot de passe oublié ? » links).
 */
export const exigerMotDePasseActuel: CollectionBeforeOperationHook = async ({
  args: brut,
  operation,
  req,
}) => {
  if (operation !== 'update' && operation !== 'create') return brut
  const args = brut as {
    id?: unknown
    where?: Where
    data?: Record<string, unknown>
    overrideAccess?: boolean
  }
  const donnees = { ...(args.data ?? {}) }
  exigerTexte(req, donnees)
  const motDePasseActuel = donnees[CHAMP_MOT_DE_PASSE_ACTUEL]
  delete donnees[CHAMP_MOT_DE_PASSE_ACTUEL]
  args.data = donnees
  const acteur = utilisateurDe(req)

  const adresse = normaliserAdresse(donnees.email)
  const cibles = operation === 'update' ? await comptesVises(req, args.id, args.where) : []

  // An address already held by another account is refused; the answer depends on the address, so it is given
  // only to who may make the change, after its current password (second outside attack, 2: anonymous callers and
  // a session without the password could tell which addresses have an account).
  const verifierAdresseLibre = async () => {
    if (!adresse) return
    const autres = cibles.map((c) => c.id)
    const { totalDocs } = await req.payload.db.count({
      collection: 'users',
      where: {
        and: [
          { email: { in: [...new Set([adresse, String(donnees.email).trim()])] } },
          ...(autres.length ? [{ id: { not_in: autres } }] : []),
        ],
      },
      req,
    })
    if (totalDocs > 0 || (operation === 'update' && cibles.length > 1))
      throw refus(
        req,
        'email',
        `Le champ « ${CHAMPS_COMPTE.email} » n'est pas valide : cette adresse est déjà celle d'un autre compte.`,
      )
  }
  // Without an account, Payload's access refuses the write whatever the address.
  if (!args.overrideAccess && !acteur) return brut
  if (
    operation !== 'update' ||
    args.overrideAccess ||
    !acteur ||
    !cibles.some((c) => String(c.id) === String(acteur.id))
  ) {
    await verifierAdresseLibre()
    return brut
  }
  // Hash and salt are hidden from every read: the stored row.
  const soi = await req.payload.db.findOne<Pick<User, 'id' | 'email' | 'hash' | 'salt'>>({
    collection: 'users',
    where: { id: { equals: acteur.id } },
    req,
  })
  if (!soi) return brut
  const changes: string[] = []
  if (typeof donnees.password === 'string' && donnees.password.length > 0)
    changes.push(CHAMPS_COMPTE.password)
  if ('email' in donnees && adresse !== normaliserAdresse(soi.email)) changes.push(CHAMPS_COMPTE.email)
  if (changes.length === 0) {
    await verifierAdresseLibre()
    return brut
  }
  const quoi = changes.map((c) => `« ${c} »`).join(' ou ')
  if (typeof motDePasseActuel !== 'string' || motDePasseActuel.length === 0)
    throw refus(
      req,
      CHAMP_MOT_DE_PASSE_ACTUEL,
      `Le champ « ${LIBELLE_MOT_DE_PASSE_ACTUEL} » est obligatoire pour changer le champ ${quoi} de votre compte.`,
    )
  await verifierMotDePasseActuel(req, soi.id, motDePasseActuel, quoi)
  await verifierAdresseLibre()
  return brut
}

/** When an account's address changes, the previous address is told (whoever made the change). */
export const avertirAncienneAdresse: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  const ancienne = typeof previousDoc?.email === 'string' ? previousDoc.email.trim() : ''
  if (ancienne && normaliserAdresse(ancienne) !== normaliserAdresse(doc.email))
    await envoyerAvisChangementAdresse(req, doc, ancienne)
  return doc
}
