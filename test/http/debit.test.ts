import { beforeAll, describe, expect, it } from 'vitest'

import { adresseNeuve, appel, jeton } from '../aides/http'

/**
 * Rate limits (SECURITY.md, hardening settings). The test server exempts its own loopback address (its suites sign
 * in many times a minute); these calls come through a reverse proxy's X-Forwarded-For, from addresses of their own.
 */
const depuis = (ip: string) => ({ 'X-Forwarded-For': ip })
// Unique per run, so that the file also passes against a server reused across runs (CARTE_TEST_URL).
const N = Date.now().toString(36)
let admin: string

beforeAll(async () => {
  admin = await jeton('admin')
})

describe('Limitation de débit', () => {
  it('connexion : 20 essais par minute et par adresse, puis 429 en français avec Retry-After ; les autres adresses ne sont pas gênées', async () => {
    const statuts: number[] = []
    for (let i = 0; i < 21; i++) {
      statuts.push(
        (
          await appel('POST', '/api/users/login', {
            entetes: depuis('203.0.113.10'),
            corps: { username: 'inconnu-debit', password: 'faux-mot-de-passe' },
          })
        ).status,
      )
    }
    expect(statuts.slice(0, 20).every((s) => s === 401)).toBe(true)
    const bloque = await appel('POST', '/api/users/login', {
      entetes: depuis('203.0.113.10'),
      corps: { username: 'region', password: 'peu-importe' },
    })
    expect(bloque.status).toBe(429)
    expect(bloque.corps.errors[0].message).toMatch(
      /^Trop de tentatives de connexion depuis votre adresse\. Réessayez dans \d+ secondes\.$/,
    )
    expect(Number(bloque.entetes.get('retry-after'))).toBeGreaterThan(0)
    expect(
      (
        await appel('POST', '/api/users/login', {
          entetes: depuis('203.0.113.11'),
          corps: { username: 'inconnu-debit', password: 'x' },
        })
      ).status,
    ).toBe(401)
  })

  it('mot de passe oublié : 3 demandes par heure pour un même compte, quelle que soit l’adresse ; 5 par quart d’heure par adresse', async () => {
    // Accounts and addresses of this run: the server keeps these counters for an hour, across runs.
    const pour = (ip: string, username: string) =>
      appel('POST', '/api/users/forgot-password', { entetes: depuis(ip), corps: { username } })
    const cible = `cible-debit-${N}`
    for (let i = 0; i < 3; i++) expect((await pour(adresseNeuve(), cible)).status).toBe(200)
    const quatrieme = await pour(adresseNeuve(), cible)
    expect(quatrieme.status).toBe(429)
    expect(quatrieme.corps.errors[0].message).toMatch(
      /^Trop de demandes de réinitialisation du mot de passe pour ce compte\. Réessayez dans \d+ minutes\.$/,
    )
    const adresse = adresseNeuve()
    for (let i = 0; i < 5; i++) expect((await pour(adresse, `compte-${N}-${i}`)).status).toBe(200)
    expect((await pour(adresse, `compte-${N}-5`)).status).toBe(429)
  })

  it('écritures : 300 par minute et par compte ; au-delà 429, sans rien écrire ; un autre compte continue', async () => {
    // Counted per account: one no other file writes with in bulk (limites.test.ts spends 0310024H's and
    // reseau-nimes' budgets, which would make this test depend on the order of the files).
    const j = await jeton('draaf')
    const avant = (await appel('GET', '/api/demandes?limit=0', { jeton: admin })).corps.totalDocs
    const statuts = await Promise.all(
      Array.from({ length: 300 }, () =>
        appel('POST', '/api/demandes', {
          jeton: j,
          entetes: depuis('203.0.113.40'),
          corps: { etablissementConcerne: 'inconnu' },
        }).then((r) => r.status),
      ),
    )
    expect(statuts.every((s) => s === 400)).toBe(true)
    const refus = await appel('POST', '/api/demandes', {
      jeton: j,
      entetes: depuis('203.0.113.40'),
      corps: {},
    })
    expect(refus.status).toBe(429)
    expect(refus.corps.errors[0].message).toMatch(/^Trop d'enregistrements en peu de temps\./)
    expect((await appel('GET', '/api/demandes?limit=0', { jeton: admin })).corps.totalDocs).toBe(avant)
    // Reading is not limited, and another session writes on.
    expect(
      (await appel('GET', '/api/demandes?limit=1', { jeton: j, entetes: depuis('203.0.113.40') })).status,
    ).toBe(200)
    expect(
      (
        await appel('POST', '/api/demandes', {
          jeton: await jeton('region'),
          entetes: depuis('203.0.113.40'),
          corps: {},
        })
      ).status,
    ).toBe(403)
  })
})

describe("Journal d'audit des connexions (SECURITY 22)", () => {
  it('inscrit les échecs de connexion avec l’identifiant tenté et l’adresse, et les connexions réussies', async () => {
    await appel('POST', '/api/users/login', {
      entetes: depuis('198.51.100.7'),
      corps: { username: 'pirate-journal', password: 'x' },
    })
    const echecs = await appel(
      'GET',
      '/api/journal?where[action][equals]=echec-connexion&where[utilisateur][equals]=pirate-journal&depth=0',
      { jeton: admin },
    )
    expect(echecs.corps.docs[0]).toMatchObject({
      action: 'echec-connexion',
      ip: '198.51.100.7',
      resume: 'Échec de connexion pour « pirate-journal »',
    })
    const ok = await appel('POST', '/api/users/login', {
      entetes: depuis('198.51.100.8'),
      corps: { username: 'draaf', password: (await import('vitest')).inject('motDePasseDemo') },
    })
    expect(ok.status).toBe(200)
    const connexions = await appel(
      'GET',
      '/api/journal?where[action][equals]=connexion&where[ip][equals]=198.51.100.8&depth=0',
      { jeton: admin },
    )
    expect(connexions.corps.docs[0]).toMatchObject({ utilisateur: 'draaf' })
    // Nobody but the admin reads it.
    expect((await appel('GET', '/api/journal?limit=1', { jeton: await jeton('region') })).status).toBe(403)
  })
})
