import type { Endpoint } from 'payload'

import { utilisateurDe } from '../../../access/roles'
import { calculerStatistiques } from '../../../src/statistiques'

/** GET /api/demandes/statistiques?rentree=2027: the statistics page's figures, within the caller's scope. */
export const statistiques: Endpoint = {
  path: '/statistiques',
  method: 'get',
  handler: async (req) => {
    if (!utilisateurDe(req))
      return Response.json(
        { errors: [{ message: 'Vous devez être connecté pour consulter les statistiques.' }] },
        { status: 401 },
      )
    const brut = req.query?.rentree
    let rentree: number | undefined
    if (brut !== undefined) {
      rentree = Number(brut)
      if (!Number.isInteger(rentree) || rentree < 2000 || rentree > 2100) {
        return Response.json(
          { errors: [{ message: `rentree : « ${String(brut)} » n'est pas une année valide (ex. 2027).` }] },
          { status: 400 },
        )
      }
    }
    return Response.json(await calculerStatistiques(req, rentree), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}
