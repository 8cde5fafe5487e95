import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createLocalReq, getPayload, type Payload, type PayloadRequest } from 'payload'

/**
 * A Payload instance on a fresh database for one test file: a new SQLite file built by the committed
 * migrations, or, when MONGODB_URI is set, a new MongoDB database dropped at the end.
 */
export async function payloadDeTest(): Promise<{ payload: Payload; fermer: () => Promise<void> }> {
  const nom = `carte_test_${crypto.randomBytes(5).toString('hex')}`
  let fichier: string | null = null
  if (process.env.MONGODB_URI) {
    const url = new URL(process.env.MONGODB_URI)
    url.pathname = `/${nom}`
    process.env.DATABASE_URI = url.toString()
  } else {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-test-'))
    fichier = path.join(dossier, 'carte.db')
    process.env.DATABASE_URI = `file:${fichier}`
    process.env.CARTE_SCHEMA_PUSH = 'false'
  }
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-annexes-'))
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-mail-'))
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, key: nom })
  if (payload.db.name === 'sqlite') {
    const { migrations } = await import('../../src/migrations')
    await payload.db.migrate({ migrations: migrations as never })
  }
  return {
    payload,
    fermer: async () => {
      if (payload.db.name === 'mongoose') {
        const db = payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }
        await db.connection.dropDatabase()
      }
      await payload.destroy()
      if (fichier) fs.rmSync(path.dirname(fichier), { recursive: true, force: true })
    },
  }
}

/** A request acting as `user` (for hooks and services that take a req), like the REST API builds one. */
export async function requetePour(
  payload: Payload,
  user: Record<string, unknown> | null,
): Promise<PayloadRequest> {
  return createLocalReq({ user: user ? ({ ...user, collection: 'users' } as never) : undefined }, payload)
}
