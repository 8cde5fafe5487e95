/** A file size as a French reader reads it: « 512 octets », « 20,1 Ko », « 1,5 Mo » (1 Ko = 1 024 octets). */
export function tailleFr(octets: number | null | undefined): string {
  if (typeof octets !== 'number' || !Number.isFinite(octets) || octets < 0) return ''
  if (octets < 1024) return `${octets} octet${octets > 1 ? 's' : ''}`
  const unites = ['Ko', 'Mo', 'Go']
  let valeur = octets / 1024
  let i = 0
  while (valeur >= 1024 && i < unites.length - 1) {
    valeur /= 1024
    i++
  }
  const texte = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: valeur < 10 ? 1 : 0 }).format(valeur)
  return `${texte} ${unites[i]}`
}
