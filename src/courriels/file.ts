import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import { lireConfiguration, type Configuration } from '../env'
import { texteDepuisHtml } from './modeles'
import { transportReel } from './transport'

export const TACHE_COURRIEL = 'envoyerCourriel'

export type MessageEnFile = {
  from?: string
  to: string | string[]
  subject: string
  text?: string
  html?: string
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
      }
      return payload.jobs.queue({ task: TACHE_COURRIEL, input: { message: enFile } as never })
    },
  })
}

let expediteur: Promise<ReturnType<EmailAdapter>> | null = null

/** The real sender, built once per process from the environment (the task runs in the server or the worker). */
export async function expedier(payload: Payload, message: MessageEnFile): Promise<void> {
  expediteur ??= transportReel(lireConfiguration()).then((adaptateur) => adaptateur({ payload }))
  const envoi = await expediteur
  await envoi.sendEmail({
    ...message,
    from: message.from || `"${envoi.defaultFromName}" <${envoi.defaultFromAddress}>`,
  })
}
