import type { AfterErrorHook } from 'payload'

/**
 * A list filter the database cannot run — a value that does not match the field's type
 * (`where[etablissementConcerne][equals]=abc` on a numeric id), an operator the field does not have
 * (`where[numero][all]=`) — makes the adapter throw: that is the client's mistake, answered 400 in French, not a
 * 500. Only reads carrying a `where` are concerned; the error is still logged by Payload. The query is not echoed.
 */
export const traduireErreursRequete: AfterErrorHook = ({ error, req }) => {
  const e = error as Error & { status?: number }
  const lecture = req.method === 'GET' || req.method === 'HEAD'
  const filtre = /[?&]where(%5B|\[)/.test(req.url ?? '')
  if (!lecture || !filtre || (e.status !== undefined && e.status < 500)) return
  return {
    status: 400,
    response: { errors: [{ name: 'QueryError', message: "Le filtre de la requête n'est pas valide : une valeur ne correspond pas au type du champ filtré (where[…])." }] },
  }
}
