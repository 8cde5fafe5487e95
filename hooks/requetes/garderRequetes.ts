import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import {
  contexte,
  estPageListe,
  limiteMax,
  PAGE_MAX,
  refusRequete,
  retirerConditionsRefusees,
  triSansRefus,
  type Requete,
} from '../../access/requetes'
import { collectionDe } from '../../src/collectionParSlug'

type Args = Requete & {
  id?: unknown
  data?: unknown
  overrideAccess?: boolean
  limit?: unknown
  page?: unknown
  pagination?: boolean
}

/** Joined documents per document (`joins[piecesJointes][limit]`): an annexe list, never thousands. */
const LIMITE_JOINTURE = 100

function refus(message: string, status = 400, champ?: string): APIError {
  const e = new APIError(message, status, champ ? { errors: [{ path: champ, message }] } : null, true)
  // The class name does not survive the production build's minifier: the answer names the kind of error itself.
  e.name = status === 404 ? 'NotFound' : 'QueryError'
  return e
}

function nomDe(req: PayloadRequest, slug: string): string {
  const label = collectionDe(req.payload, slug)?.config.labels?.singular
  return typeof label === 'string' ? label : slug
}

/**
 * An identifier the database cannot hold (`/api/demandes/abc`, `/api/demandes/init`, a 30-digit number) is a
 * document that does not exist: 404, before the adapter throws on it (SQLite: numbers; MongoDB: ObjectIds).
 */
export function identifiantValide(req: PayloadRequest, slug: string, id: unknown): boolean {
  const collection = collectionDe(req.payload, slug)
  const type = collection?.customIDType ?? req.payload.db.defaultIDType
  if (type === 'number') {
    const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,16}$/.test(id) ? Number(id) : NaN
    return Number.isSafeInteger(n) && n > 0
  }
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return false
  // MongoDB's own ids are ObjectIds: 24 hexadecimal digits.
  return collection?.customIDType || req.payload.db.name !== 'mongoose' ? true : /^[0-9a-f]{24}$/i.test(id)
}

/**
 * Whether an operation reads this collection's history. Payload names `findVersions` and `findVersionByID` « read »
 * to the hooks, like `find` and `findByID`; those two always pass a `draft` argument (REST, GraphQL, Local API),
 * the version reads never do. The path says it too for REST and the admin.
 */
export function litLesVersions(req: PayloadRequest, slug: string, operation: string, args: object): boolean {
  return (
    /Version/.test(operation) || (operation === 'read' && !('draft' in args)) || surLesVersions(req, slug)
  )
}

/**
 * REST `/api/<collection>/versions` and the admin's `/admin/collections/<collection>/<id>/versions` (GraphQL's
 * `versions…` queries are told apart by their arguments: `litLesVersions`).
 */
export function surLesVersions(req: PayloadRequest, slug: string): boolean {
  const url = (req as { url?: string }).url
  if (!url) return false
  let chemin: string
  try {
    chemin = new URL(url, 'http://x').pathname.toLowerCase()
  } catch {
    return false
  }
  // Slugs are lower-case letters and dashes: nothing to escape.
  return new RegExp(`^/(api/${slug}|admin/collections/${slug}/[^/]+)/versions(/|$)`).test(chemin)
}

const PAGINATION = ['page', 'limit'] as const

/** Why `n` is not a page number (a whole number from 1 to PAGE_MAX) or a page size (a whole number), or null. */
function refusPagination(nom: 'page' | 'limit', n: number): string | null {
  const libelle = nom === 'page' ? 'Page' : "Nombre d'éléments par page (limit)"
  const maxi = nom === 'page' ? PAGE_MAX : Number.MAX_SAFE_INTEGER
  if (Number.isSafeInteger(n) && n >= (nom === 'page' ? 1 : 0) && n <= maxi) return null
  const attendu =
    nom === 'page'
      ? `un nombre entier de 1 à ${PAGE_MAX.toLocaleString('fr-FR')}`
      : 'un nombre entier positif'
  return `${libelle} : attendu ${attendu}.`
}

/** A whole number as the query string gives it (`limit=20`), else NaN. */
const nombreDuTexte = (texte: unknown) =>
  typeof texte === 'number'
    ? texte
    : typeof texte === 'string' && /^\d{1,16}$/.test(texte)
      ? Number(texte)
      : NaN

/**
 * The query string's `page` and `limit` of a REST request, checked as a list checks them: for an endpoint that
 * reads through Payload without passing them on (the export), so that a bad one is refused before answering.
 */
export function refusPaginationTexte(req: PayloadRequest): { message: string; champ: string } | null {
  const brut = (req.query ?? {}) as Record<string, unknown>
  for (const nom of PAGINATION) {
    const texte = brut[nom]
    if (texte === undefined || texte === '') continue
    const message = refusPagination(nom, nombreDuTexte(texte))
    if (message) return { message, champ: nom }
  }
  return null
}

/** A page number is a whole number from 1 to PAGE_MAX, a page size a whole number (capped below). */
function verifierPagination(req: PayloadRequest, slug: string, a: Args) {
  // REST leaves a parameter that is not a number as the string it got (`page=abc`): refused, not ignored. A read
  // that does not take it (one made by a hook or an endpoint during the request) sees it as a whole number.
  const brut = (req.payloadAPI === 'REST' ? (req.query ?? {}) : {}) as Record<string, unknown>
  for (const nom of PAGINATION) {
    const valeur = a[nom]
    const texte = brut[nom]
    if (valeur === undefined && (texte === undefined || texte === '')) continue
    const message = refusPagination(nom, typeof valeur === 'number' ? valeur : nombreDuTexte(texte))
    if (message) throw refus(message, 400, nom)
  }
  // `limit=0` and `pagination=false` mean « everything » to Payload: capped like any other page size.
  const maxi = limiteMax(slug)
  if (a.limit === undefined || a.limit === 0 || (typeof a.limit === 'number' && a.limit > maxi)) {
    if (a.limit !== undefined || a.pagination === false) a.limit = maxi
  }
}

/**
 * One guard for what a query names, on every read and every bulk write made for a user (REST, GraphQL, the admin
 * UI's Local API calls and the export all pass `overrideAccess: false`): see access/requetes.ts. The server's own
 * reads (`overrideAccess: true`) are not client input.
 */
export const garderRequetes: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  const a = args as Args
  if ((a.overrideAccess ?? overrideAccess) === true) return args
  // Creation and modification dates are the server's (second outside attack, 4: a message dated 2020 came before
  // the request it answered; a demande's `createdAt` moved by PATCH).
  if ((operation === 'create' || operation === 'update') && a.data && typeof a.data === 'object') {
    const { createdAt: _c, updatedAt: _u, ...propres } = a.data as Record<string, unknown>
    a.data = propres
  }
  const slug = collection.slug
  // A collection without history: Payload still routes `/versions` to a table that does not exist (a 500).
  if (litLesVersions(req, slug, operation, a) && !collection.versions)
    throw refus(`${nomDe(req, slug)} : pas d'historique (versions) pour cette liste.`, 404)
  if (a.id !== undefined && a.id !== null && !identifiantValide(req, slug, a.id)) {
    const texte = String(a.id).slice(0, 40)
    throw refus(`${nomDe(req, slug)} introuvable : « ${texte} » n'est pas un identifiant valide.`, 404)
  }
  if (operation === 'read' || operation === 'readDistinct') verifierPagination(req, slug, a)
  if (a.joins && typeof a.joins === 'object') {
    for (const j of Object.values(a.joins as Record<string, unknown>)) {
      const jointure = j as { limit?: unknown } | null
      if (
        jointure &&
        typeof jointure === 'object' &&
        jointure.limit !== undefined &&
        !(typeof jointure.limit === 'number' && jointure.limit > 0 && jointure.limit <= LIMITE_JOINTURE)
      )
        jointure.limit = LIMITE_JOINTURE
    }
  }
  const ctx = contexte(req)
  if ((operation === 'read' || operation === 'count') && estPageListe(req, slug)) {
    // The list page's own address: what the reader may not use is dropped there (and named above the list by
    // src/admin/FiltresIgnores.tsx), since Payload's list view breaks on it.
    const requete = (req.query ?? {}) as { where?: unknown }
    await retirerConditionsRefusees(ctx, slug, requete.where)
    await retirerConditionsRefusees(ctx, slug, a.where)
    if (a.sort !== undefined) a.sort = (await triSansRefus(ctx, slug, a.sort)).sort
  }
  const r = await refusRequete(req, slug, a, ctx)
  if (r) throw refus(r.message, 400, r.libelle)
  return args
}
