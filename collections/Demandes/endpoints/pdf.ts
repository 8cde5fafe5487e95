import type { Endpoint } from 'payload'

import { utilisateurDe } from '../../../access/roles'
import { pdfPourLeLecteur } from '../../../src/pdf/donnees'

/**
 * GET /api/demandes/:id/pdf: the demande as a PDF, for whoever may read it, as they may read it (src/pdf/).
 * 404 where GET /api/demandes/:id would not answer either.
 */
export const pdf: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    if (!utilisateurDe(req))
      return Response.json(
        { errors: [{ message: 'Vous devez être connecté pour télécharger le PDF d’une demande.' }] },
        { status: 401 },
      )
    const id = String(req.routeParams?.id ?? '')
    const resultat = await pdfPourLeLecteur(req, id)
    // Journaled by demandeDuLecteur (src/demandeLue.ts).
    if (!resultat)
      return Response.json(
        { errors: [{ message: "Cette demande n'existe pas ou ne vous est pas accessible." }] },
        { status: 404 },
      )
    return new Response(new Uint8Array(resultat.pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(resultat.pdf.length),
        'Content-Disposition': `attachment; filename="${resultat.nom}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  },
}
