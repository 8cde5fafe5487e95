import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { avecLimites } from '../../../../limitesRequetes'

// Cost, fragment cycles, body bounds and rate limits per operation, before Payload runs it (src/limitesRequetes.ts).
export const POST = avecLimites(GRAPHQL_POST(config), 'graphql')
export const OPTIONS = REST_OPTIONS(config)
