import type { Endpoint } from 'payload'

/** 200 when the database answers, 503 otherwise (for load balancers and monitoring). */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    try {
      await req.payload.count({ collection: 'compteurs', overrideAccess: true })
      return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
    } catch {
      return Response.json(
        { status: 'indisponible', message: 'La base de données ne répond pas.' },
        { status: 503, headers: { 'Cache-Control': 'no-store' } },
      )
    }
  },
}
