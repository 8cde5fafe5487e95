/**
 * Whole numbers within bounds, with French messages naming the field. Payload turns a string like "douze" into NaN
 * and stores it, and accepts 1.5 places: this validation refuses both.
 */
export function entier(libelle: string, { min, max }: { min?: number; max?: number } = {}) {
  return (value: unknown): true | string => {
    if (value === null || value === undefined) return true
    if (typeof value !== 'number' || !Number.isFinite(value))
      return `${libelle} : saisissez un nombre (ex. 12).`
    if (!Number.isInteger(value)) return `${libelle} : saisissez un nombre entier, sans virgule.`
    if (min !== undefined && value < min)
      return `${libelle} : la valeur doit être supérieure ou égale à ${min}.`
    if (max !== undefined && value > max)
      return `${libelle} : la valeur doit être inférieure ou égale à ${max}.`
    return true
  }
}
