import type { ErreurChamp } from './validationDemande'

/**
 * Two demandes ask for the same thing when they name the same établissement, diplôme, durée, année, mesure and
 * rentrée: filing it twice is almost always a slip (a draft started again), seldom meant (two sites).
 */
export const CHAMPS_DOUBLON = [
  'etablissementConcerne',
  'diplome',
  'dureeFormation',
  'anneeFormation',
  'mesure',
  'rentree',
] as const

type Id = number | string
type Champ = (typeof CHAMPS_DOUBLON)[number]

/** What the rule reads of a demande: ids, or populated documents (the admin form, a depth ≥ 1 read). */
export type DemandeComparee = Partial<Record<Champ, unknown>> & {
  id?: Id | null
  numero?: number | null
  statut?: string | null
}

/** The API's flag that confirms a duplicate at validation (POST /api/demandes/:id/valider). */
export const CONFIRMER_DOUBLON = 'confirmerDoublon'

const valeur = (v: unknown): string | null => {
  if (v && typeof v === 'object' && 'id' in v) return valeur((v as { id: unknown }).id)
  if (typeof v === 'number' || (typeof v === 'string' && v !== '')) return String(v)
  return null
}

/** The demande's six values as strings, or null while one is missing (an incomplete draft duplicates nothing). */
export function cleDoublon(d: DemandeComparee): string[] | null {
  const cle = CHAMPS_DOUBLON.map((c) => valeur(d[c]))
  return cle.every((v): v is string => v !== null) ? cle : null
}

/** Does `autre`, a validated demande (any statut but brouillon), duplicate `d`? Never the demande itself. */
export function estDoublon(d: DemandeComparee, autre: DemandeComparee): boolean {
  if (!autre.statut || autre.statut === 'brouillon') return false
  if (d.id !== undefined && d.id !== null && String(d.id) === String(autre.id)) return false
  const a = cleDoublon(d)
  const b = cleDoublon(autre)
  return a !== null && b !== null && a.every((v, i) => v === b[i])
}

/** The numeros of the validated demandes among `candidats` that `d` duplicates, in order. */
export function numerosDoublons(d: DemandeComparee, candidats: DemandeComparee[]): number[] {
  return candidats
    .filter((c) => estDoublon(d, c))
    .map((c) => c.numero)
    .filter((n): n is number => typeof n === 'number')
    .sort((x, y) => x - y)
}

/**
 * The query for the candidates (the caller runs it with the filer's own read access), or null when `d` is
 * incomplete. Every statut but brouillon: a filer reads them all as « validée » before publication.
 */
export function critereDoublons(d: DemandeComparee) {
  const cle = cleDoublon(d)
  if (!cle) return null
  return {
    and: [
      ...CHAMPS_DOUBLON.map((c, i) => ({ [c]: { equals: egal(c, d[c], cle[i]!) } })),
      { statut: { not_equals: 'brouillon' } },
      ...(d.id !== undefined && d.id !== null ? [{ id: { not_equals: d.id } }] : []),
    ],
  }
}

const idBrut = (v: unknown): unknown =>
  v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v
// Relationships keep the adapter's id type, `mesure` is a string, the other three are numbers.
const egal = (c: Champ, v: unknown, texte: string): unknown =>
  c === 'etablissementConcerne' || c === 'diplome' ? idBrut(v) : c === 'mesure' ? texte : Number(texte)

const listeNumeros = (numeros: number[]) => {
  const n = numeros.map((x) => `n° ${x}`)
  return n.length === 1 ? `la demande ${n[0]}` : `les demandes ${n.slice(0, -1).join(', ')} et ${n.at(-1)}`
}

/** The notice of the form (the draft is saved all the same), or of the recap (`recap`: confirm below). */
export function avertissementDoublon(numeros: number[], ou: 'formulaire' | 'recap' = 'formulaire'): string {
  const validee = numeros.length > 1 ? 'déjà validées' : 'déjà validée'
  const suite =
    ou === 'recap'
      ? 'pour la valider quand même, cochez la case ci-dessous.'
      : 'votre brouillon est enregistré, mais pour le valider quand même il faudra le confirmer dans le récapitulatif.'
  return `Attention : cette demande est identique à ${listeNumeros(numeros)}, ${validee} (même établissement, diplôme, durée, année, mesure et rentrée). Vérifiez qu'il ne s'agit pas d'un doublon ; ${suite}`
}

/** At validation: refused while a duplicate is not confirmed (the recap's checkbox, or the API's flag). */
export function verifierDoublons(numeros: number[], confirme: boolean): ErreurChamp | null {
  if (numeros.length === 0 || confirme) return null
  const validee = numeros.length > 1 ? 'déjà validées' : 'déjà validée'
  return {
    path: CONFIRMER_DOUBLON,
    message: `Doublon : cette demande est identique à ${listeNumeros(numeros)}, ${validee} (même établissement, diplôme, durée, année, mesure et rentrée). Pour la valider quand même, cochez « Je confirme déposer cette demande en double » dans le récapitulatif.`,
  }
}
