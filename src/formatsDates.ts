/**
 * How the admin shows dates (date-fns patterns). Lists and headers use the interface's French locale: dates as the
 * guide writes them (« 2 décembre 2026, 14 h 33 »). The date picker of a field names months in English whatever
 * the locale, so fields show French numbers (02/12/2026, 14 h 33), never its month-first default.
 */
export const DATE_HEURE_LONGUE = "d MMMM yyyy, HH 'h' mm"
/** A read-only date and time in a field. */
export const DATE_HEURE_CHAMP = "dd/MM/yyyy, HH 'h' mm"
export const DATE_SAISIE = 'dd/MM/yyyy'
export const DATE_HEURE_SAISIE = 'dd/MM/yyyy HH:mm'

/** A date and time picker in French use: 24-hour times (react-datepicker's default is « 2:30 PM »), « Heure ». */
export const CHOIX_DATE_HEURE = {
  pickerAppearance: 'dayAndTime',
  displayFormat: DATE_HEURE_SAISIE,
  timeFormat: 'HH:mm',
  timeIntervals: 15,
  overrides: { timeCaption: 'Heure' },
} as const

/**
 * A read-only date and time field (validée le, date de l'avis…): shown as « 02/12/2026, 14 h 33 », and should the
 * picker ever open, its times are 24-hour and captioned « Heure », not react-datepicker's « 2:30 PM » and « Time ».
 */
export const LECTURE_DATE_HEURE = {
  pickerAppearance: 'dayAndTime',
  displayFormat: DATE_HEURE_CHAMP,
  timeFormat: 'HH:mm',
  overrides: { timeCaption: 'Heure' },
} as const

/** « 2 décembre 2026 à 14 h 33 » (Paris time). */
export function dateHeureFr(iso: string | Date): string {
  const parties = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Paris',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return `${parties.day} ${parties.month} ${parties.year} à ${parties.hour} h ${parties.minute}`
}
