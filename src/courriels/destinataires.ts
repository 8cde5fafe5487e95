import type { Payload, Where } from 'payload'

import { comptesDeLaStructure } from '../../access/demandes'
import { peut } from '../../access/roles'

export { nomDeLaStructure } from '../../access/demandes'

/**
 * Active, validated accounts matching `filtre` that have an e-mail address. An account waiting for the validation
 * of its opening receives nothing (second outside attack, 3: the Carif-Oref's pending accounts got the school's
 * accusés, corrections and messages).
 */
async function comptesJoignables(payload: Payload, filtre: Where) {
  return (
    await payload.find({
      collection: 'users',
      where: {
        and: [
          filtre,
          { actif: { not_equals: false } },
          { ouvertureValidee: { not_equals: false } },
          { email: { exists: true } },
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { email: true, role: true, resumeQuotidien: true },
    })
  ).docs
}

/** The addresses of the active, validated accounts matching `filtre`, each address once. */
export async function adressesDesComptes(payload: Payload, filtre: Where | null): Promise<string[]> {
  if (!filtre) return []
  return sansDoublons((await comptesJoignables(payload, filtre)).map((c) => c.email))
}

/** Active accounts of a structure (`etablissement:ID`, `reseau:ID`, `draaf`) that have an email address. */
export function adressesDeLaStructure(payload: Payload, cle: string | null | undefined): Promise<string[]> {
  return adressesDesComptes(payload, comptesDeLaStructure(cle))
}

export function sansDoublons(adresses: (string | null | undefined)[]): string[] {
  const vues = new Map<string, string>()
  for (const a of adresses) {
    const propre = a?.trim()
    if (propre && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(propre) && !vues.has(propre.toLowerCase()))
      vues.set(propre.toLowerCase(), propre)
  }
  return [...vues.values()]
}

/** The structure's active accounts and the responsables of its demandes, each address once. */
export async function destinataires(
  payload: Payload,
  structure: string | null | undefined,
  demandes: { responsable?: { email?: string | null } | null }[],
): Promise<string[]> {
  return sansDoublons([
    ...(await adressesDeLaStructure(payload, structure)),
    ...demandes.map((d) => d.responsable?.email),
  ])
}

/** Whether an account takes the thread's news in the daily digest instead of one mail per message. */
export const prendLeResume = (compte: { role?: unknown; resumeQuotidien?: boolean | null }): boolean =>
  compte.resumeQuotidien === true && peut(compte, 'recevoirResumeQuotidien')

/**
 * The addresses a new message of a thread goes to: the active accounts matching `filtre` and the `autres`
 * (responsables), without the accounts that take the daily digest (nor their address given as a responsable's).
 */
export async function adressesPourUnMessage(
  payload: Payload,
  filtre: Where | null,
  autres: (string | null | undefined)[] = [],
): Promise<string[]> {
  const comptes = filtre ? await comptesJoignables(payload, filtre) : []
  const resume = new Set(comptes.filter(prendLeResume).map((c) => String(c.email).trim().toLowerCase()))
  return sansDoublons([...comptes.filter((c) => !prendLeResume(c)).map((c) => c.email), ...autres]).filter(
    (a) => !resume.has(a.toLowerCase()),
  )
}
