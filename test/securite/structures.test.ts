/**
 * SECURITY 37 (issue 22, items 4 and 5) over HTTP: a lycée removed from a réseau takes its drafts out of the
 * réseau's reach (REST, GraphQL, validation, export); an établissement moved to the other académie takes its
 * demandes to the new rectorat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, graphql, jeton, URL_SERVEUR } from '../aides/http'

let admin: string
let carif: string
let reseau: string
let rectoratM: string
let rectoratT: string
let idReseau: number | string
let membres: (number | string)[]
let retire: number | string // 0301270T, last member of the Nîmes réseau
let deplace: number | string // 0300058A, moved to Toulouse then back
let brouillon: { id: number | string; numero: number }
let departement: string

const idDe = async (uai: string) =>
  (await appel('GET', `/api/etablissements?where[uai][equals]=${uai}&depth=0`, { jeton: admin })).corps
    .docs[0].id

beforeAll(async () => {
  ;[admin, carif, reseau, rectoratM, rectoratT] = await Promise.all(
    ['admin', 'carif-oref', 'reseau-nimes', 'rectorat-montpellier', 'rectorat-toulouse'].map(jeton),
  )
  const r = (await appel('GET', '/api/reseaux?depth=0&limit=10', { jeton: admin })).corps.docs.find(
    (x: { nom: string }) => x.nom.includes('Nîmes'),
  )
  idReseau = r.id
  membres = r.membres
  retire = await idDe('0301270T')
  deplace = await idDe('0300058A')
  departement = (await appel('GET', `/api/etablissements/${deplace}?depth=0`, { jeton: admin })).corps
    .departement
  const cree = await appel('POST', '/api/demandes?depth=0', {
    jeton: reseau,
    corps: {
      etablissementConcerne: retire,
      mesure: 'ouverture',
      rapportOpportunite: 'Brouillon du test des structures.',
    },
  })
  expect(cree.status, JSON.stringify(cree.corps)).toBe(201)
  brouillon = { id: cree.corps.doc.id, numero: cree.corps.doc.numero }
})

afterAll(async () => {
  await appel('PATCH', `/api/reseaux/${idReseau}`, { jeton: carif, corps: { membres } })
  await appel('PATCH', `/api/etablissements/${deplace}`, {
    jeton: carif,
    corps: { academie: 'montpellier', departement },
  })
})

describe('Un lycée retiré d’un réseau emporte ses brouillons (SECURITY 37)', () => {
  it('REST, GraphQL, validation et export : le réseau n’y a plus accès', async () => {
    expect((await appel('GET', `/api/demandes/${brouillon.id}?depth=0`, { jeton: reseau })).status).toBe(200)
    expect(
      (
        await appel('PATCH', `/api/reseaux/${idReseau}`, {
          jeton: carif,
          corps: { membres: membres.filter((m) => String(m) !== String(retire)) },
        })
      ).status,
    ).toBe(200)
    expect((await appel('GET', `/api/demandes/${brouillon.id}?depth=0`, { jeton: reseau })).status).toBe(404)
    expect(
      (await appel('GET', `/api/demandes/count?where[id][equals]=${brouillon.id}`, { jeton: reseau })).corps
        .totalDocs,
    ).toBe(0)
    expect([403, 404]).toContain(
      (
        await appel('PATCH', `/api/demandes/${brouillon.id}`, {
          jeton: reseau,
          corps: { siteFormation: 'modifié' },
        })
      ).status,
    )
    expect([403, 404]).toContain(
      (await appel('DELETE', `/api/demandes/${brouillon.id}`, { jeton: reseau })).status,
    )
    const pret = await appel('POST', `/api/demandes/${brouillon.id}/valider`, {
      jeton: reseau,
      corps: { confirmer: false },
    })
    expect(pret.status).toBe(404)
    expect(pret.corps.pret).toBeUndefined()
    expect(
      (await appel('GET', `/api/demandes/versions?where[parent][equals]=${brouillon.id}`, { jeton: reseau }))
        .corps.totalDocs,
    ).toBe(0)
    const g = await graphql(`{ Demande(id: ${JSON.stringify(brouillon.id)}) { id } }`, {}, { jeton: reseau })
    expect(g.corps.data?.Demande ?? null).toBeNull()
    const m = await graphql(
      `mutation { updateDemande(id: ${JSON.stringify(brouillon.id)}, data: { siteFormation: "piraté" }) { id } }`,
      {},
      { jeton: reseau },
    )
    expect(m.corps.data?.updateDemande ?? null).toBeNull()
    const csv = await (
      await fetch(`${URL_SERVEUR()}/api/demandes/export?format=csv&where[id][equals]=${brouillon.id}`, {
        headers: { Authorization: `JWT ${reseau}` },
      })
    ).text()
    expect(csv).not.toContain('Brouillon du test des structures')
    // Its other members' demandes stay within reach; the admin still has the draft.
    expect(
      (
        await appel(
          'GET',
          `/api/demandes?where[etablissementConcerne][in]=${membres.filter((x) => String(x) !== String(retire)).join(',')}&limit=1&depth=0`,
          { jeton: reseau },
        )
      ).corps.totalDocs,
    ).toBeGreaterThan(0)
    expect(
      (await appel('GET', `/api/demandes/${brouillon.id}?depth=0`, { jeton: admin })).corps.siteFormation ??
        null,
    ).toBeNull()
    // Back in the réseau: the draft comes back.
    expect(
      (await appel('PATCH', `/api/reseaux/${idReseau}`, { jeton: carif, corps: { membres } })).status,
    ).toBe(200)
    expect((await appel('GET', `/api/demandes/${brouillon.id}?depth=0`, { jeton: reseau })).status).toBe(200)
  })
})

describe('Les champs copiés suivent leur établissement (SECURITY 37)', () => {
  it('un lycée passé à Toulouse : ses demandes passent au rectorat de Toulouse, plus à celui de Montpellier', async () => {
    const demandes = (
      await appel(
        'GET',
        `/api/demandes?where[etablissementConcerne][equals]=${deplace}&where[statut][not_equals]=brouillon&depth=0&limit=50`,
        { jeton: admin },
      )
    ).corps.docs
    expect(demandes.length, 'le lycée a une demande validée (démo)').toBeGreaterThan(0)
    const d = demandes[0]
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: rectoratM })).status).toBe(200)
    expect(
      (
        await appel('PATCH', `/api/etablissements/${deplace}`, {
          jeton: carif,
          corps: { academie: 'toulouse', departement: '31' },
        })
      ).status,
    ).toBe(200)
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: admin })).corps).toMatchObject({
      academie: 'toulouse',
      departement: '31',
    })
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: rectoratM })).status).toBe(404)
    expect(
      (await appel('GET', `/api/demandes/versions?where[parent][equals]=${d.id}`, { jeton: rectoratM })).corps
        .totalDocs,
    ).toBe(0)
    expect(
      (
        await appel('PATCH', `/api/demandes/${d.id}`, {
          jeton: rectoratM,
          corps: { avis: { avis: 'defavorable' } },
        })
      ).status,
    ).not.toBe(200)
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: rectoratT })).status).toBe(200)
    expect(
      (await appel('GET', `/api/demandes/count?where[id][equals]=${d.id}`, { jeton: rectoratT })).corps
        .totalDocs,
    ).toBe(1)
    const journal = await appel(
      'GET',
      `/api/journal?where[collectionConcernee][equals]=etablissements&where[documentId][equals]=${deplace}&sort=-createdAt&limit=1`,
      { jeton: admin },
    )
    expect(journal.corps.docs[0]?.resume).toMatch(
      /^Établissement 0300058A modifié : \d+ demandes? mises? à jour \(academie montpellier → toulouse, departement \d+ → 31\)/,
    )
    expect(
      (
        await appel('PATCH', `/api/etablissements/${deplace}`, {
          jeton: carif,
          corps: { academie: 'montpellier', departement },
        })
      ).status,
    ).toBe(200)
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: rectoratM })).status).toBe(200)
  })
})
