import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { completerStatutsVus } from '../../hooks/demandes/statutVu'
import { clientSqlite } from '../../src/adaptateur'
import { down, up } from '../../src/migrations/20261203_102641_dates_des_vues'
import { datesInitiales } from '../../src/regles/statut'
import { traiterValidation } from '../../src/validation'
import {
  AVEC_DOUBLONS,
  construireMonde,
  demandeComplete,
  type Monde,
  type Utilisateur,
} from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

/**
 * SECURITY 26 (issue 13, finding 4): an avis or a décision is a write, and `updatedAt` moved with it; a school read
 * the date change as « an avis exists ». Each partial view reads its own stored date, through the Local API with a
 * user (the same hooks serve REST and GraphQL: test/securite/publication.test.ts), on SQLite and MongoDB.
 */
let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => fermer?.())

const pause = () => new Promise((r) => setTimeout(r, 15))
const lire = async (user: Utilisateur, id: number | string) =>
  (await payload.findByID({
    collection: 'demandes',
    id,
    user,
    overrideAccess: false,
    depth: 0,
  })) as unknown as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let priorite = 300
async function demandeValidee(user: Utilisateur, extra: Record<string, unknown> = {}) {
  const d = await payload.create({
    collection: 'demandes',
    user,
    overrideAccess: false,
    data: demandeComplete(monde, { priorite: priorite++, ...extra }) as never,
  })
  const r = await traiterValidation(await requetePour(payload, user), d.id, true, AVEC_DOUBLONS)
  expect(r.status, JSON.stringify(r)).toBe(200)
  return d.id
}

describe('SECURITY 26 — la date de modification ne trahit ni avis ni décision avant publication', () => {
  it('avis puis décision : la date lue par l’établissement ne bouge pas (document, liste, filtre, tri) ; celle de la Région, si', async () => {
    const id = await demandeValidee(monde.users.etabA)
    const avant = (await lire(monde.users.etabA, id)).updatedAt
    await pause()
    await payload.update({
      collection: 'demandes',
      id,
      user: monde.users.rectoratM,
      overrideAccess: false,
      data: { avis: { avis: 'favorable', commentaire: 'Projet cohérent.' } } as never,
    })
    await pause()
    await payload.update({
      collection: 'demandes',
      id,
      user: monde.users.region,
      overrideAccess: false,
      data: { decision: { decision: 'retenue' } } as never,
    })
    const region = await lire(monde.users.region, id)
    expect(region.updatedAt > avant).toBe(true)
    expect((await lire(monde.users.etabA, id)).updatedAt).toBe(avant)
    // A filter on the date the school saw still finds it, and a sort cannot tell it apart from the other demandes.
    const parDate = await payload.find({
      collection: 'demandes',
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
      where: { updatedAt: { equals: avant } },
    })
    expect(parDate.docs.map((d) => d.id)).toContain(id)
    const plusRecentes = await payload.find({
      collection: 'demandes',
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
      where: { updatedAt: { greater_than: avant } },
    })
    expect(plusRecentes.docs.map((d) => d.id)).not.toContain(id)
    const liste = await payload.find({
      collection: 'demandes',
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
      sort: '-updatedAt',
      where: { id: { equals: id } },
    })
    expect(liste.docs[0]?.updatedAt).toBe(avant)
    const choisi = await payload.find({
      collection: 'demandes',
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
      select: { updatedAt: true },
      where: { id: { equals: id } },
    })
    expect(choisi.docs[0]?.updatedAt).toBe(avant)
    // Its stored date for the DRAAF's view is not readable by the school.
    expect((await lire(monde.users.etabA, id)).modifieeLeSansDecision).toBeUndefined()
  })

  it('DRAAF : l’avis se voit (la date bouge), la décision non', async () => {
    const id = await demandeValidee(monde.users.draaf, { etablissementConcerne: monde.etablissements.ag.id })
    const depart = (await lire(monde.users.draaf, id)).updatedAt
    await pause()
    await payload.update({
      collection: 'demandes',
      id,
      user: monde.users.draaf,
      overrideAccess: false,
      data: { avis: { avis: 'reserve' } } as never,
    })
    const apresAvis = (await lire(monde.users.draaf, id)).updatedAt
    expect(apresAvis > depart).toBe(true)
    await pause()
    await payload.update({
      collection: 'demandes',
      id,
      user: monde.users.region,
      overrideAccess: false,
      data: { decision: { decision: 'ajournee' } } as never,
    })
    expect((await lire(monde.users.draaf, id)).updatedAt).toBe(apresAvis)
    expect((await lire(monde.users.region, id)).updatedAt > apresAvis).toBe(true)
  })

  it('une modification que l’établissement voit (retour en brouillon par l’administrateur) fait bouger sa date', async () => {
    const id = await demandeValidee(monde.users.etabA)
    const avant = (await lire(monde.users.etabA, id)).updatedAt
    await pause()
    await payload.update({
      collection: 'demandes',
      id,
      user: monde.users.admin,
      overrideAccess: false,
      data: { rapportOpportunite: 'Rapport corrigé par l’administrateur.' } as never,
    })
    expect((await lire(monde.users.etabA, id)).updatedAt > avant).toBe(true)
  })

  it('le filtre à travers une relation (établissement concerné) garde la date de l’établissement, pas celle de la demande', async () => {
    const r = await payload.find({
      collection: 'demandes',
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
      where: { 'etablissementConcerne.updatedAt': { exists: true } },
      limit: 1,
    })
    expect(r.totalDocs).toBeGreaterThan(0)
    const versions = await payload.findVersions({
      collection: 'demandes',
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
      sort: '-updatedAt',
      limit: 1,
    })
    expect(versions.docs.length).toBe(1)
  })
})

describe('Données d’avant les dates des vues : complétées selon la même règle (datesInitiales)', () => {
  it('SQLite : la migration 20261203_dates_des_vues, rejouée, donne pour chaque demande les dates de la règle ; MongoDB : le complément au démarrage', async () => {
    const instruite = await demandeValidee(monde.users.etabA)
    await payload.update({
      collection: 'demandes',
      id: instruite,
      overrideAccess: true,
      data: { avis: { avis: 'favorable' }, decision: { decision: 'retenue' } } as never,
    })
    const brouillon = await payload.create({
      collection: 'demandes',
      user: monde.users.etabA,
      overrideAccess: false,
      data: demandeComplete(monde, { priorite: priorite++ }) as never,
    })
    const sqlite = clientSqlite(payload)
    if (sqlite) {
      const db = (payload.db as unknown as { drizzle: never }).drizzle
      await down({ db, payload, req: {} as never })
      await up({ db, payload, req: {} as never })
    } else {
      const modele = (
        payload.db as unknown as {
          collections: Record<string, { updateMany: (f: object, u: object, o: object) => Promise<unknown> }>
        }
      ).collections.demandes!
      await modele.updateMany(
        {},
        {
          $unset: {
            modifieeLeDepot: '',
            modifieeLeSansDecision: '',
            statutDepot: '',
            statutSansDecision: '',
          },
        },
        { timestamps: false },
      )
      await completerStatutsVus(payload)
    }
    for (const id of [instruite, brouillon.id]) {
      const d = (await payload.findByID({
        collection: 'demandes',
        id,
        overrideAccess: true,
        depth: 0,
      })) as unknown as Record<string, unknown>
      const attendu = datesInitiales(d)
      expect(
        { modifieeLeDepot: d.modifieeLeDepot, modifieeLeSansDecision: d.modifieeLeSansDecision },
        String(id),
      ).toEqual(attendu)
    }
    const d = (await payload.findByID({
      collection: 'demandes',
      id: instruite,
      overrideAccess: true,
      depth: 0,
    })) as unknown as Record<string, unknown>
    expect(d.modifieeLeDepot).toBe(d.valideeLe)
    expect(d.statutDepot).toBe('validee')
    expect((await lire(monde.users.etabA, instruite)).updatedAt).toBe(d.valideeLe)
  })
})
