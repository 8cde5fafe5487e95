import { getPayload, type Payload } from 'payload'

import { ErreurConfiguration, lireConfiguration } from '../env'

/** Raised when the database cannot be reached: one line, no stack trace. */
export class BaseInjoignable extends Error {}

/** Without the password: the URI is printed. */
export function uriSansSecret(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@')
}

/**
 * A quick ping before Payload's (heavy) start, so that an unreachable MongoDB fails in a few seconds with one
 * line naming the server, instead of Payload's long connection error.
 */
async function verifierMongo(uri: string): Promise<void> {
  const { MongoClient } = await import('mongodb')
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 4_000, connectTimeoutMS: 4_000 })
  try {
    await client.db().command({ ping: 1 })
  } catch (err) {
    throw new BaseInjoignable(
      `MongoDB ne répond pas à ${uriSansSecret(uri)} (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).`,
    )
  } finally {
    await client.close().catch(() => undefined)
  }
}

/** Parses the environment first, so a bad variable gives one clear line rather than a stack trace. */
export async function demarrerPayload(): Promise<Payload> {
  const conf = lireConfiguration()
  if (conf.base.type === 'mongodb') await verifierMongo(conf.base.url)
  const { default: config } = await import('../../payload.config')
  return getPayload({ config })
}

export function quitterSurErreur(err: unknown): never {
  if (err instanceof ErreurConfiguration) console.error(`Configuration invalide — ${err.message}`)
  else if (err instanceof BaseInjoignable) console.error(`Base de données injoignable — ${err.message}`)
  else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exit(1)
}
