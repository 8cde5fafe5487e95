import config from '@payload-config'
import '@payloadcms/next/css'
import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'

import { adresseInconnue, methodeNonPermise, optionsOuRefus } from '../../../../erreurs-francaises'

const TERRAIN = GRAPHQL_PLAYGROUND_GET(config)

// Off in production: Payload answers a plain-text « Route Not Found »; the API's French 404 instead.
export const GET = async (req: Request) => {
  const reponse = await TERRAIN(req as never)
  return reponse.status === 404 ? adresseInconnue(new URL(req.url).pathname) : reponse
}
const refus = (req: Request) => methodeNonPermise(req.method, new URL(req.url).pathname, ['GET'])
export const POST = refus
export const PUT = refus
export const PATCH = refus
export const DELETE = refus
export const OPTIONS = optionsOuRefus(
  () => new Response(null, { status: 204, headers: { Allow: 'GET, OPTIONS' } }),
  ['GET', 'OPTIONS'],
)
