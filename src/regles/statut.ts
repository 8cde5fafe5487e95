/**
 * The statut of a demande as each reader may see it (SECURITY 26: before the Région publishes, a filer sees no
 * trace that an avis or a décision exists). Pure functions: the statut machine of the instruction reuses them.
 *
 * Three views of one statut:
 * - `complete`: the stored statut (authorities, admin, integrations; every filer once decisions are published);
 * - `sans-decision`: the DRAAF files and also gives avis, so it sees the avis (`en-instruction`) but not the
 *   décision before publication;
 * - `sans-instruction`: schools and réseaux see `validee` for anything validated, until publication.
 *
 * Each partial view is also stored on the demande (`statutDepot`, `statutSansDecision`, kept by the server on
 * every write): a filter or a sort on `statut` is answered on the stored view, so no operator, count or order can
 * tell the real statut apart.
 */

import { capaciteDuRole, estRole } from '../../access/permissions'

/** `a-corriger`: sent back to its filer (version 2 of the contract); it is the filer's business, always shown. */
export type StatutDemande =
  'brouillon' | 'a-corriger' | 'validee' | 'en-instruction' | 'retenue' | 'non-retenue' | 'ajournee'
export type StatutDepot = 'brouillon' | 'a-corriger' | 'validee'
export type Vue = 'complete' | 'sans-decision' | 'sans-instruction'

const DECISIONS = new Set(['retenue', 'non-retenue', 'ajournee'])

/** The filing state alone: draft, sent back for correction, or validated (whatever the instruction says). */
export function statutDepot(statut: string | null | undefined): StatutDepot {
  if (!statut || statut === 'brouillon') return 'brouillon'
  if (statut === 'a-corriger') return 'a-corriger'
  return 'validee'
}

const valeur = (groupe: unknown, champ: string): string | null => {
  const v = groupe && typeof groupe === 'object' ? (groupe as Record<string, unknown>)[champ] : null
  return typeof v === 'string' && v !== '' ? v : null
}

/**
 * The statut that follows from the avis and the décision present: a décision gives its value, else an avis gives
 * `en-instruction`, else `validee`. Withdrawing a décision goes back to `en-instruction` if an avis remains, else
 * `validee`; withdrawing the avis goes back to `validee`. A draft (or a demande sent back) stays what it is.
 */
export function statutApresInstruction(
  statut: string | null | undefined,
  instruction: { avis?: unknown; decision?: unknown },
): StatutDemande {
  const depot = statutDepot(statut)
  if (depot !== 'validee') return depot
  const decision = valeur(instruction.decision, 'decision')
  if (decision && DECISIONS.has(decision)) return decision as StatutDemande
  return valeur(instruction.avis, 'avis') ? 'en-instruction' : 'validee'
}

/** What the DRAAF sees before publication: the statut without the décision. */
export function statutSansDecision(
  statut: string | null | undefined,
  instruction: { avis?: unknown },
): StatutDemande {
  return statutApresInstruction(statut, { avis: instruction.avis })
}

/** What schools and réseaux see: their filing state until the decisions are published, then the real statut. */
export function statutVuParDeposant(
  statut: string | null | undefined,
  campagne: { decisionsPubliees?: boolean | null },
): StatutDemande {
  return campagne.decisionsPubliees ? ((statut ?? 'brouillon') as StatutDemande) : statutDepot(statut)
}

/** Which view a role gets. Unknown or absent roles get the narrowest one. */
export function vueDuRole(
  role: string | null | undefined,
  campagne: { decisionsPubliees?: boolean | null },
): Vue {
  if (!estRole(role)) return 'sans-instruction'
  if (campagne.decisionsPubliees || capaciteDuRole(role, 'lireDecisionsAvantPublication')) return 'complete'
  return capaciteDuRole(role, 'lireAvisAvantPublication') ? 'sans-decision' : 'sans-instruction'
}

/** The stored field that holds each partial view. */
export const CHAMP_DE_LA_VUE = {
  'sans-instruction': 'statutDepot',
  'sans-decision': 'statutSansDecision',
} as const

/**
 * The date each partial view shows as `updatedAt`, stored beside the statut: an avis or a décision is a write, and
 * a date that moves when one is recorded would tell a filer it exists.
 */
export const DATE_DE_LA_VUE = {
  'sans-instruction': 'modifieeLeDepot',
  'sans-decision': 'modifieeLeSansDecision',
} as const

/** What each partial view does not see change (the instruction, and the other view's stored fields). */
const INVISIBLES: Record<keyof typeof DATE_DE_LA_VUE, ReadonlySet<string>> = {
  'sans-instruction': new Set(['avis', 'decision', 'statut', 'statutSansDecision', 'modifieeLeSansDecision']),
  'sans-decision': new Set(['decision', 'statut', 'statutDepot', 'modifieeLeDepot']),
}

/**
 * The stored dates after a write that changed `modifies` (top-level fields, server fields included): a view keeps
 * the date it showed when nothing it sees changed, else it moves to `maintenant`.
 */
export function datesDesVues(
  modifies: readonly string[],
  avant: Partial<Record<string, unknown>> | null | undefined,
  maintenant: string,
): Record<(typeof DATE_DE_LA_VUE)[keyof typeof DATE_DE_LA_VUE], string> {
  const resultat = {} as Record<(typeof DATE_DE_LA_VUE)[keyof typeof DATE_DE_LA_VUE], string>
  for (const [vue, champ] of Object.entries(DATE_DE_LA_VUE) as [
    keyof typeof DATE_DE_LA_VUE,
    (typeof DATE_DE_LA_VUE)[keyof typeof DATE_DE_LA_VUE],
  ][]) {
    const precedente = avant?.[champ]
    const garde =
      typeof precedente === 'string' && precedente !== '' && modifies.every((c) => INVISIBLES[vue].has(c))
    resultat[champ] = garde ? precedente : maintenant
  }
  return resultat
}

/**
 * The dates of a demande stored before the views' dates existed (SQLite: migration 20261203_dates_des_vues, same
 * rule): an instructed demande was last changed, for its filer, when validated; for the DRAAF, at the latest avis.
 */
export function datesInitiales(doc: {
  statut?: unknown
  updatedAt?: unknown
  valideeLe?: unknown
  avis?: unknown
  decision?: unknown
}): Record<(typeof DATE_DE_LA_VUE)[keyof typeof DATE_DE_LA_VUE], string | null> {
  const date = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' && v ? v : null)
  const maj = date(doc.updatedAt)
  const validee = date(doc.valideeLe) ?? maj
  const instruite = doc.statut !== 'brouillon' && doc.statut != null
  const avis = valeur(doc.avis, 'avis')
  const decision = valeur(doc.decision, 'decision')
  const dateAvis =
    date(doc.avis && typeof doc.avis === 'object' ? (doc.avis as Record<string, unknown>).date : null) ??
    validee
  return {
    modifieeLeDepot: instruite && (avis || decision) ? validee : maj,
    modifieeLeSansDecision:
      instruite && decision
        ? ([validee, dateAvis]
            .filter((d): d is string => d !== null)
            .sort()
            .pop() ?? null)
        : maj,
  }
}

type DocStatut = {
  statut?: string | null
  avis?: unknown
  statutDepot?: string | null
  statutSansDecision?: string | null
}

/** The statut a view shows of a document (its stored views when present, else computed from what it carries). */
export function statutSelonVue(doc: DocStatut, vue: Vue): string | null | undefined {
  if (vue === 'complete' || doc.statut === undefined) return doc.statut
  if (vue === 'sans-instruction') return statutDepot(doc.statut)
  return doc.statutSansDecision ?? statutSansDecision(doc.statut, { avis: doc.avis })
}

/** The fields derived from the statut, as the server stores them on every write. */
export function statutsDerives(doc: { statut?: string | null; avis?: unknown }): {
  statutDepot: StatutDepot
  statutSansDecision: StatutDemande
} {
  return {
    statutDepot: statutDepot(doc.statut),
    statutSansDecision: statutSansDecision(doc.statut, { avis: doc.avis }),
  }
}

type Where = Record<string, unknown>

/**
 * Tells whether a path's last segment is a field of a demande (`updatedAt`, `demandeLiee.updatedAt`,
 * `version.updatedAt`), not of another document (`etablissementConcerne.updatedAt`, an annexe's own `updatedAt`).
 */
export type EstChampDeDemande = (segments: string[]) => boolean

/**
 * A path names the statut when its last segment is `statut` (`statut`, `version.statut`, `demandeLiee.statut`,
 * GraphQL's `version__statut`): only demandes have one. It names the date when it ends in a demande's `updatedAt`.
 */
function cheminVu(chemin: string, vue: Vue, estDeDemande?: EstChampDeDemande): string {
  if (vue === 'complete') return chemin
  const segments = chemin.replace(/__/g, '.').split('.')
  const dernier = segments[segments.length - 1]
  if (dernier === 'statut') segments[segments.length - 1] = CHAMP_DE_LA_VUE[vue]
  else if (dernier === 'updatedAt' && estDeDemande?.(segments))
    segments[segments.length - 1] = DATE_DE_LA_VUE[vue]
  else return chemin
  return segments.join('.')
}

// Plain objects only: GraphQL gives dates as Date objects, values to keep as they are (not wheres to rewrite).
const objet = (v: unknown): v is Record<string, unknown> =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v))

/**
 * A `where` as the view answers it: every path to a statut (top level, through and/or, through relationships and
 * nested relationship queries) reads the stored view instead. Operators are left as they are: the stored view has
 * exactly the values the reader sees, so equals, in, not_equals, exists, like… all answer on what is visible.
 */
export function reecrireWhere<W>(where: W, vue: Vue, estDeDemande?: EstChampDeDemande): W {
  if (vue === 'complete' || !objet(where)) return where
  const resultat: Where = {}
  for (const [cle, v] of Object.entries(where)) {
    // Payload reads `and`/`or` in any case (GraphQL writes `AND`/`OR`): so must the rewrite, or `AND` reads the real statut.
    if ((cle.toLowerCase() === 'and' || cle.toLowerCase() === 'or') && Array.isArray(v)) {
      resultat[cle] = v.map((w) => reecrireWhere(w, vue, estDeDemande))
      continue
    }
    const cible = cheminVu(cle, vue, estDeDemande)
    // Operators whose value is itself a where (nested relationship queries: `contains: { … }`): the related
    // collection's own fields, so only its statut is known to be a demande's.
    const operateurs = objet(v)
      ? Object.fromEntries(
          Object.entries(v).map(([op, val]) => [op, objet(val) ? reecrireWhere(val, vue) : val]),
        )
      : v
    // Two keys naming the same path (`statut` and `statutDepot`): both conditions kept.
    if (cible in resultat)
      resultat.and = [...((resultat.and as Where[] | undefined) ?? []), { [cible]: operateurs }]
    else resultat[cible] = operateurs
  }
  return resultat as W
}

/** A `sort` (string, comma list or array, `-` for descending) as the view answers it. */
export function reecrireSort<S>(sort: S, vue: Vue, estDeDemande?: EstChampDeDemande): S {
  if (vue === 'complete') return sort
  const un = (s: string) =>
    s.startsWith('-') ? `-${cheminVu(s.slice(1), vue, estDeDemande)}` : cheminVu(s, vue, estDeDemande)
  if (typeof sort === 'string')
    return sort
      .split(',')
      .map((s) => un(s.trim()))
      .join(',') as S
  if (Array.isArray(sort)) return sort.map((s) => (typeof s === 'string' ? un(s) : s)) as S
  return sort
}

/** A field name (findDistinct) as the view answers it. */
export function reecrireChamp<C>(champ: C, vue: Vue, estDeDemande?: EstChampDeDemande): C {
  return typeof champ === 'string' ? (cheminVu(champ, vue, estDeDemande) as C) : champ
}
