const UNITES = ['Ko', 'Mo', 'Go'] as const

/**
 * A file's size as a French reader expects it: « 820 octets », « 20,1 Ko », « 1,2 Mo » (1 Ko = 1 024 octets, as
 * the upload limit in Mo is counted). Apart from the server code so that the admin's browser components use it.
 */
export function tailleLisible(octets: number | null | undefined): string {
  if (typeof octets !== 'number' || !Number.isFinite(octets) || octets < 0) return '—'
  if (octets < 1024) return `${Math.round(octets)} octet${octets >= 2 ? 's' : ''}`
  let valeur = octets / 1024
  let i = 0
  while (valeur >= 1024 && i < UNITES.length - 1) {
    valeur /= 1024
    i++
  }
  // One decimal below 100 (« 20,1 Ko »), none above (« 512 Ko »); never « 1 024 Ko ».
  let arrondi = valeur < 100 ? Math.round(valeur * 10) / 10 : Math.round(valeur)
  if (arrondi >= 1024 && i < UNITES.length - 1) {
    arrondi = 1
    i++
  }
  return `${arrondi.toLocaleString('fr-FR', { maximumFractionDigits: 1 }).replace(/\u202f|\u00a0/g, ' ')} ${UNITES[i]}`
}
