import diagnostics from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'

/**
 * A request to /api/ with a method Next.js cannot route — TRACE (undici refuses to build a Request for it: Next.js
 * answered a 500 page), WebDAV's PROPFIND and the like (an empty 400) — is handed to the API's OPTIONS handler,
 * marked with its real method, and answered there with a French 405 (src/erreurs-francaises.ts,
 * `optionsOuRefus`). Node publishes every request on this channel before the server handles it; the mark is
 * removed from any other request, so a client cannot set it. Started by src/instrumentation.ts, i.e. once in the
 * `next start` process before it serves.
 */
export const ENTETE_METHODE_REFUSEE = 'x-carte-methode-refusee'

const ROUTABLES = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'])

const DEJA = Symbol.for('carte.methodesHttp')

export function surveillerMethodes(): void {
  const global = globalThis as { [DEJA]?: boolean }
  if (global[DEJA]) return
  global[DEJA] = true
  diagnostics.subscribe('http.server.request.start', (message) => {
    const { request } = message as { request: IncomingMessage }
    delete request.headers[ENTETE_METHODE_REFUSEE]
    const methode = request.method ?? ''
    if (ROUTABLES.has(methode) || !/^\/api(\/|\?|$)/.test(request.url ?? '')) return
    request.headers[ENTETE_METHODE_REFUSEE] = methode
    request.method = 'OPTIONS'
  })
}
