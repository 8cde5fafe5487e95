/**
 * The annexes' hooks keep a demande's `annexes` list equal to the annexes attached to it (outside attack of
 * 4 December 2026): an annexe does not change demande, a restored version or a client's list drops none, a draft's
 * annexe is not deleted after the closing date. Through the Local API with a user, on SQLite and MongoDB.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { traiterDemandeCorrection } from '../../collections/Demandes/endpoints/demanderCorrection'
import { traiterValidation } from '../../src/validation'
import { AVEC_DOUBLONS, campagne, construireMonde, demandeComplete, type Monde } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => fermer())
beforeEach(async () => campagne(payload, 'ouverte'))

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer<</Root 1 0 R/Size 2>>\nstartxref\n9\n%%EOF\n',
)
const ecole = () => monde.users.etabA
const creer = (extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'demandes',
    data: demandeComplete(monde, extra) as never,
    user: ecole(),
    overrideAccess: false,
    depth: 0,
  })
const joindre = (demande: number | string, name = 'pv.pdf') =>
  payload.create({
    collection: 'annexes',
    data: { demande: demande as number, description: name } as never,
    file: { data: PDF, mimetype: 'application/pdf', name, size: PDF.length },
    user: ecole(),
    overrideAccess: false,
    depth: 0,
  })
const liste = async (id: number | string) =>
  (
    ((await payload.findByID({ collection: 'demandes', id, overrideAccess: true, depth: 0 })).annexes ??
      []) as unknown[]
  )
    .map(String)
    .sort()
const rattachees = async (id: number | string) =>
  (
    await payload.find({
      collection: 'annexes',
      where: { demande: { equals: id } },
      overrideAccess: true,
      depth: 0,
      limit: 0,
    })
  ).docs
    .map((a) => String(a.id))
    .sort()
async function refus(promesse: Promise<unknown>) {
  try {
    await promesse
  } catch (err) {
    const e = err as {
      status?: number
      message: string
      data?: { errors?: { path: string; message: string }[] }
    }
    return { status: e.status ?? 500, erreur: e.data?.errors?.[0], message: e.message }
  }
  throw new Error('l’écriture aurait dû être refusée')
}
async function aCorriger() {
  const d = await creer({ rapportOpportunite: 'Première rédaction.' })
  const annexes = [await joindre(d.id, 'a.pdf'), await joindre(d.id, 'b.pdf')]
  await payload.update({
    collection: 'demandes',
    id: d.id,
    data: { rapportOpportunite: 'Seconde rédaction.' } as never,
    user: ecole(),
    overrideAccess: false,
  })
  expect(
    (await traiterValidation(await requetePour(payload, ecole()), d.id, true, AVEC_DOUBLONS)).status,
  ).toBe(200)
  const c = await traiterDemandeCorrection(
    await requetePour(payload, monde.users.rectoratM),
    d.id,
    'À compléter.',
  )
  expect(c.status, JSON.stringify(c.body)).toBe(200)
  return { d, annexes }
}

describe('Annexes et liste de la demande', () => {
  it('une annexe ne change pas de demande, pour personne : refus sur « demande » avant toute écriture', async () => {
    const { d: corrigee } = await aCorriger()
    const brouillon = await creer()
    const annexe = await joindre(brouillon.id)
    await campagne(payload, 'close')
    const avant = { b: await liste(brouillon.id), c: await liste(corrigee.id) }
    for (const user of [ecole(), monde.users.admin]) {
      const r = await refus(
        payload.update({
          collection: 'annexes',
          id: annexe.id,
          data: { demande: corrigee.id } as never,
          user,
          overrideAccess: false,
        }),
      )
      expect(r.status, r.message).toBe(400)
      expect(r.erreur).toEqual({
        path: 'demande',
        label: 'Demande',
        message:
          "Une annexe ne change pas de demande : supprimez-la, puis ajoutez le fichier à l'autre demande.",
      })
    }
    const lue = await payload.findByID({
      collection: 'annexes',
      id: annexe.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(String(lue.demande)).toBe(String(brouillon.id))
    expect({ b: await liste(brouillon.id), c: await liste(corrigee.id) }).toEqual(avant)
    expect(await rattachees(brouillon.id)).toEqual(avant.b)
  })

  it('restaurer une ancienne version, ou écrire une liste vide, garde la liste tenue par le serveur', async () => {
    const { d } = await aCorriger()
    await campagne(payload, 'close')
    const attendues = await rattachees(d.id)
    expect(attendues).toHaveLength(2)
    const versions = await payload.findVersions({
      collection: 'demandes',
      where: { parent: { equals: d.id } },
      overrideAccess: true,
      limit: 100,
      depth: 0,
    })
    const ancienne = versions.docs.find((v) => v.version.rapportOpportunite === 'Première rédaction.')
    expect(ancienne).toBeDefined()
    const restauree = await payload.restoreVersion({
      collection: 'demandes',
      id: ancienne!.id,
      user: ecole(),
      overrideAccess: false,
      depth: 0,
    })
    expect(restauree.statut).toBe('a-corriger')
    expect(await liste(d.id)).toEqual(attendues)
    await payload.update({
      collection: 'demandes',
      id: d.id,
      data: { annexes: [], rapportOpportunite: 'Troisième.' } as never,
      user: ecole(),
      overrideAccess: false,
    })
    expect(await liste(d.id)).toEqual(attendues)
  })

  it('une demande à corriger : ses annexes se modifient et se suppriment campagne close ; un brouillon : non (403)', async () => {
    const { d, annexes } = await aCorriger()
    const brouillon = await creer()
    const annexeBrouillon = await joindre(brouillon.id)
    await campagne(payload, 'close')
    const modifiee = await payload.update({
      collection: 'annexes',
      id: annexes[0]!.id,
      data: { description: 'PV du CA' },
      user: ecole(),
      overrideAccess: false,
    })
    expect(modifiee.description).toBe('PV du CA')
    await payload.delete({ collection: 'annexes', id: annexes[1]!.id, user: ecole(), overrideAccess: false })
    expect(await liste(d.id)).toEqual([String(annexes[0]!.id)])
    const r = await refus(
      payload.delete({ collection: 'annexes', id: annexeBrouillon.id, user: ecole(), overrideAccess: false }),
    )
    expect(r.status).toBe(403)
    expect(r.message).toMatch(/La campagne de saisie .* est close/)
    expect(await rattachees(brouillon.id)).toEqual([String(annexeBrouillon.id)])
    expect(await liste(brouillon.id)).toEqual([String(annexeBrouillon.id)])
    // The admin may (outrepasserVerrous), and a draft deleted by the admin takes its annexes with it.
    await payload.delete({
      collection: 'demandes',
      id: brouillon.id,
      user: monde.users.admin,
      overrideAccess: false,
    })
    expect(await rattachees(brouillon.id)).toEqual([])
  })
})
