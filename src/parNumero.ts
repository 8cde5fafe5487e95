import type { PayloadRequest, Where } from 'payload'

import type { Demande } from './payload-types'

export type DemandeLue = Record<string, unknown> & Pick<Demande, 'numero'>
export type Lecture = { lot: number; depth: number; select?: Record<string, unknown> }

/** One lot of the demandes the caller may read, in numero order, after `apres` (excluded). */
export async function lotApres(
  req: PayloadRequest,
  where: Where,
  apres: number,
  l: Lecture,
): Promise<DemandeLue[]> {
  const r = await req.payload.find({
    collection: 'demandes',
    where: apres > 0 ? { and: [where, { numero: { greater_than: apres } }] } : where,
    req,
    user: req.user,
    overrideAccess: false,
    depth: l.depth,
    limit: l.lot,
    pagination: false,
    sort: 'numero',
    // Selections built from field lists (the export's columns), which Payload's DemandesSelect does not type.
    ...(l.select ? { select: l.select as never } : {}),
  })
  // Read field by field by name (columns, statistics): the generated interface has no index signature.
  return r.docs as unknown as DemandeLue[]
}

/**
 * Lots read by key (numero > last seen) rather than by offset: each lot costs the same at the 200th as at the
 * first, and memory holds one lot. `suivant` reads the lot after a numero; a lot shorter than `taille` is the last.
 */
export async function* parLots(
  premier: DemandeLue[],
  suivant: (apres: number) => Promise<DemandeLue[]>,
  taille: number,
): AsyncGenerator<DemandeLue[]> {
  let lot = premier
  while (lot.length) {
    yield lot
    if (lot.length < taille) return
    lot = await suivant(lot[lot.length - 1]!.numero ?? 0)
  }
}

/** Every readable demande in lots, each read by Payload. `premier` is a first lot already read by the caller. */
export async function* parNumero(
  req: PayloadRequest,
  where: Where,
  l: Lecture,
  premier?: DemandeLue[],
): AsyncGenerator<DemandeLue[]> {
  yield* parLots(
    premier ?? (await lotApres(req, where, 0, l)),
    (apres) => lotApres(req, where, apres, l),
    l.lot,
  )
}
