import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { sansCarteDesDroitsAnonymeGraphql } from '../../../../../hooks/requetes/accesAnonyme'
import { avecLimites } from '../../../../limitesRequetes'

// Cost, fragment cycles, body bounds and rate limits per operation, before Payload runs it (src/limitesRequetes.ts);
// signed out, `Access` gives no map of the permissions (hooks/requetes/accesAnonyme.ts).
export const POST = avecLimites(sansCarteDesDroitsAnonymeGraphql(GRAPHQL_POST(config), () => getPayload({ config })), 'graphql')
export const OPTIONS = REST_OPTIONS(config)
