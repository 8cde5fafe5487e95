import type { Access, PayloadRequest, Where } from 'payload'

import { cleStructure, prefixer, readDemandes } from './demandes'
import { type Action, estRole, portee } from './permissions'
import { aLeRole, utilisateurDe } from './roles'

/**
 * The thread of a demande (collection messages): read and written exactly by who reads the demande (its filers'
 * structure, the authorities that instruct it, the admin), never by integrations; never edited, deleted only by the
 * admin.
 */

/**
 * The thread is between who files and who instructs (avis, décision): integrations read the demandes through the
 * API and the Carif-Oref maintains the lists, neither takes part in the exchanges (second outside attack, 5).
 */
const ACTIONS_DU_FIL = ['lireBrouillons', 'donnerAvis', 'decider'] as const satisfies Action[]
const horsDuFil = (req: PayloadRequest) => {
  const role = utilisateurDe(req)?.role
  return !estRole(role) || ACTIONS_DU_FIL.every((action) => portee(role, action) === 'non')
}

/** The messages of the demandes the user reads. */
export const readMessages: Access = async ({ req }) => {
  if (horsDuFil(req)) return false
  const filtre = await readDemandes({ req })
  return typeof filtre === 'boolean' ? filtre : prefixer(filtre, 'demande.')
}

/** Whoever reads some demande may write; the demande itself is checked by the collection's hook. */
export const createMessages: Access = async ({ req }) =>
  !horsDuFil(req) && (await readDemandes({ req })) !== false

export const updateMessages: Access = () => false

export const deleteMessages: Access = ({ req }) => aLeRole(req, 'admin')

/** The demandes the user may post on (a filter on demandes, as readDemandes). */
export async function demandesDuFil(req: PayloadRequest): Promise<Where | boolean> {
  if (horsDuFil(req)) return false
  return readDemandes({ req })
}

type DemandeDuFil = {
  structureDeposante?: string | null
  academie?: string | null
  agricole?: boolean | null
}

/** Whether the author writes for the demande's filing structure (else for the authorities, or as the admin). */
export function ecritPourLeDeposant(req: PayloadRequest, demande: DemandeDuFil): boolean {
  const cle = cleStructure(utilisateurDe(req))
  return cle !== null && cle !== 'admin' && cle === demande.structureDeposante
}

/**
 * The accounts of the authority that gives the demande's avis (who a filer's message is for): the DRAAF for an
 * agricultural établissement, else the rectorat of its académie.
 */
export function comptesInstructeurs(demande: DemandeDuFil): Where | null {
  if (demande.agricole) return { role: { equals: 'draaf' } }
  if (!demande.academie) return null
  return { and: [{ role: { equals: 'rectorat' } }, { academie: { equals: demande.academie } }] }
}
