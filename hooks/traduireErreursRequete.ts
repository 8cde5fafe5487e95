import type { AfterErrorHook } from 'payload'

/**
 * A list filter the database cannot run — a value that does not match the field's type
 * (`where[etablissementConcerne][equals]=abc` on a numeric id), an operator the field does not have
 * (`where[numero][all]=`), a `where=` that is not JSON — makes the adapter (or Payload's parser) throw: that is the
 * client's mistake, answered 400 in French, not a 500. Only reads carrying a `where` are concerned; the error is
 * still logged by Payload. The query is not echoed.
 *
 * Payload answers a version id it cannot parse (`/api/demandes/versions/abc`) with an English 400 « Missing ID of
 * version. » before any hook sees the id: a version that does not exist, 404 in French as for documents
 * (hooks/requetes/garderRequetes.ts).
 */
/** A list filter the database cannot run, or one that is not JSON (`where=zz`): what the list and the export say. */
export const FILTRE_INVALIDE =
  "Le filtre de la requête n'est pas valide : une valeur ne correspond pas au type du champ filtré, ou le filtre n'est pas du JSON (where[…])."

/** What the adapters throw on a filter value of the wrong type (SQLite via Drizzle, MongoDB via Mongoose). */
const ERREUR_DE_FILTRE = /^Failed query|Cast to \w+ failed|CastError|BSONError|must be a 24 character hex/

export const traduireErreursRequete: AfterErrorHook = ({ error, req, graphqlResult }) => {
  const e = error as Error & { status?: number; originalError?: Error & { status?: number } }
  // GraphQL: the same filter (`where: { demande: { equals: "abc" } }`) was a 500 in `errors` (second outside
  // attack, 6), where REST answers 400.
  if (graphqlResult) {
    const origine = e.originalError ?? e
    if ((origine.status ?? 500) >= 500 && ERREUR_DE_FILTRE.test(origine.message ?? ''))
      return {
        graphqlResult: {
          ...graphqlResult,
          message: FILTRE_INVALIDE,
          extensions: { ...graphqlResult.extensions, name: 'QueryError', statusCode: 400 },
        },
      }
    return
  }
  const lecture = req.method === 'GET' || req.method === 'HEAD'
  if (/^Missing ID of version/.test(e.message ?? '')) {
    const segment = decodeURIComponent(
      new URL(req.url ?? '/', 'http://x').pathname.split('/').filter(Boolean).pop() ?? '',
    )
    return {
      status: 404,
      response: {
        errors: [
          {
            name: 'NotFound',
            message: `Version introuvable : « ${segment.slice(0, 40)} » n'est pas un identifiant valide.`,
          },
        ],
      },
    }
  }
  const filtre = /[?&]where(%5B|\[|=)/.test(req.url ?? '')
  if (!lecture || !filtre || (e.status !== undefined && e.status < 500)) return
  return {
    status: 400,
    response: {
      errors: [
        {
          name: 'QueryError',
          message: FILTRE_INVALIDE,
        },
      ],
    },
  }
}
