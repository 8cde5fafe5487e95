import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { payloadDeTest } from '../aides/payload'

const mongo = Boolean(process.env.MONGODB_URI)
// The stand-in of the tests (test/aides/congodb.ts) records indexes but enforces none.
const reel = mongo && !process.env.CARTE_MONGODB_DOUBLURE
let payload: Payload
let fermer: (() => Promise<void>) | undefined

type Modele = {
  ensureIndexes: () => Promise<void>
  collection: { indexes: () => Promise<{ key: Record<string, number>; unique?: boolean }[]> }
}
const modele = (slug: string) =>
  (payload.db as unknown as { collections: Record<string, Modele> }).collections[slug]!

beforeAll(async () => {
  if (!mongo) return
  ;({ payload, fermer } = await payloadDeTest())
})
afterAll(async () => fermer?.())

describe.runIf(mongo)(
  'Index uniques de MongoDB — MongoDB seulement : sur SQLite, ce sont les contraintes des migrations',
  () => {
    it('UAI, code CFD, numéro de projet, nom de compteur ou de verrou et identifiant de compte ont leur index unique', async () => {
      for (const [slug, champ] of [
        ['etablissements', 'uai'],
        ['diplomes', 'cfd'],
        ['demandes', 'numero'],
        ['compteurs', 'nom'],
        ['users', 'username'],
      ] as const) {
        await modele(slug).ensureIndexes()
        const index = await modele(slug).collection.indexes()
        expect(
          index.some((i) => Object.keys(i.key).join() === champ && i.unique === true),
          `${slug}.${champ}`,
        ).toBe(true)
      }
    })
  },
)

describe.runIf(reel)(
  'Index uniques appliqués — vrai MongoDB seulement, la doublure ne les applique pas ; avant une version : MONGODB_URI=mongodb://…/?replicaSet=… npm run test:mongodb',
  () => {
    it('un doublon est refusé par la base, en nommant le champ', async () => {
      const etablissement = {
        uai: '0340042L',
        nom: 'Lycée Jean Mermoz',
        academie: 'montpellier',
        departement: '34',
        ministere: 'education-nationale',
        commune: 'Montpellier',
      }
      await payload.create({
        collection: 'etablissements',
        overrideAccess: true,
        data: etablissement as never,
      })
      await expect(
        payload.create({ collection: 'etablissements', overrideAccess: true, data: etablissement as never }),
      ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'uai' })] } })
      const diplome = { cfd: '50022146', libelle: 'Cuisine', typeDiplome: 'CAP', durees: [2], ouvert: true }
      await payload.create({ collection: 'diplomes', overrideAccess: true, data: diplome as never })
      await expect(
        payload.create({ collection: 'diplomes', overrideAccess: true, data: diplome as never }),
      ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'cfd' })] } })
      await payload.create({
        collection: 'compteurs',
        overrideAccess: true,
        data: { nom: 'verrou:doublon', valeur: 1 },
      })
      await expect(
        payload.create({
          collection: 'compteurs',
          overrideAccess: true,
          data: { nom: 'verrou:doublon', valeur: 2 },
        }),
      ).rejects.toThrow()
    })
  },
)
