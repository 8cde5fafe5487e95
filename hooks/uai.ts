import type { FieldHook, TextFieldSingleValidation } from 'payload'

import { normaliserUai, verifierUai } from '../src/uai'

/** Stores the UAI as the register writes it, whatever the user typed. */
export const normaliserChampUai: FieldHook = ({ value }) =>
  typeof value === 'string' ? normaliserUai(value) : value

/**
 * Strict UAI check for every UAI input. A custom `validate` replaces Payload's, `required` included: an empty or
 * blank UAI ("" or "   ", normalised to "") is refused here when the field is required, not stored.
 */
export const validerChampUai: TextFieldSingleValidation = (value, options) => {
  if (value === null || value === undefined || value === '')
    return options?.required ? 'Le code UAI est obligatoire.' : true
  const resultat = verifierUai(value)
  return resultat.valide ? true : resultat.message
}
