/**
 * Every field the platform derives from the public sources, in one place: the build of data/reference
 * (src/cli/construire-reference.ts) and the import (lire.ts) call these, so a re-import of the raw export gives
 * the values the shipped files hold. Pure functions, no Payload.
 */

/** Header names compared without case, accents or punctuation, so a re-export with other casing still reads. */
export function cleEntete(entete: string): string {
  return entete
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
}

/**
 * Natures (code_nature of the annuaire, N_NATURE_UAI) that can hold vocational programmes, and the type the
 * platform shows for each. Any other nature (écoles, collèges, services…) is « hors champ ».
 */
export const TYPE_PAR_NATURE: Readonly<Record<string, string>> = {
  '300': 'LGT',
  '301': 'LT',
  '302': 'LG',
  '306': 'LPO',
  '307': 'LEGTPA',
  '310': 'LCLIM',
  '320': 'LP',
  '334': 'SEP',
  '335': 'SGT',
  '370': 'EREA',
  '380': 'MFR',
  '400': 'STS-CPGE',
  '600': 'CFA',
  '605': 'OF-CFA',
  '610': 'CFA',
  '630': 'SA',
}

export type Academie = 'montpellier' | 'toulouse'
export type Secteur = 'public' | 'prive'
export type Ministere = 'education-nationale' | 'agriculture' | 'autre'

export function academieDe(valeur: string): Academie | null {
  const v = cleEntete(valeur)
  if (v === '11' || v === 'montpellier') return 'montpellier'
  if (v === '16' || v === 'toulouse') return 'toulouse'
  return null
}

/** PU/PR (our file, ACCE) or Public/Privé (annuaire's statut_public_prive). */
export function secteurDe(valeur: string): Secteur | null {
  const v = cleEntete(valeur)
  if (v === 'pu' || v === 'public') return 'public'
  if (v === 'pr' || v === 'prive') return 'prive'
  return null
}

export function ministereDe(tutelle: string, agricole: string): Ministere {
  const v = cleEntete(tutelle)
  if (v.includes('agriculture') || cleEntete(agricole) === 'oui') return 'agriculture'
  if (v.includes('education_nationale')) return 'education-nationale'
  return 'autre'
}

/** The annuaire writes départements on 3 characters (034): the 2-character code, '' when empty, null when invalid. */
export function departementDe(valeur: string): string | null {
  const v = valeur
    .trim()
    .toUpperCase()
    .replace(/^0(\d{2}|2A|2B)$/, '$1')
  if (!v) return ''
  const code = /^\d$/.test(v) ? v.padStart(2, '0') : v
  return /^(\d{2}|2A|2B)$/.test(code) && code !== '00' ? code : null
}

/** The nature code as the annuaire writes it (3 digits); '' when the file gives none. */
export function natureDe(valeur: string): string {
  const v = valeur.trim()
  return /^\d{1,3}$/.test(v) ? v.padStart(3, '0') : v
}

/** Whether a row is in the platform's scope: without a nature (older files), every row is. */
export function natureDansLeChamp(nature: string): boolean {
  return !nature || nature in TYPE_PAR_NATURE
}

/** The type from the nature code; a file's own `type` column only for a nature the table does not know. */
export function typeEtablissementDe(nature: string, type: string): string | null {
  return TYPE_PAR_NATURE[nature] ?? (type.trim() || null)
}

/** `etat` of the annuaire (OUVERT, FERME, A FERMER…): closed only once it says so. */
export function fermeDe(etat: string): boolean {
  const v = cleEntete(etat)
  return v === 'ferme' || v === 'fermee' || v === 'fermer_e'
}

/**
 * BCN niveaux (NIVEAU_FORMATION_DIPLOME, the first 3 characters of a CFD) of the diplômes the platform
 * carries, with the type of diplôme (LIBELLE_COURT of N_NIVEAU_FORMATION_DIPLOME). Others are « hors champ ».
 */
export const TYPE_PAR_NIVEAU: Readonly<Record<string, string>> = {
  '010': 'MC',
  '013': 'MC AG',
  '241': 'DNMADE',
  '320': 'BTS',
  '321': 'DMA',
  '323': 'BTSA',
  '363': 'CSA NIV3',
  '400': 'BAC PRO',
  '401': 'BMA',
  '403': 'BAC PRO AG',
  '450': 'BP',
  '453': 'BPA4',
  '461': 'CS 4',
  '463': 'CSA NIV4',
  '500': 'CAP',
  '503': 'CAPA',
  '553': 'BPA5',
  '561': 'CS 3',
  '563': 'CSA NIV5',
}

/** Usual length of a diplôme when the BCN gives none (DUREE_DISPOSITIF 9 = not specified). */
export const DUREE_USUELLE: Readonly<Record<string, number>> = {
  CAP: 2,
  CAPA: 2,
  'BAC PRO': 3,
  'BAC PRO AG': 3,
  BP: 2,
  BPA4: 2,
  BPA5: 2,
  BTS: 2,
  BTSA: 2,
  BMA: 2,
  DMA: 2,
  DNMADE: 3,
  MC: 1,
  'MC AG': 1,
  'CS 3': 1,
  'CS 4': 1,
  'CSA NIV3': 1,
  'CSA NIV4': 1,
  'CSA NIV5': 1,
}

/** dd/mm/yyyy (BCN) or yyyy-mm-dd → yyyy-mm-dd; null when empty; undefined when unreadable. */
export function dateIso(texte: string): string | null | undefined {
  if (!texte) return null
  const bcn = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(texte)
  if (bcn) return `${bcn[3]}-${bcn[2]}-${bcn[1]}`
  if (/^\d{4}-\d{2}-\d{2}$/.test(texte)) return texte
  return undefined
}

/** Distinct lengths in years, 1 to 4 (9 = « non précisée » is dropped), sorted. */
export function dureesValides(durees: Iterable<string | number>): number[] {
  const liste = [...durees].map((d) => (typeof d === 'number' ? d : Number.parseInt(d, 10)))
  return [...new Set(liste.filter((d) => d >= 1 && d <= 4))].sort((a, b) => a - b)
}

/** The lengths of the open MEFs, failing that of all MEFs, failing that the type's usual one. */
export function dureesDiplome(ouvertes: number[], toutes: number[], typeDiplome: string): number[] {
  if (ouvertes.length) return ouvertes
  if (toutes.length) return toutes
  const usuelle = DUREE_USUELLE[typeDiplome]
  return usuelle ? [usuelle] : []
}

/** A MEF (or a diplôme) is open on `jour` when it has no closing date or closes that day or later. */
export function ouvertLe(fermeture: string | null | undefined, jour: string): boolean {
  return !fermeture || fermeture >= jour
}

/** CFD as the RNCP lists write it: « 400-24202 V » (DGESCO) or 40024202 (Kit apprentissage). */
export function cfdDe(valeur: string): string {
  return valeur.replace(/[\s-]/g, '').toUpperCase().slice(0, 8)
}

/**
 * RNCP code with its prefix: the DGESCO list gives the number alone. Other values are kept as the Kit writes
 * them (it has « NR » rows, which data/reference keeps too).
 */
export function codeRncpDe(valeur: string): string | null {
  const v = valeur.trim().toUpperCase().replace(/\s/g, '')
  if (!v) return null
  return /^\d+$/.test(v) ? `RNCP${v}` : v
}
