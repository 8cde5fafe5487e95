import type { Endpoint } from 'payload'
import { z } from 'zod'

import { traiterValidation } from '../../../src/validation'

const corps = z.object({ confirmer: z.boolean({ error: '« confirmer » doit valoir true ou false.' }) })

export const valider: Endpoint = {
  path: '/:id/valider',
  method: 'post',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    let brut: unknown
    try {
      brut = req.json ? await req.json() : {}
    } catch {
      return Response.json(
        {
          errors: [
            {
              message:
                'Le corps de la requête doit être du JSON : {"confirmer": false} ou {"confirmer": true}.',
            },
          ],
        },
        { status: 400 },
      )
    }
    const lu = corps.safeParse(brut)
    if (!lu.success) {
      return Response.json(
        {
          errors: [
            {
              name: 'ValidationError',
              message: lu.error.issues[0]!.message,
              data: { errors: [{ path: 'confirmer', message: lu.error.issues[0]!.message }] },
            },
          ],
        },
        { status: 400 },
      )
    }
    const { status, body } = await traiterValidation(req, id, lu.data.confirmer)
    return Response.json(body, { status })
  },
}
