import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { sansCarteDesDroitsAnonyme } from '../../../../../hooks/requetes/accesAnonyme'
import { sansJetonPourLesCookies } from '../../../../../hooks/requetes/jetonCookie'
import { optionsOuRefus } from '../../../../erreurs-francaises'
import { avecLimites } from '../../../../limitesRequetes'

// Signed out, `/api/access` gives no map of the permissions (hooks/requetes/accesAnonyme.ts); signed in by cookie,
// `me` and the refresh do not echo the token (hooks/requetes/jetonCookie.ts).
export const GET = sansJetonPourLesCookies(
  sansCarteDesDroitsAnonyme(REST_GET(config), () => getPayload({ config })),
  'rest',
)
/**
 * HEAD answers what GET answers, without the body. Next.js would hand HEAD to GET as it is, and Payload, which
 * routes by method, answered 404 to `HEAD /api/demandes`.
 */
export const HEAD = async (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => {
  const reponse = await GET(new Request(req.url, { method: 'GET', headers: req.headers }), ctx)
  await reponse.body?.cancel()
  return new Response(null, { status: reponse.status, headers: reponse.headers })
}
// Writes go through the body bounds and rate limits, and failed sign-ins to the journal (src/limitesRequetes.ts):
// Payload 3 has none of them.
export const POST = avecLimites(sansJetonPourLesCookies(REST_POST(config), 'rest'), 'rest')
export const DELETE = avecLimites(REST_DELETE(config), 'rest')
export const PATCH = avecLimites(REST_PATCH(config), 'rest')
export const PUT = avecLimites(REST_PUT(config), 'rest')
// TRACE, PROPFIND…: a French 405 (src/methodesHttp.ts).
export const OPTIONS = optionsOuRefus(REST_OPTIONS(config), [
  'GET',
  'HEAD',
  'POST',
  'PATCH',
  'PUT',
  'DELETE',
  'OPTIONS',
])
