import type { RelationshipFieldValidation } from 'payload'
import { isValidID, validations } from 'payload'

/** The distinct ids of a relationship value (ids or populated documents, one or many). */
const idsDe = (v: unknown): unknown[] => [
  ...new Set(
    (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]).map((x) =>
      typeof x === 'object' && x !== null && 'id' in x ? (x as { id: unknown }).id : x,
    ),
  ),
]

/**
 * Payload checks a relationship ID's format, not that the document exists; SQLite then fails on the foreign key
 * (a 500). This checks existence, without access control and without reading the document: whether a linked
 * demande of another school exists may be known, its content may not.
 */
export const relationExistante: RelationshipFieldValidation = async (value, options) => {
  // Payload lets `false` or `true` through and the database then fails on the foreign key.
  const identifiant = (v: unknown) =>
    typeof v === 'number' || typeof v === 'string' || (typeof v === 'object' && v !== null)
  if (
    value !== null &&
    value !== undefined &&
    !(Array.isArray(value) ? value.every(identifiant) : identifiant(value))
  ) {
    return 'Valeur invalide : indiquez l’identifiant d’un élément existant.'
  }
  // Unchanged since the last save: checked then (existence, and Payload's filterOptions such as « diplôme ouvert »,
  // which the validation of the demande checks again), and SQLite's foreign keys keep it pointing at a row.
  const ids = idsDe(value)
  const avant = idsDe(options.previousValue).map(String)
  const apres = ids.map(String)
  if (apres.length > 0 && apres.length === avant.length && apres.every((id) => avant.includes(id)))
    return true
  // A malformed ID names no element either: the same French message on both adapters, where Payload answered in
  // English (a number on MongoDB, `abc` on SQLite) or MongoDB failed to cast it (any string but 24 hex digits: a 500).
  const { payload } = options.req
  const personnalise =
    typeof options.relationTo === 'string' ? payload.collections[options.relationTo]?.customIDType : undefined
  const bienForme = (id: unknown) =>
    personnalise || payload.db.name !== 'mongoose'
      ? // Typed number | string, isValidID also takes what the value may hold (an ObjectId): its own checks decide.
        isValidID(id as number | string, personnalise ?? payload.db.defaultIDType)
      : /^[0-9a-f]{24}$/i.test(String(id))
  if (typeof options.relationTo === 'string' && !ids.every(bienForme)) {
    return ids.length > 1
      ? 'Certains des éléments choisis n’existent pas (ou plus).'
      : 'L’élément choisi n’existe pas (ou plus) : vérifiez l’identifiant.'
  }
  const base = await validations.relationship(value, options)
  if (base !== true) return base
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return true
  const collection = options.relationTo
  if (typeof collection !== 'string') return true
  const { totalDocs } = await options.req.payload.count({
    collection,
    where: { id: { in: ids } },
    overrideAccess: true,
    req: options.req,
  })
  if (totalDocs === ids.length) return true
  return ids.length > 1
    ? 'Certains des éléments choisis n’existent pas (ou plus).'
    : 'L’élément choisi n’existe pas (ou plus) : vérifiez l’identifiant.'
}

/**
 * The demande's `annexes` list: only annexes attached to this very demande (their `demande` field), which the
 * server keeps in step (hooks/annexes/synchroniserDemande.ts). Existence alone let a school write another school's
 * annexe id into its own list, and then read that file through it. A new demande has no annexe yet.
 */
export const annexesDeLaDemande: RelationshipFieldValidation = async (value, options) => {
  const base = await relationExistante(value, options)
  if (base !== true) return base
  const ids = idsDe(value)
  if (ids.length === 0) return true
  const refus =
    '« Annexes » : une annexe ne peut figurer que dans la demande à laquelle elle a été jointe ; joignez le fichier à cette demande.'
  if (options.id === undefined || options.id === null) return refus
  const { totalDocs } = await options.req.payload.count({
    collection: 'annexes',
    where: { and: [{ id: { in: ids } }, { demande: { equals: options.id } }] },
    overrideAccess: true,
    req: options.req,
  })
  return totalDocs === ids.length ? true : refus
}
