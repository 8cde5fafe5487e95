import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { calculerStatistiques } from '../../src/statistiques'
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
  const deposer = async (user: Utilisateur, extra: Record<string, unknown>, valider = true) => {
    const d = await payload.create({
      collection: 'demandes',
      data: demandeComplete(monde, extra) as never,
      user,
      overrideAccess: false,
      depth: 0,
    })
    if (valider)
      expect(
        (await traiterValidation(await requetePour(payload, user), d.id, true, AVEC_DOUBLONS)).status,
      ).toBe(200)
  }
  const b = { etablissementConcerne: monde.etablissements.b.id }
  await deposer(monde.users.etabA, { priorite: 1, capaciteActuelle: 0, capaciteNouvelle: 12 })
  await deposer(monde.users.etabA, {
    priorite: 2,
    mesure: 'diminution',
    capaciteActuelle: 24,
    capaciteNouvelle: 15,
    diplome: monde.diplomes.bts.id,
    dureeFormation: 2,
  })
  await deposer(monde.users.etabB, {
    ...b,
    priorite: 1,
    mesure: 'augmentation',
    capaciteActuelle: 12,
    capaciteNouvelle: 20,
  })
  // A draft is not counted.
  await deposer(monde.users.etabB, { ...b, priorite: 2, capaciteNouvelle: 30 }, false)
})
afterAll(async () => fermer())

describe('Statistiques des demandes validées (les mêmes sur SQLite et sur MongoDB)', () => {
  it('comptent les demandes et le solde des places par académie, mesure et type de diplôme, brouillons exclus', async () => {
    const s = await calculerStatistiques(await requetePour(payload, monde.users.region))
    expect(s.rentree).toBe(2027)
    expect(s.total).toEqual({ demandes: 3, placesOuvertes: 20, placesFermees: 9, solde: 11 })
    expect(s.parAcademie).toEqual({
      montpellier: { demandes: 2, placesOuvertes: 12, placesFermees: 9, solde: 3 },
      toulouse: { demandes: 1, placesOuvertes: 8, placesFermees: 0, solde: 8 },
    })
    expect(s.parTypeDiplome).toEqual({
      CAP: { demandes: 2, placesOuvertes: 20, placesFermees: 0, solde: 20 },
      BTS: { demandes: 1, placesOuvertes: 0, placesFermees: 9, solde: -9 },
    })
    expect(s.croise.map((l) => `${l.academie}|${l.typeDiplome}|${l.mesure}|${l.solde}`)).toEqual([
      'montpellier|BTS|diminution|-9',
      'montpellier|CAP|ouverture|12',
      'toulouse|CAP|augmentation|8',
    ])
  })

  it('ne comptent que ce que l’appelant peut lire', async () => {
    const t = await calculerStatistiques(await requetePour(payload, monde.users.rectoratT))
    expect(t.total).toEqual({ demandes: 1, placesOuvertes: 8, placesFermees: 0, solde: 8 })
    expect(Object.keys(t.parAcademie)).toEqual(['toulouse'])
    expect((await calculerStatistiques(await requetePour(payload, monde.users.etabB))).total.demandes).toBe(1)
    expect(
      (await calculerStatistiques(await requetePour(payload, monde.users.region), 2031)).total.demandes,
    ).toBe(0)
  })
})
