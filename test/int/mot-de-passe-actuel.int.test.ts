import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { executerLaFile, lireEml } from '../aides/courriels'
import { construireMonde, MOT_DE_PASSE, type Monde } from '../aides/fabrique'
import { payloadDeTest } from '../aides/payload'

/**
 * Outside attack, F12 (Local API with a user, as the REST and GraphQL handlers call it): changing one's own
 * password or address takes the current password; the previous address is told of a new one; an address held by
 * another account is refused. The HTTP side is test/securite/mot-de-passe-actuel.test.ts.
 */

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => fermer?.())

const modifierSoi = (data: Record<string, unknown>, user = monde.users.etabB) =>
  payload.update({ collection: 'users', id: user.id, data: data as never, user, overrideAccess: false })

async function refus(promesse: Promise<unknown>) {
  try {
    await promesse
  } catch (err) {
    const e = err as { status: number; data: { errors: { path: string; message: string }[] } }
    return { status: e.status, erreurs: e.data.errors }
  }
  throw new Error('accepté')
}

describe('F12 : mot de passe actuel pour changer son mot de passe ou son adresse (Local API avec un utilisateur)', () => {
  it('sans, ou faux : 400 nommant « Mot de passe actuel » ; rien n’est changé', async () => {
    for (const data of [
      { password: 'Nouveau-mot-de-passe-2027' },
      { email: 'pirate@example.fr' },
      { password: 'Nouveau-mot-de-passe-2027', motDePasseActuel: 'faux' },
      { email: 'pirate@example.fr', motDePasseActuel: '' },
    ]) {
      const r = await refus(modifierSoi(data))
      expect(r.status).toBe(400)
      expect(r.erreurs).toHaveLength(1)
      expect(r.erreurs[0]!.path).toBe('motDePasseActuel')
      expect(r.erreurs[0]!.message).toMatch(/^Le champ « Mot de passe actuel » /)
    }
    await expect(
      payload.login({ collection: 'users', data: { username: '0310024h', password: MOT_DE_PASSE } as never }),
    ).resolves.toHaveProperty('token')
    const relu = await payload.findByID({
      collection: 'users',
      id: monde.users.etabB.id,
      overrideAccess: true,
    })
    expect(relu.email ?? null).not.toBe('pirate@example.fr')
  })

  it('avec le bon : changé, jamais stocké ; la nouvelle adresse, l’ancienne est prévenue', async () => {
    await modifierSoi({ email: 'ancienne@example.fr', motDePasseActuel: MOT_DE_PASSE })
    await executerLaFile(payload)
    const avant = (await lireEml(process.env.MAIL_DIR!)).length
    const doc = await modifierSoi({
      email: 'nouvelle@example.fr',
      password: 'Nouveau-mot-de-passe-2027',
      motDePasseActuel: MOT_DE_PASSE,
    })
    expect(doc.email).toBe('nouvelle@example.fr')
    expect(doc).not.toHaveProperty('motDePasseActuel')
    await expect(
      payload.login({
        collection: 'users',
        data: { username: '0310024h', password: 'Nouveau-mot-de-passe-2027' } as never,
      }),
    ).resolves.toHaveProperty('token')
    await executerLaFile(payload)
    const recus = (await lireEml(process.env.MAIL_DIR!)).slice(avant)
    const avis = recus.find((m) => m.destinataires.includes('ancienne@example.fr'))
    expect(avis?.subject).toBe('Changement de l’adresse mail de votre compte — Carte des formations')
    expect(avis?.text).toContain("vient d'être remplacée par nouvelle@example.fr")
    expect(recus.some((m) => m.destinataires.includes('nouvelle@example.fr'))).toBe(false)
  })

  it('l’administrateur change le mot de passe d’un autre compte sans le sien (table de access/comptes.ts)', async () => {
    const doc = await payload.update({
      collection: 'users',
      id: monde.users.etabA.id,
      data: { password: 'Autre-mot-de-passe-2027', email: 'etab-a@example.fr' } as never,
      user: monde.users.admin,
      overrideAccess: false,
    })
    expect(doc.email).toBe('etab-a@example.fr')
  })

  it('une adresse déjà celle d’un autre compte est refusée, nommant « Adresse mail »', async () => {
    const r = await refus(
      payload.update({
        collection: 'users',
        id: monde.users.etabA2.id,
        data: { email: 'ETAB-A@example.fr' } as never,
        user: monde.users.admin,
        overrideAccess: false,
      }),
    )
    expect(r.status).toBe(400)
    expect(r.erreurs).toEqual([
      {
        path: 'email',
        message:
          "Le champ « Adresse mail » n'est pas valide : cette adresse est déjà celle d'un autre compte.",
      },
    ])
    await expect(
      payload.create({
        collection: 'users',
        data: { username: 'doublon', password: MOT_DE_PASSE, role: 'region', email: 'etab-a@example.fr' },
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('Mot de passe actuel : chaque essai faux compte comme un échec de connexion (attaque du 4 décembre 2026, constat 2)', () => {
  let n = 0
  /** A fresh account, its password known, and a session of its own (the stolen one). */
  async function compte() {
    const username = `essais-${++n}`
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { username, password: MOT_DE_PASSE, role: 'region', email: `${username}@example.fr` } as never,
    })
    const { user, token } = await payload.login({
      collection: 'users',
      data: { username, password: MOT_DE_PASSE } as never,
    })
    return { user: user as never as typeof monde.users.admin, token: token!, username }
  }
  const etat = async (id: number | string) =>
    (await payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })) as unknown as {
      loginAttempts: number
      lockUntil: string | null
      sessions?: unknown[]
    }
  const essai = (user: typeof monde.users.admin, motDePasseActuel: string) =>
    payload.update({
      collection: 'users',
      id: user.id,
      data: { password: 'Nouveau-2027-vole', motDePasseActuel } as never,
      user,
      overrideAccess: false,
    })
  const erreur = async (p: Promise<unknown>) => {
    try {
      await p
    } catch (e) {
      return e as { status: number; message: string }
    }
    throw new Error('accepté')
  }

  it('5 essais faux : le compte est bloqué, ses sessions fermées, chaque essai journalisé ; ensuite même le bon est refusé', async () => {
    const { user, token, username } = await compte()
    for (let i = 1; i <= 4; i++) {
      const e = await erreur(essai(user, `faux-${i}`))
      expect(e.status).toBe(400)
      expect(e.message).toMatch(/^Le champ « Mot de passe actuel » ne correspond pas/)
      expect((await etat(user.id)).loginAttempts).toBe(i)
    }
    const cinquieme = await erreur(essai(user, 'faux-5'))
    expect(cinquieme.status).toBe(429)
    expect(cinquieme.message).toMatch(
      /^Trop d'essais du mot de passe actuel : le compte est bloqué pendant 15 minutes/,
    )
    const bloque = await etat(user.id)
    expect(new Date(bloque.lockUntil!).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000)
    expect(bloque.sessions ?? []).toEqual([])
    expect((await payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })).user).toBeNull()
    const bon = await erreur(essai(user, MOT_DE_PASSE))
    expect(bon.status).toBe(429)
    await expect(
      payload.login({ collection: 'users', data: { username, password: MOT_DE_PASSE } as never }),
    ).rejects.toThrow()
    const journal = await payload.find({
      collection: 'journal',
      where: { documentId: { equals: String(user.id) } },
      overrideAccess: true,
      sort: 'createdAt',
      pagination: false,
      depth: 0,
    })
    const lignes = journal.docs.filter((j) => j.action !== 'compte' || j.resume?.includes('bloqué'))
    expect(lignes.filter((j) => j.action === 'echec-connexion').map((j) => j.resume)).toEqual(
      Array.from(
        { length: 5 },
        () => `Mot de passe actuel erroné pour « ${username} » : changement du champ « Mot de passe » refusé`,
      ),
    )
    expect(lignes.filter((j) => j.action === 'compte').map((j) => j.resume)).toEqual([
      `Compte ${username} bloqué 15 minutes après 5 essais du mot de passe actuel : sessions fermées`,
    ])
    expect(lignes.every((j) => j.utilisateur === username)).toBe(true)
  })

  it('le bon remet le compteur à zéro, comme une connexion réussie', async () => {
    const { user } = await compte()
    for (const faux of ['a', 'b', 'c']) await erreur(essai(user, faux))
    expect((await etat(user.id)).loginAttempts).toBe(3)
    await essai(user, MOT_DE_PASSE)
    expect((await etat(user.id)).loginAttempts).toBe(0)
  })

  it('une adresse ou un mot de passe donnés autrement qu’en texte : 400 en français nommant le champ', async () => {
    const { user } = await compte()
    for (const [data, path, libelle] of [
      [{ email: ['x@y.fr'], motDePasseActuel: MOT_DE_PASSE }, 'email', 'Adresse mail'],
      [{ email: { a: 1 } }, 'email', 'Adresse mail'],
      [{ password: ['Nouveau-2027-x'], motDePasseActuel: MOT_DE_PASSE }, 'password', 'Mot de passe'],
      [{ password: { a: 'b' } }, 'password', 'Mot de passe'],
    ] as const) {
      const r = await refus(
        payload.update({
          collection: 'users',
          id: user.id,
          data: data as never,
          user,
          overrideAccess: false,
        }),
      )
      expect(r.status).toBe(400)
      expect(r.erreurs).toEqual([
        { path, message: expect.stringMatching(new RegExp(`^Le champ « ${libelle} » n'est pas valide`)) },
      ])
    }
  })
})
