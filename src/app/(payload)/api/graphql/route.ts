import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { sansCarteDesDroitsAnonymeGraphql } from '../../../../../hooks/requetes/accesAnonyme'
import { sansJetonPourLesCookies } from '../../../../../hooks/requetes/jetonCookie'
import { avecLimites } from '../../../../limitesRequetes'

// Cost, fragment cycles, body bounds and rate limits per operation, before Payload runs it (src/limitesRequetes.ts);
// signed out, `Access` gives no map of the permissions (hooks/requetes/accesAnonyme.ts); signed in by cookie,
// `meUser` and `refreshTokenUser` do not echo the token (hooks/requetes/jetonCookie.ts).
export const POST = avecLimites(
  sansJetonPourLesCookies(
    sansCarteDesDroitsAnonymeGraphql(GRAPHQL_POST(config), () => getPayload({ config })),
    'graphql',
  ),
  'graphql',
)
export const OPTIONS = REST_OPTIONS(config)
