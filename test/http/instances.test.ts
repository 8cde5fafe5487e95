import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demandeValidable } from '../../src/outils/masse'
import {
  type Base,
  connexion,
  demarrerInstance,
  type Instance,
  preparerBase,
  requete,
} from '../aides/instances'

/**
 * Statelessness (issue 6, item 5): two server processes on one database, as two instances behind a load balancer.
 * Nothing that matters is held in a process: sessions, demandes, numbering and the jobs queue are in the database.
 */
let base: Base
let a: Instance
let b: Instance

beforeAll(async () => {
  base = await preparerBase()
  ;[a, b] = await Promise.all([demarrerInstance(base, 'a'), demarrerInstance(base, 'b')])
}, 180_000)
afterAll(async () => {
  await Promise.all([a?.arreter(), b?.arreter()])
})

describe('Deux instances sur une même base', () => {
  it('une session ouverte sur A vaut sur B ; déconnectée sur A, elle ne vaut plus sur B', async () => {
    const jeton = await connexion(a, '0340042L')
    expect((await requete(b, 'GET', '/api/users/me', jeton)).corps.user.username).toBe('0340042L')
    expect((await requete(a, 'POST', '/api/users/logout', jeton)).status).toBe(200)
    expect((await requete(b, 'GET', '/api/users/me', jeton)).corps.user).toBeNull()
  })

  it('ce qui est enregistré sur A se lit sur B, et inversement ; les numéros restent uniques entre instances', async () => {
    const jeton = await connexion(b, '0340042L')
    const etab = (await requete(a, 'GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', jeton))
      .corps.docs[0]
    const creee = await requete(a, 'POST', '/api/demandes?depth=0', jeton, {
      etablissementConcerne: etab.id,
      rapportOpportunite: 'Écrit sur A',
    })
    expect(creee.status).toBe(201)
    const lue = await requete(b, 'GET', `/api/demandes/${creee.corps.doc.id}?depth=0`, jeton)
    expect(lue.corps.rapportOpportunite).toBe('Écrit sur A')
    expect(
      (
        await requete(b, 'PATCH', `/api/demandes/${creee.corps.doc.id}?depth=0`, jeton, {
          rapportOpportunite: 'Modifié sur B',
        })
      ).status,
    ).toBe(200)
    expect(
      (await requete(a, 'GET', `/api/demandes/${creee.corps.doc.id}?depth=0`, jeton)).corps
        .rapportOpportunite,
    ).toBe('Modifié sur B')

    // 20 creations spread over both instances at once: 20 distinct numbers.
    const toutes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        requete(i % 2 ? a : b, 'POST', '/api/demandes?depth=0', jeton, { etablissementConcerne: etab.id }),
      ),
    )
    expect(toutes.every((r) => r.status === 201)).toBe(true)
    expect(new Set(toutes.map((r) => r.corps.doc.numero)).size).toBe(20)
  })

  it('des validations simultanées de même priorité, réparties sur les deux instances : une seule réussit (verrou partagé en base)', async () => {
    const jeton = await connexion(a, '0340042L')
    const etab = (await requete(a, 'GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', jeton))
      .corps.docs[0]
    const diplome = (await requete(a, 'GET', '/api/diplomes?limit=1&depth=0', jeton)).corps.docs[0]
    for (let priorite = 1; priorite <= 10; priorite++) {
      const demandes = await Promise.all(
        [1, 2, 3, 4].map(() =>
          requete(a, 'POST', '/api/demandes?depth=0', jeton, demandeValidable(etab.id, diplome.id, priorite)),
        ),
      )
      const resultats = await Promise.all(
        demandes.map((d, i) =>
          // Each round files the same demande again: the duplicate is confirmed, the priority decides.
          requete(i % 2 ? a : b, 'POST', `/api/demandes/${d.corps.doc.id}/valider`, jeton, {
            confirmer: true,
            confirmerDoublon: true,
          }),
        ),
      )
      expect(resultats.map((r) => r.status).sort(), JSON.stringify(resultats.map((r) => r.corps))).toEqual([
        200, 400, 400, 400,
      ])
      for (const refus of resultats.filter((r) => r.status === 400))
        expect(refus.corps.errors[0].data.errors[0].path).toBe('priorite')
    }
  })

  it('une autre structure ne lit rien, quelle que soit l’instance', async () => {
    const intrus = await connexion(b, '0310024H')
    const dA = (await requete(a, 'GET', '/api/demandes?limit=0&depth=0', intrus)).corps
    expect(dA.totalDocs).toBe(0)
  })
})
