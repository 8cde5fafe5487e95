import type { Endpoint, Where } from 'payload'

import { SANS_DONNEES_PERSONNELLES } from '../../../access/permissions'
import { aLeRole, utilisateurDe } from '../../../access/roles'
import { COLONNES, ligneCsv } from '../../../src/export/colonnes'

const PAGE = 500

/**
 * GET /api/demandes/export?format=csv&where[…]: the demandes the caller may read, filtered with the list's
 * `where` syntax, one row per demande, streamed page by page (memory stays flat whatever the count).
 */
export const exporter: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!utilisateurDe(req)) return Response.json({ errors: [{ message: 'Vous devez être connecté pour exporter les demandes.' }] }, { status: 401 })
    const format = String(req.query?.format ?? 'csv')
    if (format !== 'csv') {
      return Response.json({ errors: [{ message: `format : « ${format} » n'est pas disponible ; utilisez format=csv.` }] }, { status: 400 })
    }
    const where = (req.query?.where ?? {}) as Where
    const colonnes = aLeRole(req, ...SANS_DONNEES_PERSONNELLES) ? COLONNES.filter((c) => !c.personnelle) : COLONNES
    const page = (numero: number) =>
      req.payload.find({ collection: 'demandes', where, req, user: req.user, overrideAccess: false, depth: 1, limit: PAGE, page: numero, sort: 'numero' })

    // The first page is read before answering, so that a bad filter gets a 400 rather than a broken file.
    let premiere
    try {
      premiere = await page(1)
    } catch (err) {
      return Response.json({ errors: [{ message: `Filtre invalide : ${err instanceof Error ? err.message : String(err)}` }] }, { status: 400 })
    }
    const encodeur = new TextEncoder()
    let suivante = 2
    let enAttente: typeof premiere | null = premiere
    const flux = new ReadableStream<Uint8Array>({
      start(controleur) {
        controleur.enqueue(encodeur.encode(`\uFEFF${ligneCsv(colonnes.map((c) => c.entete))}`))
      },
      async pull(controleur) {
        const lot = enAttente ?? (await page(suivante++))
        enAttente = null
        controleur.enqueue(encodeur.encode(lot.docs.map((d) => ligneCsv(colonnes.map((c) => c.valeur(d as never)))).join('')))
        if (!lot.hasNextPage) controleur.close()
      },
    })
    const jour = new Date().toISOString().slice(0, 10)
    return new Response(flux, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="demandes-${jour}.csv"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  },
}
