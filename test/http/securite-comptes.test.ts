import { beforeAll, describe, expect, it } from 'vitest'

import { appel, graphql, jeton, URL_SERVEUR } from '../aides/http'

const MDP = 'Securite-Comptes-2027'
// Unique per run, so that the suite also runs against a server reused across runs (CARTE_TEST_URL).
const N = Date.now().toString(36)

async function creerCompte(username: string, email?: string) {
  const admin = await jeton('admin')
  const r = await appel('POST', '/api/users', {
    jeton: admin,
    corps: { username, password: MDP, role: 'region', nom: username, email },
  })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  return r.corps.doc
}
const connexion = (username: string, password = MDP) =>
  appel('POST', '/api/users/login', { corps: { username, password } })

describe('Sécurité des comptes et des sessions (SECURITY.md 12 à 16)', () => {
  beforeAll(async () => {
    await creerCompte(`securite-session-${N}`)
    await creerCompte(`securite-verrou-${N}`)
    await creerCompte(`securite-oubli-${N}`, `securite-oubli-${N}@region.example.fr`)
  })

  it('12. un jeton n’est plus accepté après déconnexion ni après changement de mot de passe', async () => {
    const t1 = (await connexion(`securite-session-${N}`)).corps.token
    expect((await appel('GET', '/api/users/me', { jeton: t1 })).corps.user?.username).toBe(
      `securite-session-${N}`,
    )
    expect((await appel('POST', '/api/users/logout', { jeton: t1 })).status).toBe(200)
    expect((await appel('GET', '/api/users/me', { jeton: t1 })).corps.user ?? null).toBeNull()
    expect((await appel('GET', '/api/demandes', { jeton: t1 })).status).toBe(403)

    // A stolen session (t2) dies when the owner changes the password from another session (t3), which stays open.
    const t2 = (await connexion(`securite-session-${N}`)).corps.token
    const t3 = (await connexion(`securite-session-${N}`)).corps.token
    const moi = (await appel('GET', '/api/users/me', { jeton: t3 })).corps.user
    expect(
      (
        await appel('PATCH', `/api/users/${moi.id}`, {
          jeton: t3,
          corps: { password: `${MDP}-nouveau`, motDePasseActuel: MDP },
        })
      ).status,
    ).toBe(200)
    expect((await appel('GET', '/api/users/me', { jeton: t2 })).corps.user ?? null).toBeNull()
    expect((await appel('GET', '/api/users/me', { jeton: t3 })).corps.user?.username).toBe(
      `securite-session-${N}`,
    )
    expect((await connexion(`securite-session-${N}`)).status).toBe(401)
    expect((await connexion(`securite-session-${N}`, `${MDP}-nouveau`)).status).toBe(200)
    // An account deleted: its tokens die with it.
    const t4 = (await connexion(`securite-session-${N}`, `${MDP}-nouveau`)).corps.token
    expect((await appel('DELETE', `/api/users/${moi.id}`, { jeton: await jeton('admin') })).status).toBe(200)
    expect((await appel('GET', '/api/users/me', { jeton: t4 })).corps.user ?? null).toBeNull()
  })

  it('14. après 5 échecs, le compte est verrouillé ; le message d’échec est le même que l’identifiant existe ou non', async () => {
    const inconnu = await connexion('personne-de-ce-nom', 'mauvais')
    const echecs = []
    for (let i = 0; i < 5; i++) echecs.push(await connexion(`securite-verrou-${N}`, 'mauvais-mot-de-passe'))
    expect(echecs.every((r) => r.status === 401)).toBe(true)
    expect(echecs[0]!.corps.errors[0].message).toBe(inconnu.corps.errors[0].message)
    expect(inconnu.corps.errors[0].message).toBe(
      'Identifiant ou mot de passe incorrect. Après 5 essais infructueux, le compte est bloqué pendant 15 minutes.',
    )
    const apres = await connexion(`securite-verrou-${N}`)
    expect(apres.status).toBe(401)
    expect(apres.corps.token).toBeUndefined()
    expect(apres.corps.errors[0].message).toBe(inconnu.corps.errors[0].message)
  })

  it('13. mot de passe oublié : même réponse pour un compte connu et inconnu', async () => {
    const connu = await appel('POST', '/api/users/forgot-password', {
      corps: { username: `securite-oubli-${N}` },
    })
    const inconnu = await appel('POST', '/api/users/forgot-password', {
      corps: { username: 'personne-de-ce-nom' },
    })
    expect(connu.status).toBe(200)
    expect(inconnu.status).toBe(connu.status)
    expect(inconnu.corps).toEqual(connu.corps)
  })

  it('15. une requête authentifiée par cookie depuis une origine étrangère n’est pas authentifiée', async () => {
    const r = await fetch(`${URL_SERVEUR()}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        username: 'admin',
        password: (await import('vitest')).inject('motDePasseDemo'),
      }),
    })
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!
    expect(cookie).toMatch(/^payload-token=/)
    expect(r.headers.get('set-cookie')).toMatch(/SameSite=Strict/i)
    const memeOrigine = await fetch(`${URL_SERVEUR()}/api/users/me`, {
      headers: { Cookie: cookie, Origin: URL_SERVEUR() },
    })
    expect((await memeOrigine.json()).user?.username).toBe('admin')
    const etrangere = await fetch(`${URL_SERVEUR()}/api/users/me`, {
      headers: { Cookie: cookie, Origin: 'https://attaquant.example' },
    })
    expect((await etrangere.json()).user ?? null).toBeNull()
    const ecriture = await fetch(`${URL_SERVEUR()}/api/reseaux`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://attaquant.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ nom: 'Réseau pirate', type: 'etablissements' }),
    })
    expect(ecriture.status).toBe(403)
  })

  it('16. GraphQL en production : pas d’introspection, pas de terrain de jeu, profondeur bornée', async () => {
    const intro = await graphql('{ __schema { types { name } } }', {}, { jeton: await jeton('admin') })
    expect(intro.corps.data?.__schema ?? null).toBeNull()
    expect(intro.corps.errors?.length).toBeGreaterThan(0)
    expect((await appel('GET', '/api/graphql-playground')).status).toBeGreaterThanOrEqual(400)
    const profonde = await graphql(
      '{ Demandes { docs { demandeLiee { demandeLiee { demandeLiee { demandeLiee { demandeLiee { demandeLiee { id } } } } } } } } }',
      {},
      { jeton: await jeton('admin') },
    )
    expect(profonde.corps.errors?.[0]?.message ?? '').toMatch(
      /^Requête GraphQL trop profonde : 9 niveaux imbriqués, 7 au plus\./,
    )
    expect(profonde.corps.data ?? null).toBeNull()
    const utile = await graphql(
      '{ Demandes(limit: 2) { docs { numero diplome { intitule } etablissementConcerne { uai } demandeLiee { numero } } } }',
      {},
      { jeton: await jeton('admin') },
    )
    expect(utile.corps.errors).toBeUndefined()
    expect(utile.corps.data.Demandes.docs.length).toBeGreaterThan(0)
  })
})
