import { champsALaRacine } from '../../src/graphqlAnalyse'

type Gestionnaire<C> = (req: Request, ctx: C) => Promise<Response>

/** Payload's session cookie (default prefix). */
const COOKIE = /(?:^|;\s*)payload-token=/

/** REST answers that echo the session's token: « who am I » and its refresh. */
const CHEMINS_REST = /^\/api\/users\/(me|refresh-token)\/?$/i
/** Their GraphQL twins. */
const CHAMPS_GRAPHQL = new Set(['meUser', 'refreshTokenUser'])

/**
 * Signed in by its HttpOnly cookie, a browser has no use for the token in a JSON answer, and a script injected in
 * a page would read it there (issue 22, point 9): `me` and the refresh answer without it, on REST and GraphQL. A
 * client that sends its token in `Authorization` already has it, and keeps getting it.
 */
export function sansJetonPourLesCookies<C>(
  gestionnaire: Gestionnaire<C>,
  canal: 'rest' | 'graphql',
): Gestionnaire<C> {
  return async (req, ctx) => {
    if (req.headers.get('authorization') || !COOKIE.test(req.headers.get('cookie') ?? ''))
      return gestionnaire(req, ctx)
    let alias: string[] = []
    if (canal === 'rest') {
      if (!CHEMINS_REST.test(new URL(req.url).pathname)) return gestionnaire(req, ctx)
    } else {
      const corps = (await req
        .clone()
        .json()
        .catch(() => null)) as { query?: unknown; operationName?: unknown } | null
      if (!corps || typeof corps.query !== 'string') return gestionnaire(req, ctx)
      alias = champsALaRacine(
        corps.query,
        typeof corps.operationName === 'string' ? corps.operationName : undefined,
      )
        .filter((c) => CHAMPS_GRAPHQL.has(c.nom))
        .map((c) => c.alias)
      if (alias.length === 0) return gestionnaire(req, ctx)
    }
    const reponse = await gestionnaire(req, ctx)
    if (!(reponse.headers.get('content-type') ?? '').includes('application/json')) return reponse
    const json = (await reponse
      .clone()
      .json()
      .catch(() => null)) as Record<string, unknown> | null
    if (!json) return reponse
    const sans = (o: unknown) => {
      if (o && typeof o === 'object') {
        delete (o as Record<string, unknown>).token
        delete (o as Record<string, unknown>).refreshedToken
      }
    }
    if (canal === 'rest') sans(json)
    else for (const a of alias) sans((json.data as Record<string, unknown> | undefined)?.[a])
    const entetes = new Headers(reponse.headers)
    entetes.delete('content-length')
    return new Response(JSON.stringify(json), {
      status: reponse.status,
      statusText: reponse.statusText,
      headers: entetes,
    })
  }
}
