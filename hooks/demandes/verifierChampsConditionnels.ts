import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { entier } from '../nombres'
import { longueurUnicode } from '../../src/regles/unicode'

const texte =
  (libelle: string, max: number) =>
  (v: unknown): true | string => {
    if (v === null || v === undefined) return true
    if (typeof v !== 'string') return `${libelle} : saisissez un texte.`
    return longueurUnicode(v) <= max
      ? true
      : `${libelle} : ${max} caractères au maximum (${longueurUnicode(v)} saisis).`
  }
const identifiant = (v: unknown): true | string =>
  v === null ||
  v === undefined ||
  typeof v === 'number' ||
  typeof v === 'string' ||
  (typeof v === 'object' && !Array.isArray(v))
    ? true
    : 'Indiquez l’identifiant (numéro) du projet concerné.'

/**
 * Payload skips the validation of a field whose admin `condition` is false (the field is hidden in the form), yet
 * stores whatever the API sent for it: « douze » became NaN, `false` broke the foreign key, a megabyte of text went
 * through. These fields are checked here, shown or not.
 */
const CHAMPS: { chemin: string[]; libelle: string; valider: (v: unknown) => true | string }[] = [
  { chemin: ['demandeLiee'], libelle: 'Identifiant du projet concerné', valider: identifiant },
  {
    chemin: ['anneePrecedentDepot'],
    libelle: 'Année du précédent dépôt',
    valider: entier('Année du précédent dépôt', { min: 2000, max: 2100 }),
  },
  {
    chemin: ['travaux', 'descriptionTravaux'],
    libelle: 'Description des travaux',
    valider: texte('Description des travaux', 5000),
  },
  {
    chemin: ['travaux', 'descriptionEquipements'],
    libelle: 'Description des équipements',
    valider: texte('Description des équipements', 5000),
  },
]

export const verifierChampsConditionnels: CollectionBeforeChangeHook = ({ data, req }) => {
  const erreurs: { path: string; label: string; message: string }[] = []
  for (const { chemin, libelle, valider } of CHAMPS) {
    const valeur = chemin.reduce<unknown>(
      (o, cle) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[cle] : undefined),
      data,
    )
    const resultat = valider(valeur)
    if (resultat !== true) erreurs.push({ path: chemin.join('.'), label: libelle, message: resultat })
  }
  if (erreurs.length) throw new ValidationError({ collection: 'demandes', errors: erreurs, req }, req.t)
  return data
}
