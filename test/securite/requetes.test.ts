import { beforeAll, describe, expect, inject, it } from 'vitest'

import { appel, graphql, jeton } from '../aides/http'

/**
 * SECURITY 4, 5, 25, 28 (limit), 30 (malformed ids, absurd pages): what a query may name, on every channel, as
 * the outside attack tried it. Issue 13, findings 3, 6 (limit) and 8 (ids, pages).
 */
type Id = number | string
let admin: string
let a: string // 0340042L, lycée Jean Mermoz
let b: string // 0310024H, lycée Pierre d'Aragon
let editeur: string
const cle = () => inject('cleApiDemo')
let idMermoz: Id
let idAragon: Id
let brouillonsA: Id[] = []
let brouillonsB: Id[] = []

const RAPPORT_BAS = 'AAAA secret de Mermoz'
const RAPPORT_HAUT = 'ZZZZ secret de Mermoz'

async function creer(jetonDe: string, donnees: Record<string, unknown>): Promise<Id> {
  const r = await appel('POST', '/api/demandes?depth=0', { jeton: jetonDe, corps: donnees })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  return r.corps.doc.id
}

/** A's two drafts exchange their rapports: the only change between the two « worlds » B queries. */
async function echangerRapports() {
  const [x, y] = await Promise.all(
    brouillonsA.map(
      async (id) =>
        (await appel('GET', `/api/demandes/${id}?depth=0`, { jeton: a })).corps.rapportOpportunite,
    ),
  )
  await appel('PATCH', `/api/demandes/${brouillonsA[0]}`, { jeton: a, corps: { rapportOpportunite: y } })
  await appel('PATCH', `/api/demandes/${brouillonsA[1]}`, { jeton: a, corps: { rapportOpportunite: x } })
}

const idsDe = (r: { corps: { docs?: { id: Id }[] } }) => (r.corps.docs ?? []).map((d) => String(d.id))
const message = (r: { corps: any }) => String(r.corps?.errors?.[0]?.message ?? '') // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  admin = await jeton('admin')
  a = await jeton('0340042L')
  b = await jeton('0310024H')
  editeur = await jeton('carif-oref')
  idMermoz = (await appel('GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', { jeton: admin }))
    .corps.docs[0].id
  idAragon = (await appel('GET', '/api/etablissements?where[uai][equals]=0310024H&depth=0', { jeton: admin }))
    .corps.docs[0].id
  brouillonsA = [
    await creer(a, {
      etablissementConcerne: idMermoz,
      rapportOpportunite: RAPPORT_BAS,
      responsable: { email: 'aaaa@ac-montpellier.example' },
    }),
    await creer(a, {
      etablissementConcerne: idMermoz,
      rapportOpportunite: RAPPORT_HAUT,
      responsable: { email: 'zzzz@ac-montpellier.example' },
    }),
  ]
  // B links its drafts to A's, as the attacker did (the link itself is allowed: only A's existence is known).
  brouillonsB = [
    await creer(b, {
      etablissementConcerne: idAragon,
      projetLie: true,
      demandeLiee: brouillonsA[0],
      rapportOpportunite: 'Brouillon B lié 1',
    }),
    await creer(b, {
      etablissementConcerne: idAragon,
      projetLie: true,
      demandeLiee: brouillonsA[1],
      rapportOpportunite: 'Brouillon B lié 2',
    }),
  ]
})

describe('SECURITY 25 — le tri obéit à la règle du filtre : pas de tri à travers un document lié illisible', () => {
  const parmiB = () => `where[id][in]=${brouillonsB.join(',')}&depth=0`

  it('REST sort=demandeLiee.rapportOpportunite : la réponse de B ne dépend pas du rapport (caché) de A', async () => {
    const chemins = [
      'demandeLiee.rapportOpportunite',
      '-demandeLiee.rapportOpportunite',
      'demandeLiee.responsable.email',
      'demandeLiee__rapportOpportunite',
    ]
    const avant = await Promise.all(
      chemins.map((s) => appel('GET', `/api/demandes?${parmiB()}&sort=${s}`, { jeton: b })),
    )
    await echangerRapports()
    try {
      const apres = await Promise.all(
        chemins.map((s) => appel('GET', `/api/demandes?${parmiB()}&sort=${s}`, { jeton: b })),
      )
      chemins.forEach((s, i) => {
        expect([apres[i]!.status, idsDe(apres[i]!)], s).toEqual([avant[i]!.status, idsDe(avant[i]!)])
      })
    } finally {
      await echangerRapports()
    }
    for (const r of avant) {
      expect(r.status).toBe(400)
      // Named by its label, in French; never a 5xx.
      expect(message(r)).toMatch(/^Tri impossible sur « Si oui, indiquez l'identifiant du projet concerné › /)
      expect(message(r)).not.toContain('demandeLiee')
    }
  })

  it('GraphQL Demandes(sort:) et versionsDemandes(sort:) : même refus, même indépendance', async () => {
    const requete = (s: string) =>
      graphql(
        `{ Demandes(where: { OR: [${brouillonsB.map((id) => `{ id: { equals: ${JSON.stringify(id)} } }`).join(', ')}] }, sort: ${JSON.stringify(s)}) { docs { id } } }`,
        {},
        { jeton: b },
      )
    const versions = (s: string) =>
      graphql(
        `{ versionsDemandes(sort: ${JSON.stringify(s)}) { docs { id parent { id } } } }`,
        {},
        { jeton: b },
      )
    const essais = [
      () => requete('demandeLiee.rapportOpportunite'),
      () => requete('-demandeLiee.rapportOpportunite'),
      () => versions('version.demandeLiee.rapportOpportunite'),
      () => versions('-version.demandeLiee.rapportOpportunite'),
    ]
    const avant = await Promise.all(essais.map((f) => f()))
    await echangerRapports()
    try {
      const apres = await Promise.all(essais.map((f) => f()))
      essais.forEach((_f, i) => expect(JSON.stringify(apres[i]!.corps)).toBe(JSON.stringify(avant[i]!.corps)))
    } finally {
      await echangerRapports()
    }
    for (const r of avant) {
      expect(r.status).toBeLessThan(500)
      expect(r.corps.data?.Demandes?.docs ?? r.corps.data?.versionsDemandes?.docs ?? null).toBeNull()
      expect(message(r)).toMatch(/^Tri impossible sur « Si oui, indiquez l'identifiant du projet concerné › /)
    }
  })

  it('REST /versions, /count et ?draft=true : le même chemin refusé en tri comme en filtre', async () => {
    for (const chemin of [
      `/api/demandes/versions?sort=version.demandeLiee.rapportOpportunite`,
      `/api/demandes/versions?where[version.demandeLiee.rapportOpportunite][like]=AAAA`,
      `/api/demandes/versions?sort=parent.rapportOpportunite`,
      `/api/demandes/count?where[demandeLiee.rapportOpportunite][like]=AAAA`,
      `/api/demandes?draft=true&${parmiB()}&sort=demandeLiee.rapportOpportunite`,
      `/api/demandes?${parmiB()}&where[demandeLiee.rapportOpportunite][like]=AAAA`,
      `/api/demandes?${parmiB()}&joins[piecesJointes][sort]=demande.rapportOpportunite`,
      `/api/annexes?sort=demande.rapportOpportunite`,
    ]) {
      const r = await appel('GET', chemin, { jeton: b })
      expect(r.status, chemin).toBe(400)
      expect(message(r), chemin).toMatch(/^(Tri|Filtre) impossible sur « /)
    }
  })

  it('à travers les annexes jointes (piecesJointes.id) : tri et filtre refusés en français, pour tous, admin compris', async () => {
    for (const [qui, j] of [
      ['établissement', b],
      ['admin', admin],
    ] as const) {
      for (const q of [
        'sort=piecesJointes.id',
        'sort=-piecesJointes.filename',
        'where[piecesJointes.id][exists]=true',
      ]) {
        const r = await appel('GET', `/api/demandes?${parmiB()}&${q}&depth=0`, { jeton: j })
        expect(r.status, `${qui} ${q}`).toBe(400)
        expect(message(r), `${qui} ${q}`).toMatch(
          /^(Tri|Filtre) impossible sur « Annexes › [^»]+ » : on ne peut (trier|filtrer) sur les champs d'une liste de documents liés\.$/,
        )
      }
      const g = await graphql(
        `
          {
            Demandes(sort: "piecesJointes.id") {
              docs {
                id
              }
            }
          }
        `,
        {},
        { jeton: j },
      )
      expect(String(g.corps.errors?.[0]?.message), qui).toMatch(/^Tri impossible sur « Annexes › /)
    }
  })

  it('export : un filtre à travers demandeLiee est refusé (400 en français), pas exécuté', async () => {
    const r = await appel(
      'GET',
      `/api/demandes/export?format=csv&where[demandeLiee.rapportOpportunite][like]=AAAA`,
      { jeton: b },
    )
    expect(r.status).toBe(400)
    expect(message(r)).toMatch(
      /^Filtre impossible sur « Si oui, indiquez l'identifiant du projet concerné › Rapport d'opportunité/,
    )
    const ok = await appel(
      'GET',
      `/api/demandes/export?format=csv&where[etablissementConcerne.uai][equals]=0310024H`,
      { jeton: b },
    )
    expect(ok.status).toBe(200)
  })

  it('ce qui se lit reste triable : numéro, priorité, établissement concerné (référentiel lisible par tous) ; l’admin trie par demandeLiee', async () => {
    for (const s of [
      'numero',
      '-priorite',
      'etablissementConcerne.uai',
      '-etablissementConcerne.nom',
      'diplome.libelle',
      'demandeLiee',
      'createdAt',
    ]) {
      const r = await appel('GET', `/api/demandes?${parmiB()}&sort=${s}`, { jeton: b })
      expect(r.status, s).toBe(200)
      expect(idsDe(r).sort(), s).toEqual(brouillonsB.map(String).sort())
    }
    const r = await appel('GET', `/api/demandes?${parmiB()}&sort=demandeLiee.rapportOpportunite`, {
      jeton: admin,
    })
    expect(r.status).toBe(200)
    expect(idsDe(r)).toEqual(brouillonsB.map(String))
  })
})

describe('SECURITY 25 — les champs cachés des comptes ne se trient ni ne se filtrent, par personne', () => {
  const SECRETS = [
    'hash',
    'salt',
    'resetPasswordToken',
    'resetPasswordExpiration',
    'apiKey',
    'apiKeyIndex',
    'loginAttempts',
    'lockUntil',
    'sessions',
  ]

  it('sort=validePar.hash / .salt / .email / .resetPasswordToken refusé pour un établissement (REST et GraphQL)', async () => {
    for (const champ of ['hash', 'salt', 'email', 'resetPasswordToken', 'username', 'apiKey']) {
      const r = await appel('GET', `/api/demandes?sort=validePar.${champ}&depth=0`, { jeton: a })
      expect(r.status, champ).toBe(400)
      expect(message(r), champ).toMatch(/^Tri impossible sur « Validée par › /)
      const g = await graphql(`{ Demandes(sort: "validePar.${champ}") { docs { id } } }`, {}, { jeton: a })
      expect(g.corps.data?.Demandes ?? null, champ).toBeNull()
      expect(message(g), champ).toMatch(/^Tri impossible sur « Validée par › /)
      const w = await appel('GET', `/api/demandes/count?where[validePar.${champ}][exists]=true`, { jeton: a })
      expect(w.status, champ).toBe(400)
    }
  })

  it('hash, salt, jetons, clé d’API, tentatives, sessions : refusés à tous, admin compris, sur users comme à travers validePar', async () => {
    for (const [qui, j] of [
      ['admin', admin],
      ['carif-oref', editeur],
      ['0340042L', a],
    ] as const) {
      for (const champ of SECRETS) {
        for (const chemin of [
          `/api/users?sort=${champ}`,
          `/api/users?sort=-${champ}`,
          `/api/users?where[${champ}][exists]=true`,
          `/api/users/count?where[${champ}][exists]=true`,
          `/api/demandes?sort=validePar.${champ}`,
        ]) {
          const r = await appel('GET', chemin, { jeton: j })
          expect(r.status, `${qui} ${chemin}`).toBe(400)
          expect(message(r), `${qui} ${chemin}`).not.toMatch(new RegExp(`\\b${champ}\\b`))
        }
      }
      const g = await graphql(
        `
          {
            Users(sort: "hash") {
              docs {
                id
              }
            }
          }
        `,
        {},
        { jeton: j },
      )
      expect(g.corps.data?.Users ?? null, qui).toBeNull()
      expect(message(g), qui).toMatch(/^Tri impossible sur « Mot de passe/)
    }
  })

  it('l’adresse mail des autres comptes : pas de tri à travers validePar pour qui ne lit pas tous les comptes ; l’éditeur, qui les lit, le peut', async () => {
    expect((await appel('GET', '/api/demandes?sort=validePar.email&depth=0', { jeton: b })).status).toBe(400)
    expect(
      (await appel('GET', '/api/demandes?sort=validePar.email&depth=0', { jeton: editeur })).status,
    ).toBe(200)
    expect((await appel('GET', '/api/users?sort=email&depth=0', { jeton: editeur })).status).toBe(200)
  })
})

describe('SECURITY 5 — un champ que l’on ne lit pas ne se trie, ne se filtre ni ne se sélectionne', () => {
  it('intégration : responsable (données personnelles) refusé en tri, en filtre et dans le filtre de l’export', async () => {
    for (const chemin of [
      '/api/demandes?sort=responsable.email',
      '/api/demandes?sort=-responsable.nom',
      '/api/demandes?where[responsable.email][like]=a',
      '/api/demandes/export?format=csv&where[responsable.email][like]=a',
    ]) {
      const r = await appel('GET', chemin, { cleApi: cle() })
      expect(r.status, chemin).toBe(400)
      expect(message(r), chemin).toMatch(/^(Tri|Filtre) impossible sur « Responsable du projet/)
    }
    // GraphQL: the same field in `where` (Demandes, countDemandes, versionsDemandes) and in `sort`.
    for (const requete of [
      '{ Demandes(where: { responsable__email: { like: "a" } }) { totalDocs } }',
      '{ countDemandes(where: { responsable__email: { like: "a" } }) { totalDocs } }',
      '{ versionsDemandes(where: { version__responsable__email: { like: "a" } }) { totalDocs } }',
      '{ Demandes(sort: "responsable.email") { totalDocs } }',
    ]) {
      const g = await graphql(requete, {}, { cleApi: cle() })
      expect(g.status, requete).toBeLessThan(500)
      expect(message(g), requete).toMatch(/^(Tri|Filtre) impossible sur « Responsable du projet/)
    }
    // Selected, it is left out of the answer by its own read access, as if not selected.
    const r = await appel('GET', '/api/demandes?select[responsable]=true&select[numero]=true&limit=50', {
      cleApi: cle(),
    })
    expect(r.status).toBe(200)
    expect(r.corps.docs.length).toBeGreaterThan(0)
    expect(r.corps.docs.every((d: Record<string, unknown>) => !('responsable' in d))).toBe(true)
  })

  it('select et populate de champs cachés des comptes refusés ; select de champs lisibles accepté', async () => {
    expect((await appel('GET', '/api/users?select[hash]=true', { jeton: admin })).status).toBe(400)
    expect(
      (await appel('GET', '/api/demandes?depth=1&populate[users][salt]=true', { jeton: admin })).status,
    ).toBe(400)
    const ok = await appel('GET', '/api/demandes?select[numero]=true&select[statut]=true&depth=0&limit=5', {
      jeton: b,
    })
    expect(ok.status).toBe(200)
  })
})

describe('SECURITY 28 — limit plafonné à 500 (hors export)', () => {
  it('limit=100000, limit=0 et pagination=false sont ramenés à 500, en REST comme en GraphQL', async () => {
    for (const q of ['limit=100000', 'limit=0', 'pagination=false', 'limit=100000&pagination=false']) {
      const r = await appel('GET', `/api/etablissements?${q}&depth=0&select[uai]=true`, { jeton: b })
      expect(r.status, q).toBe(200)
      expect(r.corps.docs.length, q).toBeLessThanOrEqual(500)
      if (q.includes('limit')) expect(r.corps.limit, q).toBe(500)
    }
    const g = await graphql('{ Etablissements(limit: 100000) { limit docs { id } } }', {}, { jeton: b })
    expect(g.corps.data.Etablissements.limit).toBe(500)
    expect(g.corps.data.Etablissements.docs.length).toBeLessThanOrEqual(500)
  })

  it('limit négatif ou non numérique : 400 en français', async () => {
    for (const q of ['limit=-1', 'limit=abc', 'limit=1e30']) {
      const r = await appel('GET', `/api/demandes?${q}`, { jeton: b })
      expect(r.status, q).toBe(400)
      expect(message(r), q).toMatch(/^Nombre d'éléments par page/)
    }
  })
})

describe('SECURITY 30 — jamais de 5xx : identifiants malformés, pages absurdes', () => {
  it('page=99999999999999999999, négative, nulle ou non numérique : 400 en français (REST et GraphQL)', async () => {
    for (const q of ['page=99999999999999999999', 'page=-1', 'page=0', 'page=abc', 'page=1.5']) {
      for (const collection of ['demandes', 'users', 'etablissements', 'demandes/versions']) {
        const r = await appel('GET', `/api/${collection}?${q}`, { jeton: b })
        expect(r.status, `${collection} ${q}`).toBe(400)
        expect(message(r), `${collection} ${q}`).toMatch(/^Page : attendu un nombre entier/)
      }
    }
    const g = await graphql('{ Demandes(page: -3) { docs { id } } }', {}, { jeton: b })
    expect(g.status).toBeLessThan(500)
    expect(message(g)).toMatch(/^Page : attendu un nombre entier/)
  })

  it('GET /api/demandes/abc, /init, un identifiant trop grand, et les autres collections : 404 en français', async () => {
    for (const chemin of [
      'demandes/abc',
      'demandes/init',
      'demandes/99999999999999999999',
      'demandes/-1',
      'demandes/1.5',
      'users/abc',
      'annexes/abc',
      'etablissements/abc',
      'diplomes/abc',
      'reseaux/abc',
      'demandes/versions/abc',
      'payload-query-presets/abc',
    ]) {
      for (const [qui, j] of [
        ['admin', admin],
        ['0310024H', b],
      ] as const) {
        const r = await appel('GET', `/api/${chemin}`, { jeton: j })
        expect(r.status, `${qui} ${chemin}`).toBe(404)
        expect(message(r), `${qui} ${chemin}`).toMatch(
          /introuvable : « .* » n'est pas un identifiant valide\.$/,
        )
      }
    }
    for (const methode of ['PATCH', 'DELETE']) {
      for (const chemin of ['/api/demandes/abc', '/api/payload-query-presets/abc']) {
        const r = await appel(methode, chemin, {
          jeton: b,
          corps: methode === 'PATCH' ? { siteFormation: 'x' } : undefined,
        })
        expect(r.status, `${methode} ${chemin}`).toBe(404)
      }
    }
    // A collection without history: its `/versions` is no table to read (Payload answered 500).
    for (const chemin of [
      'payload-query-presets/versions',
      'etablissements/versions',
      'users/versions',
      'annexes/versions?limit=1',
    ]) {
      const r = await appel('GET', `/api/${chemin}`, { jeton: admin })
      expect(r.status, chemin).toBe(404)
      expect(message(r), chemin).toMatch(/ : pas d'historique \(versions\) pour cette liste\.$/)
    }
    // Payload's filter presets go through the same guard: a page that is not a number is refused.
    const page = await appel('GET', '/api/payload-query-presets?page=abc', { jeton: b })
    expect(page.status).toBe(400)
    expect(message(page)).toMatch(/^Page : attendu un nombre entier/)
    // GraphQL types the id (Int on SQLite): refused by its own validation, never a 5xx.
    for (const id of ['"abc"', '99999999999999999999', '-1']) {
      const g = await graphql(`{ Demande(id: ${id}) { id } }`, {}, { jeton: b })
      expect(g.status, id).toBeLessThan(500)
      expect(message(g), id).toBeTruthy()
      expect(g.corps.data?.Demande ?? null, id).toBeNull()
    }
  })

  it('where=… qui n’est pas du JSON : 400 en français, sur la liste comme sur le comptage', async () => {
    for (const chemin of ['demandes?where=%7Bbad', 'demandes/count?where=%7B', 'users?where=%5B']) {
      const r = await appel('GET', `/api/${chemin}`, { jeton: b })
      expect(r.status, chemin).toBe(400)
      expect(message(r), chemin).toMatch(/^Le filtre de la requête n'est pas valide/)
    }
  })
})

describe('Issue 22, point 9 — sans connexion, /api/access ne livre pas la carte des droits', () => {
  it('anonyme : rien d’ouvert, aucun nom de champ ; connecté : la carte de ses droits, comme avant', async () => {
    for (const chemin of ['/api/access', '/api/access/', '/api/ACCESS']) {
      const r = await appel('GET', chemin)
      expect(r.status, chemin).toBeLessThan(500)
      expect(JSON.stringify(r.corps), chemin).not.toMatch(/rapportOpportunite|resetPasswordToken|demandes/)
    }
    const anonyme = await appel('GET', '/api/access')
    expect(anonyme.status).toBe(200)
    expect(anonyme.corps.canAccessAdmin).toBe(false)
    const connecte = await appel('GET', '/api/access', { jeton: b })
    expect(connecte.status).toBe(200)
    expect(connecte.corps.collections.demandes.read).toBeTruthy()
  })

  it('GraphQL Access anonyme (direct, par fragment, opération nommée) : refus en français, jamais de 500 ; connecté : ses droits', async () => {
    for (const q of [
      '{ Access { canAccessAdmin } }',
      '{ Access { demandes { read { permission } } } }',
      'query { ...R } fragment R on Query { Access { canAccessAdmin } }',
      'query A { Access { canAccessAdmin } }',
    ]) {
      const r = await graphql(q)
      expect(r.status, q).toBe(200)
      expect(JSON.stringify(r.corps), q).not.toMatch(/Something went wrong|"statusCode":500|permission/)
      expect(r.corps.errors?.[0]?.message, q).toBe('Droits : connectez-vous pour les consulter.')
    }
    const connecte = await graphql(
      '{ Access { canAccessAdmin demandes { read { permission } } } }',
      {},
      { jeton: b },
    )
    expect(connecte.corps.errors).toBeUndefined()
    expect(connecte.corps.data.Access.demandes.read.permission).toBe(true)
  })
})
