import type { Endpoint } from 'payload'
import { z } from 'zod'

import { lireCorpsJson } from '../../../src/corpsJson'
import { traiterValidation } from '../../../src/validation'

const corps = z.object({
  confirmer: z.boolean({ error: '« confirmer » doit valoir true ou false.' }),
  // Validating a duplicate of a validated demande (src/regles/doublons.ts) takes this confirmation.
  confirmerDoublon: z.boolean({ error: '« confirmerDoublon » doit valoir true ou false.' }).optional(),
})

export const valider: Endpoint = {
  path: '/:id/valider',
  method: 'post',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    const lu = await lireCorpsJson(req, corps, '{"confirmer": false} ou {"confirmer": true}', 'confirmer')
    if (lu.reponse) return lu.reponse
    const { status, body } = await traiterValidation(req, id, lu.donnees.confirmer, {
      confirmerDoublon: lu.donnees.confirmerDoublon,
    })
    return Response.json(body, { status })
  },
}
