/**
 * Dates within a plausible range, with French messages naming the field (SECURITY item 31). Payload accepts any
 * string `Date.parse` understands, so "99999-01-01" or "+275760-09-13" were stored; a number (a timestamp) or an
 * array would be coerced. Empty values are left to `required`.
 */
export function verifierDate(
  libelle: string,
  value: unknown,
  { de = 2000, a = 2100 }: { de?: number; a?: number } = {},
): true | string {
  if (value === null || value === undefined || value === '') return true
  const instant =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (typeof value !== 'string' && !(value instanceof Date))
    return `« ${libelle} » : saisissez une date (ex. 15/01/2026).`
  if (Number.isNaN(instant))
    return `« ${libelle} » : « ${String(value).slice(0, 40)} » n'est pas une date (ex. 15/01/2026).`
  // `Date.parse` rolls an impossible day over (2026-02-30 → 2 mars): the day written must exist in its month.
  const jour = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null
  if (jour) {
    const [, an, mois, j] = jour.map(Number) as [number, number, number, number]
    if (mois < 1 || mois > 12 || j < 1 || j > new Date(Date.UTC(an, mois, 0)).getUTCDate())
      return `« ${libelle} » : le ${j}/${String(mois).padStart(2, '0')}/${an} n'existe pas.`
  }
  const annee = new Date(instant).getUTCFullYear()
  // One day of margin at both ends: midnight in France is the previous day in UTC.
  if (instant < Date.UTC(de - 1, 11, 31) || instant >= Date.UTC(a + 1, 0, 2))
    return `« ${libelle} » : la date doit être comprise entre ${de} et ${a} (année ${annee} saisie).`
  return true
}

export function datePlausible(libelle: string, bornes?: { de?: number; a?: number }) {
  return (value: unknown): true | string => verifierDate(libelle, value, bornes)
}
