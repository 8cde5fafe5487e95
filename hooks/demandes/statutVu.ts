import type {
  CollectionBeforeOperationHook,
  FieldHook,
  FlattenedField,
  Payload,
  PayloadRequest,
} from 'payload'

import { vueDuLecteur } from '../../access/demandes'
import { clientSqlite } from '../../src/adaptateur'
import { collectionDe } from '../../src/collectionParSlug'
import { litLesVersions } from '../requetes/garderRequetes'
import {
  DATE_DE_LA_VUE,
  datesInitiales,
  type EstChampDeDemande,
  reecrireChamp,
  reecrireSort,
  reecrireWhere,
  statutSelonVue,
} from '../../src/regles/statut'

/**
 * Filters, sorts and distinct values on `statut` (REST, GraphQL, Local API with a user; lists, counts, versions,
 * bulk update/delete, and the annexes' `demande.statut`) are answered on the caller's stored view.
 */
export const statutSelonLecteur: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  const vue = await vueDuLecteur(req, overrideAccess)
  if (vue === 'complete') return args
  const a = args as { where?: unknown; sort?: unknown; field?: unknown }
  const deDemande = champDeDemande(
    req,
    collection.slug,
    litLesVersions(req, collection.slug, operation, args),
  )
  if (a.where !== undefined) a.where = reecrireWhere(a.where, vue, deDemande)
  if (a.sort !== undefined) a.sort = reecrireSort(a.sort, vue, deDemande)
  if (a.field !== undefined) a.field = reecrireChamp(a.field, vue, deDemande)
  return args
}

/**
 * Whether a path ends in a top-level field of a demande: followed through relationships from `slug` (on a
 * version record, `version.` and `parent.` lead to the demande; its own top-level fields are the record's).
 */
function champDeDemande(req: PayloadRequest, slug: string, versions: boolean): EstChampDeDemande {
  const champsDe = (s: string): FlattenedField[] | undefined =>
    collectionDe(req.payload, s)?.config.flattenedFields
  return (segments) => {
    let collection = slug
    let i = 0
    if (versions) {
      if (segments.length < 2 || (segments[0] !== 'version' && segments[0] !== 'parent')) return false
      i = 1
    }
    for (; i < segments.length - 1; i++) {
      const champ = champsDe(collection)?.find((c) => c.name === segments[i])
      if (
        !champ ||
        (champ.type !== 'relationship' && champ.type !== 'upload') ||
        typeof champ.relationTo !== 'string'
      )
        return false
      collection = champ.relationTo
    }
    return collection === 'demandes'
  }
}

/** `updatedAt` as read by the caller: a partial view shows its own stored date (an avis or a décision does not move it). */
export const dateAfficheeAuLecteur: FieldHook = async ({ value, siblingData, overrideAccess, req }) => {
  if (value === undefined || value === null) return value
  const vue = await vueDuLecteur(req, overrideAccess)
  if (vue === 'complete') return value
  return (siblingData as Record<string, unknown> | undefined)?.[DATE_DE_LA_VUE[vue]] ?? value
}

/** `statut` as read by the caller, on every read (documents, versions, populated relationships, write responses). */
export const statutAfficheAuLecteur: FieldHook = async ({ value, siblingData, overrideAccess, req }) => {
  if (value === undefined || value === null) return value
  const vue = await vueDuLecteur(req, overrideAccess)
  return statutSelonVue({ ...(siblingData as Record<string, unknown>), statut: value as string }, vue)
}

/**
 * MongoDB has no migrations: demandes and versions written before the stored views existed get them at start-up
 * (SQLite: migration 20261202_statuts_vus). One update per case, cheap when nothing matches.
 */
export async function completerStatutsVus(payload: Payload): Promise<void> {
  if (clientSqlite(payload)) return
  const db = payload.db as unknown as {
    collections?: Record<string, Modele>
    versions?: Record<string, Modele>
  }
  const validees = ['validee', 'en-instruction', 'retenue', 'non-retenue', 'ajournee']
  const cas = [
    { statut: ['brouillon'], avis: null, depot: 'brouillon', sansDecision: 'brouillon' },
    { statut: validees, avis: true, depot: 'validee', sansDecision: 'en-instruction' },
    { statut: validees, avis: false, depot: 'validee', sansDecision: 'validee' },
  ]
  for (const [modele, p] of [
    [db.collections?.demandes, ''],
    [db.versions?.demandes, 'version.'],
  ] as const) {
    if (!modele) continue
    for (const c of cas) {
      const avis =
        c.avis === null ? {} : { [`${p}avis.avis`]: c.avis ? { $nin: [null, ''] } : { $in: [null, ''] } }
      await modele.updateMany(
        { [`${p}statutDepot`]: { $exists: false }, [`${p}statut`]: { $in: c.statut }, ...avis },
        { $set: { [`${p}statutDepot`]: c.depot, [`${p}statutSansDecision`]: c.sansDecision } },
        { timestamps: false },
      )
    }
    // The dates the views show (src/regles/statut.ts, datesInitiales), by lots: once per database.
    const vus = new Set<string>()
    for (;;) {
      const lot = await modele
        .find({ [`${p}modifieeLeDepot`]: { $exists: false } })
        .limit(500)
        .lean()
      // Nothing left, or a server that did not apply the last lot: never loop on it.
      if (lot.length === 0 || lot.every((d) => vus.has(String(d._id)))) break
      for (const d of lot) vus.add(String(d._id))
      await modele.bulkWrite(
        lot.map((d) => {
          const dates = p
            ? ((d.version as Record<string, unknown> | undefined)?.updatedAt ?? d.updatedAt)
            : null
          const vues = p ? { modifieeLeDepot: dates, modifieeLeSansDecision: dates } : datesInitiales(d)
          const valeurs = Object.fromEntries(
            Object.entries(vues).map(([k, v]) => [`${p}${k}`, v ? new Date(v as string | Date) : new Date()]),
          )
          // Mongoose would otherwise move `updatedAt`: completing stored views is no change of the demande.
          return { updateOne: { filter: { _id: d._id }, update: { $set: valeurs }, timestamps: false } }
        }),
      )
    }
  }
}

type Modele = {
  updateMany: (filtre: object, maj: object, options?: object) => Promise<unknown>
  find: (filtre: object) => { limit: (n: number) => { lean: () => Promise<Record<string, unknown>[]> } }
  bulkWrite: (operations: object[]) => Promise<unknown>
}
