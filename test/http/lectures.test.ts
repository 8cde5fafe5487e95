import { beforeAll, describe, expect, inject, it } from 'vitest'

import { appel, deposerEtValider, graphql, jeton } from '../aides/http'

/**
 * Read markers (collection lectures) seen from outside: each account reads and writes only its own, whatever the
 * channel (REST, GraphQL) or the query (where, sort, select); integrations have none.
 */
let ecole: string // 0340042L
let autreEcole: string // 0310024H
let rectorat: string // rectorat-montpellier
let admin: string
let d: { id: number | string; numero: number }
let marqueur: { id: number | string; user: number | string; luJusquA: string }
let idEcole: number | string

const ids = (docs: { id: unknown }[] | undefined) => (docs ?? []).map((x) => String(x.id))

beforeAll(async () => {
  ecole = await jeton('0340042L')
  autreEcole = await jeton('0310024H')
  rectorat = await jeton('rectorat-montpellier')
  admin = await jeton('admin')
  idEcole = (await appel('GET', '/api/users/me', { jeton: ecole })).corps.user.id
  d = await deposerEtValider(ecole, '0340042L')
  const m = await appel('POST', '/api/messages', {
    jeton: rectorat,
    corps: { demande: d.id, texte: 'Une question du rectorat.' },
  })
  expect(m.status).toBe(201)
  // Opening the consultation marks it; through the API, a marker is created like this (owner and date: the server's).
  const r = await appel('POST', '/api/lectures?depth=0', {
    jeton: ecole,
    corps: {
      demande: d.id,
      user: (await appel('GET', '/api/users/me', { jeton: rectorat })).corps.user.id,
      luJusquA: '2099-01-01T00:00:00.000Z',
    },
  })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  marqueur = r.corps.doc
})

describe('Marqueurs de lecture (/api/lectures)', () => {
  it('créés pour soi, à l’heure du serveur ; un seul par demande ; jamais pour une demande que l’on ne lit pas', async () => {
    expect(String(marqueur.user)).toBe(String(idEcole))
    expect(Date.parse(marqueur.luJusquA)).toBeLessThanOrEqual(Date.now())
    const double = await appel('POST', '/api/lectures', { jeton: ecole, corps: { demande: d.id } })
    expect(double.status).toBe(400)
    expect(JSON.stringify(double.corps)).toContain('déjà marquée comme lue')
    const intrus = await appel('POST', '/api/lectures', { jeton: autreEcole, corps: { demande: d.id } })
    expect(intrus.status).toBe(400)
    expect(JSON.stringify(intrus.corps)).toContain("n'existe pas ou ne vous est pas accessible")
    // Its owner moves it forward; the date stays the server's.
    const avance = await appel('PATCH', `/api/lectures/${marqueur.id}?depth=0`, {
      jeton: ecole,
      corps: { luJusquA: '2099-01-01T00:00:00.000Z', demande: 999_999 },
    })
    expect(avance.status).toBe(200)
    expect(Date.parse(avance.corps.doc.luJusquA)).toBeLessThanOrEqual(Date.now())
    expect(String(avance.corps.doc.demande)).toBe(String(d.id))
  })

  it('illisibles et non modifiables par tout autre compte, l’administrateur compris (REST)', async () => {
    for (const qui of [autreEcole, rectorat, admin]) {
      const un = await appel('GET', `/api/lectures/${marqueur.id}`, { jeton: qui })
      expect(un.status).toBe(404)
      expect(JSON.stringify(un.corps)).not.toContain(String(marqueur.luJusquA))
      const liste = await appel('GET', '/api/lectures?limit=500&depth=0', { jeton: qui })
      expect(liste.status).toBe(200)
      expect(ids(liste.corps.docs)).not.toContain(String(marqueur.id))
      const patch = await appel('PATCH', `/api/lectures/${marqueur.id}`, { jeton: qui, corps: {} })
      expect([403, 404]).toContain(patch.status)
      const enMasse = await appel('PATCH', `/api/lectures?where[id][equals]=${marqueur.id}`, {
        jeton: qui,
        corps: {},
      })
      expect(enMasse.corps.docs ?? []).toEqual([])
      const suppression = await appel('DELETE', `/api/lectures/${marqueur.id}`, { jeton: qui })
      expect([403, 404]).toContain(suppression.status)
    }
    // Not even its owner deletes it.
    expect((await appel('DELETE', `/api/lectures/${marqueur.id}`, { jeton: ecole })).status).toBe(403)
    expect((await appel('GET', `/api/lectures/${marqueur.id}`, { jeton: ecole })).status).toBe(200)
  })

  it('where, sort et select ne révèlent rien des marqueurs des autres', async () => {
    const requetes = [
      `where[user][equals]=${idEcole}`,
      `where[demande][equals]=${d.id}`,
      `where[user.username][equals]=0340042l`,
      `where[demande.statut][equals]=validee`,
      `where[or][0][user][equals]=${idEcole}&where[or][1][id][exists]=true`,
      'sort=user.username',
      'sort=-luJusquA',
      'select[user]=true&select[luJusquA]=true',
      'populate[users][username]=true&depth=1',
    ]
    for (const qui of [rectorat, admin, autreEcole]) {
      // What the caller has of its own: no query may reach beyond it.
      const siens = (await appel('GET', '/api/lectures?limit=500', { jeton: qui })).corps.totalDocs
      for (const q of requetes) {
        const r = await appel('GET', `/api/lectures?${q}&limit=500`, { jeton: qui })
        expect([200, 400], q).toContain(r.status)
        expect(ids(r.corps.docs), q).not.toContain(String(marqueur.id))
        expect(r.corps.totalDocs ?? 0, q).toBeLessThanOrEqual(siens)
        // Nothing of the school's account (its own markers may name a demande of that school it reads: fine).
        const comptes = (r.corps.docs ?? []).map(
          (x: { user?: { id?: unknown; username?: unknown } | unknown }) =>
            typeof x.user === 'object' && x.user ? String((x.user as { id?: unknown }).id) : String(x.user),
        )
        expect(comptes, q).not.toContain(String(idEcole))
        expect(JSON.stringify(r.corps), q).not.toMatch(/"username":"0340042l"/i)
      }
    }
  })

  it('GraphQL : mêmes règles (lecture, modification, création pour une demande que l’on ne lit pas)', async () => {
    const liste = await graphql(
      '{ Lectures(limit: 500) { docs { id luJusquA } totalDocs } }',
      {},
      { jeton: rectorat },
    )
    expect(ids(liste.corps.data?.Lectures?.docs)).not.toContain(String(marqueur.id))
    const un = await graphql(
      'query ($id: Int!) { Lecture(id: $id) { id luJusquA } }',
      { id: Number(marqueur.id) },
      { jeton: rectorat },
    )
    expect(un.corps.data?.Lecture ?? null).toBeNull()
    const modif = await graphql(
      'mutation ($id: Int!) { updateLecture(id: $id, data: {}) { id } }',
      { id: Number(marqueur.id) },
      { jeton: admin },
    )
    expect(modif.corps.errors?.length).toBeGreaterThan(0)
    expect(modif.corps.data?.updateLecture ?? null).toBeNull()
    const creation = await graphql(
      'mutation ($d: Int!) { createLecture(data: { demande: $d }) { id } }',
      { d: Number(d.id) },
      { jeton: autreEcole },
    )
    expect(creation.corps.errors?.length).toBeGreaterThan(0)
    const siens = await graphql('{ Lectures(limit: 500) { docs { id } } }', {}, { jeton: ecole })
    expect(ids(siens.corps.data?.Lectures?.docs)).toContain(String(marqueur.id))
  })

  it('une intégration n’en a pas : 403 en REST, refus en GraphQL', async () => {
    const cle = inject('cleApiDemo')
    expect((await appel('GET', '/api/lectures', { cleApi: cle })).status).toBe(403)
    expect((await appel('GET', `/api/lectures/${marqueur.id}`, { cleApi: cle })).status).toBe(403)
    expect((await appel('POST', '/api/lectures', { cleApi: cle, corps: { demande: d.id } })).status).toBe(403)
    const g = await graphql('{ Lectures { docs { id } } }', {}, { cleApi: cle })
    expect(g.corps.data?.Lectures ?? null).toBeNull()
    expect(g.corps.errors?.length).toBeGreaterThan(0)
  })
})
