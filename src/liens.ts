/**
 * Links in the campaign's rich text (SECURITY item 39, issue 22 item 7): only `http:`, `https:`, `mailto:` and
 * paths of this site. `javascript:`, `data:`, `vbscript:`, protocol-relative `//host` and the like are refused on
 * save and dropped on render (the text stays, the link goes), so a value stored before this rule is harmless too.
 */

const SCHEMAS_PERMIS = new Set(['http:', 'https:', 'mailto:'])

/** True for an absolute http(s)/mailto URL or a same-site path ("/lettre-de-cadrage", "#ancre", "?x=1"). */
export function lienSur(url: unknown): boolean {
  if (typeof url !== 'string') return false
  // Browsers drop ASCII whitespace and control characters inside a URL ("java\tscript:"): none is allowed here.
  if (/[\u0000-\u0020\u007F-\u009F\u2028\u2029]/.test(url) || url.length === 0 || url.length > 2000)
    return false
  if (url.startsWith('/')) return !url.startsWith('//') && !url.startsWith('/\\')
  if (url.startsWith('#') || url.startsWith('?')) return true
  if (url.includes('\\')) return false
  let analyse: URL
  try {
    analyse = new URL(url)
  } catch {
    return false
  }
  if (!SCHEMAS_PERMIS.has(analyse.protocol)) return false
  // "https:hote" is read as https://hote/ by browsers: require the explicit form, as typed in the editor.
  return analyse.protocol === 'mailto:'
    ? analyse.pathname.length > 0
    : /^https?:\/\//i.test(url) && analyse.hostname.length > 0
}

type Noeud = {
  type?: unknown
  url?: unknown
  fields?: { url?: unknown; linkType?: unknown; doc?: unknown } | null
  children?: unknown[]
} & Record<string, unknown>

const estLien = (n: Noeud) => n.type === 'link' || n.type === 'autolink'
/** An internal link points at a document of this site (Payload builds its path), not at a typed URL. */
const urlDe = (n: Noeud): unknown => (n.fields?.linkType === 'internal' ? '/' : (n.fields?.url ?? n.url))

/** The URLs of a Lexical value's links that are not allowed (empty when every link is fine). */
export function liensInterdits(valeur: unknown): string[] {
  const trouves: string[] = []
  const parcourir = (n: unknown, profondeur: number) => {
    if (!n || typeof n !== 'object' || profondeur > 200) return
    const noeud = n as Noeud
    if (estLien(noeud) && !lienSur(urlDe(noeud))) trouves.push(String(urlDe(noeud) ?? ''))
    if (Array.isArray(noeud.children)) for (const enfant of noeud.children) parcourir(enfant, profondeur + 1)
    if (noeud.root) parcourir(noeud.root, profondeur + 1)
  }
  parcourir(valeur, 0)
  return trouves
}

/** The same value with every disallowed link replaced by its text (for rendering what is already stored). */
export function sansLiensInterdits<T>(valeur: T): T {
  const nettoyer = (n: unknown, profondeur: number): unknown => {
    if (!n || typeof n !== 'object' || profondeur > 200) return n
    const noeud = n as Noeud
    const copie: Noeud = { ...noeud }
    if (Array.isArray(noeud.children)) {
      copie.children = noeud.children.flatMap((enfant) => {
        const e = enfant as Noeud
        if (e && typeof e === 'object' && estLien(e) && !lienSur(urlDe(e)))
          return ((e.children ?? []) as unknown[]).map((c) => nettoyer(c, profondeur + 1))
        return [nettoyer(enfant, profondeur + 1)]
      })
    }
    if (noeud.root) copie.root = nettoyer(noeud.root, profondeur + 1)
    return copie
  }
  return nettoyer(valeur, 0) as T
}

/** Payload `validate` for a rich text field: refuses a disallowed link, naming the field. */
export function liensAutorises(libelle: string) {
  return (valeur: unknown): true | string => {
    const interdits = liensInterdits(valeur)
    if (interdits.length === 0) return true
    return `« ${libelle} » : le lien « ${interdits[0]!.slice(0, 80)} » n'est pas autorisé. Seuls les liens http://, https://, mailto: et les adresses de ce site (commençant par /) sont acceptés.`
  }
}
