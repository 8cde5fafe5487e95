import type { Payload } from 'payload'

type Gestionnaire<C> = (req: Request, ctx: C) => Promise<Response>

/**
 * `GET /api/access` answers with every collection's and field's permissions: signed out, that is the map of the
 * whole schema (field names, which fields are hidden) for nothing. Signed out, one answers « nothing is open »;
 * signed in, Payload's answer as before (the admin UI reads it after sign-in). Issue 22, item 9.
 */
export function sansCarteDesDroitsAnonyme<C>(get: Gestionnaire<C>, payload: () => Promise<Payload>): Gestionnaire<C> {
  return async (req, ctx) => {
    const chemin = new URL(req.url).pathname.toLowerCase().replace(/\/+$/, '')
    if (chemin === '/api/access') {
      const { user } = await (await payload()).auth({ headers: req.headers }).catch(() => ({ user: null }))
      if (!user) return Response.json({ canAccessAdmin: false, collections: {}, globals: {} }, { headers: { 'Cache-Control': 'no-store' } })
    }
    return get(req, ctx)
  }
}
