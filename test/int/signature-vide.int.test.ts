import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { traiterDemandeCorrection } from '../../collections/Demandes/endpoints/demanderCorrection'
import { traiterValidation } from '../../src/validation'
import { campagne, construireMonde, demandeComplete, type Monde } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

/**
 * An avis or a décision is signed by whoever writes it; an empty group saved with the rest of the form (the filer
 * saving a demande sent back for correction, the admin's form sending `avis: {}`) is nobody's avis: not signed, not
 * dated, no event in the statut machine.
 */
let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  await campagne(payload, 'ouverte')
})
afterAll(async () => fermer())

const stockee = (id: number | string) =>
  payload.findByID({ collection: 'demandes', id, overrideAccess: true, depth: 0 })

describe('Un groupe avis ou décision vide enregistré avec le formulaire', () => {
  it("la structure corrige une demande renvoyée : ni l'avis ni la décision ne sont signés de son nom", async () => {
    const { users } = monde
    const d = await payload.create({
      collection: 'demandes',
      data: demandeComplete(monde, {}) as never,
      user: users.etabA,
      overrideAccess: false,
      depth: 0,
    })
    expect((await traiterValidation(await requetePour(payload, users.etabA), d.id, true)).status).toBe(200)
    const r = await traiterDemandeCorrection(
      await requetePour(payload, users.rectoratM),
      d.id,
      'Précisez la capacité demandée.',
    )
    expect(r.status).toBe(200)
    for (const vide of [{}, { avis: null, commentaire: null }, { avis: '', commentaire: '' }]) {
      await payload.update({
        collection: 'demandes',
        id: d.id,
        data: { capaciteNouvelle: 30, avis: vide, decision: vide } as never,
        user: users.etabA,
        overrideAccess: false,
      })
      const s = await stockee(d.id)
      expect.soft([s.avis?.auteur ?? null, s.avis?.date ?? null], JSON.stringify(vide)).toEqual([null, null])
      expect
        .soft([s.decision?.auteur ?? null, s.decision?.date ?? null], JSON.stringify(vide))
        .toEqual([null, null])
      expect(s.statut).toBe('a-corriger')
    }
  })
})
