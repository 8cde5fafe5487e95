import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adresseNeuve, appel, jeton, URL_SERVEUR } from '../aides/http'
import { MOT_DE_PASSE } from '../aides/fabrique'
import { type Base, demarrerInstance, type Instance, preparerBase } from '../aides/instances'

/**
 * Limits on every channel (issue 13, findings 5, 6 and 8; SECURITY.md 27, 28, 30), called over HTTP as the attacker
 * did. The test server trusts one proxy (PROXIES_DE_CONFIANCE=1): these calls name their client in X-Forwarded-For,
 * each test from addresses of its own, since the counters live as long as the server. The untrusted case
 * (PROXIES_DE_CONFIANCE=0) runs on an extra instance with real limits.
 */
const N = Date.now().toString(36)
const depuis = (ip: string) => ({ 'X-Forwarded-For': ip })
const MESSAGE_CONNEXION =
  /^Trop de tentatives de connexion depuis votre adresse\. Réessayez dans \d+ secondes\.$/
const gql = (query: string, options: { ip: string; jeton?: string; variables?: Record<string, unknown> }) =>
  appel('POST', '/api/graphql', {
    entetes: depuis(options.ip),
    jeton: options.jeton,
    corps: { query, variables: options.variables ?? {} },
  })
const sante = async () => (await fetch(`${URL_SERVEUR()}/api/health`)).status
let admin: string

beforeAll(async () => {
  admin = await jeton('admin')
})

const journalDe = async (utilisateur: string) =>
  (
    await appel(
      'GET',
      `/api/journal?where[action][equals]=echec-connexion&where[utilisateur][equals]=${encodeURIComponent(utilisateur)}&depth=0&limit=50`,
      { jeton: admin },
    )
  ).corps.docs as {
    ip: string
    resume: string
  }[]

describe('SECURITY 27 — le débit est compté par client réel', () => {
  let base: Base
  let instance: Instance
  beforeAll(async () => {
    base = await preparerBase()
    // Real limits, no trusted proxy: as `npm start` by default.
    instance = await demarrerInstance(base, 'sans-proxy', {
      PROXIES_DE_CONFIANCE: '0',
      ADRESSES_SANS_LIMITE: '',
    })
  }, 180_000)
  afterAll(async () => {
    await instance?.arreter()
  })

  it('27. adresse du client : sans proxy de confiance, un X-Forwarded-For forgé ne choisit pas l’adresse comptée ni journalisée', async () => {
    // The admin's own sign-in is the first of the 20 this address may make in the minute.
    const jetonAdmin = (
      await appel('POST', '/api/users/login', {
        base: instance.url,
        corps: { username: 'admin', password: MOT_DE_PASSE },
      })
    ).corps.token
    const essai = (i: number) =>
      appel('POST', '/api/users/login', {
        base: instance.url,
        entetes: depuis(`198.18.${i}.${i}`),
        corps: { username: `pirate-xff-${N}`, password: 'faux' },
      })
    const statuts: number[] = []
    for (let i = 0; i < 19; i++) statuts.push((await essai(i)).status)
    expect(statuts.every((s) => s === 401)).toBe(true)
    const bloque = await essai(99)
    expect(bloque.status).toBe(429)
    expect(bloque.corps.errors[0].message).toMatch(MESSAGE_CONNEXION)
    // The journal records the socket's address, not the forged one.
    const echecs = await appel(
      'GET',
      `/api/journal?where[utilisateur][equals]=pirate-xff-${N}&depth=0&limit=50`,
      { base: instance.url, jeton: jetonAdmin },
    )
    expect(echecs.corps.docs).toHaveLength(19)
    expect(echecs.corps.docs.every((d: { ip: string }) => d.ip === '127.0.0.1' || d.ip === '::1')).toBe(true)
  })

  it('27. adresse du client : derrière un proxy de confiance, seule l’entrée qu’il a ajoutée compte (le début de la chaîne est du client)', async () => {
    const statuts: number[] = []
    for (let i = 0; i < 21; i++) {
      statuts.push(
        (
          await appel('POST', '/api/users/login', {
            entetes: depuis(`6.6.${i}.6, 203.0.113.101`),
            corps: { username: `pirate-chaine-${N}`, password: 'x' },
          })
        ).status,
      )
    }
    expect(statuts.slice(0, 20).every((s) => s === 401)).toBe(true)
    expect(statuts[20]).toBe(429)
  })
})

describe('SECURITY 27 — le chemin est normalisé avant d’être compté', () => {
  it('27. connexion : /api/users/LOGIN, /Login et les lettres encodées (%6Cogin) comptent comme /api/users/login', async () => {
    const variantes = [
      '/api/users/LOGIN',
      '/api/users/Login',
      '/api/users/%6Cogin',
      '/api/users/%4C%4F%47%49%4E',
    ]
    const statuts: number[] = []
    for (let i = 0; i < 20; i++) {
      statuts.push(
        (
          await appel('POST', variantes[i % variantes.length]!, {
            entetes: depuis('203.0.113.110'),
            corps: { username: `pirate-casse-${N}`, password: 'x' },
          })
        ).status,
      )
    }
    // Payload routes every variant to the sign-in.
    expect(statuts.every((s) => s === 401)).toBe(true)
    const bloque = await appel('POST', '/api/users/login', {
      entetes: depuis('203.0.113.110'),
      corps: { username: 'region', password: inject('motDePasseDemo') },
    })
    expect(bloque.status).toBe(429)
    expect(bloque.corps.token).toBeUndefined()
    expect(
      (
        await appel('POST', '/api/users/%6Cogin', {
          entetes: depuis('203.0.113.110'),
          corps: { username: 'region', password: inject('motDePasseDemo') },
        })
      ).status,
    ).toBe(429)
    // A trailing slash or a doubled one is not served: Next.js redirects to the path that is counted.
    for (const chemin of ['/api/users/login/', '/api//users/login']) {
      const r = await appel('POST', chemin, {
        entetes: depuis('203.0.113.111'),
        corps: { username: 'region', password: inject('motDePasseDemo') },
      })
      expect(r.status).toBe(308)
      expect(r.entetes.get('location')).toBe('/api/users/login')
    }
  })

  it('27. mot de passe oublié : /api/users/FORGOT-PASSWORD compte comme /api/users/forgot-password (3 par compte et par heure)', async () => {
    const pour = (ip: string, chemin: string) =>
      appel('POST', chemin, { entetes: depuis(ip), corps: { username: `cible-casse-${N}` } })
    expect((await pour(adresseNeuve(), '/api/users/FORGOT-PASSWORD')).status).toBe(200)
    expect((await pour(adresseNeuve(), '/api/users/Forgot-Password')).status).toBe(200)
    expect((await pour(adresseNeuve(), '/api/users/forgot-%70assword')).status).toBe(200)
    const quatrieme = await pour(adresseNeuve(), '/api/users/FORGOT-PASSWORD')
    expect(quatrieme.status).toBe(429)
    expect(quatrieme.corps.errors[0].message).toMatch(
      /^Trop de demandes de réinitialisation du mot de passe pour ce compte\./,
    )
  })

  it('27. mot de passe oublié : un formulaire multipart compte pour le même compte qu’un corps JSON', async () => {
    const formulaire = () => {
      const f = new FormData()
      f.set('_payload', JSON.stringify({ username: `cible-multipart-${N}` }))
      return f
    }
    for (let i = 0; i < 3; i++)
      expect(
        (
          await appel('POST', '/api/users/forgot-password', {
            entetes: depuis(adresseNeuve()),
            corps: formulaire(),
          })
        ).status,
      ).toBe(200)
    expect(
      (
        await appel('POST', '/api/users/forgot-password', {
          entetes: depuis(adresseNeuve()),
          corps: formulaire(),
        })
      ).status,
    ).toBe(429)
  })
})

describe('SECURITY 27 — chaque opération d’une requête GraphQL est comptée', () => {
  it('27. connexion GraphQL : 25 mauvais essais et un bon sous des alias d’une même requête → 429, aucun jeton', async () => {
    const alias = Array.from(
      { length: 25 },
      (_, i) => `e${i}: loginUser(username: "inconnu-alias-${N}-${i}", password: "faux") { token }`,
    ).join('\n')
    const r = await gql(
      `mutation ($mdp: String) { ${alias}\n bon: loginUser(username: "draaf", password: $mdp) { token } }`,
      {
        ip: '203.0.113.140',
        variables: { mdp: inject('motDePasseDemo') },
      },
    )
    expect(r.status).toBe(429)
    expect(JSON.stringify(r.corps)).not.toMatch(/"token":"/)
    expect(r.corps.errors[0].message).toMatch(MESSAGE_CONNEXION)
  })

  it('27. connexion GraphQL : les alias comptent avec les connexions REST de la même adresse', async () => {
    const alias = Array.from(
      { length: 15 },
      (_, i) => `e${i}: loginUser(username: "inconnu-mixte-${N}", password: "faux${i}") { token }`,
    ).join('\n')
    expect((await gql(`mutation { ${alias} }`, { ip: '203.0.113.141' })).status).toBe(200)
    for (let i = 0; i < 5; i++)
      expect(
        (
          await appel('POST', '/api/users/login', {
            entetes: depuis('203.0.113.141'),
            corps: { username: `inconnu-mixte-${N}`, password: 'x' },
          })
        ).status,
      ).toBe(401)
    expect(
      (
        await gql('mutation { loginUser(username: "draaf", password: "x") { token } }', {
          ip: '203.0.113.141',
        })
      ).status,
    ).toBe(429)
  })

  it('27. mot de passe oublié GraphQL : forgotPasswordUser est limité comme en REST (3 par compte, alias compris)', async () => {
    const r = await gql(
      `mutation { a: forgotPasswordUser(username: "cible-gql-${N}") b: forgotPasswordUser(username: "cible-gql-${N}") c: forgotPasswordUser(username: "cible-gql-${N}") d: forgotPasswordUser(username: "cible-gql-${N}") }`,
      // Addresses of this run: the server counts 5 per quarter-hour and per address, across runs.
      { ip: adresseNeuve() },
    )
    expect(r.status).toBe(429)
    expect(r.corps.errors[0].message).toMatch(
      /^Trop de demandes de réinitialisation du mot de passe pour ce compte\./,
    )
    // And per address: 5 per quarter-hour, REST and GraphQL together.
    const adresse = adresseNeuve()
    for (let i = 0; i < 5; i++)
      expect(
        (
          await gql(`mutation { forgotPasswordUser(username: "compte-gql-${N}-${i}") }`, {
            ip: adresse,
          })
        ).status,
      ).toBe(200)
    expect(
      (
        await appel('POST', '/api/users/forgot-password', {
          entetes: depuis(adresse),
          corps: { username: `compte-gql-${N}-5` },
        })
      ).status,
    ).toBe(429)
  })

  it('27. écritures GraphQL : 30 alias de updateDemande comptent 30 écritures ; au-delà de 300, 429 sans rien exécuter', async () => {
    const r0 = await appel('POST', '/api/users/login', {
      corps: { username: '0310024H', password: inject('motDePasseDemo') },
    })
    const j = r0.corps.token as string
    const alias = Array.from(
      { length: 30 },
      (_, i) => `m${i}: updateDemande(id: 999999999, data: { rapportOpportunite: "x" }) { id }`,
    ).join('\n')
    for (let i = 0; i < 10; i++)
      expect((await gql(`mutation { ${alias} }`, { ip: '203.0.113.160', jeton: j })).status).toBe(200)
    const refus = await gql('mutation { createDemande(data: {}) { id } }', { ip: '203.0.113.160', jeton: j })
    expect(refus.status).toBe(429)
    expect(refus.corps.errors[0].message).toMatch(/^Trop d'enregistrements en peu de temps\./)
    expect(
      (await appel('POST', '/api/demandes', { jeton: j, entetes: depuis('203.0.113.160'), corps: {} }))
        .status,
    ).toBe(429)
  })

  it('27. écritures : comptées par compte authentifié, pas par texte d’en-tête (cookie + Authorization bidon, Bearer, autre session)', async () => {
    const connexion = async () =>
      (
        await appel('POST', '/api/users/login', {
          corps: { username: 'reseau-nimes', password: inject('motDePasseDemo') },
        })
      ).corps.token as string
    const j = await connexion()
    const ip = '203.0.113.170'
    const alias = Array.from(
      { length: 30 },
      (_, i) => `m${i}: updateDemande(id: 999999999, data: { rapportOpportunite: "x" }) { id }`,
    ).join('\n')
    for (let i = 0; i < 10; i++)
      expect((await gql(`mutation { ${alias} }`, { ip, jeton: j })).status).toBe(200)
    const ecrire = (entetes: Record<string, string>) =>
      fetch(`${URL_SERVEUR()}/api/demandes/999999999`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', ...depuis(ip), ...entetes },
        body: '{"rapportOpportunite":"x"}',
      }).then((r) => r.status)
    // The session's cookie, with a different junk Authorization each time: Payload reads the cookie.
    for (let i = 0; i < 3; i++)
      expect(
        await ecrire({
          Cookie: `payload-token=${j}`,
          'Sec-Fetch-Site': 'same-origin',
          Authorization: `x${i}`,
        }),
      ).toBe(429)
    expect(await ecrire({ Authorization: `Bearer ${j}` })).toBe(429)
    // Another session of the same account shares the budget.
    expect(await ecrire({ Authorization: `JWT ${await connexion()}` })).toBe(429)
    // Another account has its own.
    expect([403, 404]).toContain(await ecrire({ Authorization: `JWT ${await jeton('0340042L')}` }))
  })
})

describe('SECURITY 27 — chaque échec de connexion est journalisé, sur tous les canaux', () => {
  it('27. journal : les échecs sous alias GraphQL et par /api/users/LOGIN sont inscrits avec l’identifiant tenté', async () => {
    const r = await gql(
      `mutation { a: loginUser(username: "pirate-gql-a-${N}", password: "x") { token } b: loginUser(username: "pirate-gql-b-${N}", password: "x") { token } }`,
      { ip: '198.51.100.20' },
    )
    expect(r.status).toBe(200)
    await appel('POST', '/api/users/LOGIN', {
      entetes: depuis('198.51.100.21'),
      corps: { username: `pirate-casse-journal-${N}`, password: 'x' },
    })
    for (const u of [`pirate-gql-a-${N}`, `pirate-gql-b-${N}`]) {
      const echecs = await journalDe(u)
      expect(echecs).toHaveLength(1)
      expect(echecs[0]).toMatchObject({ ip: '198.51.100.20', resume: `Échec de connexion pour « ${u} »` })
    }
    expect(await journalDe(`pirate-casse-journal-${N}`)).toMatchObject([{ ip: '198.51.100.21' }])
    // A successful GraphQL sign-in is not journaled as a failure.
    const ok = await gql(
      'mutation ($mdp: String) { loginUser(username: "draaf", password: $mdp) { token } }',
      { ip: '198.51.100.22', variables: { mdp: inject('motDePasseDemo') } },
    )
    expect(ok.corps.data.loginUser.token).toBeTruthy()
    const journal = await appel(
      'GET',
      '/api/journal?where[action][equals]=echec-connexion&where[ip][equals]=198.51.100.22&depth=0',
      { jeton: admin },
    )
    expect(journal.corps.docs).toEqual([])
  })
})

describe('SECURITY 28 — aucune requête ne bloque le serveur', () => {
  const corpsDe = (taille: number) => JSON.stringify({ rapportOpportunite: 'x'.repeat(taille) })
  const envoyer = (chemin: string, body: BodyInit, entetes: Record<string, string> = {}, j?: string) =>
    fetch(`${URL_SERVEUR()}${chemin}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${j}`, ...entetes },
      body,
      duplex: 'half',
    } as RequestInit)

  it('28. corps JSON plafonné à 1 Mo : 413 en français sur la longueur annoncée, un rapport de 40 millions de caractères est refusé et le serveur répond', async () => {
    const j = await jeton('0340042L')
    const avant = (await appel('GET', '/api/demandes?limit=0', { jeton: admin })).corps.totalDocs
    const envoi = envoyer('/api/demandes', corpsDe(40_000_000), {}, j)
    const pendant = sante()
    const r = await envoi
    expect(r.status).toBe(413)
    expect(((await r.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Le contenu envoyé est trop volumineux : 1 Mo au plus (les pièces jointes ont leur propre limite).',
    )
    expect(await pendant).toBe(200)
    expect(await sante()).toBe(200)
    expect((await appel('GET', '/api/demandes?limit=0', { jeton: admin })).corps.totalDocs).toBe(avant)
  })

  it('28. corps JSON plafonné : envoyé sans longueur annoncée (par morceaux), refusé sur les octets reçus', async () => {
    const j = await jeton('0340042L')
    const morceau = new TextEncoder().encode('x'.repeat(64 * 1024))
    let envoyes = 0
    const flux = new ReadableStream<Uint8Array>({
      pull(c) {
        if (envoyes === 0) c.enqueue(new TextEncoder().encode('{"rapportOpportunite":"'))
        if (envoyes++ < 800)
          c.enqueue(morceau) // 50 Mo
        else c.close()
      },
    })
    const r = await envoyer('/api/demandes', flux, {}, j).catch((err: Error) => err)
    // The server answers as soon as the cap is passed; the rest of the upload may be cut off.
    if (r instanceof Response) expect(r.status).toBe(413)
    expect(envoyes).toBeLessThan(800)
    expect(await sante()).toBe(200)
  })

  it('28. corps plafonné sur tous les chemins d’écriture : PATCH, GraphQL, formulaire multipart hors pièces jointes', async () => {
    const j = await jeton('0340042L')
    const gros = corpsDe(2 * 1024 * 1024)
    const patch = await fetch(`${URL_SERVEUR()}/api/demandes/1`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${j}` },
      body: gros,
    })
    expect(patch.status).toBe(413)
    const g = await envoyer(
      '/api/graphql',
      JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(2 * 1024 * 1024) } }),
      {},
      j,
    )
    expect(g.status).toBe(413)
    const f = new FormData()
    f.set('_payload', gros)
    expect((await appel('POST', '/api/demandes', { jeton: j, corps: f })).status).toBe(413)
    // Uploads keep their own limit: an annexe over 1 Mo is not refused by the JSON cap.
    const annexe = new FormData()
    annexe.set('file', new Blob([new Uint8Array(1_500_000)], { type: 'application/pdf' }), 'gros.pdf')
    const envoi = await appel('POST', '/api/annexes', { jeton: j, corps: annexe })
    expect(envoi.status).not.toBe(413)
  })

  it('28. coût GraphQL : 40 alias × Etablissements(limit: 1000) refusés avant exécution, en français, même sans compte', async () => {
    const alias = (n: number, limite: number) =>
      Array.from(
        { length: n },
        (_, i) => `e${i}: Etablissements(limit: ${limite}) { docs { id nom uai } }`,
      ).join('\n')
    // Beyond the page cap a limit counts as the cap (500, as in REST): 40 × 500 pages of 4 fields.
    for (const j of [await jeton('0340042L'), undefined]) {
      for (const limite of [1000, 500, 0]) {
        const r = await gql(`{ ${alias(40, limite)} }`, { ip: '203.0.113.170', jeton: j })
        expect(r.status, String(limite)).toBe(400)
        expect(r.corps.errors[0].message).toMatch(
          /^Requête GraphQL trop coûteuse : 8\d\s\d{3} éléments demandés \(pages × champs × alias\), 25\s000 au plus ; réduisez « limit » ou le nombre d’alias\.$/,
        )
        expect(r.corps.data).toBeUndefined()
      }
    }
    const j = await jeton('0340042L')
    // Through a variable or with pagination off, the same count; a negative limit is refused as in REST.
    const variable = (l: number) =>
      gql(
        `query ($l: Int) { ${Array.from({ length: 40 }, (_, i) => `e${i}: Etablissements(limit: $l) { docs { id nom uai } }`).join(' ')} }`,
        { ip: '203.0.113.170', jeton: j, variables: { l } },
      )
    expect((await variable(100000)).status).toBe(400)
    expect(
      (
        await gql(
          `{ ${Array.from({ length: 40 }, (_, i) => `e${i}: Etablissements(pagination: false) { docs { id nom uai } }`).join(' ')} }`,
          { ip: '203.0.113.170', jeton: j },
        )
      ).status,
    ).toBe(400)
    const negatif = await variable(-1)
    expect(negatif.status).toBe(400)
    expect(negatif.corps.errors[0].message).toBe(
      "Nombre d'éléments par page (limit) : attendu un nombre entier positif (Etablissements).",
    )
    // One honest page still answers.
    const ok = await gql('{ Etablissements(limit: 5) { docs { id nom } } }', {
      ip: '203.0.113.170',
      jeton: j,
    })
    expect(ok.status).toBe(200)
    expect(ok.corps.data.Etablissements.docs.length).toBeGreaterThan(0)
  })
})

describe('SECURITY 30 — jamais de 5xx', () => {
  it('30. JSON imbriqué 3 000 fois : 400 en français, rien de créé, sur tous les chemins', async () => {
    const j = await jeton('0340042L')
    const profond = '['.repeat(3000) + ']'.repeat(3000)
    const avant = (await appel('GET', '/api/demandes?limit=0', { jeton: admin })).corps.totalDocs
    const message = 'Le contenu envoyé est imbriqué trop profondément : 64 niveaux au plus.'
    const brut = (methode: string, chemin: string, body: string) =>
      fetch(`${URL_SERVEUR()}${chemin}`, {
        method: methode,
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${j}` },
        body,
      }).then(async (r) => ({ status: r.status, corps: await r.json() }))
    for (const [methode, chemin, body] of [
      ['POST', '/api/demandes', `{"siteFormation":${profond}}`],
      ['POST', '/api/demandes', profond],
      ['PATCH', '/api/demandes/1', `{"rapportOpportunite":${profond}}`],
      [
        'POST',
        '/api/graphql',
        JSON.stringify({
          query: '{ __typename }',
          variables: { x: JSON.parse('['.repeat(900) + ']'.repeat(900)) },
        }),
      ],
    ] as const) {
      const r = await brut(methode, chemin, body)
      expect(r.status, `${methode} ${chemin}`).toBe(400)
      expect(r.corps.errors[0].message).toBe(message)
    }
    const f = new FormData()
    f.set('_payload', `{"siteFormation":${profond}}`)
    expect((await appel('POST', '/api/demandes', { jeton: j, corps: f })).status).toBe(400)
    expect((await appel('GET', '/api/demandes?limit=0', { jeton: admin })).corps.totalDocs).toBe(avant)
    // Strings holding brackets are not nesting.
    const texte = await brut(
      'POST',
      '/api/users/login',
      JSON.stringify({ username: '['.repeat(5000), password: 'x' }),
    )
    expect(texte.status).toBe(401)
  })

  it('30. cycle de fragments GraphQL : 400 en français, sans débordement de pile, même sans compte', async () => {
    for (const j of [undefined, await jeton('0340042L')]) {
      const r = await gql(
        'fragment A on Etablissement { nom ...B } fragment B on Etablissement { uai ...A } { Etablissements { docs { ...A } } }',
        { ip: '203.0.113.180', jeton: j },
      )
      expect(r.status).toBe(400)
      expect(r.corps.errors[0].message).toBe(
        'Requête GraphQL refusée : le fragment « A » se contient lui-même.',
      )
    }
    const soi = await gql('fragment A on Query { ...A } { ...A }', { ip: '203.0.113.180' })
    expect(soi.status).toBe(400)
    expect(await sante()).toBe(200)
  })

  it('30. fragments GraphQL qui se doublent l’un l’autre (2^40 chemins) : refusés vite, le serveur répond', async () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Etablissement { ${i === 39 ? 'nom' : `...F${i + 1} ...F${i + 1}`} }`,
    ).join('\n')
    const r = await gql(`${fragments}\n{ Etablissements(limit: 1) { docs { ...F0 } } }`, {
      ip: '203.0.113.181',
    })
    expect(r.status).toBe(400)
    expect(r.corps.errors[0].message).toMatch(/^Requête GraphQL trop coûteuse/)
    expect(await sante()).toBe(200)
  })

  it('30. requête GraphQL imbriquée 5 000 fois : 400 en français, pas 500', async () => {
    const r = await gql(`{ ${'Etablissements { docs { '.repeat(2500)}id${' } }'.repeat(2500)} }`, {
      ip: '203.0.113.182',
    })
    expect(r.status).toBe(400)
    expect(r.corps.errors[0].message).toBe('Requête GraphQL trop imbriquée : 64 niveaux au plus.')
    // A batch (array of operations) is refused as a whole, not run.
    const lot = await appel('POST', '/api/graphql', {
      entetes: depuis('203.0.113.183'),
      corps: [{ query: 'mutation { loginUser(username: "x", password: "y") { token } }' }],
    })
    expect(lot.status).toBeGreaterThanOrEqual(400)
    expect(lot.status).toBeLessThan(500)
  })
})
