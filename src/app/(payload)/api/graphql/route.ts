import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { avecLimites } from '../../../../debit'

export const POST = avecLimites(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
