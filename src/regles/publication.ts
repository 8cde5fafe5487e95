/**
 * What publishing the decisions tells whom. Pure: the publication endpoint counts with it (src/publicationDecisions.ts),
 * the mailing task sends with it (src/taches/index.ts), so the confirmation's numbers are the mails that leave.
 */
import { createHash } from 'node:crypto'

export type DemandePubliee = {
  structureDeposante?: string | null
  decision?: { decision?: string | null } | null
}

export const estDecidee = (d: DemandePubliee): boolean => Boolean(d.decision?.decision)

/**
 * The validated demandes of each structure that has at least one décision: the others get no « décisions
 * publiées » mail (it would tell them « pas encore de décision » for everything they filed).
 */
export function structuresAInformer<D extends DemandePubliee>(demandes: D[]): Map<string, D[]> {
  const groupes = parStructure(demandes)
  for (const [cle, liste] of groupes) if (!liste.some(estDecidee)) groupes.delete(cle)
  return groupes
}

/** The demandes of each filing structure (reminders and decisions write once per structure). */
export function parStructure<D extends Pick<DemandePubliee, 'structureDeposante'>>(
  demandes: D[],
): Map<string, D[]> {
  const groupes = new Map<string, D[]>()
  for (const d of demandes) {
    const cle = d.structureDeposante ?? ''
    groupes.set(cle, [...(groupes.get(cle) ?? []), d])
  }
  return groupes
}

/** How many validated demandes carry a décision, and how many still wait for one. */
export function compterDecisions(demandes: DemandePubliee[]): { decisions: number; sansDecision: number } {
  const decisions = demandes.filter(estDecidee).length
  return { decisions, sansDecision: demandes.length - decisions }
}

export type DemandeInformee = DemandePubliee & {
  numero?: number | null
  id?: number | string
  avis?: { avis?: string | null } | null
  decision?: { decision?: string | null; commentaire?: string | null } | null
}

/**
 * What a structure is told of its demandes, as one short comparable key: a new publication (after a withdrawal, a
 * décision changed or added) mails a structure again only when what it would read differs from its last mail.
 */
export function empreinteDecisions(liste: DemandeInformee[]): string {
  const lignes = liste
    .map((d) => [
      String(d.numero ?? d.id ?? ''),
      d.avis?.avis ?? '',
      d.decision?.decision ?? '',
      d.decision?.commentaire ?? '',
    ])
    .sort((a, b) => a[0]!.localeCompare(b[0]!, 'fr', { numeric: true }))
  return createHash('sha256').update(JSON.stringify(lignes)).digest('hex').slice(0, 24)
}

/** The mark of a structure's decisions mail (in `compteurs`): one per rentrée, structure and content. */
export const marqueDecisions = (rentree: number, structure: string, empreinte: string) =>
  `decisions:${rentree}:${structure}:${empreinte}`
export const prefixeDecisions = (rentree: number, structure = '') => `decisions:${rentree}:${structure}`
