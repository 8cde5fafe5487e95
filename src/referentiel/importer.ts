import type { Payload } from 'payload'

import { ceder, LIGNES_PAR_TOUR } from './cooperer'
import type { DiplomeRef, EtablissementRef, Rejet } from './lire'

export type Changement = {
  cle: string
  operation: 'creation' | 'modification'
  champs: Record<string, { avant: unknown; apres: unknown }>
}
export type Bilan = {
  crees: number
  modifies: number
  inchanges: number
  rejetes: Rejet[]
  changements: Changement[]
}
/** `absents`: fields whose column the file lacks, left untouched on existing rows (a new row gets its default). */
export type OptionsImport = { simulation?: boolean; absents?: readonly string[] }
/** The report lists at most this many changed rows (the counts are always complete). */
export const CHANGEMENTS_MAX = 1000

function egal(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => {
    if (v === undefined || v === '') return null
    if (Array.isArray(v)) return v.map(norm)
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return v.slice(0, 10)
    return v
  }
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

/**
 * `traiter` answers whether it wrote. The database calls may never give the event loop a turn (SQLite answers
 * synchronously), nor do comparisons: yield after every lot that wrote, and every LIGNES_PAR_TOUR rows.
 */
async function parLots<T>(elements: T[], taille: number, traiter: (e: T) => Promise<boolean>) {
  let depuisPause = 0
  for (let i = 0; i < elements.length; i += taille) {
    const ecrit = await Promise.all(elements.slice(i, i + taille).map(traiter))
    depuisPause += taille
    if (ecrit.includes(true) || depuisPause >= LIGNES_PAR_TOUR) {
      await ceder()
      depuisPause = 0
    }
  }
}

/** Every row, page by page with a pause between pages: one find of 200,000 rows would hold the loop. */
async function tousLesDocuments(payload: Payload, collection: 'etablissements' | 'diplomes') {
  const docs: Record<string, unknown>[] = []
  for (let page = 1; ; page++) {
    const r = await payload.find({
      collection,
      depth: 0,
      overrideAccess: true,
      sort: 'id',
      limit: LIGNES_PAR_TOUR,
      page,
    })
    // Compared field by field by name: the generated interfaces have no index signature.
    docs.push(...(r.docs as unknown as Record<string, unknown>[]))
    if (!r.hasNextPage) return docs
    await ceder()
  }
}

/**
 * Creates what is new and updates what changed, keyed on `cle`; a second run with the same file changes nothing.
 * Rows missing from the file are left alone (a closed diplôme stays referenced by old demandes).
 */
async function synchroniser<T extends Record<string, unknown>>(
  payload: Payload,
  collection: 'etablissements' | 'diplomes',
  cle: keyof T & string,
  lignes: T[],
  rejetes: Rejet[],
  { simulation = false, absents = [] }: OptionsImport = {},
): Promise<Bilan> {
  const parCle = new Map((await tousLesDocuments(payload, collection)).map((d) => [String(d[cle]), d]))
  const bilan: Bilan = { crees: 0, modifies: 0, inchanges: 0, rejetes, changements: [] }
  // A thunk: past CHANGEMENTS_MAX the detail of 200,000 new rows is not even built.
  const noter = (c: () => Changement) => {
    if (bilan.changements.length < CHANGEMENTS_MAX) bilan.changements.push(c())
  }
  await parLots(lignes, 8, async (ligne) => {
    const existant = parCle.get(String(ligne[cle]))
    if (!existant) {
      // `ligne` is a row of `collection`'s referential, which TypeScript cannot tie to the slug's data type.
      if (!simulation)
        await payload.create({ collection, data: ligne as never, overrideAccess: true, depth: 0 })
      bilan.crees++
      noter(() => ({
        cle: String(ligne[cle]),
        operation: 'creation',
        champs: Object.fromEntries(Object.entries(ligne).map(([k, v]) => [k, { avant: null, apres: v }])),
      }))
      return !simulation
    }
    const changements = Object.fromEntries(
      Object.entries(ligne).filter(([k, v]) => !absents.includes(k) && !egal(v, existant[k])),
    )
    if (Object.keys(changements).length === 0) {
      bilan.inchanges++
      return false
    }
    if (!simulation)
      await payload.update({
        collection,
        id: existant.id as number | string,
        data: changements as never, // as for the creation above
        overrideAccess: true,
        depth: 0,
      })
    bilan.modifies++
    noter(() => ({
      cle: String(ligne[cle]),
      operation: 'modification',
      champs: Object.fromEntries(
        Object.entries(changements).map(([k, v]) => [k, { avant: existant[k] ?? null, apres: v }]),
      ),
    }))
    return !simulation
  })
  return bilan
}

export function importerEtablissements(
  payload: Payload,
  lignes: EtablissementRef[],
  rejetes: Rejet[] = [],
  options: OptionsImport = {},
) {
  return synchroniser(payload, 'etablissements', 'uai', lignes, rejetes, options)
}

export function importerDiplomes(
  payload: Payload,
  lignes: DiplomeRef[],
  rejetes: Rejet[] = [],
  options: OptionsImport = {},
) {
  return synchroniser(payload, 'diplomes', 'cfd', lignes, rejetes, options)
}

export function resumer(nom: string, bilan: Bilan): string {
  const lignes = [
    `${nom} : ${bilan.crees} créé(s), ${bilan.modifies} modifié(s), ${bilan.inchanges} inchangé(s), ${bilan.rejetes.length} ligne(s) rejetée(s).`,
  ]
  if (bilan.crees === 0 && bilan.modifies === 0) lignes.push(`${nom} : déjà à jour, rien n'a été modifié.`)
  for (const r of bilan.rejetes) lignes.push(`  ligne ${r.ligne} rejetée : ${r.raison}`)
  return lignes.join('\n')
}
