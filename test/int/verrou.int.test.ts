import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { prendreVerrou, rendreVerrou } from '../../src/adaptateur'
import { payloadDeTest } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
})
afterAll(async () => fermer())

describe('Verrou partagé en base (validations d’une même structure, toutes instances)', () => {
  it('pris une fois, refusé tant qu’il est tenu, rendu puis repris', async () => {
    expect(await prendreVerrou(payload, 'verrou:test-a', 30_000)).toBe(true)
    expect(await prendreVerrou(payload, 'verrou:test-a', 30_000)).toBe(false)
    expect(await prendreVerrou(payload, 'verrou:test-b', 30_000)).toBe(true)
    await rendreVerrou(payload, 'verrou:test-a')
    expect(await prendreVerrou(payload, 'verrou:test-a', 30_000)).toBe(true)
    await rendreVerrou(payload, 'verrou:test-a')
    await rendreVerrou(payload, 'verrou:test-b')
  })

  it('un verrou expiré (son détenteur s’est arrêté) est repris, une seule fois', async () => {
    expect(await prendreVerrou(payload, 'verrou:test-c', 30_000)).toBe(true)
    await new Promise((r) => setTimeout(r, 30))
    // Held for 30 ms: expired for a 10 ms expiry, so taken over; the taker then holds it.
    const reprises = await Promise.all([prendreVerrou(payload, 'verrou:test-c', 10), prendreVerrou(payload, 'verrou:test-c', 10)])
    expect(reprises.filter(Boolean)).toHaveLength(1)
    expect(await prendreVerrou(payload, 'verrou:test-c', 30_000)).toBe(false)
    await rendreVerrou(payload, 'verrou:test-c')
  })
})
