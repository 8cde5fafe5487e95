/** Enum values of the public contract (lower-case ASCII slugs) with their French labels. */
export const STATUTS = [
  { value: 'brouillon', label: 'En cours de saisie' }, // saved, still editable by its structure
  { value: 'a-corriger', label: 'À corriger' }, // sent back to its structure, editable again (version 2)
  { value: 'validee', label: 'Validée' }, // confirmed after the recap: locked for the filer
  { value: 'en-instruction', label: 'En instruction' }, // an avis has been given
  { value: 'retenue', label: 'Retenue' }, // décision of the Région
  { value: 'non-retenue', label: 'Non retenue' },
  { value: 'ajournee', label: 'Ajournée' },
] as const
export type Statut = (typeof STATUTS)[number]['value']

export const MODALITES = [
  { value: 'scolaire', label: 'Scolaire uniquement (S)' },
  { value: 'mixte', label: 'Public mixé : scolaires et apprentis (M)' },
] as const

export const MESURES = [
  { value: 'ouverture', label: 'Ouverture' },
  { value: 'fermeture', label: 'Fermeture' },
  { value: 'augmentation', label: 'Augmentation de capacité' },
  { value: 'diminution', label: 'Diminution de capacité' },
] as const
export type Mesure = (typeof MESURES)[number]['value']

export const ZONES_RECRUTEMENT = [
  { value: 'locale', label: 'Locale' },
  { value: 'departementale', label: 'Départementale' },
  { value: 'academique', label: 'Académique' },
  { value: 'regionale', label: 'Régionale' },
  { value: 'nationale', label: 'Nationale' },
] as const

export const AVIS = [
  { value: 'favorable', label: 'Favorable' },
  { value: 'reserve', label: 'Réservé' },
  { value: 'defavorable', label: 'Défavorable' },
] as const

export const DECISIONS = [
  { value: 'retenue', label: 'Retenue' },
  { value: 'non-retenue', label: 'Non retenue' },
  { value: 'ajournee', label: 'Ajournée' },
] as const

export const RAPPORT_MAX = 5000

export function libelle<T extends readonly { value: string; label: string }[]>(
  liste: T,
  valeur: unknown,
): string {
  return (
    liste.find((o) => o.value === valeur)?.label ??
    (valeur === null || valeur === undefined ? '' : String(valeur))
  )
}
