import type { FieldHook, TextFieldSingleValidation } from 'payload'

import { normaliserUai, verifierUai } from '../src/uai'

/** Stores the UAI as the register writes it, whatever the user typed. */
export const normaliserChampUai: FieldHook = ({ value }) => (typeof value === 'string' ? normaliserUai(value) : value)

/** Strict UAI check for every UAI input; empty values are left to `required`. */
export const validerChampUai: TextFieldSingleValidation = (value) => {
  if (value === null || value === undefined || value === '') return true
  const resultat = verifierUai(value)
  return resultat.valide ? true : resultat.message
}
