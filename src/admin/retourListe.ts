/** The demandes list: where « Retour à la liste » may lead, with the list's own query (where, sort, page). */
export const LISTE_DEMANDES = '/admin/collections/demandes'

/**
 * The list address to go back to, from a `depuis` parameter (a path) or a Referer (an absolute URL), or null:
 * only this site's demandes list is accepted (same host, http or https, no credentials), never an outside URL,
 * so a crafted link cannot make the button lead elsewhere. `hote` is the request's Host.
 */
export function listeDeRetour(adresse: unknown, hote: string | null | undefined): string | null {
  if (typeof adresse !== 'string' || adresse === '' || adresse.length > 8000 || !hote) return null
  let u: URL
  try {
    u = new URL(adresse, `http://${hote}`)
  } catch {
    return null
  }
  if (u.host !== hote.toLowerCase() || !['http:', 'https:'].includes(u.protocol)) return null
  if (u.username || u.password) return null
  if (u.pathname.replace(/\/$/, '') !== LISTE_DEMANDES) return null
  return `${LISTE_DEMANDES}${u.search}`
}
