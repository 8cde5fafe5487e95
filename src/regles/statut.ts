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

/** `a-corriger`: sent back to its filer (version 2 of the contract); it is the filer's business, always shown. */
export type StatutDemande = 'brouillon' | 'a-corriger' | 'validee' | 'en-instruction' | 'retenue' | 'non-retenue' | 'ajournee'
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
export function statutApresInstruction(statut: string | null | undefined, instruction: { avis?: unknown; decision?: unknown }): StatutDemande {
  const depot = statutDepot(statut)
  if (depot !== 'validee') return depot
  const decision = valeur(instruction.decision, 'decision')
  if (decision && DECISIONS.has(decision)) return decision as StatutDemande
  return valeur(instruction.avis, 'avis') ? 'en-instruction' : 'validee'
}

/** What the DRAAF sees before publication: the statut without the décision. */
export function statutSansDecision(statut: string | null | undefined, instruction: { avis?: unknown }): StatutDemande {
  return statutApresInstruction(statut, { avis: instruction.avis })
}

/** What schools and réseaux see: their filing state until the decisions are published, then the real statut. */
export function statutVuParDeposant(statut: string | null | undefined, campagne: { decisionsPubliees?: boolean | null }): StatutDemande {
  return campagne.decisionsPubliees ? ((statut ?? 'brouillon') as StatutDemande) : statutDepot(statut)
}

/** Which view a role gets. Unknown or absent roles get the narrowest one. */
export function vueDuRole(role: string | null | undefined, campagne: { decisionsPubliees?: boolean | null }): Vue {
  if (role === 'etablissement' || role === 'reseau') return campagne.decisionsPubliees ? 'complete' : 'sans-instruction'
  if (role === 'draaf') return campagne.decisionsPubliees ? 'complete' : 'sans-decision'
  if (role === 'admin' || role === 'region' || role === 'rectorat' || role === 'carif-oref' || role === 'integration') return 'complete'
  return 'sans-instruction'
}

/** The stored field that holds each partial view. */
export const CHAMP_DE_LA_VUE = { 'sans-instruction': 'statutDepot', 'sans-decision': 'statutSansDecision' } as const

type DocStatut = { statut?: string | null; avis?: unknown; statutDepot?: string | null; statutSansDecision?: string | null }

/** The statut a view shows of a document (its stored views when present, else computed from what it carries). */
export function statutSelonVue(doc: DocStatut, vue: Vue): string | null | undefined {
  if (vue === 'complete' || doc.statut === undefined) return doc.statut
  if (vue === 'sans-instruction') return statutDepot(doc.statut)
  return doc.statutSansDecision ?? statutSansDecision(doc.statut, { avis: doc.avis })
}

/** The fields derived from the statut, as the server stores them on every write. */
export function statutsDerives(doc: { statut?: string | null; avis?: unknown }): { statutDepot: StatutDepot; statutSansDecision: StatutDemande } {
  return { statutDepot: statutDepot(doc.statut), statutSansDecision: statutSansDecision(doc.statut, { avis: doc.avis }) }
}

type Where = Record<string, unknown>

/** A path names the statut when its last segment is `statut` (`statut`, `version.statut`, `demandeLiee.statut`, GraphQL's `version__statut`). */
function cheminVu(chemin: string, vue: Vue): string {
  if (vue === 'complete') return chemin
  const segments = chemin.replace(/__/g, '.').split('.')
  if (segments[segments.length - 1] !== 'statut') return chemin
  segments[segments.length - 1] = CHAMP_DE_LA_VUE[vue]
  return segments.join('.')
}

const objet = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * A `where` as the view answers it: every path to a statut (top level, through and/or, through relationships and
 * nested relationship queries) reads the stored view instead. Operators are left as they are: the stored view has
 * exactly the values the reader sees, so equals, in, not_equals, exists, like… all answer on what is visible.
 */
export function reecrireWhere<W>(where: W, vue: Vue): W {
  if (vue === 'complete' || !objet(where)) return where
  const resultat: Where = {}
  for (const [cle, v] of Object.entries(where)) {
    if ((cle === 'and' || cle === 'or') && Array.isArray(v)) {
      resultat[cle] = v.map((w) => reecrireWhere(w, vue))
      continue
    }
    const cible = cheminVu(cle, vue)
    // Operators whose value is itself a where (nested relationship queries: `contains: { … }`).
    const operateurs = objet(v) ? Object.fromEntries(Object.entries(v).map(([op, val]) => [op, objet(val) ? reecrireWhere(val, vue) : val])) : v
    // Two keys naming the same path (`statut` and `statutDepot`): both conditions kept.
    if (cible in resultat) resultat.and = [...((resultat.and as Where[] | undefined) ?? []), { [cible]: operateurs }]
    else resultat[cible] = operateurs
  }
  return resultat as W
}

/** A `sort` (string, comma list or array, `-` for descending) as the view answers it. */
export function reecrireSort<S>(sort: S, vue: Vue): S {
  if (vue === 'complete') return sort
  const un = (s: string) => (s.startsWith('-') ? `-${cheminVu(s.slice(1), vue)}` : cheminVu(s, vue))
  if (typeof sort === 'string') return sort.split(',').map((s) => un(s.trim())).join(',') as S
  if (Array.isArray(sort)) return sort.map((s) => (typeof s === 'string' ? un(s) : s)) as S
  return sort
}

/** A field name (findDistinct) as the view answers it. */
export function reecrireChamp<C>(champ: C, vue: Vue): C {
  return typeof champ === 'string' ? (cheminVu(champ, vue) as C) : champ
}
