import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DROITS_COMPTES, droitsSur, refusEcritureCompte, tableauComptes } from '../../access/comptes'
import { ROLES } from '../../access/roles'
import { construireMonde, type Monde } from '../aides/fabrique'
import { payloadDeTest } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => fermer())

const CLE = 'cle-api-integration-de-test-0123456789'
const parCle = (cle: string) =>
  payload.auth({ headers: new Headers({ Authorization: `users API-Key ${cle}` }) })
/** Writes the account row as a broken import, an old version or a direct database edit would: no hook runs. */
const ecrireBrut = (id: number | string, data: Record<string, unknown>) =>
  payload.db.updateOne({ collection: 'users', id, data })

describe('La table des droits sur les comptes', () => {
  it('SECURITY 23 — seul un administrateur touche aux rôles, structures, clés et identifiants des autres ; personne à son propre rôle', () => {
    for (const role of ROLES) {
      expect(DROITS_COMPTES[role].soi.modifier).toEqual(['nom', 'email', 'password'])
      for (const cible of ROLES) {
        const d = DROITS_COMPTES[role][cible]
        const sensibles = d.modifier.filter((c) =>
          [
            'role',
            'academie',
            'etablissement',
            'reseau',
            'enableAPIKey',
            'apiKey',
            'password',
            'email',
            'username',
          ].includes(c),
        )
        if (role !== 'admin') expect(sensibles, `${role} → ${cible}`).toEqual([])
        if (role !== 'admin' && role !== 'carif-oref')
          expect(d, `${role} → ${cible}`).toEqual({ creer: [], lire: false, modifier: [], supprimer: false })
      }
    }
    expect(droitsSur({ id: 1, role: 'carif-oref' }, { id: 2, role: 'etablissement' }).modifier).toEqual([
      'nom',
      'actif',
    ])
    expect(droitsSur({ id: 1, role: 'carif-oref' }, { role: 'etablissement' }).creer).not.toContain(
      'enableAPIKey',
    )
    expect(refusEcritureCompte({ id: 1, role: 'carif-oref' }, { role: 'admin', username: 'x' }, null)).toBe(
      "Vous n'êtes pas autorisé à créer un compte « Administrateur ».",
    )
    expect(tableauComptes()).toContain(
      '| `etablissement` | lit, modifie nom (personne ou service), adresse mail, mot de passe | — |',
    )
  })
})

describe('Clés d’API : seul un compte d’intégration actif, clé activée, est authentifié', () => {
  it('SECURITY 24 — la clé d’un compte désactivé directement en base (sans passer par les hooks) est refusée', async () => {
    expect((await parCle(CLE)).user?.username).toBe('integration')
    await ecrireBrut(monde.users.integration.id, { actif: false })
    expect((await parCle(CLE)).user).toBeNull()
    await ecrireBrut(monde.users.integration.id, { actif: true })
    expect((await parCle(CLE)).user?.username).toBe('integration')
  })

  it('SECURITY 24 — une clé posée sur un compte qui n’est pas d’intégration (avant cette règle, ou en base) n’authentifie pas', async () => {
    const cle = 'cle-plantee-sur-un-compte-region-0123456789'
    const index = crypto.createHmac('sha256', payload.secret).update(cle).digest('hex')
    await ecrireBrut(monde.users.region.id, { enableAPIKey: true, apiKeyIndex: index })
    expect((await parCle(cle)).user).toBeNull()
    // The same key on an integration account would have worked: the refusal comes from the role alone.
    await ecrireBrut(monde.users.region.id, { enableAPIKey: false, apiKeyIndex: null })
    await ecrireBrut(monde.users.draaf.id, { role: 'integration', enableAPIKey: true, apiKeyIndex: index })
    expect((await parCle(cle)).user?.username).toBe('draaf')
    await ecrireBrut(monde.users.draaf.id, { role: 'draaf', enableAPIKey: false, apiKeyIndex: null })
    expect((await parCle(cle)).user).toBeNull()
  })

  it('SECURITY 23 — la Local API avec un utilisateur obéit à la table (un éditeur ne donne pas de clé à un administrateur)', async () => {
    await expect(
      payload.update({
        collection: 'users',
        id: monde.users.admin.id,
        data: { enableAPIKey: true, apiKey: 'cle-pirate-0123456789-0123456789' } as never,
        user: monde.users.carif,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({
        collection: 'users',
        id: monde.users.etabB.id,
        data: { etablissement: monde.etablissements.a.id } as never,
        user: monde.users.carif,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(
      (
        (await payload.findByID({
          collection: 'users',
          id: monde.users.etabB.id,
          depth: 0,
          overrideAccess: true,
        })) as { etablissement: unknown }
      ).etablissement,
    ).toBe(monde.etablissements.b.id)
  })
})
