import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { APIError } from 'payload'

import { idDe, peut } from '../../access/roles'
import { modifiableParSaStructure } from '../../src/regles/machine'
import { CONTEXTE_VALIDATION } from './renseignerChampsServeur'

/** Once validated, only the instruction (avis, décision) may change; the filer's content is frozen. */
const CHAMPS_INSTRUCTION = new Set(['avis', 'decision', 'statut', 'updatedAt', 'createdAt', 'id'])

export const MESSAGE_VERROUILLEE = "Cette demande est validée : elle n'est plus modifiable."

/**
 * Absent, undefined, null and empty are the same "no value": MongoDB does not store a group's undefined subfields
 * (nor, often, empty lists), while Payload's merged `data` carries them as undefined and SQLite returns every column.
 */
function normaliser(valeur: unknown): unknown {
  if (valeur === undefined || valeur === null || valeur === '') return null
  if (valeur instanceof Date) return valeur.toISOString()
  if (Array.isArray(valeur)) return valeur.length ? valeur.map(normaliser) : null
  if (typeof valeur === 'object') {
    const id = idDe(valeur)
    if (id !== null && 'id' in (valeur as object)) return String(id)
    const objet = valeur as Record<string, unknown>
    const entrees = Object.keys(objet)
      .filter((k) => k !== 'id')
      .sort()
      .map((k) => [k, normaliser(objet[k])] as const)
      .filter(([, v]) => v !== null)
    return entrees.length ? Object.fromEntries(entrees) : null
  }
  return typeof valeur === 'number' ? String(valeur) : valeur
}

/** The top-level fields whose value differs (absent, undefined, null and empty alike), but for `ignores`. */
export function champsDifferents(
  data: Record<string, unknown>,
  original: Record<string, unknown>,
  ignores: ReadonlySet<string>,
): string[] {
  return Object.keys(data).filter(
    (champ) =>
      !ignores.has(champ) &&
      JSON.stringify(normaliser(data[champ])) !== JSON.stringify(normaliser(original[champ])),
  )
}

export function champsModifies(data: Record<string, unknown>, original: Record<string, unknown>): string[] {
  return champsDifferents(data, original, CHAMPS_INSTRUCTION)
}

/**
 * Holds on the stored state, whatever the path (REST, GraphQL, Local API, version restore): only the admin may edit.
 * A demande sent back for correction is its structure's again (who may update it is access/demandes.ts).
 */
export const verrouillerApresValidation: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !originalDoc || modifiableParSaStructure(originalDoc.statut)) return data
  if (peut(req, 'outrepasserVerrous') || req.context[CONTEXTE_VALIDATION]) return data
  const modifies = champsModifies(data, originalDoc)
  if (modifies.length)
    throw new APIError(`${MESSAGE_VERROUILLEE} (champ : ${modifies.join(', ')})`, 403, null, true)
  return data
}

export const interdireSuppressionApresValidation: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!peut(req, 'outrepasserVerrous')) {
    const demande = await req.payload
      .findByID({ collection: 'demandes', id, depth: 0, req, overrideAccess: true })
      .catch(() => null)
    if (demande && demande.statut !== 'brouillon') {
      throw new APIError('Cette demande est validée : elle ne peut pas être supprimée.', 403, null, true)
    }
  }
  // A demande's annexes (and their files) go with it; the database would refuse to orphan them.
  req.context[SUPPRESSION_DEMANDE] = String(id)
  await req.payload.delete({
    collection: 'annexes',
    where: { demande: { equals: id } },
    req,
    overrideAccess: true,
  })
  // So do the messages of its thread (a draft's, or any demande the admin deletes).
  await req.payload.delete({
    collection: 'messages',
    where: { demande: { equals: id } },
    req,
    overrideAccess: true,
  })
  // And the read markers of that thread (collections/Lectures.ts).
  await req.payload.delete({
    collection: 'lectures',
    where: { demande: { equals: id } },
    req,
    overrideAccess: true,
  })
}

/** Set while a demande is being deleted: its annexes need not be unlinked from it one by one. */
export const SUPPRESSION_DEMANDE = 'suppressionDemande'
