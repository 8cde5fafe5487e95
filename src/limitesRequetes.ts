import config from '@payload-config'
import { getPayload } from 'payload'

import { CorpsRefuse, lireCorps, refusCorps } from './corpsRequete'
import { normaliserChemin, type Operation, operationsGraphql, operationsRest, verifierDebit } from './debit'
import { analyserGraphql } from './graphqlAnalyse'
import { journaliserEchecConnexion } from './journal'

/**
 * What every request to Payload's REST and GraphQL routes goes through before Payload: the body bounded
 * (src/corpsRequete.ts), GraphQL's cost and fragment cycles checked (src/graphqlAnalyse.ts), each operation
 * counted against the rate limits (src/debit.ts); after it, each failed sign-in journaled with the identifiant
 * tried, on both channels (Payload has no hook on a failed sign-in).
 */

type Gestionnaire = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>
export type Canal = 'rest' | 'graphql'

const refusGraphql = (message: string) =>
  Response.json(
    { errors: [{ message, extensions: { name: 'RequeteGraphqlRefusee', statusCode: 400 } }] },
    { status: 400 },
  )

/** Sign-in refusals worth journaling: wrong credentials, locked or deactivated account. */
const ECHECS_CONNEXION = new Set([401, 403, 423])

async function journaliserEchecs(
  req: Request,
  canal: Canal,
  connexions: Extract<Operation, { regle: 'connexion' }>[],
  reponse: Response,
) {
  if (connexions.length === 0) return
  let echecs: string[] = []
  if (canal === 'rest') {
    if (ECHECS_CONNEXION.has(reponse.status)) echecs = [connexions[0]!.identifiant]
  } else {
    const resultat = (await reponse
      .clone()
      .json()
      .catch(() => null)) as { data?: Record<string, unknown> | null; errors?: { path?: unknown[] }[] } | null
    echecs = connexions
      .filter((c) => !resultat?.data?.[c.alias!] || resultat.errors?.some((e) => e.path?.[0] === c.alias))
      .map((c) => c.identifiant)
  }
  if (echecs.length === 0) return
  const payload = await getPayload({ config })
  for (const identifiant of echecs) await journaliserEchecConnexion(payload, identifiant, req.headers)
}

/** The account Payload would authenticate this request as (`compte:<collection>:<id>`), or null. */
async function compteDe(req: Request): Promise<string | null> {
  const entetes = req.headers
  if (!entetes.get('authorization') && !/payload-token=/.test(entetes.get('cookie') ?? '')) return null
  const payload = await getPayload({ config })
  const { user } = await payload
    .auth({ headers: entetes, canSetHeaders: false })
    .catch(() => ({ user: null }))
  return user ? `compte:${user.collection}:${String(user.id)}` : null
}

/** Wraps a Next.js route handler of Payload's REST or GraphQL API. */
export function avecLimites<G extends Gestionnaire>(gestionnaire: G, canal: Canal): G {
  return (async (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => {
    const chemin = normaliserChemin(new URL(req.url).pathname)
    let lu
    try {
      lu = await lireCorps(req, chemin)
    } catch (err) {
      if (err instanceof CorpsRefuse) return refusCorps(err)
      throw err
    }
    let operations: Operation[]
    if (canal === 'graphql') {
      // graphql-http would throw on it: Next.js then answers an empty 500.
      if (lu.illisible)
        return refusGraphql(
          'Requête GraphQL invalide : le corps n’est pas du JSON valide ; envoyez {"query": "…", "variables": {…}} en application/json.',
        )
      const corps = (lu.donnees ?? {}) as { query?: unknown; operationName?: unknown; variables?: unknown }
      const analyse =
        typeof corps.query === 'string'
          ? analyserGraphql(
              corps.query,
              typeof corps.operationName === 'string' ? corps.operationName : undefined,
              corps.variables && typeof corps.variables === 'object'
                ? (corps.variables as Record<string, unknown>)
                : {},
            )
          : null
      if (analyse?.refus !== undefined) return refusGraphql(analyse.refus)
      operations = analyse ? operationsGraphql(analyse.mutations) : []
    } else {
      // A document is a JSON object: a bare value or a list (`"x"`, `1`, `null`, `[]`) reached Payload's handlers
      // as data and answered 500 or did nothing (second outside attack, 6). Only on Payload's own routes
      // (/api/<collection>[/<id or operation>]): the platform's endpoints below them say it with their example.
      if (
        chemin.split('/').filter(Boolean).length <= 3 &&
        lu.donnees !== undefined &&
        (lu.donnees === null || typeof lu.donnees !== 'object' || Array.isArray(lu.donnees))
      )
        return Response.json(
          {
            errors: [
              {
                message:
                  'Le corps de la requête doit être un objet JSON : les champs entre accolades, par exemple {"nom": "…"}.',
              },
            ],
          },
          { status: 400 },
        )
      operations = operationsRest(req.method, chemin, lu.donnees)
    }
    const trop = await verifierDebit(req, operations, () => compteDe(req))
    if (trop) return trop
    const reponse = await gestionnaire(lu.requete, ctx)
    await journaliserEchecs(
      req,
      canal,
      operations.filter((o): o is Extract<Operation, { regle: 'connexion' }> => o.regle === 'connexion'),
      reponse,
    )
    return reponse
  }) as G
}
