import type { CollectionBeforeOperationHook, FieldHook, Payload } from 'payload'

import { vueDuLecteur } from '../../access/demandes'
import { clientSqlite } from '../../src/adaptateur'
import { reecrireChamp, reecrireSort, reecrireWhere, statutSelonVue } from '../../src/regles/statut'

/**
 * Filters, sorts and distinct values on `statut` (REST, GraphQL, Local API with a user; lists, counts, versions,
 * bulk update/delete, and the annexes' `demande.statut`) are answered on the caller's stored view.
 */
export const statutSelonLecteur: CollectionBeforeOperationHook = async ({ args, overrideAccess, req }) => {
  const vue = await vueDuLecteur(req, overrideAccess)
  if (vue === 'complete') return args
  const a = args as { where?: unknown; sort?: unknown; field?: unknown }
  if (a.where !== undefined) a.where = reecrireWhere(a.where, vue)
  if (a.sort !== undefined) a.sort = reecrireSort(a.sort, vue)
  if (a.field !== undefined) a.field = reecrireChamp(a.field, vue)
  return args
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
  const db = payload.db as unknown as { collections?: Record<string, Modele>; versions?: Record<string, Modele> }
  const validees = ['validee', 'en-instruction', 'retenue', 'non-retenue', 'ajournee']
  const cas = [
    { statut: ['brouillon'], avis: null, depot: 'brouillon', sansDecision: 'brouillon' },
    { statut: validees, avis: true, depot: 'validee', sansDecision: 'en-instruction' },
    { statut: validees, avis: false, depot: 'validee', sansDecision: 'validee' },
  ]
  for (const [modele, p] of [[db.collections?.demandes, ''], [db.versions?.demandes, 'version.']] as const) {
    if (!modele) continue
    for (const c of cas) {
      const avis = c.avis === null ? {} : { [`${p}avis.avis`]: c.avis ? { $nin: [null, ''] } : { $in: [null, ''] } }
      await modele.updateMany({ [`${p}statutDepot`]: { $exists: false }, [`${p}statut`]: { $in: c.statut }, ...avis }, { $set: { [`${p}statutDepot`]: c.depot, [`${p}statutSansDecision`]: c.sansDecision } })
    }
  }
}

type Modele = { updateMany: (filtre: object, maj: object) => Promise<unknown> }
