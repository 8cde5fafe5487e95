import { getPayload, type Payload } from 'payload'

import { ErreurConfiguration, lireConfiguration } from '../env'

/** Parses the environment first, so a bad variable gives one clear line rather than a stack trace. */
export async function demarrerPayload(): Promise<Payload> {
  lireConfiguration()
  const { default: config } = await import('../../payload.config')
  return getPayload({ config })
}

export function quitterSurErreur(err: unknown): never {
  if (err instanceof ErreurConfiguration) console.error(`Configuration invalide — ${err.message}`)
  else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exit(1)
}
