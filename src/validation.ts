import type { PayloadRequest, Where } from 'payload'

import { demandeAdmise, validerDemandes } from '../access/demandes'
import { idDe, peut, utilisateurDe } from '../access/roles'
import { CONTEXTE_VALIDATION } from '../hooks/demandes/renseignerChampsServeur'
import { changerStatutSi } from './adaptateur'
import { envoyerAccuseReception } from './courriels/envois'
import { campagneFermeePour } from './campagne'
import { demandeDuLecteur } from './demandeLue'
import { journaliser } from './journal'
import { nomAffiche } from './fichiers/noms'
import { CONFIRMER_DOUBLON, critereDoublons, numerosDoublons, verifierDoublons } from './regles/doublons'
import { appliquer } from './regles/machine'
import { tailleFr } from './regles/tailles'
import {
  type ContexteValidation,
  type DemandeSaisie,
  type ErreurChamp,
  recapituler,
  verifierDemande,
} from './regles/validationDemande'
import { sousVerrouPartage } from './verrou'

export type ResultatValidation = { status: number; body: Record<string, unknown> }

const erreur = (status: number, message: string): ResultatValidation => ({
  status,
  body: { errors: [{ message }] },
})

/** Payload's own validation error shape, so clients handle both the same way. */
export function erreursDeValidation(erreurs: ErreurChamp[]): ResultatValidation {
  const s = erreurs.length > 1 ? 's' : ''
  // A duplicate is no field to correct: its own message says what to do.
  const doublon = erreurs.length === 1 && erreurs[0]!.path === CONFIRMER_DOUBLON
  return {
    status: 400,
    body: {
      errors: [
        {
          name: 'ValidationError',
          message: doublon
            ? `La demande ne peut pas être validée. ${erreurs[0]!.message}`
            : `La demande ne peut pas être validée : ${erreurs.length} champ${s} à corriger (${erreurs.map((e) => e.path).join(', ')}).`,
          data: { collection: 'demandes', errors: erreurs },
        },
      ],
    },
  }
}

type Demande = DemandeSaisie &
  Record<string, unknown> & { id: number | string; statut: string; structureDeposante?: string | null }

async function contexte(req: PayloadRequest, demande: Demande): Promise<ContexteValidation> {
  const { payload } = req
  const diplomeId = idDe(demande.diplome)
  const diplome =
    diplomeId === null
      ? null
      : await payload
          .findByID({
            collection: 'diplomes',
            id: diplomeId,
            depth: 0,
            req,
            overrideAccess: true,
            select: { libelle: true, typeDiplome: true, durees: true, ouvert: true },
          })
          .catch(() => null)
  const lieeId = idDe(demande.demandeLiee)
  // Existence only: the linked demande may be another school's, its content is never read here.
  const demandeLieeExiste =
    lieeId === null
      ? false
      : (
          await payload.count({
            collection: 'demandes',
            where: { id: { equals: lieeId } },
            req,
            overrideAccess: true,
          })
        ).totalDocs === 1
  const memeStructure: Where = {
    and: [
      { structureDeposante: { equals: demande.structureDeposante ?? '' } },
      { rentree: { equals: demande.rentree ?? 0 } },
      { statut: { not_equals: 'brouillon' } },
      { id: { not_equals: demande.id } },
    ],
  }
  // Straight from the database adapter: a structure may have a hundred validated demandes, and only their
  // priorities are needed, not each document through the read hooks (docs/performance.md).
  const autres = await payload.db.find<{ priorite?: number | null }>({
    collection: 'demandes',
    where: memeStructure,
    limit: 0,
    pagination: false,
    req,
    select: { priorite: true },
  })
  return {
    diplome: diplome
      ? {
          libelle: diplome.libelle,
          typeDiplome: diplome.typeDiplome,
          durees: (diplome.durees ?? []) as number[],
          ouvert: Boolean(diplome.ouvert),
        }
      : null,
    demandeLieeExiste,
    prioritesPrises: autres.docs.map((d) => d.priorite).filter((p): p is number => typeof p === 'number'),
  }
}

/** The libellés of the établissements (concerné, référent: often the same), read in one query. */
async function libellesEtablissements(req: PayloadRequest, valeurs: unknown[]): Promise<string[]> {
  const ids = valeurs.map(idDe)
  const voulus = [...new Set(ids.filter((id): id is number | string => id !== null))]
  if (voulus.length === 0) return ids.map(() => '')
  const lus = await req.payload.find({
    collection: 'etablissements',
    where: { id: { in: voulus } },
    depth: 0,
    pagination: false,
    req,
    overrideAccess: true,
    select: { libelle: true },
  })
  const parId = new Map(lus.docs.map((e) => [String(e.id), e.libelle ?? '']))
  return ids.map((id) => (id === null ? '' : (parId.get(String(id)) ?? '')))
}

async function numeroDemande(req: PayloadRequest, valeur: unknown): Promise<string> {
  const id = idDe(valeur)
  if (id === null) return ''
  const d = await req.payload
    .findByID({ collection: 'demandes', id, depth: 0, req, overrideAccess: true, select: { numero: true } })
    .catch(() => null)
  return d?.numero ? `N° ${d.numero}` : ''
}

/** The recap as the filer will see it (used by the endpoint, the recap page and the consult page). */
export async function construireRecapitulatif(
  req: PayloadRequest,
  demande: Demande,
  ctx?: ContexteValidation,
) {
  const c = ctx ?? (await contexte(req, demande))
  const [etablissementConcerne, etablissementReferent] = await libellesEtablissements(req, [
    demande.etablissementConcerne,
    demande.etablissementReferent,
  ])
  return recapituler(demande, {
    diplome: c.diplome,
    etablissementConcerne: etablissementConcerne!,
    etablissementReferent: etablissementReferent!,
    demandeLiee: await numeroDemande(req, demande.demandeLiee),
  })
}

export type Recapitulatif = Awaited<ReturnType<typeof construireRecapitulatif>>

/** An annexe as the recap lists it: its name, its size in French, where to download it. */
export type AnnexeRecap = { id: number | string; nom: string; taille: string; url: string | null }

/** The recap before validation: the demande, its annexes, and the validated demandes it duplicates. */
export type RecapitulatifAValider = Recapitulatif & { annexes: AnnexeRecap[]; doublons: number[] }

/**
 * The numeros of the validated demandes this one duplicates (src/regles/doublons.ts), among those the caller may
 * read: a duplicate filed by another structure is neither shown nor counted, so the check reveals nothing.
 */
async function doublonsLisibles(req: PayloadRequest, demande: Demande): Promise<number[]> {
  const critere = critereDoublons(demande)
  if (!critere) return []
  const lus = await req.payload.find({
    collection: 'demandes',
    where: critere as Where,
    req,
    user: req.user,
    overrideAccess: false,
    depth: 0,
    limit: 20,
    select: {
      numero: true,
      statut: true,
      etablissementConcerne: true,
      diplome: true,
      dureeFormation: true,
      anneeFormation: true,
      mesure: true,
      rentree: true,
    },
  })
  return numerosDoublons(demande, lus.docs as never)
}

/** The demande's annexes as the caller reads them, oldest first. */
async function annexesDuRecap(req: PayloadRequest, demande: Demande): Promise<AnnexeRecap[]> {
  const lues = await req.payload.find({
    collection: 'annexes',
    where: { demande: { equals: demande.id } },
    req,
    user: req.user,
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: 'createdAt',
  })
  return lues.docs.map((a) => ({
    id: a.id,
    nom: nomAffiche(a.filename ?? ''),
    taille: tailleFr(a.filesize),
    url: a.url ?? null,
  }))
}

/** Why a validation did not happen, before any rule of the demande is checked. */
export type Refus =
  'non-connecte' | 'introuvable' | 'deja-validee' | 'interdite' | 'campagne-fermee' | 'concurrente'

/** What the validation use case found or did, whatever asked (the endpoint, the recap page, the demo). */
export type IssueValidation =
  | { issue: 'refusee'; refus: Refus; message: string }
  | { issue: 'a-corriger'; erreurs: ErreurChamp[] }
  | { issue: 'prete'; recapitulatif: RecapitulatifAValider }
  | { issue: 'validee'; doc: Record<string, unknown> }

const STATUT_DU_REFUS: Record<Refus, number> = {
  'non-connecte': 401,
  introuvable: 404,
  'deja-validee': 409,
  interdite: 403,
  'campagne-fermee': 403,
  concurrente: 409,
}

const refus = (r: Refus, message: string): IssueValidation => ({ issue: 'refusee', refus: r, message })

/** `confirmerDoublon`: the filer confirms filing a duplicate of a validated demande (the recap's checkbox). */
export type OptionsValidation = { confirmerDoublon?: boolean }

/**
 * Checks a draft (or a demande sent back for correction) and, with `confirmer`, validates it: the statut moves from
 * brouillon (or a-corriger) to validee in one atomic
 * database step, so two concurrent confirmations cannot both succeed. The recap (`confirmer: false`) only reads:
 * it takes no lock, and the confirmation checks everything again under the structure's lock.
 */
export async function validerDemande(
  req: PayloadRequest,
  id: string | number,
  confirmer: boolean,
  options: OptionsValidation = {},
): Promise<IssueValidation> {
  const user = utilisateurDe(req)
  if (!user) return refus('non-connecte', 'Vous devez être connecté pour valider une demande.')
  const { payload } = req
  const demande = (await demandeDuLecteur(req, id, 'Validation refusée')) as Demande | null
  if (!demande) {
    return refus('introuvable', "Cette demande n'existe pas ou ne vous est pas accessible.")
  }
  // A draft or a demande sent back for correction (src/regles/machine.ts); anything else is already validated.
  const transition = appliquer(demande.statut, 'validation')
  if ('refus' in transition) return refus('deja-validee', transition.refus)
  const depuis = demande.statut

  if (!(await demandeAdmise(req, demande.id, await validerDemandes({ req })))) {
    await journaliser(req, {
      action: 'refus',
      resume: `Validation refusée de la demande n° ${demande.numero}`,
      collection: 'demandes',
      documentId: demande.id,
    })
    return refus('interdite', "Vous n'êtes pas autorisé à valider cette demande.")
  }
  const fermee = peut(req, 'outrepasserVerrous') ? null : await campagneFermeePour(req, depuis)
  if (fermee) return refus('campagne-fermee', fermee)

  if (!confirmer) {
    const ctx = await contexte(req, demande)
    const erreurs = verifierDemande(demande, ctx)
    if (erreurs.length) return { issue: 'a-corriger', erreurs }
    const [recap, annexes, doublons] = await Promise.all([
      construireRecapitulatif(req, demande, ctx),
      annexesDuRecap(req, demande),
      depuis === 'brouillon' ? doublonsLisibles(req, demande) : Promise.resolve([]),
    ])
    return { issue: 'prete', recapitulatif: { ...recap, annexes, doublons } }
  }

  // Priorities are unique per structure and rentrée: check and validate one demande of a structure at a time.
  return sousVerrouPartage(payload, `validation:${demande.structureDeposante}`, async () => {
    const ctx = await contexte(req, demande)
    const erreurs = verifierDemande(demande, ctx)
    if (erreurs.length) return { issue: 'a-corriger', erreurs } as const
    // Checked at the first validation only: a demande sent back for correction was checked (or confirmed) then.
    const doublon =
      depuis === 'brouillon'
        ? verifierDoublons(await doublonsLisibles(req, demande), options.confirmerDoublon === true)
        : null
    if (doublon) return { issue: 'a-corriger', erreurs: [doublon] } as const
    if (!(await changerStatutSi(payload, demande.id, depuis, transition.statut))) {
      return refus(
        'concurrente',
        "Cette demande vient d'être validée par ailleurs : elle n'est plus modifiable.",
      )
    }
    try {
      const validee = await payload.update({
        collection: 'demandes',
        id: demande.id,
        data: { statut: transition.statut, valideeLe: new Date().toISOString(), validePar: user.id } as never,
        req,
        overrideAccess: true,
        context: { [CONTEXTE_VALIDATION]: true },
        depth: 0,
      })
      await journaliser(req, {
        action: 'validation',
        resume:
          depuis === 'a-corriger'
            ? `Demande n° ${demande.numero} corrigée et validée de nouveau`
            : `Demande n° ${demande.numero} validée`,
        collection: 'demandes',
        documentId: demande.id,
      })
      try {
        await envoyerAccuseReception(
          req,
          validee as never,
          await construireRecapitulatif(req, validee as unknown as Demande, ctx),
        )
      } catch (err) {
        // The validation stands; the missing acknowledgement is logged for the support.
        payload.logger.error({
          err,
          msg: `Accusé de réception de la demande n° ${demande.numero} non mis en file`,
        })
      }
      return { issue: 'validee', doc: validee as unknown as Record<string, unknown> } as const
    } catch (err) {
      await changerStatutSi(payload, demande.id, transition.statut, depuis)
      throw err
    }
  })
}

/** The HTTP answer of POST /api/demandes/:id/valider for each outcome (Payload's error shapes). */
export function reponseValidation(issue: IssueValidation): ResultatValidation {
  switch (issue.issue) {
    case 'refusee':
      return erreur(STATUT_DU_REFUS[issue.refus], issue.message)
    case 'a-corriger':
      return erreursDeValidation(issue.erreurs)
    case 'prete':
      return { status: 200, body: { pret: true, recapitulatif: issue.recapitulatif } }
    case 'validee':
      return { status: 200, body: { message: 'La demande a été validée.', doc: issue.doc } }
  }
}

/** POST /api/demandes/:id/valider: `confirmer: false` returns the recap or the errors; `true` validates. */
export async function traiterValidation(
  req: PayloadRequest,
  id: string | number,
  confirmer: boolean,
  options: OptionsValidation = {},
): Promise<ResultatValidation> {
  return reponseValidation(await validerDemande(req, id, confirmer, options))
}
