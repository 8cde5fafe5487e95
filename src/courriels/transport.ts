import fs from 'node:fs'
import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import type { Configuration } from '../env'

type MessageNodemailer = {
  message: { createReadStream: () => NodeJS.ReadableStream; getEnvelope: () => { to: string[] } }
  data: { subject?: string }
}

/** Without SMTP (the embedded default), each message is written as an .eml file that any mail reader opens. */
export function transportFichiers(dossier: string) {
  return {
    name: 'carte-eml',
    version: '1',
    send(mail: MessageNodemailer, callback: (err: Error | null, info?: unknown) => void) {
      fs.mkdirSync(dossier, { recursive: true })
      const horodatage = new Date().toISOString().replace(/[:.]/g, '-')
      const destinataire = (mail.message.getEnvelope().to[0] ?? 'inconnu').replace(/[^a-zA-Z0-9@._-]/g, '_')
      const fichier = path.join(
        dossier,
        `${horodatage}-${destinataire}-${Math.random().toString(36).slice(2, 8)}.eml`,
      )
      const sortie = fs.createWriteStream(fichier)
      mail.message.createReadStream().pipe(sortie)
      sortie.on('finish', () =>
        callback(null, { messageId: path.basename(fichier), envelope: mail.message.getEnvelope() }),
      )
      sortie.on('error', (err) => callback(err))
    },
  }
}

/** The transport that really delivers: SMTP when SMTP_HOST is set, otherwise .eml files under MAIL_DIR. */
export function transportReel(conf: Configuration): Promise<EmailAdapter> {
  const commun = {
    defaultFromAddress: conf.MAIL_FROM,
    defaultFromName: conf.MAIL_FROM_NAME,
    skipVerify: true,
  }
  if (conf.SMTP_HOST) {
    return nodemailerAdapter({
      ...commun,
      transportOptions: {
        host: conf.SMTP_HOST,
        port: conf.SMTP_PORT,
        secure: conf.SMTP_SECURE,
        // A local relay without TLS is allowed; credentials are only sent when configured.
        auth: conf.SMTP_USER ? { user: conf.SMTP_USER, pass: conf.SMTP_PASS } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      },
    })
  }
  return nodemailerAdapter({
    ...commun,
    transport: nodemailer.createTransport(transportFichiers(path.resolve(conf.MAIL_DIR)) as never),
  })
}
