import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { traiterDemandeCorrection } from '../../collections/Demandes/endpoints/demanderCorrection'
import { historiqueDuLecteur } from '../../src/admin/historiqueDuLecteur'
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
let demande: { id: number | string; createdAt: string }

const textes = async (user: Utilisateur) =>
  (await historiqueDuLecteur(await requetePour(payload, user), demande)).map((e) => e.texte)

/**
 * The history on the consult page comes from the admin's journal, read by the server: what each reader gets of it
 * follows the publication rule (SECURITY 26), as the recap does.
 */
beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  const { users } = monde
  const d = await payload.create({
    collection: 'demandes',
    data: demandeComplete(monde) as never,
    user: users.etabA,
    overrideAccess: false,
    depth: 0,
  })
  demande = { id: d.id, createdAt: d.createdAt }
  const valider = async () =>
    expect(
      (await traiterValidation(await requetePour(payload, users.etabA), d.id, true, AVEC_DOUBLONS)).status,
    ).toBe(200)
  await valider()
  const r = await traiterDemandeCorrection(await requetePour(payload, users.rectoratM), d.id, 'Précisez.')
  expect(r.status).toBe(200)
  await payload.update({
    collection: 'demandes',
    id: d.id,
    data: { priorite: 900 } as never,
    user: users.etabA,
    overrideAccess: false,
  })
  await valider()
  await payload.update({
    collection: 'demandes',
    id: d.id,
    data: { avis: { avis: 'favorable' } } as never,
    user: users.rectoratM,
    overrideAccess: false,
  })
  await payload.update({
    collection: 'demandes',
    id: d.id,
    data: { decision: { decision: 'retenue' } } as never,
    user: users.region,
    overrideAccess: false,
  })
})
afterAll(async () => fermer())

describe("Historique d'une demande, selon qui le lit", () => {
  it("l'autorité lit toute la suite, avec les noms", async () => {
    const t = await textes(monde.users.region)
    expect(t.map((x) => x.replace(/ le .*? par /, ' … par ').replace(/ le .*$/, ' …'))).toEqual([
      'Créée …',
      'Validée … par 0340042L',
      'Renvoyée pour correction … par rectorat-m',
      'Validée de nouveau … par 0340042L',
      'Avis « Favorable » donné … par rectorat-m',
      'Décision « Retenue » enregistrée … par region',
    ])
  })

  it("la DRAAF (qui lit les avis) n'y voit pas la décision avant publication", async () => {
    // The DRAAF reads only agricultural demandes: its view of the journal is checked on the same rule.
    const t = await textes(monde.users.draaf)
    expect(t.some((x) => x.startsWith('Avis'))).toBe(true)
    expect(t.some((x) => x.startsWith('Décision'))).toBe(false)
  })

  it("l'établissement n'y voit ni avis, ni décision, ni nom d'autorité avant publication ; tout après", async () => {
    const avant = await textes(monde.users.etabA)
    expect(avant).toHaveLength(4)
    expect(avant.some((x) => /Avis|Décision/.test(x))).toBe(false)
    expect(avant.join('\n')).not.toMatch(/rectorat-m|region/)
    expect(avant[2]).toMatch(/^Renvoyée pour correction le \d+ \S+ \d{4} à \d{2} h \d{2}$/)
    expect(avant[1]).toMatch(/ par 0340042L$/)

    await payload.updateGlobal({ slug: 'campagne', overrideAccess: true, data: { decisionsPubliees: true } })
    try {
      const apres = await textes(monde.users.etabA)
      expect(apres).toHaveLength(6)
      expect(apres[4]).toMatch(/^Avis « Favorable » donné le .* par rectorat-m$/)
      expect(apres[5]).toMatch(/^Décision « Retenue » enregistrée le .* par region$/)
    } finally {
      await payload.updateGlobal({
        slug: 'campagne',
        overrideAccess: true,
        data: { decisionsPubliees: false },
      })
    }
  })
})
