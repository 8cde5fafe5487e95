import type { Payload } from 'payload'

import { champsALaRacine } from '../../src/graphqlAnalyse'

type Gestionnaire<C> = (req: Request, ctx: C) => Promise<Response>

/**
 * `GET /api/access` answers with every collection's and field's permissions: signed out, that is the map of the
 * whole schema (field names, which fields are hidden) for nothing. Signed out, one answers « nothing is open »;
 * signed in, Payload's answer as before (the admin UI reads it after sign-in). Issue 22, item 9.
 */
export function sansCarteDesDroitsAnonyme<C>(
  get: Gestionnaire<C>,
  payload: () => Promise<Payload>,
): Gestionnaire<C> {
  return async (req, ctx) => {
    const chemin = new URL(req.url).pathname.toLowerCase().replace(/\/+$/, '')
    if (chemin === '/api/access') {
      const { user } = await (await payload()).auth({ headers: req.headers }).catch(() => ({ user: null }))
      if (!user)
        return Response.json(
          { canAccessAdmin: false, collections: {}, globals: {} },
          { headers: { 'Cache-Control': 'no-store' } },
        )
    }
    return get(req, ctx)
  }
}

/**
 * GraphQL's `Access` is the same map: signed out, Payload failed on it with a 500 (« Something went wrong »). It is
 * answered, as in REST, without any permission, and in French.
 */
export function sansCarteDesDroitsAnonymeGraphql<C>(
  post: Gestionnaire<C>,
  payload: () => Promise<Payload>,
): Gestionnaire<C> {
  return async (req, ctx) => {
    const corps = (await req
      .clone()
      .json()
      .catch(() => null)) as { query?: unknown; operationName?: unknown } | null
    if (
      corps &&
      typeof corps.query === 'string' &&
      champsALaRacine(
        corps.query,
        typeof corps.operationName === 'string' ? corps.operationName : undefined,
      ).some((c) => c.operation === 'query' && c.nom === 'Access')
    ) {
      const { user } = await (await payload()).auth({ headers: req.headers }).catch(() => ({ user: null }))
      if (!user) {
        return Response.json(
          {
            errors: [
              {
                message: 'Droits : connectez-vous pour les consulter.',
                path: ['Access'],
                extensions: { statusCode: 401 },
              },
            ],
            data: null,
          },
          { headers: { 'Cache-Control': 'no-store' } },
        )
      }
    }
    return post(req, ctx)
  }
}
