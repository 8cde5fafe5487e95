/** 16 hex digits from crypto (src/fichiers/controles.ts `nomStocke`): never depends on others' uploads. */
const SUFFIXE_ALEATOIRE = /-[0-9a-f]{16}(?=\.[^.]*$|$)/

/**
 * The name shown and given to the download: the stored name without its random suffix (« pv-ca.pdf »). Apart from
 * the server-side checks so that the admin's browser components can use it.
 */
export function nomAffiche(stocke: string): string {
  return stocke.replace(SUFFIXE_ALEATOIRE, '')
}
