import fs from 'node:fs'
import path from 'node:path'

import { type ParsedMail, simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'

export type Recu = ParsedMail & { destinataires: string[] }

const adresses = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : [])
    .flatMap((a) => a.value.map((v) => v.address ?? ''))
    .filter(Boolean)

/** The .eml files written by the file transport, parsed. */
export async function lireEml(dossier: string): Promise<Recu[]> {
  if (!fs.existsSync(dossier)) return []
  const fichiers = fs
    .readdirSync(dossier)
    .filter((f) => f.endsWith('.eml'))
    .sort()
  return Promise.all(
    fichiers.map(async (f) => {
      const m = await simpleParser(fs.readFileSync(path.join(dossier, f)))
      return Object.assign(m, { destinataires: adresses(m) })
    }),
  )
}

/** An in-process SMTP server that keeps what it receives; `refuser` makes the next N messages fail (451). */
export async function serveurSmtp() {
  const recus: Recu[] = []
  let refus = 0
  const serveur = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(flux, _session, callback) {
      const morceaux: Buffer[] = []
      flux.on('data', (m: Buffer) => morceaux.push(m))
      flux.on('end', async () => {
        if (refus > 0) {
          refus--
          const err = Object.assign(new Error('Service momentanément indisponible'), { responseCode: 451 })
          return callback(err)
        }
        const m = await simpleParser(Buffer.concat(morceaux))
        recus.push(Object.assign(m, { destinataires: adresses(m) }))
        callback()
      })
    },
  })
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', () => ok()))
  const port = (serveur.server.address() as { port: number }).port
  return {
    port,
    recus,
    refuser: (n: number) => {
      refus = n
    },
    fermer: () => new Promise<void>((ok) => serveur.close(() => ok())),
  }
}

/** Jobs waiting in the queue for a task (read straight from the database: nobody may read them over the API). */
export async function tachesEnAttente(payload: Payload, tache: string) {
  const r = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: tache } }, { completedAt: { exists: false } }] },
    overrideAccess: true,
    pagination: false,
    depth: 0,
  })
  return r.docs
}

/** Runs every due job, as the server's runner does every 5 seconds. */
export async function executerLaFile(payload: Payload) {
  await payload.jobs.run({ limit: 100, silent: true })
}
