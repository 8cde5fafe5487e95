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
