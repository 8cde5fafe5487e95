import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { whereDesFiltres } from '../../src/admin/filtresDemandes'
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
const ids: Record<string, number | string> = {}

const numeros = async (user: Utilisateur, filtres: Parameters<typeof whereDesFiltres>[0]) =>
  (
    await payload.find({
      collection: 'demandes',
      where: whereDesFiltres(filtres),
      user,
      overrideAccess: false,
      depth: 0,
      limit: 100,
    })
  ).docs
    .map((d) => d.id)
    .sort()

/** The list's filters answer the same on SQLite and MongoDB (absent and null avis alike). */
beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  const { users, etablissements } = monde
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
    return d.id
  }
  ids.herault = await deposer(users.etabA, {})
  ids.heraultAvis = await deposer(users.etabA, {
    mesure: 'fermeture',
    capaciteActuelle: 12,
    capaciteNouvelle: 0,
  })
  ids.heraultBrouillon = await deposer(users.etabA, {}, false)
  ids.gard = await deposer(users.reseau, { etablissementConcerne: etablissements.m1.id })
  await payload.update({
    collection: 'demandes',
    id: ids.heraultAvis,
    data: { avis: { avis: 'favorable' } } as never,
    user: users.rectoratM,
    overrideAccess: false,
  })
})
afterAll(async () => fermer())

describe('Filtres de la liste, sur la base', () => {
  it('département par son code, établissement par UAI ou nom, mesure', async () => {
    const { admin } = monde.users
    expect(await numeros(admin, { departement: '34' })).toEqual(
      [ids.herault, ids.heraultAvis, ids.heraultBrouillon].sort(),
    )
    expect(await numeros(admin, { departement: '30' })).toEqual([ids.gard])
    expect(await numeros(admin, { etablissement: 'Darboux' })).toEqual([ids.gard])
    expect(await numeros(admin, { etablissement: '0300057' })).toEqual([ids.gard])
    expect(await numeros(admin, { departement: '34', mesure: 'fermeture' })).toEqual([ids.heraultAvis])
  })

  it('« sans avis » et « sans décision » : les validées qui n’en ont pas, jamais un brouillon', async () => {
    const { admin, rectoratM } = monde.users
    expect(await numeros(admin, { departement: '34', sansAvis: true })).toEqual([ids.herault])
    expect(await numeros(rectoratM, { sansAvis: true })).toEqual([ids.herault, ids.gard].sort())
    expect(await numeros(admin, { departement: '34', sansDecision: true })).toEqual(
      [ids.herault, ids.heraultAvis].sort(),
    )
  })
})
