/**
 * The second outside attack of 4 December 2026 (after the fixes of the first): each finding replayed against the
 * production server as the attacker did. Findings 1 and 2 (current password raced, addresses guessed) are in
 * mot-de-passe-actuel.test.ts; 3 (pending accounts mailed) in test/int/comptes.int.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { appel, jeton, prioriteLibre, URL_SERVEUR } from '../aides/http'

let admin: string
let carif: string
let ecole: string

async function idDe(collection: string, champ: string, valeur: string) {
  return (
    await appel('GET', `/api/${collection}?where[${champ}][equals]=${valeur}&depth=0&limit=1`, {
      jeton: admin,
    })
  ).corps.docs[0].id
}

const brut = (methode: string, chemin: string, corps: string, qui?: string) =>
  fetch(`${URL_SERVEUR()}${chemin}`, {
    method: methode,
    headers: { 'Content-Type': 'application/json', ...(qui ? { Authorization: `JWT ${qui}` } : {}) },
    body: corps,
  }).then(async (r) => ({ status: r.status, corps: (await r.json().catch(() => null)) as any })) // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  ;[admin, carif, ecole] = await Promise.all(['admin', 'carif-oref', '0340042L'].map(jeton))
})

describe('Seconde attaque, constat 6 — jamais de 5xx, rien de créé de travers', () => {
  it('un rôle donné en liste ou en objet : 400 en français, aucun compte créé (il serait passé validé d’office)', async () => {
    const etablissement = await idDe('etablissements', 'uai', '0340042L')
    for (const role of [['etablissement'], { valeur: 'etablissement' }]) {
      const username = `role-liste-${Date.now()}`
      const r = await appel('POST', '/api/users', {
        jeton: carif,
        corps: { username, email: `${username}@demo.example`, nom: 'x', role, etablissement },
      })
      expect(r.status, JSON.stringify(r.corps)).toBe(400)
      expect(r.corps.errors[0].message).toBe(
        "Le champ « Rôle » n'est pas valide : un seul rôle, écrit en texte.",
      )
      const n = await appel('GET', `/api/users?where[username][equals]=${username}&limit=0`, { jeton: admin })
      expect(n.corps.totalDocs).toBe(0)
    }
  })

  it('un corps JSON qui n’est pas un objet ("x", 1, true, null, []) : 400 en français sur les routes de Payload', async () => {
    for (const corps of ['"x"', '1', 'true', 'null', '[]'])
      for (const [methode, chemin] of [
        ['POST', '/api/messages'],
        ['POST', '/api/users'],
        ['POST', '/api/payload-query-presets'],
        ['POST', '/api/demandes'],
        ['PATCH', '/api/users/1'],
      ] as const) {
        const r = await brut(methode, chemin, corps, admin)
        expect(r.status, `${methode} ${chemin} ${corps}`).toBe(400)
        expect(r.corps.errors[0].message).toMatch(/^Le corps de la requête doit être un objet JSON/)
      }
  })
})

describe('Seconde attaque, constat 6 bis — un filtre GraphQL mal typé est une erreur du client', () => {
  it('une relation comparée à un texte (Messages, Demandes, Annexes) : 400 en français, comme en REST', async () => {
    for (const [liste, champ] of [
      ['Messages', 'demande'],
      ['Demandes', 'etablissementConcerne'],
      ['Annexes', 'demande'],
    ] as const) {
      const r = await appel('POST', '/api/graphql', {
        jeton: admin,
        corps: { query: `{ ${liste}(where: { ${champ}: { equals: "abc" } }) { totalDocs } }` },
      })
      const erreur = r.corps.errors?.[0]
      expect(erreur, `${liste} ${JSON.stringify(r.corps)}`).toBeDefined()
      expect(erreur.extensions.statusCode, liste).toBe(400)
      expect(erreur.message).toMatch(/^Le filtre de la requête n'est pas valide/)
    }
  })
})

describe('Seconde attaque, constat 4 — les dates de création et de modification sont celles du serveur', () => {
  it('un message ou une demande datés par le client gardent la date du serveur (REST et GraphQL)', async () => {
    const avant = Date.now() - 60_000
    const cree = await appel('POST', '/api/demandes?depth=0', {
      jeton: ecole,
      corps: {
        etablissementConcerne: await idDe('etablissements', 'uai', '0340042L'),
        priorite: await prioriteLibre(ecole),
        rapportOpportunite: 'Dates du serveur.',
        createdAt: '2020-01-01T00:00:00.000Z',
        updatedAt: '2020-01-01T00:00:00.000Z',
      },
    })
    expect(cree.status, JSON.stringify(cree.corps)).toBe(201)
    const d = cree.corps.doc
    expect(Date.parse(d.createdAt)).toBeGreaterThan(avant)
    const modifiee = await appel('PATCH', `/api/demandes/${d.id}?depth=0`, {
      jeton: ecole,
      corps: { createdAt: '2020-01-01T00:00:00.000Z', siteFormation: 'Site' },
    })
    expect(modifiee.status, JSON.stringify(modifiee.corps)).toBe(200)
    expect(modifiee.corps.doc.createdAt).toBe(d.createdAt)
    const g = await appel('POST', '/api/graphql', {
      jeton: ecole,
      corps: {
        query: `mutation { updateDemande(id: ${JSON.stringify(d.id)}, data: { createdAt: "2020-01-01T00:00:00.000Z" }) { createdAt } }`,
      },
    })
    expect(JSON.stringify(g.corps)).not.toContain('2020-01-01')
    const relue = (await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: ecole })).corps
    expect(relue.createdAt).toBe(d.createdAt)
    await appel('DELETE', `/api/demandes/${d.id}`, { jeton: ecole })
  })
})

describe('Seconde attaque, constat 5 — le fil est entre qui dépose et qui instruit', () => {
  it('le Carif-Oref, qui lit toutes les demandes validées, ne lit ni n’écrit les échanges', async () => {
    const lus = await appel('GET', '/api/messages?limit=1&depth=0', { jeton: carif })
    expect(lus.status).toBe(403)
    const une = (
      await appel('GET', '/api/demandes?where[statut][not_equals]=brouillon&limit=1&depth=0', {
        jeton: carif,
      })
    ).corps.docs[0]
    if (une) {
      const ecrit = await appel('POST', '/api/messages', {
        jeton: carif,
        corps: { demande: une.id, texte: 'Message du Carif-Oref' },
      })
      expect(ecrit.status).toBe(403)
    }
  })
})
