import type { Payload } from 'payload'

import { ceder, LIGNES_PAR_TOUR } from './cooperer'
import type { DiplomeRef, EtablissementRef, Rejet } from './lire'

export type Changement = {
  cle: string
  operation: 'creation' | 'modification'
  champs: Record<string, { avant: unknown; apres: unknown }>
}
/** A field the import would empty (a value before, none after) on `nombre` existing rows. */
export type Vidage = { champ: string; libelle: string; nombre: number; part: number }
export type Bilan = {
  crees: number
  modifies: number
  inchanges: number
  rejetes: Rejet[]
  changements: Changement[]
  /** Rows of natures or niveaux out of the platform's scope: counted, not created, not refused. */
  horsChamp: number
  /** Rows the files cannot create (BCN tables without N_FORMATION_DIPLOME) and the base does not hold. */
  ignores: number
  /** Existing rows the export no longer names: kept as they are; `cles` lists at most CHANGEMENTS_MAX. */
  absentsExport: { nombre: number; cles: string[] }
  /** Per field, how many existing rows would lose their value. */
  vides: Vidage[]
  /** The required or derived fields emptied on more than SEUIL_VIDAGE of the rows compared. */
  garde: Vidage[]
  /** The guard tripped and the import was not confirmed: nothing was written. */
  confirmationRequise: boolean
  /** The label of each field the report names (« Codes RNCP » for codesRncp). */
  libelles: Record<string, string>
}
/**
 * `absents`: fields whose column the file lacks, left untouched on existing rows (a new row gets its default).
 * `cles`: every key the export names, for the rows « absents de l'export ». `confirmer`: write even when the
 * guard trips (the editor's second step).
 */
export type OptionsImport = {
  simulation?: boolean
  absents?: readonly string[]
  cles?: readonly string[]
  horsChamp?: number
  sansCreation?: boolean
  confirmer?: boolean
}
/** The report lists at most this many changed rows (the counts are always complete). */
export const CHANGEMENTS_MAX = 1000
/** Past this share of the rows compared, emptying a guarded field needs the editor's confirmation. */
export const SEUIL_VIDAGE = 0.01

type Collection = 'etablissements' | 'diplomes'

/** Required or derived fields: emptying them on many rows is a file's mistake far more often than the truth. */
export const CHAMPS_GARDES: Record<Collection, readonly string[]> = {
  etablissements: ['nom', 'type', 'secteur', 'ministere', 'departement', 'academie'],
  diplomes: ['libelle', 'typeDiplome', 'niveau', 'codesRncp', 'durees'],
}
/** The value a row holds for a field it was created without (MongoDB documents older than the field). */
const DEFAUTS: Record<Collection, Record<string, unknown>> = {
  etablissements: { ferme: false },
  diplomes: {},
}

const vide = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

function normaliser(v: unknown): unknown {
  if (v === undefined || v === '') return null
  // Lengths and RNCP codes are sets: the order a file lists them in means nothing.
  if (Array.isArray(v)) return v.map(normaliser).sort((a, b) => (String(a) < String(b) ? -1 : 1))
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return v.slice(0, 10)
  return v
}

export function egal(a: unknown, b: unknown): boolean {
  return JSON.stringify(normaliser(a)) === JSON.stringify(normaliser(b))
}

export type Plan<T> = {
  creations: T[]
  modifications: {
    id: number | string
    cle: string
    champs: Record<string, { avant: unknown; apres: unknown }>
  }[]
  inchanges: number
  ignores: number
  /** Per field, the existing rows that would lose their value. */
  vides: Record<string, number>
  absentsExport: string[]
}

/**
 * The diff of a file against the rows held, without writing: what to create, what to change field by field
 * (a field the file leaves out, or whose column it lacks, is not compared), what each field would lose, and
 * which held rows the export no longer names. Yields to the event loop every LIGNES_PAR_TOUR rows.
 */
export async function comparer<T extends Record<string, unknown>>(
  existants: Record<string, unknown>[],
  lignes: T[],
  cle: keyof T & string,
  {
    absents = [],
    cles,
    sansCreation = false,
    defauts = {},
  }: {
    absents?: readonly string[]
    cles?: readonly string[]
    sansCreation?: boolean
    defauts?: Record<string, unknown>
  } = {},
): Promise<Plan<T>> {
  const parCle = new Map(existants.map((d) => [String(d[cle]), d]))
  const plan: Plan<T> = {
    creations: [],
    modifications: [],
    inchanges: 0,
    ignores: 0,
    vides: {},
    absentsExport: [],
  }
  for (let i = 0; i < lignes.length; i++) {
    if (i > 0 && i % LIGNES_PAR_TOUR === 0) await ceder()
    const ligne = lignes[i]!
    const existant = parCle.get(String(ligne[cle]))
    if (!existant) {
      if (sansCreation) plan.ignores++
      else plan.creations.push(ligne)
      continue
    }
    const champs: Plan<T>['modifications'][number]['champs'] = {}
    for (const [k, apres] of Object.entries(ligne)) {
      if (apres === undefined || absents.includes(k)) continue
      const avant = existant[k] ?? defauts[k] ?? null
      if (egal(apres, avant)) continue
      champs[k] = { avant, apres }
      if (!vide(avant) && vide(apres)) plan.vides[k] = (plan.vides[k] ?? 0) + 1
    }
    if (Object.keys(champs).length === 0) plan.inchanges++
    else plan.modifications.push({ id: existant.id as number | string, cle: String(ligne[cle]), champs })
  }
  if (cles) {
    const nommees = new Set(cles)
    for (const k of parCle.keys()) if (!nommees.has(k)) plan.absentsExport.push(k)
    plan.absentsExport.sort()
  }
  return plan
}

/** The guarded fields the plan would empty on more than SEUIL_VIDAGE of the rows compared. */
export function champsTropVides(
  vides: Record<string, number>,
  compares: number,
  gardes: readonly string[],
): string[] {
  return gardes.filter((c) => (vides[c] ?? 0) > SEUIL_VIDAGE * Math.max(compares, 1))
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

/** A field's label as the collection names it (« Type d'établissement »), for the report. */
function libelleDe(payload: Payload, collection: Collection, champ: string): string {
  const f = payload.collections[collection]?.config.flattenedFields.find((x) => x.name === champ)
  const label = f && 'label' in f ? f.label : undefined
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') return String((label as Record<string, string>).fr ?? champ)
  return champ
}

/**
 * Creates what is new and updates what changed, keyed on `cle`; a second run with the same file changes nothing.
 * Rows missing from the file are left alone (a closed diplôme stays referenced by old demandes), and reported.
 * The whole diff is made before any write: a file that would empty a guarded field on more than SEUIL_VIDAGE of
 * the rows writes nothing unless `confirmer`.
 */
async function synchroniser<T extends Record<string, unknown>>(
  payload: Payload,
  collection: Collection,
  cle: keyof T & string,
  lignes: T[],
  rejetes: Rejet[],
  {
    simulation = false,
    absents = [],
    cles,
    horsChamp = 0,
    sansCreation,
    confirmer = false,
  }: OptionsImport = {},
): Promise<Bilan> {
  const plan = await comparer(await tousLesDocuments(payload, collection), lignes, cle, {
    absents,
    cles,
    sansCreation,
    defauts: DEFAUTS[collection],
  })
  const compares = plan.modifications.length + plan.inchanges
  const vidage = (champ: string): Vidage => ({
    champ,
    libelle: libelleDe(payload, collection, champ),
    nombre: plan.vides[champ]!,
    part: plan.vides[champ]! / Math.max(compares, 1),
  })
  const garde = champsTropVides(plan.vides, compares, CHAMPS_GARDES[collection]).map(vidage)
  const confirmationRequise = garde.length > 0 && !confirmer
  const bilan: Bilan = {
    crees: plan.creations.length,
    modifies: plan.modifications.length,
    inchanges: plan.inchanges,
    rejetes,
    // A thunk-free cap: past CHANGEMENTS_MAX the detail of 200,000 new rows is not built.
    changements: [
      ...plan.modifications
        .slice(0, CHANGEMENTS_MAX)
        .map((m): Changement => ({ cle: m.cle, operation: 'modification', champs: m.champs })),
      ...plan.creations
        .slice(0, Math.max(0, CHANGEMENTS_MAX - plan.modifications.length))
        .map((l): Changement => ({
          cle: String(l[cle]),
          operation: 'creation',
          champs: Object.fromEntries(
            Object.entries(l)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [k, { avant: null, apres: v }]),
          ),
        })),
    ],
    horsChamp,
    ignores: plan.ignores,
    absentsExport: { nombre: plan.absentsExport.length, cles: plan.absentsExport.slice(0, CHANGEMENTS_MAX) },
    vides: Object.keys(plan.vides).map(vidage),
    garde,
    confirmationRequise,
    libelles: {},
  }
  for (const c of bilan.changements)
    for (const champ of Object.keys(c.champs)) bilan.libelles[champ] ??= libelleDe(payload, collection, champ)
  if (simulation || confirmationRequise) return bilan
  // `ligne` is a row of `collection`'s referential, which TypeScript cannot tie to the slug's data type.
  await parLots(plan.creations, 8, async (ligne) => {
    await payload.create({ collection, data: ligne as never, overrideAccess: true, depth: 0 })
    return true
  })
  await parLots(plan.modifications, 8, async (m) => {
    const data = Object.fromEntries(Object.entries(m.champs).map(([k, v]) => [k, v.apres]))
    await payload.update({ collection, id: m.id, data: data as never, overrideAccess: true, depth: 0 })
    return true
  })
  return bilan
}

/** 0.0123 → « 1,2 % » */
export function pourcentage(part: number): string {
  return `${(Math.round(part * 1000) / 10).toLocaleString('fr-FR')} %`
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
  if (bilan.horsChamp || bilan.absentsExport.nombre || bilan.ignores)
    lignes.push(
      `${nom} : ${bilan.horsChamp} hors champ (non importé(s)), ${bilan.absentsExport.nombre} absent(s) de l'export (conservé(s))${bilan.ignores ? `, ${bilan.ignores} inconnu(s) de la base (non créé(s))` : ''}.`,
    )
  for (const v of bilan.vides)
    lignes.push(`${nom} : « ${v.libelle} » serait vidé sur ${v.nombre} ligne(s) (${pourcentage(v.part)}).`)
  if (bilan.confirmationRequise)
    lignes.push(
      `${nom} : rien n'a été importé : ${bilan.garde.map((v) => `« ${v.libelle} »`).join(', ')} serait vidé sur plus de ${pourcentage(SEUIL_VIDAGE)} des lignes ; confirmez pour importer quand même.`,
    )
  else if (bilan.crees === 0 && bilan.modifies === 0)
    lignes.push(`${nom} : déjà à jour, rien n'a été modifié.`)
  for (const r of bilan.rejetes) lignes.push(`  ligne ${r.ligne} rejetée : ${r.raison}`)
  return lignes.join('\n')
}
