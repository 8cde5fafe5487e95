import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import { lireConfiguration, type Configuration } from '../env'
import { texteDepuisHtml } from './modeles'
import { transportReel } from './transport'

export const TACHE_COURRIEL = 'envoyerCourriel'

/** A demande's PDF to attach: only the id travels in the job, the PDF is built when the message leaves. */
export type PdfDeDemande = { demande: number | string }

export type MessageEnFile = {
  from?: string
  to: string | string[]
  subject: string
  text?: string
  html?: string
  pdfDemande?: PdfDeDemande
}

/** A message for `payload.sendEmail` with a demande's PDF attached (src/courriels/envois.ts). */
export function avecPdfDeDemande<M extends SendEmailOptions>(message: M, demande: number | string): M {
  return { ...message, pdfDemande: { demande } satisfies PdfDeDemande }
}

function adresse(valeur: SendEmailOptions['from']): string | undefined {
  if (!valeur) return undefined
  if (typeof valeur === 'string') return valeur
  return valeur.name ? `"${valeur.name}" <${valeur.address}>` : valeur.address
}

function destinataires(valeur: SendEmailOptions['to']): string | string[] {
  const liste = (Array.isArray(valeur) ? valeur : [valeur])
    .filter(Boolean)
    .map((v) => (typeof v === 'string' ? v : v!.address))
  return liste.length === 1 ? liste[0]! : liste
}

/**
 * Every message, Payload's own (password reset) included, is queued as a job and delivered by the jobs runner:
 * a slow or unreachable SMTP server never blocks a request, and failed sends are retried.
 */
export function adaptateurParFile(conf: Configuration): EmailAdapter {
  return ({ payload }) => ({
    name: 'carte-file-courriels',
    defaultFromAddress: conf.MAIL_FROM,
    defaultFromName: conf.MAIL_FROM_NAME,
    sendEmail: async (message) => {
      const enFile: MessageEnFile = {
        from: adresse(message.from),
        to: destinataires(message.to),
        subject: String(message.subject ?? ''),
        // Payload's own messages are HTML only: every message also gets a plain-text part.
        text:
          typeof message.text === 'string'
            ? message.text
            : typeof message.html === 'string'
              ? texteDepuisHtml(message.html)
              : undefined,
        html: typeof message.html === 'string' ? message.html : undefined,
        ...(pdfDemande(message) ? { pdfDemande: pdfDemande(message) } : {}),
      }
      return payload.jobs.queue({ task: TACHE_COURRIEL, input: { message: enFile } as never })
    },
  })
}

function pdfDemande(message: SendEmailOptions): PdfDeDemande | undefined {
  const p = (message as { pdfDemande?: PdfDeDemande }).pdfDemande
  return p && (typeof p.demande === 'number' || typeof p.demande === 'string')
    ? { demande: p.demande }
    : undefined
}

/** The attachments of a queued message, built now (a PDF that cannot be built: the message leaves without it). */
async function piecesJointes(payload: Payload, message: MessageEnFile) {
  if (!message.pdfDemande) return undefined
  try {
    // Loaded only when a message carries a PDF: pdfkit is not needed to start the server.
    const { pdfPourLeValidateur } = await import('../pdf/donnees')
    const r = await pdfPourLeValidateur(payload, message.pdfDemande.demande)
    if (r) return [{ filename: r.nom, content: r.pdf, contentType: 'application/pdf' }]
    payload.logger.warn(
      `PDF de la demande ${message.pdfDemande.demande} non joint : demande ou compte introuvable`,
    )
  } catch (err) {
    payload.logger.error({
      err,
      msg: `PDF de la demande ${message.pdfDemande.demande} non joint au courriel`,
    })
  }
  return undefined
}

let expediteur: Promise<ReturnType<EmailAdapter>> | null = null

/** The real sender, built once per process from the environment (the task runs in the server or the worker). */
export async function expedier(payload: Payload, message: MessageEnFile): Promise<void> {
  expediteur ??= transportReel(lireConfiguration()).then((adaptateur) => adaptateur({ payload }))
  const envoi = await expediteur
  const { pdfDemande: _pdf, ...contenu } = message
  const attachments = await piecesJointes(payload, message)
  await envoi.sendEmail({
    ...contenu,
    ...(attachments ? { attachments } : {}),
    from: message.from || `"${envoi.defaultFromName}" <${envoi.defaultFromAddress}>`,
  })
}
