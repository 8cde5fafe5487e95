/**
 * The filter bar above the demandes list (src/admin/FiltresListe.tsx) and the dashboard's counters both speak
 * through these pure functions: filter values → Payload `where` → `where[...]` query parameters, and back. The
 * list, its pagination, the export button (which forwards `where[...]`) and saved filters all read the URL.
 */
import type { Where } from 'payload'

/** The départements of Occitanie (data/reference/occitanie_departements_academies.csv): code, name, académie. */
export const DEPARTEMENTS = [
  { value: '09', label: 'Ariège', academie: 'toulouse' },
  { value: '11', label: 'Aude', academie: 'montpellier' },
  { value: '12', label: 'Aveyron', academie: 'toulouse' },
  { value: '30', label: 'Gard', academie: 'montpellier' },
  { value: '31', label: 'Haute-Garonne', academie: 'toulouse' },
  { value: '32', label: 'Gers', academie: 'toulouse' },
  { value: '34', label: 'Hérault', academie: 'montpellier' },
  { value: '46', label: 'Lot', academie: 'toulouse' },
  { value: '48', label: 'Lozère', academie: 'montpellier' },
  { value: '65', label: 'Hautes-Pyrénées', academie: 'toulouse' },
  { value: '66', label: 'Pyrénées-Orientales', academie: 'montpellier' },
  { value: '81', label: 'Tarn', academie: 'toulouse' },
  { value: '82', label: 'Tarn-et-Garonne', academie: 'toulouse' },
] as const

export type Filtres = {
  academie?: string
  departement?: string
  /** UAI or part of the name of the établissement concerné. */
  etablissement?: string
  typeDiplome?: string
  mesure?: string
  statut?: string
  /** Validated demandes that have no avis yet. */
  sansAvis?: boolean
  /** Validated demandes that have no décision yet. */
  sansDecision?: boolean
}

/** « Sans avis » and « sans décision » are about validated demandes: a draft has neither, and is nobody's task. */
const NON_VALIDEES = ['brouillon', 'a-corriger']

const EGAL = ['academie', 'departement', 'typeDiplome', 'mesure', 'statut'] as const

/** The `where` of the filter values: one condition per filter set, all required (`and`); `{}` when none. */
export function whereDesFiltres(f: Filtres): Where {
  const et: Where[] = []
  for (const champ of EGAL) {
    const v = f[champ]?.trim()
    if (v) et.push({ [champ]: { equals: v } })
  }
  const etab = f.etablissement?.trim()
  if (etab)
    et.push({
      or: [{ 'etablissementConcerne.uai': { like: etab } }, { 'etablissementConcerne.nom': { like: etab } }],
    })
  if (f.sansAvis) et.push({ 'avis.avis': { exists: false } })
  if (f.sansDecision) et.push({ 'decision.decision': { exists: false } })
  if (f.sansAvis || f.sansDecision) et.push({ statut: { not_in: NON_VALIDEES } })
  return et.length ? { and: et } : {}
}

/** A `where` as bracketed query parameters (`where[and][0][mesure][equals]=ouverture`), as Payload's qs reads them. */
export function parametresDuWhere(where: Where, prefixe = 'where'): [string, string][] {
  const resultat: [string, string][] = []
  const aplatir = (valeur: unknown, cle: string) => {
    if (Array.isArray(valeur)) valeur.forEach((v, i) => aplatir(v, `${cle}[${i}]`))
    else if (valeur !== null && typeof valeur === 'object')
      for (const [k, v] of Object.entries(valeur)) aplatir(v, `${cle}[${k}]`)
    else if (valeur !== undefined) resultat.push([cle, String(valeur)])
  }
  for (const [k, v] of Object.entries(where)) aplatir(v, `${prefixe}[${k}]`)
  return resultat
}

/** The list's address for filter values (what the bar writes, what the dashboard's counters link to). */
export function lienListeFiltree(f: Filtres): string {
  const requete = new URLSearchParams(parametresDuWhere(whereDesFiltres(f))).toString()
  return `/admin/collections/demandes${requete ? `?${requete}` : ''}`
}

type Arbre = { [cle: string]: Arbre | string }

/** `where[...]` parameters back to a tree (arrays as objects with numeric keys, values as strings). */
function deplier(parametres: Iterable<[string, string]>): Arbre {
  const racine: Arbre = {}
  for (const [cle, valeur] of parametres) {
    const m = /^where((?:\[[^\]]*\])+)$/.exec(cle)
    if (!m) continue
    const chemin = [...m[1]!.matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]!)
    let noeud = racine
    chemin.forEach((segment, i) => {
      if (i === chemin.length - 1) noeud[segment] = valeur
      else {
        const suivant = noeud[segment]
        if (typeof suivant !== 'object') noeud[segment] = {}
        noeud = noeud[segment] as Arbre
      }
    })
  }
  return racine
}

const liste = (a: Arbre | string | undefined): (Arbre | string)[] =>
  a && typeof a === 'object'
    ? Object.keys(a)
        .sort((x, y) => Number(x) - Number(y))
        .map((k) => a[k]!)
    : []

/**
 * The filter values a list address carries: the conditions this bar writes, found under `where[and]` (or the one
 * `where[or][0][and]` Payload's own filter builder makes of it). Anything else is not a value of the bar.
 */
export function filtresDesParametres(parametres: Iterable<[string, string]>): Filtres {
  const where = deplier(parametres)
  const ou = liste(where.or)
  const conditions = [
    ...liste(where.and),
    ...(ou.length === 1 && typeof ou[0] === 'object' ? liste(ou[0].and) : []),
  ]
  const f: Filtres = {}
  for (const c of conditions) {
    if (typeof c !== 'object') continue
    const cles = Object.keys(c)
    if (cles.length !== 1) continue
    const champ = cles[0]!
    const op = c[champ]
    if (champ === 'or') {
      const branches = liste(op)
      const like = (b: Arbre | string | undefined, chemin: string) =>
        typeof b === 'object' && typeof b[chemin] === 'object' ? (b[chemin] as Arbre).like : undefined
      const uai = like(branches[0], 'etablissementConcerne.uai')
      if (
        branches.length === 2 &&
        typeof uai === 'string' &&
        uai === like(branches[1], 'etablissementConcerne.nom')
      )
        f.etablissement = uai
      continue
    }
    if (typeof op !== 'object') continue
    if ((EGAL as readonly string[]).includes(champ) && typeof op.equals === 'string')
      f[champ as (typeof EGAL)[number]] = op.equals
    if (champ === 'avis.avis' && op.exists === 'false') f.sansAvis = true
    if (champ === 'decision.decision' && op.exists === 'false') f.sansDecision = true
  }
  return f
}

/** Every parameter that is not a `where` (sort, limit, columns, preset…), kept when the filters change. */
export function autresParametres(parametres: Iterable<[string, string]>): [string, string][] {
  return [...parametres].filter(([cle]) => !cle.startsWith('where') && cle !== 'page')
}
