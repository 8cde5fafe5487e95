import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import * as qs from 'qs-esm'

import {
  contexte,
  refusChemin,
  retirerConditionsRefusees,
  triSansRefus,
  type Refus,
  type Usage,
} from '../../access/requetes'

/** The list address's parameter naming what was taken off it (`filtre:avis.avis,tri:avis.avis`). */
export const PARAMETRE_IGNORES = 'filtresIgnores'

type Parametres = Record<string, string | string[] | undefined>

/** The address's query as Payload's admin parses it (views/Root): nested `where[a][b]` objects. */
const analyser = (parametres: Parametres) =>
  qs.parse(qs.stringify(parametres), { depth: 10 }) as Record<string, unknown> & {
    where?: unknown
    sort?: unknown
  }

/**
 * A list address (`/admin/collections/<slug>?where[…]&sort=…`) without the conditions and sorts the reader may not
 * use, or null when it has none. Payload's list view renders its filter builder from the address itself and fails
 * on a condition whose field the reader cannot see (an « Application error », HTTP 500): the admin page sends the
 * reader to this address instead, naming what was taken off (shown by src/admin/FiltresIgnores.tsx).
 */
/** Whether a list address filters or sorts at all (the only ones to check). */
export const filtreOuTrie = (parametres: Parametres): boolean =>
  Object.keys(parametres).some((k) => /^(where$|where\[|sort$)/.test(k))

export async function adresseSansRefus(
  payload: Payload,
  user: PayloadRequest['user'],
  slug: string,
  parametres: Parametres,
): Promise<string | null> {
  if (!user || !filtreOuTrie(parametres) || !payload.collections[slug as never]) return null
  const requete = analyser(parametres)
  const ctx = contexte(await createLocalReq({ user }, payload))
  const filtres = await retirerConditionsRefusees(ctx, slug, requete.where)
  const tri = requete.sort === undefined ? null : await triSansRefus(ctx, slug, requete.sort)
  if (filtres.length === 0 && !tri?.refus.length) return null
  const ignores = [
    ...filtres.map((r) => `filtre:${r.chemin}`),
    ...(tri?.refus ?? []).map((r) => `tri:${r.chemin}`),
  ]
  const { where, sort: _sort, [PARAMETRE_IGNORES]: _deja, ...reste } = requete
  const propre = {
    ...reste,
    ...(where && typeof where === 'object' && Object.keys(where).length > 0 ? { where } : {}),
    ...(tri?.sort ? { sort: tri.sort } : {}),
    [PARAMETRE_IGNORES]: ignores.join(','),
  }
  return `/admin/collections/${slug}${qs.stringify(propre, { addQueryPrefix: true })}`
}

/**
 * What the address says was taken off, checked again against the rule (the parameter is client input: only a path
 * refused to this reader is named, with the rule's own message), and a refused sort kept in the list preferences.
 */
export async function refusNommes(
  req: PayloadRequest,
  slug: string,
  parametres: Parametres,
  triPrefere: unknown,
): Promise<Refus[]> {
  const ctx = contexte(req)
  const brut = parametres[PARAMETRE_IGNORES]
  const entrees = (Array.isArray(brut) ? brut.join(',') : (brut ?? '')).split(',').slice(0, 20)
  const refus: Refus[] = []
  const vus = new Set<string>()
  for (const entree of entrees) {
    const [usage, chemin] = entree.split(':', 2) as [string, string | undefined]
    if ((usage !== 'filtre' && usage !== 'tri') || !chemin || vus.has(entree)) continue
    vus.add(entree)
    const r = await refusChemin(ctx, slug, chemin.slice(0, 200), usage as Usage)
    if (r) refus.push(r)
  }
  if (parametres.sort === undefined && triPrefere)
    for (const r of (await triSansRefus(ctx, slug, triPrefere)).refus)
      if (!refus.some((d) => d.message === r.message)) refus.push(r)
  return refus
}
