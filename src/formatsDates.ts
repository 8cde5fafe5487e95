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
