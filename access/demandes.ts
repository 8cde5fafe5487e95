import type { Access, Payload, PayloadRequest, Where } from 'payload'

import { type Action, portee, type Portee } from './permissions'
import type { PerimetreDepot } from './perimetreDepot'
import { aLeRole, idDe, utilisateurDe, type Utilisateur } from './roles'
import { lireCampagne } from '../src/campagne'
import { ETATS_MODIFIABLES } from '../src/regles/machine'
import { type Vue, vueDuRole } from '../src/regles/statut'

/** The structure a user files for: drafts are shared by everyone of that structure and by nobody else. */
export function cleStructure(user: Utilisateur | null): string | null {
  if (!user) return null
  switch (user.role) {
    case 'etablissement': {
      const id = idDe(user.etablissement)
      return id === null ? null : `etablissement:${id}`
    }
    case 'reseau': {
      const id = idDe(user.reseau)
      return id === null ? null : `reseau:${id}`
    }
    case 'draaf':
      return 'draaf'
    case 'admin':
      return 'admin'
    default:
      return null
  }
}

/** The structure recorded on a new demande: the filer's, or the administration's (the Local API has no user). */
export function structureDeposanteDe(user: Utilisateur | null): string {
  return cleStructure(user) ?? 'admin'
}

/** The active-or-not accounts of a structure key (the inverse of `cleStructure`); null for an unknown key. */
export function comptesDeLaStructure(cle: string | null | undefined): Where | null {
  const [type, id] = (cle ?? '').split(':')
  if (type === 'etablissement' && id)
    return { and: [{ role: { equals: 'etablissement' } }, { etablissement: { equals: id } }] }
  if (type === 'reseau' && id) return { and: [{ role: { equals: 'reseau' } }, { reseau: { equals: id } }] }
  if (type === 'draaf') return { role: { equals: 'draaf' } }
  return null
}

/** How the structure is named in messages. */
export async function nomDeLaStructure(payload: Payload, cle: string | null | undefined): Promise<string> {
  const [type, id] = (cle ?? '').split(':')
  if (type === 'etablissement' && id) {
    const e = await payload
      .findByID({ collection: 'etablissements', id, depth: 0, overrideAccess: true })
      .catch(() => null)
    return e ? `${e.nom} (${e.uai})` : 'votre établissement'
  }
  if (type === 'reseau' && id) {
    const r = await payload
      .findByID({ collection: 'reseaux', id, depth: 0, overrideAccess: true })
      .catch(() => null)
    return r ? `réseau ${r.nom}` : 'votre réseau'
  }
  if (type === 'draaf') return 'DRAAF Occitanie'
  return 'votre structure'
}

/** Why the user may not file for this établissement, in the words of the user's scope. */
export function refusHorsPortee(user: Utilisateur, uai: string): string {
  if (user.role === 'draaf')
    return `La DRAAF dépose uniquement pour les établissements agricoles : ${uai} n'en est pas un.`
  if (user.role === 'reseau')
    return `L'établissement ${uai} n'est pas membre de votre réseau : vous ne pouvez pas déposer de demande pour lui.`
  return `Vous ne pouvez déposer des demandes que pour votre propre établissement, pas pour ${uai}.`
}

/** The établissement référent of a demande the user files for `concerne`: a school itself, a réseau its tête. */
export async function referentDuDepot(req: PayloadRequest, concerne: number | string): Promise<unknown> {
  const user = utilisateurDe(req)
  if (user?.role === 'etablissement') return idDe(user.etablissement)
  if (user?.role === 'reseau') return (await reseauDuCompte(req)).referent ?? concerne
  return concerne
}

type ReseauDuCompte = { membres: (number | string)[]; referent: number | string | null }

/** The user's réseau (its members, tête de réseau included, and its référent), looked up once per request. */
export async function reseauDuCompte(req: PayloadRequest): Promise<ReseauDuCompte> {
  const user = utilisateurDe(req)
  const reseauId = idDe(user?.reseau)
  if (user?.role !== 'reseau' || reseauId === null) return { membres: [], referent: null }
  const cache = (req.context.reseauDuCompte ??= {}) as Record<string, ReseauDuCompte>
  const cle = String(reseauId)
  if (!cache[cle]) {
    const reseau = await req.payload
      .findByID({
        collection: 'reseaux',
        id: reseauId,
        depth: 0,
        req,
        overrideAccess: true,
        select: { membres: true, etablissementReferent: true },
      })
      .catch(() => null)
    const membres = ((reseau?.membres ?? []) as unknown[])
      .map(idDe)
      .filter((id): id is number | string => id !== null)
    const referent = idDe(reseau?.etablissementReferent)
    cache[cle] = {
      membres:
        referent !== null && !membres.some((m) => String(m) === String(referent))
          ? [...membres, referent]
          : membres,
      referent,
    }
  }
  return cache[cle]
}

/** Établissements a structure may file for and read once validated (null = no restriction from the structure). */
export async function etablissementsDeLaStructure(req: PayloadRequest): Promise<(number | string)[]> {
  const user = utilisateurDe(req)
  if (user?.role === 'etablissement') {
    const id = idDe(user.etablissement)
    return id === null ? [] : [id]
  }
  if (user?.role === 'reseau') return (await reseauDuCompte(req)).membres
  return []
}

const BROUILLON: Where = { statut: { equals: 'brouillon' } }
const VALIDEE: Where = { statut: { not_equals: 'brouillon' } }
/** What its structure edits and validates: drafts and demandes sent back for correction (src/regles/machine.ts). */
const MODIFIABLE: Where = { statut: { in: [...ETATS_MODIFIABLES] } }
/** What the instruction writes on: validated, not sent back to its filer. */
const INSTRUITE: Where = { statut: { not_in: [...ETATS_MODIFIABLES] } }

type Etats = { brouillon: Where; validee: Where }
const LECTURE: Etats = { brouillon: BROUILLON, validee: VALIDEE }
const ECRITURE: Etats = { brouillon: MODIFIABLE, validee: INSTRUITE }

/** Turns a scope into a Where on demandes. `false` denies; never returns an empty Where by accident. */
export async function filtrePortee(
  req: PayloadRequest,
  p: Portee,
  etat: 'brouillon' | 'validee',
): Promise<Where | boolean> {
  const user = utilisateurDe(req)
  if (!user || p === 'non') return false
  if (p === 'tout') return true
  if (p === 'academie') return user.academie ? { academie: { equals: user.academie } } : false
  if (p === 'agricole') return { agricole: { equals: true } }
  const cle = cleStructure(user)
  if (!cle) return false
  const deLaStructure: Where = { structureDeposante: { equals: cle } }
  // A réseau reaches its drafts only for its current members (SECURITY 37): a lycée removed from it takes its
  // drafts out of the réseau's reach, on every path that goes through these filters (read, edit, validate, annexes).
  if (etat === 'brouillon' && user.role === 'reseau') {
    const membres = (await reseauDuCompte(req)).membres
    return membres.length === 0 ? false : { and: [deLaStructure, { etablissementConcerne: { in: membres } }] }
  }
  // The DRAAF files for agricultural établissements only: a lycée that is no longer one takes its drafts out of
  // the DRAAF's reach the same way (its `agricole` follows the établissement: hooks/demandes/suivreEtablissement.ts).
  if (etat === 'brouillon' && user.role === 'draaf')
    return { and: [deLaStructure, { agricole: { equals: true } }] }
  if (etat === 'brouillon') return deLaStructure
  const etablissements = await etablissementsDeLaStructure(req)
  if (etablissements.length === 0) return deLaStructure
  return { or: [deLaStructure, { etablissementConcerne: { in: etablissements } }] }
}

/** OR of (draft ∧ scope of `actionBrouillon`) and (validated ∧ scope of each of `actionsValidees`). */
async function filtreDemandes(
  req: PayloadRequest,
  actionBrouillon: Action | null,
  actionsValidees: Action[],
  etats: Etats = LECTURE,
): Promise<Where | boolean> {
  const user = utilisateurDe(req)
  if (!user) return false
  const branches: Where[] = []
  let brouillonsTous = false
  let valideesTous = false
  if (actionBrouillon) {
    const f = await filtrePortee(req, portee(user.role, actionBrouillon), 'brouillon')
    if (f === true) brouillonsTous = true
    else if (f) branches.push({ and: [etats.brouillon, f] })
  }
  // An établissement's whole filter is opened by « concerns it » (below): within it, « filed by it or concerning
  // it » holds for every demande, so its validated demandes need no further condition (fewer SQL conditions to
  // build and check on every request of a school).
  const etablissement = user.role === 'etablissement' ? idDe(user.etablissement) : null
  for (const action of actionsValidees) {
    const p = portee(user.role, action)
    const f = etablissement !== null && p === 'structure' ? true : await filtrePortee(req, p, 'validee')
    if (f === true) valideesTous = true
    else if (f) branches.push({ and: [etats.validee, f] })
  }
  if (brouillonsTous && valideesTous)
    return etablissement === null ? true : { etablissementConcerne: { equals: etablissement } }
  if (brouillonsTous) branches.push(etats.brouillon)
  if (valideesTous) branches.push(etats.validee)
  if (branches.length === 0) return false
  const filtre = branches.length === 1 ? branches[0]! : { or: branches }
  // An établissement only ever files for itself, so everything it may see concerns it: saying so first lets the
  // database use the établissement index instead of scanning (measures in docs/performance.md).
  return etablissement === null
    ? filtre
    : { and: [{ etablissementConcerne: { equals: etablissement } }, filtre] }
}

export const readDemandes: Access = ({ req }) => filtreDemandes(req, 'lireBrouillons', ['lireValidees'])

/**
 * Drafts (and demandes sent back for correction) in the structure's scope; validated demandes only for whoever writes an avis or a décision. */
export const updateDemandes: Access = ({ req }) =>
  filtreDemandes(req, 'modifierBrouillons', ['donnerAvis', 'decider'], ECRITURE)

/** Filers delete only their structure's drafts; the admin may delete anything. */
export const deleteDemandes: Access = ({ req }) =>
  aLeRole(req, 'admin') || filtreDemandes(req, 'modifierBrouillons', [])

export const createDemandes: Access = ({ req }) => portee(utilisateurDe(req)?.role, 'creer') !== 'non'

/**
 * The view of the statut the caller gets (src/regles/statut.ts). Server-side reads (overrideAccess, no user) see
 * the real statut: access scopes and rules work on it.
 */
export async function vueDuLecteur(req: PayloadRequest, overrideAccess?: boolean): Promise<Vue> {
  if (overrideAccess) return 'complete'
  const user = utilisateurDe(req)
  if (!user) return 'complete'
  const vue = vueDuRole(user.role, { decisionsPubliees: false })
  if (vue === 'complete') return vue
  return vueDuRole(user.role, await lireCampagne(req))
}

/**
 * A version is readable by who may read its demande as it stands now (`parent.<field>`): a version's own copies of
 * the structure, académie or statut are history, and rights follow the current state (SECURITY 37: a lycée moved to
 * the other académie takes its history with it). Before the decisions are published, filers
 * read only the versions of the drafting: each avis or décision writes a version (and makes the validation's
 * version no longer the latest), so their count, dates or `latest` flag would tell that one exists.
 */
export const readDemandeVersions: Access = async ({ req }) => {
  const filtre = await readDemandes({ req })
  if (filtre === false) return false
  // The drafting's versions are read by who reads that structure's drafts (outside attack, F6: rectorat, Région,
  // Carif-Oref, integrations and the DRAAF listed a school's draft history once its demande was validated).
  const brouillonsLus = await filtrePortee(
    req,
    portee(utilisateurDe(req)?.role, 'lireBrouillons'),
    'brouillon',
  )
  const complete = (await vueDuLecteur(req)) === 'complete'
  if (filtre === true && brouillonsLus === true && complete) return true
  const branches: Where[] = []
  if (brouillonsLus !== false)
    branches.push(
      brouillonsLus === true
        ? BROUILLON_VERSION
        : { and: [BROUILLON_VERSION, prefixer(brouillonsLus, 'parent.')] },
    )
  if (complete) branches.push({ 'version.statut': { not_equals: 'brouillon' } })
  if (branches.length === 0) return false
  const lues = branches.length === 1 ? branches[0]! : { or: branches }
  return filtre === true ? lues : { and: [prefixer(filtre, 'parent.'), lues] }
}
/** The drafting's versions, corrections included (a demande sent back is its structure's business). */
const BROUILLON_VERSION: Where = { 'version.statut': { in: [...ETATS_MODIFIABLES] } }

/** The same filter through a path (`version.` for versions, `demande.` for annexes); and/or kept as they are. */
export function prefixer(where: Where, prefixe: string): Where {
  const resultat: Where = {}
  for (const [cle, valeur] of Object.entries(where)) {
    const logique = cle.toLowerCase() === 'and' || cle.toLowerCase() === 'or'
    resultat[logique ? cle : `${prefixe}${cle}`] =
      logique && Array.isArray(valeur) ? valeur.map((w) => prefixer(w as Where, prefixe)) : valeur
  }
  return resultat
}

/** Whether the demande `id` is among those an access filter on demandes lets through (`true`: all, `false`: none). */
export async function demandeAdmise(
  req: PayloadRequest,
  id: number | string,
  filtre: Where | boolean,
): Promise<boolean> {
  if (typeof filtre === 'boolean') return filtre
  const { totalDocs } = await req.payload.count({
    collection: 'demandes',
    where: { and: [{ id: { equals: id } }, filtre] },
    req,
    overrideAccess: true,
  })
  return totalDocs === 1
}

/** Drafts the user may validate (their structure's; the admin: all drafts). */
export const validerDemandes: Access = ({ req }) => filtreDemandes(req, 'valider', [], ECRITURE)

/**
 * The demandes the user may send back to their filer for correction, whatever their statut (its avis scope; the
 * Région, the admin: all): the statut itself is the machine's to check (src/regles/machine.ts: 409, not 403).
 */
export const demanderCorrectionDemandes: Access = ({ req }) =>
  filtrePortee(req, portee(utilisateurDe(req)?.role, 'demanderCorrection'), 'validee')

/** Where the user may file (access/perimetreDepot.ts): the save's rule, given to the form too. */
export async function perimetreDeDepot(req: PayloadRequest): Promise<PerimetreDepot> {
  const user = utilisateurDe(req)
  const p = portee(user?.role, 'creer')
  if (p === 'tout') return { type: 'tout' }
  if (p === 'agricole') return { type: 'agricole' }
  if (p === 'structure')
    return { type: 'structure', etablissements: (await etablissementsDeLaStructure(req)).map(String) }
  return { type: 'aucun' }
}
