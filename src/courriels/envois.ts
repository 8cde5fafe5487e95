import type { PayloadRequest } from 'payload'

import { lireCampagne } from '../campagne'
import { avecPdfDeDemande } from './file'
import { comptesInstructeurs } from '../../access/messages'
import { accuseReception, changementAdresse, demandeDeCorrection, nouveauMessage } from './modeles'
import { comptesDeLaStructure } from '../../access/demandes'
import { adressesPourUnMessage, destinataires, nomDeLaStructure } from './destinataires'

export const adresseSupport = (campagne: { contactSupport?: string | null } | null) =>
  campagne?.contactSupport || null

export function lienAdmin(
  req: { payload: { config: { serverURL: string; routes: { admin: string } } } },
  chemin: string,
): string {
  const { serverURL, routes } = req.payload.config
  return `${serverURL}${routes.admin}${chemin}`
}

type DemandeValidee = {
  id: number | string
  numero?: number | null
  rentree?: number | null
  structureDeposante?: string | null
  valideeLe?: string | null
  responsable?: { email?: string | null } | null
}

/**
 * Queues the accusé de réception of a validation for the responsable and the structure's accounts, with the
 * demande's PDF attached (built when the message leaves: the job holds only the id). Queuing is one database
 * write; delivery (and its retries) belongs to the jobs runner.
 */
export async function envoyerAccuseReception(
  req: PayloadRequest,
  demande: DemandeValidee,
  recapitulatif: { sections: { titre: string; lignes: { libelle: string; valeur: string }[] }[] },
): Promise<string[]> {
  const { payload } = req
  const a = await destinataires(payload, demande.structureDeposante, [demande])
  if (a.length === 0) return []
  const campagne = await lireCampagne(req)
  const message = accuseReception({
    numero: demande.numero ?? demande.id,
    rentree: demande.rentree ?? '',
    structure: await nomDeLaStructure(payload, demande.structureDeposante),
    valideeLe: demande.valideeLe ?? new Date().toISOString(),
    recapitulatif: recapitulatif.sections,
    lien: lienAdmin(req, `/demandes/${demande.id}/consulter`),
    support: adresseSupport(campagne),
  })
  await payload.sendEmail(avecPdfDeDemande({ to: a, ...message }, demande.id))
  return a
}

/** Tells the account's previous address that it was replaced (queued like every other message). */
export async function envoyerAvisChangementAdresse(
  req: PayloadRequest,
  compte: { username?: string | null; email?: string | null },
  ancienne: string,
): Promise<void> {
  const campagne = await lireCampagne(req)
  const identifiant = String(compte.username ?? '')
  await req.payload.sendEmail({
    to: ancienne,
    ...changementAdresse({
      // Payload stores usernames in lower case; a UAI is written as the register writes it.
      identifiant: /^\d{7}[a-z]$/.test(identifiant) ? identifiant.toUpperCase() : identifiant,
      nouvelle: String(compte.email ?? ''),
      support: adresseSupport(campagne),
    }),
  })
}

type DemandeDuFil = {
  id: number | string
  numero?: number | null
  rentree?: number | null
  structureDeposante?: string | null
  academie?: string | null
  agricole?: boolean | null
  responsable?: { email?: string | null } | null
}

/** Tells the filer's structure (its accounts, the responsable) that its demande is sent back, with the message. */
export async function envoyerDemandeCorrection(
  req: PayloadRequest,
  demande: DemandeDuFil,
  message: string,
): Promise<string[]> {
  const a = await destinataires(req.payload, demande.structureDeposante, [demande])
  if (a.length === 0) return []
  const campagne = await lireCampagne(req)
  await req.payload.sendEmail({
    to: a,
    ...demandeDeCorrection({
      numero: demande.numero ?? demande.id,
      rentree: demande.rentree ?? '',
      structure: await nomDeLaStructure(req.payload, demande.structureDeposante),
      message,
      lien: lienAdmin(req, `/collections/demandes/${demande.id}`),
      support: adresseSupport(campagne),
    }),
  })
  return a
}

/**
 * A new message of the thread, for the other side: a filer's goes to the authority that instructs the demande, an
 * authority's (or the admin's) to the filer's structure. Queued like every other message.
 */
export async function envoyerNouveauMessage(
  req: PayloadRequest,
  demande: DemandeDuFil,
  texte: string,
  pourLesInstructeurs: boolean,
): Promise<string[]> {
  // Accounts that take the daily digest hear of it there (src/taches/index.ts), not one message at a time.
  const a = pourLesInstructeurs
    ? await adressesPourUnMessage(req.payload, comptesInstructeurs(demande))
    : await adressesPourUnMessage(req.payload, comptesDeLaStructure(demande.structureDeposante), [
        demande.responsable?.email,
      ])
  if (a.length === 0) return []
  const campagne = await lireCampagne(req)
  const auteur = pourLesInstructeurs
    ? await nomDeLaStructure(req.payload, demande.structureDeposante)
    : 'Une autorité qui instruit votre demande'
  await req.payload.sendEmail({
    to: a,
    ...nouveauMessage({
      numero: demande.numero ?? demande.id,
      rentree: demande.rentree ?? '',
      auteur,
      texte,
      lien: lienAdmin(req, `/demandes/${demande.id}/consulter`),
      support: adresseSupport(campagne),
    }),
  })
  return a
}
