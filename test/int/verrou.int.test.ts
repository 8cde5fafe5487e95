import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  idMongoDuNom,
  type ModeleMongo,
  modeleMongo,
  prendreVerrou,
  rendreVerrou,
} from '../../src/adaptateur'
import { prochainNumero } from '../../src/numerotation'
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
    await new Promise((r) => setTimeout(r, 1_100))
    // Held for 1.1 s: expired for a 1 s expiry, so taken over; the taker then holds it. (With 10 ms, a loaded machine
    // ran the second attempt more than 10 ms after the first took over: it rightly took the lock over again.)
    const reprises = await Promise.all([
      prendreVerrou(payload, 'verrou:test-c', 1_000),
      prendreVerrou(payload, 'verrou:test-c', 1_000),
    ])
    expect(reprises.filter(Boolean)).toHaveLength(1)
    expect(await prendreVerrou(payload, 'verrou:test-c', 30_000)).toBe(false)
    await rendreVerrou(payload, 'verrou:test-c')
  })
})

describe.runIf(process.env.MONGODB_URI)(
  'Verrou et compteur sans index unique sur nom — MongoDB seulement : sur SQLite, la table a sa contrainte',
  () => {
    it('la ligne d’un nom a le même _id dans tout processus : deux premiers usages simultanés se heurtent sur _id, toujours unique', async () => {
      const nom = 'verrou:test-d'
      expect(await prendreVerrou(payload, nom, 30_000)).toBe(true)
      const lignes = await payload.find({
        collection: 'compteurs',
        where: { nom: { equals: nom } },
        overrideAccess: true,
        depth: 0,
      })
      expect(lignes.docs.map((d) => String(d.id))).toEqual([idMongoDuNom(nom)])
      // What a second process would insert at the same moment: refused, even with no index on `nom` (the stand-in has none).
      const modele = modeleMongo(payload, 'compteurs') as unknown as {
        collection: { insertOne: (d: object) => Promise<unknown> }
        updateOne: ModeleMongo['updateOne']
      }
      await expect(
        modele.collection.insertOne({ _id: new ObjectId(idMongoDuNom(nom)), nom, valeur: Date.now() }),
      ).rejects.toMatchObject({ code: 11000 })
      await rendreVerrou(payload, nom)
    })

    it('qui perd cette course ne prend pas le verrou, et reçoit quand même le numéro suivant', async () => {
      const modele = modeleMongo(payload, 'compteurs')
      const updateOne = modele.updateOne
      const perdre = () => {
        modele.updateOne = async () => {
          modele.updateOne = updateOne
          throw Object.assign(new Error('E11000 duplicate key error'), { code: 11000 })
        }
      }
      perdre()
      expect(await prendreVerrou(payload, 'verrou:test-e', 30_000)).toBe(false)
      const premier = await prochainNumero(payload, 'test-course')
      perdre()
      expect(await prochainNumero(payload, 'test-course')).toBe(premier + 1)
      expect(modele.updateOne).toBe(updateOne)
    })
  },
)
