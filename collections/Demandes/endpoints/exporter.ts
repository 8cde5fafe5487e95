import type { Endpoint, Where } from 'payload'

import { SANS_DONNEES_PERSONNELLES } from '../../../access/permissions'
import { aLeRole, utilisateurDe } from '../../../access/roles'
import { COLONNES, ligneCsv } from '../../../src/export/colonnes'
import { classeurXlsx } from '../../../src/export/xlsx'
import { type DemandeLue, lotApres, parNumero } from '../../../src/parNumero'

const PAGE = 500
const FORMATS = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** Only what the columns show (src/export/colonnes.ts): no join of the annexes, no account, no version data. */
const CHAMPS = ['numero', 'statut', 'rentree', 'etablissementConcerne', 'departement', 'academie', 'etablissementReferent', 'siteFormation', 'responsable', 'modalite', 'diplome', 'dureeFormation', 'anneeFormation', 'mesure', 'capaciteActuelle', 'capaciteNouvelle', 'priorite', 'projetLie', 'demandeLiee', 'premiereDemande', 'anneePrecedentDepot', 'dateConseil', 'zonesRecrutement', 'travaux', 'rapportOpportunite', 'valideeLe', 'avis', 'decision'] as const
const SELECTION = Object.fromEntries(CHAMPS.map((c) => [c, true]))
const PEUPLEMENT = {
  etablissements: { uai: true, nom: true, commune: true },
  diplomes: { cfd: true, libelle: true, typeDiplome: true },
  demandes: { numero: true },
}

const LECTURE = { lot: PAGE, depth: 1, select: SELECTION, populate: PEUPLEMENT }

/**
 * GET /api/demandes/export?format=csv|xlsx&where[…]: the demandes the caller may read, filtered with the list's
 * `where` syntax, one row per demande, streamed lot by lot (memory stays flat whatever the count).
 */
export const exporter: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!utilisateurDe(req)) return Response.json({ errors: [{ message: 'Vous devez être connecté pour exporter les demandes.' }] }, { status: 401 })
    const format = String(req.query?.format ?? 'csv')
    if (!(format in FORMATS)) {
      return Response.json({ errors: [{ message: `format : « ${format} » n'est pas disponible ; utilisez format=csv ou format=xlsx.` }] }, { status: 400 })
    }
    const where = (req.query?.where ?? {}) as Where
    const colonnes = aLeRole(req, ...SANS_DONNEES_PERSONNELLES) ? COLONNES.filter((c) => !c.personnelle) : COLONNES

    // The first lot is read before answering, so that a bad filter gets a 400 rather than a broken file.
    let premier: DemandeLue[]
    try {
      premier = await lotApres(req, where, 0, LECTURE)
    } catch (err) {
      return Response.json({ errors: [{ message: `Filtre invalide : ${err instanceof Error ? err.message : String(err)}` }] }, { status: 400 })
    }
    const valeurs = async function* () {
      for await (const lot of parNumero(req, where, LECTURE, premier)) yield lot.map((d) => colonnes.map((c) => c.valeur(d as never)))
    }
    const encodeur = new TextEncoder()
    const morceaux: AsyncIterator<Uint8Array> =
      format === 'xlsx'
        ? classeurXlsx('Demandes', colonnes.map((c) => c.entete), valeurs())
        : (async function* () {
            yield encodeur.encode(`\uFEFF${ligneCsv(colonnes.map((c) => c.entete))}`)
            for await (const lot of valeurs()) yield encodeur.encode(lot.map(ligneCsv).join(''))
          })()
    const flux = new ReadableStream<Uint8Array>({
      async pull(controleur) {
        const { value, done } = await morceaux.next()
        if (done) controleur.close()
        else controleur.enqueue(value)
      },
      async cancel() {
        await morceaux.return?.(undefined)
      },
    })
    const jour = new Date().toISOString().slice(0, 10)
    return new Response(flux, {
      headers: {
        'Content-Type': FORMATS[format as keyof typeof FORMATS],
        'Content-Disposition': `attachment; filename="demandes-${jour}.${format}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  },
}
