import path from 'node:path'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { lireEml } from '../aides/courriels'
import { appel, graphql, jeton } from '../aides/http'

/**
 * Outside attack, F12: a signed-in user changed their own password or address without giving the current one (a
 * stolen session became a stolen account), and an address could be another account's. Through REST and GraphQL.
 */

const MDP = 'Mot-de-passe-actuel-2027'
const N = Date.now().toString(36)
const connexion = (username: string, password = MDP) =>
  appel('POST', '/api/users/login', { corps: { username, password } })
const boite = () => lireEml(path.join(inject('dossierServeur'), 'mail'))

let admin: string

/** A fresh account (the admin chooses its password) and a session of its own. */
async function compte(suffixe: string) {
  const username = `f12-${suffixe}-${N}`
  const r = await appel('POST', '/api/users', {
    jeton: admin,
    corps: { username, password: MDP, role: 'region', email: `${username}@example.fr` },
  })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  const session = (await connexion(username)).corps.token as string
  return { id: r.corps.doc.id as number | string, username, email: `${username}@example.fr`, session }
}

const erreursDe = (r: { corps: { errors?: { message: string; data?: { errors?: unknown[] } }[] } }) =>
  r.corps.errors?.[0]

beforeAll(async () => {
  admin = await jeton('admin')
})

async function attendreCourriel(a: string) {
  for (let i = 0; i < 40; i++) {
    const m = (await boite()).find((x) => x.destinataires.includes(a))
    if (m) return m
    await new Promise((r) => setTimeout(r, 500))
  }
  return undefined
}

describe('F12 : changer son mot de passe ou son adresse demande le mot de passe actuel (REST)', () => {
  it('sans « Mot de passe actuel », ou faux : 400 nommant le champ ; mot de passe et adresse inchangés', async () => {
    const moi = await compte('rest-refus')
    for (const corps of [
      { password: 'Vole-2027-pirate' },
      { email: `pirate-${N}@example.fr` },
      { password: 'Vole-2027-pirate', motDePasseActuel: 'pas-le-bon' },
      { email: `pirate-${N}@example.fr`, motDePasseActuel: '' },
    ]) {
      const r = await appel('PATCH', `/api/users/${moi.id}`, { jeton: moi.session, corps })
      expect(r.status, JSON.stringify(r.corps)).toBe(400)
      const e = erreursDe(r)!
      expect(e.message).toMatch(/^Le champ « Mot de passe actuel » /)
      expect(e.data?.errors).toEqual([{ path: 'motDePasseActuel', message: e.message }])
    }
    expect((await connexion(moi.username)).status).toBe(200)
    expect((await connexion(moi.username, 'Vole-2027-pirate')).status).toBe(401)
    const relu = (await appel('GET', `/api/users/${moi.id}`, { jeton: admin })).corps
    expect(relu.email).toBe(moi.email)
    // The same request in the multipart form the admin panel sends.
    const f = new FormData()
    f.append('_payload', JSON.stringify({ password: 'Vole-2027-pirate' }))
    expect((await appel('PATCH', `/api/users/${moi.id}`, { jeton: moi.session, corps: f })).status).toBe(400)
  })

  it('avec le bon : changé, le mot de passe actuel n’est ni stocké ni renvoyé ; l’ancienne adresse est prévenue', async () => {
    const moi = await compte('rest-ok')
    const nouvelle = `f12-nouvelle-${N}@example.fr`
    const r = await appel('PATCH', `/api/users/${moi.id}`, {
      jeton: moi.session,
      corps: { email: nouvelle, password: 'Nouveau-2027-choisi', motDePasseActuel: MDP },
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect(r.corps.doc.email).toBe(nouvelle)
    expect(JSON.stringify(r.corps)).not.toContain(MDP)
    expect(r.corps.doc).not.toHaveProperty('motDePasseActuel')
    expect((await connexion(moi.username, 'Nouveau-2027-choisi')).status).toBe(200)
    const avis = await attendreCourriel(moi.email)
    expect(avis?.subject).toBe('Changement de l’adresse mail de votre compte — Carte des formations')
    expect(avis?.text).toContain(`vient d'être remplacée par ${nouvelle}`)
    // Other fields of one's own account still need nothing more.
    const nom = await appel('PATCH', `/api/users/${moi.id}`, {
      jeton: (await connexion(moi.username, 'Nouveau-2027-choisi')).corps.token,
      corps: { nom: 'Service formation' },
    })
    expect(nom.status).toBe(200)
  })

  it('l’administrateur change le mot de passe d’un autre compte sans le sien ; une adresse déjà prise est refusée', async () => {
    const autre = await compte('admin-change')
    const deja = await compte('deja-prise')
    const r = await appel('PATCH', `/api/users/${autre.id}`, {
      jeton: admin,
      corps: { password: 'Donne-par-admin-2027' },
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect((await connexion(autre.username, 'Donne-par-admin-2027')).status).toBe(200)
    const doublon = await appel('PATCH', `/api/users/${autre.id}`, {
      jeton: admin,
      corps: { email: deja.email.toUpperCase() },
    })
    expect(doublon.status).toBe(400)
    expect(erreursDe(doublon)!.data?.errors).toEqual([
      {
        path: 'email',
        message:
          "Le champ « Adresse mail » n'est pas valide : cette adresse est déjà celle d'un autre compte.",
      },
    ])
    const creation = await appel('POST', '/api/users', {
      jeton: admin,
      corps: { username: `f12-doublon-${N}`, password: MDP, role: 'region', email: deja.email },
    })
    expect(creation.status).toBe(400)
  })
})

describe('F12 : les mêmes règles par GraphQL (updateUser)', () => {
  const changer = (id: number | string, data: string, session: string) =>
    graphql(
      `mutation { updateUser(id: ${JSON.stringify(id)}, data: { ${data} }) { id email } }`,
      {},
      { jeton: session },
    )

  it('sans, ou faux : refusé nommant « Mot de passe actuel » ; avec le bon : changé', async () => {
    const moi = await compte('gql')
    for (const data of [
      'password: "Vole-2027-gql"',
      `email: "pirate-gql-${N}@example.fr"`,
      'password: "Vole-2027-gql", motDePasseActuel: "faux"',
    ]) {
      const r = await changer(moi.id, data, moi.session)
      expect(r.corps.data?.updateUser ?? null).toBeNull()
      expect(r.corps.errors[0].message).toMatch(/^Le champ « Mot de passe actuel » /)
      expect(r.corps.errors[0].extensions.statusCode).toBe(400)
      expect(r.corps.errors[0].extensions.data.errors).toEqual([
        { path: 'motDePasseActuel', message: r.corps.errors[0].message },
      ])
    }
    expect((await connexion(moi.username, 'Vole-2027-gql')).status).toBe(401)
    const ok = await changer(moi.id, `password: "Nouveau-gql-2027", motDePasseActuel: "${MDP}"`, moi.session)
    expect(ok.corps.errors, JSON.stringify(ok.corps)).toBeUndefined()
    expect((await connexion(moi.username, 'Nouveau-gql-2027')).status).toBe(200)
  })
})

describe('SECURITY 43 — le mot de passe actuel ne se devine pas : chaque essai faux compte comme un échec de connexion (attaque du 4 décembre 2026, constat 2)', () => {
  const essai = (moi: { id: number | string; session: string }, motDePasseActuel: string) =>
    appel('PATCH', `/api/users/${moi.id}`, {
      jeton: moi.session,
      corps: { password: 'Vole-2027-pirate', motDePasseActuel },
    })
  const journalDe = async (id: number | string, action: string) =>
    (
      await appel(
        'GET',
        `/api/journal?where[documentId][equals]=${id}&where[action][equals]=${action}&limit=100&depth=0`,
        { jeton: admin },
      )
    ).corps.docs as { resume: string; utilisateur: string }[]

  it('SECURITY 43 — REST : au 5e essai faux le compte est bloqué et la session volée fermée ; chaque essai est journalisé ; ensuite même le bon est refusé', async () => {
    const moi = await compte('essais-rest')
    for (let i = 1; i <= 4; i++) {
      const r = await essai(moi, `faux-${i}`)
      expect(r.status, JSON.stringify(r.corps)).toBe(400)
      expect(erreursDe(r)!.message).toMatch(/^Le champ « Mot de passe actuel » ne correspond pas/)
    }
    const cinquieme = await essai(moi, 'faux-5')
    expect(cinquieme.status).toBe(429)
    expect(erreursDe(cinquieme)!.message).toMatch(/^Trop d'essais du mot de passe actuel/)
    // The stolen session is dead…
    expect((await appel('GET', '/api/users/me', { jeton: moi.session })).corps.user ?? null).toBeNull()
    expect(
      (await appel('PATCH', `/api/users/${moi.id}`, { jeton: moi.session, corps: { nom: 'x' } })).status,
    ).toBe(403)
    expect((await essai(moi, MDP)).status).toBe(403)
    // …and the account is locked: even the right password does not sign in.
    expect((await connexion(moi.username)).status).toBe(401)
    const echecs = await journalDe(moi.id, 'echec-connexion')
    expect(echecs).toHaveLength(5)
    expect(echecs[0]).toMatchObject({
      resume: `Mot de passe actuel erroné pour « ${moi.username} » : changement du champ « Mot de passe » refusé`,
      utilisateur: moi.username,
    })
    expect((await journalDe(moi.id, 'compte')).map((j) => j.resume)).toContain(
      `Compte ${moi.username} bloqué 15 minutes après 5 essais du mot de passe actuel : sessions fermées`,
    )
  })

  it('SECURITY 43 — GraphQL : 20 alias dans une requête ne font que 5 essais, les suivants sont refusés « Trop d’essais »', async () => {
    const moi = await compte('essais-gql')
    const alias = Array.from(
      { length: 20 },
      (_, i) =>
        `a${i}: updateUser(id: ${JSON.stringify(moi.id)}, data: { password: "Vole-2027-gql", motDePasseActuel: "g${i}" }) { id }`,
    )
    const debut = Date.now()
    const r = await graphql(`mutation { ${alias.join('\n')} }`, {}, { jeton: moi.session })
    const duree = Date.now() - debut
    const messages = (r.corps.errors as { message: string }[]).map((e) => e.message)
    expect(messages, JSON.stringify(r.corps)).toHaveLength(20)
    expect(
      messages.filter((m) => /^Le champ « Mot de passe actuel » ne correspond pas/.test(m)),
    ).toHaveLength(4)
    expect(messages.filter((m) => /^Trop d'essais du mot de passe actuel/.test(m))).toHaveLength(16)
    expect(await journalDe(moi.id, 'echec-connexion')).toHaveLength(5)
    // Five hashes, not twenty.
    expect(duree).toBeLessThan(15_000)
    expect((await connexion(moi.username)).status).toBe(401)
  })

  it('SECURITY 43 — le bon mot de passe actuel remet le compteur à zéro, comme une connexion réussie', async () => {
    const moi = await compte('essais-remise')
    for (const faux of ['a', 'b', 'c']) expect((await essai(moi, faux)).status).toBe(400)
    const bon = await appel('PATCH', `/api/users/${moi.id}`, {
      jeton: moi.session,
      corps: { password: 'Nouveau-2027-remise', motDePasseActuel: MDP },
    })
    expect(bon.status, JSON.stringify(bon.corps)).toBe(200)
    const session = (await connexion(moi.username, 'Nouveau-2027-remise')).corps.token as string
    // Counted again from zero: four more are refused one by one (the second would lock without the reset), the
    // fifth locks.
    for (const faux of ['d', 'e', 'f', 'g'])
      expect((await essai({ id: moi.id, session }, faux)).status).toBe(400)
    expect((await essai({ id: moi.id, session }, 'h')).status).toBe(429)
  })

  it('SECURITY 43 — « email » ou « password » donnés en tableau ou en objet : 400 en français nommant le champ, jamais 500 ni ignoré', async () => {
    const moi = await compte('types')
    for (const [corps, libelle] of [
      [{ email: ['x@y.fr'], motDePasseActuel: MDP }, 'Adresse mail'],
      [{ email: { a: 'x@y.fr' }, motDePasseActuel: MDP }, 'Adresse mail'],
      [{ password: ['Vole-2027-tab'], motDePasseActuel: MDP }, 'Mot de passe'],
      [{ password: { a: 'Vole-2027-obj' }, motDePasseActuel: MDP }, 'Mot de passe'],
    ] as const) {
      const r = await appel('PATCH', `/api/users/${moi.id}`, { jeton: moi.session, corps })
      expect(r.status, JSON.stringify(r.corps)).toBe(400)
      expect(erreursDe(r)!.message).toMatch(new RegExp(`^Le champ « ${libelle} » n'est pas valide`))
    }
    expect((await connexion(moi.username)).status).toBe(200)
  })
})

describe('Seconde attaque du 4 décembre 2026 : essais en parallèle, adresses devinées', () => {
  it('SECURITY 43 — 30 essais envoyés d’un coup, le bon parmi eux : au plus 5 comptés, le bon refusé une fois le compte bloqué', async () => {
    const moi = await compte('essais-paralleles')
    const essais = [
      ...Array.from({ length: 29 }, (_, i) => `faux-parallele-${i}`),
      MDP, // the right one, sent with the others: it must not pass once the account is locked
    ]
    const reponses = await Promise.all(
      essais.map((motDePasseActuel) =>
        appel('PATCH', `/api/users/${moi.id}`, {
          jeton: moi.session,
          corps: { password: 'Vole-2027-parallele', motDePasseActuel },
        }),
      ),
    )
    const statuts = reponses.map((r) => r.status)
    expect(statuts.filter((s) => s === 400).length, JSON.stringify(statuts)).toBeLessThanOrEqual(4)
    const journal = (
      await appel(
        'GET',
        `/api/journal?where[documentId][equals]=${moi.id}&where[action][equals]=echec-connexion&limit=100&depth=0`,
        { jeton: admin },
      )
    ).corps.docs as unknown[]
    expect(journal.length).toBeLessThanOrEqual(5)
    // The password did not change unless the right guess came before the lock; either way at most 5 were tried.
    const change = statuts[essais.length - 1] === 200
    expect((await connexion(moi.username, 'Vole-2027-parallele')).status).toBe(change ? 200 : 401)
    if (!change) expect((await connexion(moi.username)).status).toBe(401) // locked
  })

  it('SECURITY 13 — l’existence d’une adresse ne se lit pas : sans compte, ou sans le mot de passe actuel, même réponse', async () => {
    const existante = 'admin@demo.example'
    const inconnue = `inconnue-${N}@demo.example`
    const anonyme = await Promise.all(
      [existante, inconnue].map((email) => appel('POST', '/api/users', { corps: { email } })),
    )
    expect(anonyme[0]!.status).toBe(anonyme[1]!.status)
    expect(JSON.stringify(anonyme[0]!.corps)).toBe(JSON.stringify(anonyme[1]!.corps))
    const moi = await compte('adresse-devinee')
    const soi = await Promise.all(
      [existante, inconnue].map((email) =>
        appel('PATCH', `/api/users/${moi.id}`, { jeton: moi.session, corps: { email } }),
      ),
    )
    expect(soi.map((r) => r.status)).toEqual([400, 400])
    for (const r of soi)
      expect(erreursDe(r)!.message).toMatch(/^Le champ « Mot de passe actuel » est obligatoire/)
  })
})
