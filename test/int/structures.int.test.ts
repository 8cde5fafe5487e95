/** SECURITY 37 (issue 22, items 4 and 5): rights follow the current state of the structures, Local API with a user. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { traiterValidation } from '../../src/validation'
import {
  AVEC_DOUBLONS,
  construireMonde,
  demandeComplete,
  type Monde,
  type Utilisateur,
} from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => fermer())

const lire = (user: Utilisateur, id: number | string) =>
  payload.findByID({ collection: 'demandes', id, user, overrideAccess: false, depth: 0 }).catch(() => null)
const versions = async (user: Utilisateur, id: number | string) =>
  (
    await payload.findVersions({
      collection: 'demandes',
      user,
      overrideAccess: false,
      where: { parent: { equals: id } },
      depth: 0,
    })
  ).totalDocs

describe('Un lycée retiré d’un réseau emporte ses brouillons (SECURITY 37)', () => {
  it('le réseau ne lit, ne modifie, ne valide plus le brouillon ; il garde ceux de ses membres', async () => {
    const { users, etablissements, reseau } = monde
    const brouillon = await payload.create({
      collection: 'demandes',
      user: users.reseau,
      overrideAccess: false,
      depth: 0,
      data: demandeComplete(monde, { etablissementConcerne: etablissements.m2.id }) as never,
    })
    const autre = await payload.create({
      collection: 'demandes',
      user: users.reseau,
      overrideAccess: false,
      depth: 0,
      data: { etablissementConcerne: etablissements.m1.id } as never,
    })
    expect(await lire(users.reseau, brouillon.id)).not.toBeNull()
    await payload.update({
      collection: 'reseaux',
      id: reseau.id,
      overrideAccess: true,
      data: { membres: [etablissements.m1.id] },
    })
    try {
      expect(await lire(users.reseau, brouillon.id)).toBeNull()
      expect(
        (
          await payload.find({
            collection: 'demandes',
            user: users.reseau,
            overrideAccess: false,
            where: { id: { equals: brouillon.id } },
          })
        ).totalDocs,
      ).toBe(0)
      await expect(
        payload.update({
          collection: 'demandes',
          id: brouillon.id,
          user: users.reseau,
          overrideAccess: false,
          data: { siteFormation: 'x' },
        }),
      ).rejects.toThrow()
      await expect(
        payload.delete({
          collection: 'demandes',
          id: brouillon.id,
          user: users.reseau,
          overrideAccess: false,
        }),
      ).rejects.toThrow()
      const v = await traiterValidation(await requetePour(payload, users.reseau), brouillon.id, false)
      expect(v.status).toBe(404)
      expect(await versions(users.reseau, brouillon.id)).toBe(0)
      expect(await lire(users.reseau, autre.id)).not.toBeNull()
      expect(await lire(users.admin, brouillon.id)).not.toBeNull()
    } finally {
      await payload.update({
        collection: 'reseaux',
        id: reseau.id,
        overrideAccess: true,
        data: { membres: [etablissements.m1.id, etablissements.m2.id] },
      })
    }
    expect(await lire(users.reseau, brouillon.id)).not.toBeNull()
  })
})

describe('Un lycée qui n’est plus agricole emporte les brouillons de la DRAAF (SECURITY 37)', () => {
  it('la DRAAF ne lit, ne modifie, ne supprime, ne valide plus le brouillon ; redevenu agricole, elle le retrouve', async () => {
    const { users, etablissements } = monde
    const brouillon = await payload.create({
      collection: 'demandes',
      user: users.draaf,
      overrideAccess: false,
      depth: 0,
      data: demandeComplete(monde, { etablissementConcerne: etablissements.ag.id }) as never,
    })
    expect(await lire(users.draaf, brouillon.id)).not.toBeNull()
    await payload.update({
      collection: 'etablissements',
      id: etablissements.ag.id,
      overrideAccess: true,
      data: { ministere: 'education-nationale' },
    })
    try {
      expect(await lire(users.draaf, brouillon.id)).toBeNull()
      expect(
        (
          await payload.count({
            collection: 'demandes',
            user: users.draaf,
            overrideAccess: false,
            where: { id: { equals: brouillon.id } },
          })
        ).totalDocs,
      ).toBe(0)
      await expect(
        payload.update({
          collection: 'demandes',
          id: brouillon.id,
          user: users.draaf,
          overrideAccess: false,
          data: { siteFormation: 'x' },
        }),
      ).rejects.toThrow()
      await expect(
        payload.delete({
          collection: 'demandes',
          id: brouillon.id,
          user: users.draaf,
          overrideAccess: false,
        }),
      ).rejects.toThrow()
      expect(
        (await traiterValidation(await requetePour(payload, users.draaf), brouillon.id, false)).status,
      ).toBe(404)
      expect(await versions(users.draaf, brouillon.id)).toBe(0)
      expect(await lire(users.admin, brouillon.id)).not.toBeNull()
    } finally {
      await payload.update({
        collection: 'etablissements',
        id: etablissements.ag.id,
        overrideAccess: true,
        data: { ministere: 'agriculture' },
      })
    }
    expect(await lire(users.draaf, brouillon.id)).not.toBeNull()
  })
})

describe('Les champs copiés suivent leur établissement (SECURITY 37)', () => {
  it('un lycée passé à l’autre académie : ses demandes et leur historique passent au nouveau rectorat, journalisé', async () => {
    const { users, etablissements } = monde
    const d = await payload.create({
      collection: 'demandes',
      user: users.etabA,
      overrideAccess: false,
      depth: 0,
      data: demandeComplete(monde) as never,
    })
    expect(
      (await traiterValidation(await requetePour(payload, users.etabA), d.id, true, AVEC_DOUBLONS)).status,
    ).toBe(200)
    expect(await lire(users.rectoratM, d.id)).not.toBeNull()
    expect(await lire(users.rectoratT, d.id)).toBeNull()
    await payload.update({
      collection: 'etablissements',
      id: etablissements.a.id,
      overrideAccess: true,
      data: { academie: 'toulouse', departement: '31', ministere: 'agriculture' },
    })
    try {
      const apres = await payload.findByID({
        collection: 'demandes',
        id: d.id,
        overrideAccess: true,
        depth: 0,
      })
      expect([apres.academie, apres.departement, apres.agricole]).toEqual(['toulouse', '31', true])
      expect(await lire(users.rectoratM, d.id)).toBeNull()
      expect(await versions(users.rectoratM, d.id)).toBe(0)
      expect(await lire(users.rectoratT, d.id)).not.toBeNull()
      expect(await versions(users.rectoratT, d.id)).toBeGreaterThan(0)
      expect(await lire(users.draaf, d.id)).not.toBeNull()
      const avis = await payload.update({
        collection: 'demandes',
        id: d.id,
        user: users.rectoratT,
        overrideAccess: false,
        depth: 0,
        data: { avis: { avis: 'favorable' } },
      })
      expect(avis.statut).toBe('en-instruction')
      await expect(
        payload.update({
          collection: 'demandes',
          id: d.id,
          user: users.rectoratM,
          overrideAccess: false,
          data: { avis: { avis: 'defavorable' } },
        }),
      ).rejects.toThrow()
      // The school keeps its demande.
      expect(await lire(users.etabA, d.id)).not.toBeNull()
      const journal = await payload.find({
        collection: 'journal',
        overrideAccess: true,
        where: {
          and: [
            { collectionConcernee: { equals: 'etablissements' } },
            { documentId: { equals: String(etablissements.a.id) } },
          ],
        },
      })
      expect(journal.docs[0]?.resume).toMatch(
        /^Établissement 0340042L modifié : \d+ demandes? mises? à jour \(academie montpellier → toulouse/,
      )
    } finally {
      await payload.update({
        collection: 'etablissements',
        id: etablissements.a.id,
        overrideAccess: true,
        data: { academie: 'montpellier', departement: '34', ministere: 'education-nationale' },
      })
    }
    expect(
      (await payload.findByID({ collection: 'demandes', id: d.id, overrideAccess: true, depth: 0 })).academie,
    ).toBe('montpellier')
    expect(await lire(users.rectoratM, d.id)).not.toBeNull()
  })
})
