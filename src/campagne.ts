import type { Payload, PayloadRequest } from 'payload'

import { dateHeureFr } from './formatsDates'
import type { Campagne as CampagneLue } from './payload-types'
import { tenueParLaCampagne } from './regles/machine'

const CHAMPS = {
  rentree: true,
  ouverture: true,
  cloture: true,
  contactSupport: true,
  decisionsPubliees: true,
} as const

/** The fields of the campagne global that the requests read. */
export type Campagne = Pick<CampagneLue, keyof typeof CHAMPS>

/**
 * The campagne global is read by almost every request (field access of the avis, hooks of every save): kept in
 * memory for a few seconds per Payload instance, forgotten as soon as this instance changes it. Another instance
 * sharing the database sees a change within DUREE_MEMOIRE_MS. Only the fields above are read (the rich text of the
 * home page costs more to read than the rest). Within a request, field access functions running side by side share
 * one read.
 */
export const DUREE_MEMOIRE_MS = 5_000
const memoire = new WeakMap<Payload, { campagne: Campagne; lueLe: number }>()
const lectures = new WeakMap<PayloadRequest, Promise<Campagne>>()
// Bumped by each change: a read that started before it must not put the old value back in memory.
const generations = new WeakMap<Payload, number>()

export function oublierCampagne(payload: Payload): void {
  memoire.delete(payload)
  generations.set(payload, (generations.get(payload) ?? 0) + 1)
}

export function lireCampagne(req: PayloadRequest): Promise<Campagne> {
  if (req.context.campagne) return Promise.resolve(req.context.campagne as Campagne)
  const gardee = memoire.get(req.payload)
  if (gardee && Date.now() - gardee.lueLe < DUREE_MEMOIRE_MS) {
    req.context.campagne = gardee.campagne
    return Promise.resolve(gardee.campagne)
  }
  let lecture = lectures.get(req)
  if (!lecture) {
    const lueLe = Date.now()
    const generation = generations.get(req.payload) ?? 0
    lecture = req.payload
      .findGlobal({ slug: 'campagne', depth: 0, req, overrideAccess: true, select: CHAMPS })
      .then((brut) => {
        // A global never saved has no rentrée yet.
        const lu: Partial<Campagne> = brut
        const campagne: Campagne = { ...lu, rentree: lu.rentree ?? new Date().getFullYear() + 1 }
        req.context.campagne = campagne
        if ((generations.get(req.payload) ?? 0) === generation) memoire.set(req.payload, { campagne, lueLe })
        return campagne
      })
    lectures.set(req, lecture)
  }
  return lecture
}

export type EtatCampagne = 'ouverte' | 'pas-encore-ouverte' | 'close' | 'non-configuree'

/**
 * Where `maintenant` stands in the window [ouverture, cloture]: both instants exactly as stored (to the minute set
 * in the campaign), the same ones every page and mail shows (`formaterInstant`).
 */
export function etatCampagne(
  campagne: Pick<Campagne, 'ouverture' | 'cloture'>,
  maintenant = new Date(),
): EtatCampagne {
  if (!campagne.ouverture || !campagne.cloture) return 'non-configuree'
  const ouverture = new Date(campagne.ouverture)
  const cloture = new Date(campagne.cloture)
  if (maintenant < ouverture) return 'pas-encore-ouverte'
  if (maintenant > cloture) return 'close'
  return 'ouverte'
}

export function formaterDate(iso: string | null | undefined): string {
  if (!iso) return '?'
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
    new Date(iso),
  )
}

/** « 31 janvier 2027 à 14 h 33 » (Paris time): an opening or closing instant, as the rule above honours it. */
export function formaterInstant(iso: string | null | undefined): string {
  return iso ? dateHeureFr(iso) : '?'
}

/** « jusqu'au 31 janvier 2027 à 14 h 33 »: until when an open campaign takes demandes. */
export function jusquAuCloture(campagne: Pick<Campagne, 'cloture'>): string {
  return `jusqu'au ${formaterInstant(campagne.cloture)}`
}

export function messageCampagneFermee(campagne: Campagne, etat: EtatCampagne): string {
  switch (etat) {
    case 'pas-encore-ouverte':
      return `La campagne de saisie de la rentrée ${campagne.rentree} n'est pas encore ouverte : elle ouvre le ${formaterInstant(campagne.ouverture)}.`
    case 'close':
      return `La campagne de saisie de la rentrée ${campagne.rentree} est close depuis le ${formaterInstant(campagne.cloture)} : les demandes ne peuvent plus être déposées ni modifiées.`
    default:
      return "La campagne de saisie n'est pas encore programmée : les dates d'ouverture et de clôture ne sont pas fixées."
  }
}

/** Why filers may not write now (campaign not open), in French; null when they may. */
export async function campagneFermee(req: PayloadRequest): Promise<string | null> {
  const campagne = await lireCampagne(req)
  const etat = etatCampagne(campagne)
  return etat === 'ouverte' ? null : messageCampagneFermee(campagne, etat)
}

/** The same for a write on a demande in this statut (`undefined`: a new one): a correction outlives the closing. */
export async function campagneFermeePour(
  req: PayloadRequest,
  statut: string | null | undefined,
): Promise<string | null> {
  return tenueParLaCampagne(statut) ? campagneFermee(req) : null
}
