/**
 * How the admin shows dates (date-fns patterns, in the interface's French locale): read-only dates as the guide
 * writes them (« 2 décembre 2026, 14 h 33 »), fields one types in as French numbers (02/12/2026), never the
 * month-first default of the date picker.
 */
export const DATE_HEURE_LONGUE = "d MMMM yyyy, HH 'h' mm"
export const DATE_LONGUE = 'd MMMM yyyy'
export const DATE_SAISIE = 'dd/MM/yyyy'
export const DATE_HEURE_SAISIE = 'dd/MM/yyyy HH:mm'
