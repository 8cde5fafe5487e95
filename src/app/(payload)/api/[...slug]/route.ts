import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { sansCarteDesDroitsAnonyme } from '../../../../../hooks/requetes/accesAnonyme'
import { avecLimites } from '../../../../debit'
import { journaliserEchecConnexion } from '../../../../journal'

// Signed out, `/api/access` gives no map of the permissions (hooks/requetes/accesAnonyme.ts).
export const GET = sansCarteDesDroitsAnonyme(REST_GET(config), () => getPayload({ config }))
// Sign-in, password reset and writes are rate-limited (src/debit.ts): Payload 3 has no limit of its own.
const post = avecLimites(REST_POST(config))
export const DELETE = avecLimites(REST_DELETE(config))
export const PATCH = avecLimites(REST_PATCH(config))
export const PUT = avecLimites(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)

/** Payload has no hook on a failed sign-in: the audit trail gets it here, with the identifiant tried. */
export const POST: typeof post = async (req, ctx) => {
  const connexion = new URL(req.url).pathname === '/api/users/login'
  const corps = connexion ? ((await req.clone().json().catch(() => ({}))) as { username?: unknown; email?: unknown }) : null
  const reponse = await post(req, ctx)
  if (corps && reponse.status === 401) {
    await journaliserEchecConnexion(await getPayload({ config }), String(corps.username ?? corps.email ?? ''), req.headers)
  }
  return reponse
}
