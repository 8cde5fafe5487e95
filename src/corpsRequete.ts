/**
 * Request bodies read before Payload sees them: a size cap checked on the declared length and on the bytes
 * actually streamed (Payload would read any size, then JSON.parse it on the event loop), and a nesting bound
 * (Payload's field traversals recurse into whatever shape they are given). File uploads keep their own limit
 * (Payload's `upload.limits`), since their bodies are files, not JSON.
 */

/** 1 Mo: far above any form of the platform (a demande's texts are a few thousand characters each). */
export const TAILLE_CORPS_MAX = 1024 * 1024
/** Nesting of arrays and objects; the deepest document of the platform is a few levels deep. */
export const PROFONDEUR_JSON_MAX = 64

const COLLECTIONS_FICHIERS = new Set(['annexes', 'documents'])

/** The reference import takes a whole annuaire export or the BCN tables (a few MB), CSV or ZIP, not JSON. */
export const TAILLE_IMPORT_MAX = 20 * 1024 * 1024
const CHEMIN_IMPORT = '/api/referentiels/importer'

export class CorpsRefuse extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message)
  }
}

export const refusCorps = (e: CorpsRefuse) =>
  Response.json(
    { errors: [{ name: 'CorpsRefuse', message: e.message }] },
    { status: e.status, headers: { 'Cache-Control': 'no-store' } },
  )

const tropGros = (max = TAILLE_CORPS_MAX) =>
  new CorpsRefuse(
    413,
    `Le contenu envoyé est trop volumineux : ${max / (1024 * 1024)} Mo au plus (les pièces jointes ont leur propre limite).`,
  )
const tropProfond = () =>
  new CorpsRefuse(
    400,
    `Le contenu envoyé est imbriqué trop profondément : ${PROFONDEUR_JSON_MAX} niveaux au plus.`,
  )

/** A multipart upload to a files collection (`POST /api/annexes`, `PATCH /api/documents/3`): Payload's limit applies. */
export function estEnvoiDeFichier(cheminNormalise: string, typeContenu: string): boolean {
  const collection = /^\/api\/([^/]+)/.exec(cheminNormalise)?.[1]
  return (
    typeContenu.startsWith('multipart/') && collection !== undefined && COLLECTIONS_FICHIERS.has(collection)
  )
}

/** Reads at most `max` bytes of the body: refused on the declared length first, then on the bytes received. */
export async function lireOctets(req: Request, max = TAILLE_CORPS_MAX): Promise<Uint8Array<ArrayBuffer>> {
  const declaree = Number(req.headers.get('content-length') ?? NaN)
  if (declaree > max) throw tropGros(max)
  if (!req.body) return new Uint8Array(new ArrayBuffer(0))
  const lecteur = req.body.getReader()
  const morceaux: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await lecteur.read()
    if (done) break
    total += value.byteLength
    if (total > max) {
      await lecteur.cancel().catch(() => {})
      throw tropGros(max)
    }
    morceaux.push(value)
  }
  const octets = new Uint8Array(new ArrayBuffer(total))
  let position = 0
  for (const m of morceaux) {
    octets.set(m, position)
    position += m.byteLength
  }
  return octets
}

/** Deepest nesting of arrays/objects in a JSON text, by a linear scan (no recursion, no parsing). */
export function profondeurJson(texte: string): number {
  let niveau = 0
  let max = 0
  let dansChaine = false
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i)
    if (dansChaine) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) dansChaine = false
    } else if (c === 0x22) dansChaine = true
    else if (c === 0x5b || c === 0x7b) {
      if (++niveau > max) max = niveau
    } else if (c === 0x5d || c === 0x7d) niveau--
  }
  return max
}

/** Refuses a JSON text nested too deeply, then parses it (undefined when it is not JSON: Payload answers that). */
export function analyserJson(texte: string): unknown {
  if (profondeurJson(texte) > PROFONDEUR_JSON_MAX) throw tropProfond()
  try {
    return texte ? JSON.parse(texte) : {}
  } catch {
    return undefined
  }
}

/** `illisible`: a body that is not the JSON (or the form) its Content-Type announces. */
export type CorpsLu = { requete: Request; donnees: unknown; illisible?: boolean }

const ECRITURES = new Set(['POST', 'PATCH', 'PUT'])

/**
 * The body of a write, bounded and checked, with the data Payload will see (JSON, or the `_payload` field of a
 * multipart form), and the request to hand on (its body already read). Uploads to files collections pass as
 * they are, under Payload's upload limits. A write sent without any body is handed on as `{}` in JSON: Payload
 * leaves its data undefined then, and its field hooks throw on it (a 500 on every collection).
 */
export async function lireCorps(req: Request, cheminNormalise: string): Promise<CorpsLu> {
  if (req.method === 'GET' || req.method === 'HEAD') return { requete: req, donnees: undefined }
  const typeContenu = (req.headers.get('content-type') ?? '').toLowerCase()
  if (!req.body) {
    if (!ECRITURES.has(req.method) || typeContenu !== '') return { requete: req, donnees: undefined }
    return { requete: sansCorps(req), donnees: {} }
  }
  if (estEnvoiDeFichier(cheminNormalise, typeContenu)) return { requete: req, donnees: undefined }
  const importation = cheminNormalise === CHEMIN_IMPORT
  const octets = await lireOctets(req, importation ? TAILLE_IMPORT_MAX : TAILLE_CORPS_MAX)
  if (octets.byteLength === 0 && typeContenu === '' && ECRITURES.has(req.method))
    return { requete: sansCorps(req), donnees: {} }
  const requete = new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body: octets,
    signal: req.signal,
  })
  let donnees: unknown
  let illisible = false
  // Its body is files (the endpoint reads them), never a document's data.
  if (importation) return { requete, donnees: undefined }
  if (typeContenu.startsWith('multipart/')) {
    const formulaire = await new Response(octets, { headers: { 'content-type': typeContenu } })
      .formData()
      .catch(() => null)
    const champ = formulaire?.get('_payload')
    if (typeof champ === 'string') donnees = analyserJson(champ)
    illisible = formulaire === null || (typeof champ === 'string' && donnees === undefined)
  } else {
    // Payload parses JSON only under `application/json`, but the nesting bound costs nothing on any text.
    donnees = analyserJson(new TextDecoder().decode(octets))
    illisible = donnees === undefined
  }
  return { requete, donnees, illisible }
}

/** The same write with `{}` as its JSON body. */
function sansCorps(req: Request): Request {
  const headers = new Headers(req.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  return new Request(req.url, { method: req.method, headers, body: '{}', signal: req.signal })
}
