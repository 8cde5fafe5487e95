import crypto from 'node:crypto'

import type { PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'
import { z } from 'zod'

import { ouvertureAValider, refusEcritureCompte, rolesCreables } from '../../access/comptes'
import { ROLE_ETABLISSEMENT, utilisateurDe } from '../../access/roles'
import { lireCampagne } from '../campagne'
import { adresseSupport, lienAdmin } from '../courriels/envois'
import { invitation } from '../courriels/modeles'
import { journaliser } from '../journal'
import { verifierUai } from '../uai'

export const LIGNES_MAX = 2000
/** An invitation link lives longer than a password reset: the school may open its mail days later. */
export const VALIDITE_INVITATION_JOURS = 14

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/

export const corpsCreation = z.object({
  lignes: z
    .string({
      error:
        "« lignes » : collez la liste des établissements, un par ligne (UAI, puis éventuellement l'adresse mail).",
    })
    .max(200_000, '« lignes » : la liste est trop longue.'),
  inviter: z.boolean({ error: '« inviter » doit valoir true ou false.' }).default(true),
})

type Ligne = { ligne: number; uai: string; email: string | null }
export type BilanCreation = {
  /** `enAttente`: the opening waits for the administrator's validation, the invitation leaves then. */
  crees: { uai: string; email: string; invite: boolean; enAttente: boolean }[]
  existants: string[]
  erreurs: { ligne: number; message: string }[]
}

/** « 0340042L;ce.0340042l@ac-montpellier.fr », tab- or comma-separated, or the UAI alone. */
export function lireLignes(texte: string): { lignes: Ligne[]; erreurs: BilanCreation['erreurs'] } {
  const lignes: Ligne[] = []
  const erreurs: BilanCreation['erreurs'] = []
  const vus = new Set<string>()
  texte.split(/\r?\n/).forEach((brute, i) => {
    const numero = i + 1
    const champs = brute
      .split(/[;,\t ]+/)
      .map((c) => c.trim())
      .filter(Boolean)
    if (champs.length === 0) return
    if (numero === 1 && /^uai$/i.test(champs[0]!)) return // header row pasted from a spreadsheet
    const uai = verifierUai(champs[0])
    if (!uai.valide) return void erreurs.push({ ligne: numero, message: uai.message })
    const email = champs[1] ?? null
    if (email !== null && !EMAIL.test(email))
      return void erreurs.push({ ligne: numero, message: `L'adresse mail « ${email} » n'est pas valide.` })
    if (champs.length > 2)
      return void erreurs.push({
        ligne: numero,
        message: 'Une ligne contient un code UAI puis, éventuellement, une adresse mail : rien de plus.',
      })
    if (vus.has(uai.uai))
      return void erreurs.push({
        ligne: numero,
        message: `Le code UAI ${uai.uai} figure déjà plus haut dans la liste.`,
      })
    vus.add(uai.uai)
    lignes.push({ ligne: numero, uai: uai.uai, email: email?.toLowerCase() ?? null })
  })
  if (lignes.length > LIGNES_MAX)
    erreurs.push({
      ligne: LIGNES_MAX + 1,
      message: `La liste dépasse ${LIGNES_MAX} établissements : découpez-la.`,
    })
  return { lignes, erreurs }
}

/** The address every Éducation nationale établissement has: ce.<uai>@ac-<académie>.fr. */
export function adresseInstitutionnelle(
  uai: string,
  academie: string | null | undefined,
  ministere: string | null | undefined,
): string | null {
  if (ministere !== 'education-nationale' || !academie) return null
  return `ce.${uai.toLowerCase()}@ac-${academie}.fr`
}

/**
 * Creates one account per établissement of the list (identifiant = UAI) and queues an invitation to choose a
 * password through Payload's reset-token flow. All lines are checked first: if one is wrong, nothing is created.
 */
export function refusCreation(req: PayloadRequest): { status: number; body: unknown } | null {
  if (!req.user) return { status: 401, body: { errors: [{ message: 'Vous devez être connecté.' }] } }
  if (!rolesCreables(utilisateurDe(req)).includes(ROLE_ETABLISSEMENT))
    return { status: 403, body: { errors: [{ message: "Vous n'êtes pas autorisé à créer des comptes." }] } }
  return null
}

/**
 * The invitation to choose one's password: a reset link valid VALIDITE_INVITATION_JOURS days, sent to the account's
 * address (accounts created in bulk, and any account opened by someone who may not choose its password).
 */
export async function envoyerInvitation(
  req: PayloadRequest,
  compte: { id: number | string; username: string; email: string; structure: string },
  campagne?: Awaited<ReturnType<typeof lireCampagne>>,
): Promise<void> {
  const expireLe = new Date(Date.now() + VALIDITE_INVITATION_JOURS * 86_400_000)
  const jeton = await req.payload.forgotPassword({
    collection: 'users',
    // Payload's Local API types this data as { email } only; with loginWithUsername it takes the username.
    data: { username: compte.username } as never,
    disableEmail: true,
    req,
  })
  await req.payload.db.updateOne({
    collection: 'users',
    id: compte.id,
    data: { resetPasswordExpiration: expireLe.toISOString() },
    req,
  })
  await req.payload.sendEmail({
    to: compte.email,
    ...invitation({
      identifiant: compte.username,
      etablissement: compte.structure,
      lien: lienAdmin(req, `/reset/${jeton}`),
      expireLe: expireLe.toISOString(),
      support: adresseSupport(campagne ?? (await lireCampagne(req))),
    }),
  })
}

export async function creerComptesEnMasse(
  req: PayloadRequest,
  texte: string,
  inviter: boolean,
): Promise<{ status: number; body: unknown }> {
  const refus = refusCreation(req)
  if (refus) return refus
  const { payload } = req
  const { lignes, erreurs } = lireLignes(texte)
  if (lignes.length === 0 && erreurs.length === 0)
    erreurs.push({ ligne: 1, message: 'La liste est vide : collez au moins un code UAI.' })

  const etablissements = lignes.length
    ? await payload.find({
        collection: 'etablissements',
        where: { uai: { in: lignes.map((l) => l.uai) } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { uai: true, nom: true, academie: true, ministere: true },
      })
    : { docs: [] }
  const parUai = new Map(etablissements.docs.map((e) => [e.uai, e]))
  const existants = lignes.length
    ? await payload.find({
        collection: 'users',
        where: { username: { in: lignes.map((l) => l.uai.toLowerCase()) } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { username: true },
      })
    : { docs: [] }
  const dejaLa = new Set(existants.docs.map((u) => String(u.username).toUpperCase()))

  const aCreer: (Ligne & { email: string; etablissement: (typeof etablissements.docs)[number] })[] = []
  for (const l of lignes) {
    const e = parUai.get(l.uai)
    if (!e) {
      erreurs.push({
        ligne: l.ligne,
        message: `Aucun établissement ${l.uai} dans l'annuaire : ajoutez-le d'abord dans Référentiels › Établissements.`,
      })
      continue
    }
    if (dejaLa.has(l.uai)) continue
    const email = l.email ?? adresseInstitutionnelle(l.uai, e.academie, e.ministere)
    if (!email) {
      erreurs.push({
        ligne: l.ligne,
        message: `${l.uai} n'a pas d'adresse institutionnelle connue : indiquez son adresse mail après le code UAI.`,
      })
      continue
    }
    aCreer.push({ ...l, email, etablissement: e })
  }
  if (erreurs.length) {
    erreurs.sort((a, b) => a.ligne - b.ligne)
    const message = `Aucun compte n'a été créé : ${erreurs.length} ligne${erreurs.length > 1 ? 's' : ''} à corriger.`
    return {
      status: 400,
      body: {
        errors: [
          {
            name: 'ValidationError',
            message,
            data: {
              errors: erreurs.map((e) => ({
                path: 'lignes',
                ligne: e.ligne,
                message: `Ligne ${e.ligne} : ${e.message}`,
              })),
            },
          },
        ],
      },
    }
  }

  const donnees = (l: (typeof aCreer)[number]): RequiredDataFromCollectionSlug<'users'> => ({
    username: l.uai,
    email: l.email,
    // Nobody knows this password: the établissement chooses its own from the invitation.
    password: crypto.randomBytes(32).toString('base64url'),
    role: ROLE_ETABLISSEMENT,
    etablissement: l.etablissement.id,
    nom: l.etablissement.nom,
    actif: true,
  })
  const acteur = utilisateurDe(req)
  // Opened by the Carif-Oref: each account waits for the administrator's validation (access/comptes.ts); the
  // hooks, run as the caller, mark it so and keep its invitation until then.
  const enAttente = ouvertureAValider(acteur, ROLE_ETABLISSEMENT)
  // Created with overrideAccess (the UAI checks are done above): the table of access/comptes.ts still decides.
  const refusTable = aCreer.length ? refusEcritureCompte(acteur, donnees(aCreer[0]!), null) : null
  if (refusTable) return { status: 403, body: { errors: [{ message: refusTable }] } }

  const bilan: BilanCreation = {
    crees: [],
    existants: lignes.filter((l) => dejaLa.has(l.uai)).map((l) => l.uai),
    erreurs: [],
  }
  const campagne = await lireCampagne(req)
  const creees: (number | string)[] = []
  try {
    for (const l of aCreer) {
      const compte = await payload.create({
        collection: 'users',
        overrideAccess: true,
        user: req.user,
        depth: 0,
        data: donnees(l),
      })
      creees.push(compte.id)
      bilan.crees.push({ uai: l.uai, email: l.email, invite: false, enAttente })
    }
  } catch (err) {
    // All or nothing: an account that could not be created removes those created before it.
    if (creees.length)
      await payload.delete({ collection: 'users', where: { id: { in: creees } }, overrideAccess: true })
    throw err
  }
  if (inviter && !enAttente) {
    for (const [i, l] of aCreer.entries()) {
      await envoyerInvitation(
        req,
        { id: creees[i]!, username: l.uai, email: l.email, structure: `${l.etablissement.nom} (${l.uai})` },
        campagne,
      )
      bilan.crees[i]!.invite = true
    }
  }
  await journaliser(req, {
    action: 'compte',
    resume: `${bilan.crees.length} compte(s) établissement créé(s) en masse${enAttente ? ', en attente de la validation de leur ouverture' : inviter ? ' et invité(s)' : ''}, ${bilan.existants.length} déjà existant(s)`,
    collection: 'users',
    details: { crees: bilan.crees.map((c) => c.uai), existants: bilan.existants },
  })
  const s = (n: number) => (n > 1 ? 's' : '')
  const n = bilan.crees.length
  const suite =
    n === 0
      ? ''
      : enAttente
        ? `, en attente de la validation de ${n > 1 ? 'leur' : 'son'} ouverture par l'administrateur de la plateforme : ${n > 1 ? 'chacun recevra son' : 'il recevra son'} invitation une fois validé`
        : inviter
          ? ', invitation envoyée à chacun'
          : ''
  const message = `${n} compte${s(n)} créé${s(n)}${suite} ; ${bilan.existants.length} déjà existant${s(bilan.existants.length)}.`
  return { status: 200, body: { message, ...bilan } }
}
