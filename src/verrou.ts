import type { Payload } from 'payload'
import { APIError } from 'payload'

import { prendreVerrou, rendreVerrou } from './adaptateur'

/** In-process lock per key: serialises check-then-write sequences within one server. */
const files = new Map<string, Promise<unknown>>()

export async function sousVerrou<T>(cle: string, action: () => Promise<T>): Promise<T> {
  const precedent = files.get(cle) ?? Promise.resolve()
  const courant = precedent.catch(() => undefined).then(action)
  files.set(cle, courant)
  try {
    return await courant
  } finally {
    if (files.get(cle) === courant) files.delete(cle)
  }
}

const ATTENTE_MAX_MS = 10_000
const EXPIRATION_MS = 30_000

/**
 * The same, across every server process on the database (several instances behind a load balancer): queued in
 * process first, then a lock row in the database, retried every few milliseconds for at most 10 seconds.
 */
export function sousVerrouPartage<T>(payload: Payload, cle: string, action: () => Promise<T>): Promise<T> {
  return sousVerrou(cle, async () => {
    const nom = `verrou:${cle}`
    const limite = Date.now() + ATTENTE_MAX_MS
    while (!(await prendreVerrou(payload, nom, EXPIRATION_MS))) {
      if (Date.now() > limite)
        throw new APIError(
          'Trop de validations simultanées pour votre structure : réessayez dans quelques secondes.',
          503,
          null,
          true,
        )
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 40))
    }
    try {
      return await action()
    } finally {
      await rendreVerrou(payload, nom)
    }
  })
}
