import type { Endpoint, PayloadRequest, Where } from 'payload'

import { readDemandes, vueDuLecteur } from '../../../access/demandes'
import { refusRequete } from '../../../access/requetes'
import { refusPaginationTexte } from '../../../hooks/requetes/garderRequetes'
import { FILTRE_INVALIDE } from '../../../hooks/traduireErreursRequete'
import { peut, utilisateurDe } from '../../../access/roles'
import { COLONNES, ligneCsv } from '../../../src/export/colonnes'
import { classeurXlsx } from '../../../src/export/xlsx'
import { type DemandeLue, lotApres, parLots } from '../../../src/parNumero'
import { reecrireWhere, statutSelonVue } from '../../../src/regles/statut'

// 200 per lot: with 500, most of a lot's rows outlived V8's young generation and filled the old one until a full
// collection (measures in docs/performance.md).
const PAGE = 200
const FORMATS = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** Only what the columns show (src/export/colonnes.ts): no join of the annexes, no account, no version data. */
const CHAMPS = [
  'numero',
  'statut',
  'rentree',
  'etablissementConcerne',
  'departement',
  'academie',
  'etablissementReferent',
  'siteFormation',
  'responsable',
  'modalite',
  'diplome',
  'dureeFormation',
  'anneeFormation',
  'mesure',
  'capaciteActuelle',
  'capaciteNouvelle',
  'priorite',
  'projetLie',
  'demandeLiee',
  'premiereDemande',
  'anneePrecedentDepot',
  'dateConseil',
  'zonesRecrutement',
  'travaux',
  'rapportOpportunite',
  'valideeLe',
  'avis',
  'decision',
  'statutSansDecision',
] as const
const SELECTION = Object.fromEntries(CHAMPS.map((c) => [c, true]))
const LECTURE = { lot: PAGE, depth: 0, select: SELECTION }

/** The related rows the columns show, by relationship field: which collection, which fields. */
const LIENS = [
  {
    champs: ['etablissementConcerne', 'etablissementReferent'],
    collection: 'etablissements',
    select: { uai: true, nom: true, commune: true },
  },
  { champs: ['diplome'], collection: 'diplomes', select: { cfd: true, libelle: true, typeDiplome: true } },
  { champs: ['demandeLiee'], collection: 'demandes', select: { numero: true } },
] as const

/**
 * Fills in the établissements, diplômes and linked demandes of each lot, each read once per export with the
 * caller's access (what depth 1 would do): the same few thousand rows come back in every lot, and populating them
 * document by document cost a third of the export's time.
 */
function completeur(req: PayloadRequest) {
  const caches = new Map<string, Map<string, Record<string, unknown> | null>>(
    LIENS.map((l) => [l.collection, new Map()]),
  )
  return async (lot: DemandeLue[]): Promise<DemandeLue[]> => {
    for (const lien of LIENS) {
      const cache = caches.get(lien.collection)!
      const manquants = [
        ...new Set(
          lot
            .flatMap((d) => lien.champs.map((c) => d[c]))
            .filter(
              (v): v is number | string =>
                (typeof v === 'number' || typeof v === 'string') && !cache.has(String(v)),
            ),
        ),
      ]
      if (manquants.length === 0) continue
      const lus = await req.payload.find({
        collection: lien.collection,
        where: { id: { in: manquants } },
        select: lien.select as never,
        depth: 0,
        pagination: false,
        req,
        user: req.user,
        overrideAccess: false,
      })
      for (const doc of lus.docs as unknown as Record<string, unknown>[]) cache.set(String(doc.id), doc)
      // Not readable by the caller: shown as depth 1 would show it, as nothing.
      for (const id of manquants) if (!cache.has(String(id))) cache.set(String(id), null)
    }
    return lot.map((d) => {
      const complete: DemandeLue = { ...d }
      for (const lien of LIENS)
        for (const c of lien.champs)
          if (d[c] !== null && d[c] !== undefined)
            complete[c] = caches.get(lien.collection)!.get(String(d[c])) ?? d[c]
      return complete
    })
  }
}

/**
 * The lots after the first: the first is read by Payload (which validates the filter and applies the read
 * access); the next ones straight from the database adapter, with the same filter and the same access `where`,
 * and without the fields the caller may not read, as Payload's field access would remove them. Through the read
 * hooks each demande cost far more (docs/performance.md), for rules that depend on the user only.
 */
async function lecteurDirect(
  req: PayloadRequest,
  where: Where,
): Promise<(apres: number) => Promise<DemandeLue[]>> {
  const acces = await readDemandes({ req })
  // As Payload's read does (hooks/demandes/statutVu.ts): the caller's filter on `statut` reads its view.
  const vue = await vueDuLecteur(req)
  const filtres: Where[] = [reecrireWhere(where, vue), ...(typeof acces === 'object' ? [acces] : [])]
  const masques: string[] = []
  for (const champ of CHAMPS) {
    const champConfig = req.payload.collections.demandes.config.flattenedFields.find(
      (f) => 'name' in f && f.name === champ,
    )
    const lire = champConfig && 'access' in champConfig ? champConfig.access?.read : undefined
    if (lire && !(await lire({ req } as never))) masques.push(champ)
  }
  return async (apres) => {
    const r = await req.payload.db.find<DemandeLue>({
      collection: 'demandes',
      where: { and: [...filtres, { numero: { greater_than: apres } }] },
      sort: 'numero',
      limit: PAGE,
      pagination: false,
      select: SELECTION as never,
      req,
    })
    return r.docs.map((d) => {
      d.statut = statutSelonVue(d as never, vue)
      for (const champ of masques) delete d[champ]
      return d
    })
  }
}

/** The list's 400 for a bad query (hooks/requetes/garderRequetes.ts, hooks/traduireErreursRequete.ts). */
const refusFiltre = (message: string, champ?: string) =>
  Response.json(
    {
      errors: [
        {
          name: 'QueryError',
          message,
          ...(champ ? { data: { errors: [{ path: champ, message }] } } : {}),
        },
      ],
    },
    { status: 400, headers: { 'Cache-Control': 'no-store' } },
  )

/**
 * GET /api/demandes/export?format=csv|xlsx&where[…]: the demandes the caller may read, filtered with the list's
 * `where` syntax, one row per demande, streamed lot by lot (memory stays flat whatever the count).
 */
export const exporter: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!utilisateurDe(req))
      return Response.json(
        { errors: [{ message: 'Vous devez être connecté pour exporter les demandes.' }] },
        { status: 401 },
      )
    const format = String(req.query?.format ?? 'csv')
    if (!(format in FORMATS)) {
      return Response.json(
        {
          errors: [
            { message: `format : « ${format} » n'est pas disponible ; utilisez format=csv ou format=xlsx.` },
          ],
        },
        { status: 400 },
      )
    }
    // What the list refuses, the export refuses the same way, before the first byte of the file: a page or page
    // size that is not a whole number (the export reads everything, in numero order, whatever they say), a filter
    // that is not an object (`where=zz`), a sort or a filter naming what may not be named (access/requetes.ts).
    const pagination = refusPaginationTexte(req)
    if (pagination) return refusFiltre(pagination.message, pagination.champ)
    const brut = req.query?.where ?? {}
    if (typeof brut !== 'object' || brut === null || Array.isArray(brut)) return refusFiltre(FILTRE_INVALIDE)
    const where = brut as Where
    const refus = await refusRequete(req, 'demandes', { where, sort: req.query?.sort })
    if (refus) return refusFiltre(refus.message, refus.libelle)
    const colonnes = peut(req, 'lireDonneesPersonnelles') ? COLONNES : COLONNES.filter((c) => !c.personnelle)

    // The first lot is read before answering, so that a bad filter gets a 400 rather than a broken file.
    let premier: DemandeLue[]
    try {
      premier = await lotApres(req, where, 0, LECTURE)
    } catch (err) {
      // The adapter's own words (in English, with the SQL) stay in the server's log.
      req.payload.logger.warn({ err, msg: 'Export : filtre refusé par la base' })
      return refusFiltre(FILTRE_INVALIDE)
    }
    const completer = completeur(req)
    const lireApres = await lecteurDirect(req, where)
    const valeurs = async function* () {
      for await (const lot of parLots(premier, lireApres, PAGE))
        yield (await completer(lot)).map((d) => colonnes.map((c) => c.valeur(d as never)))
    }
    const encodeur = new TextEncoder()
    const morceaux: AsyncIterator<Uint8Array> =
      format === 'xlsx'
        ? classeurXlsx(
            'Demandes',
            colonnes.map((c) => c.entete),
            valeurs(),
          )
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
