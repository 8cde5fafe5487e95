import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { sansCarteDesDroitsAnonymeGraphql } from '../../../../../hooks/requetes/accesAnonyme'
import { sansJetonPourLesCookies } from '../../../../../hooks/requetes/jetonCookie'
import { methodeNonPermise, optionsOuRefus, reponseGraphqlEnFrancais } from '../../../../erreurs-francaises'
import { avecLimites } from '../../../../limitesRequetes'

const POST_GRAPHQL = GRAPHQL_POST(config)

// Cost, fragment cycles, body bounds and rate limits per operation, before Payload runs it (src/limitesRequetes.ts);
// signed out, `Access` gives no map of the permissions (hooks/requetes/accesAnonyme.ts); signed in by cookie,
// `meUser` and `refreshTokenUser` do not echo the token (hooks/requetes/jetonCookie.ts); the errors graphql-js
// and graphql-http write themselves, in French (src/erreurs-francaises.ts).
export const POST = avecLimites(
  sansJetonPourLesCookies(
    sansCarteDesDroitsAnonymeGraphql(
      async (req: Request) => reponseGraphqlEnFrancais(await POST_GRAPHQL(req)),
      () => getPayload({ config }),
    ),
    'graphql',
  ),
  'graphql',
)
const PERMISES = ['POST', 'OPTIONS']
const refus = (req: Request) => methodeNonPermise(req.method, new URL(req.url).pathname, PERMISES)
export const GET = refus
export const HEAD = refus
export const PUT = refus
export const PATCH = refus
export const DELETE = refus
export const OPTIONS = optionsOuRefus(REST_OPTIONS(config), PERMISES)
