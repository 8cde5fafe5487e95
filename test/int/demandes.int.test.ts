import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { traiterValidation } from '../../src/validation'
import { sousVerrouPartage } from '../../src/verrou'
import {
  AVEC_DOUBLONS,
  campagne,
  construireMonde,
  demandeComplete,
  type Monde,
  type Utilisateur,
} from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => fermer())
beforeEach(async () => campagne(payload, 'ouverte'))

const creer = (user: Utilisateur, data: Record<string, unknown>) =>
  payload.create({ collection: 'demandes', data: data as never, user, overrideAccess: false, depth: 0 })
const lire = (user: Utilisateur, id: number | string) =>
  payload.findByID({ collection: 'demandes', id, user, overrideAccess: false, depth: 0 })
const lister = async (user: Utilisateur, where = {}) =>
  (
    await payload.find({
      collection: 'demandes',
      user,
      overrideAccess: false,
      depth: 0,
      pagination: false,
      where,
    })
  ).docs
const valider = async (user: Utilisateur, id: number | string, confirmer = true) =>
  traiterValidation(await requetePour(payload, user), id, confirmer, AVEC_DOUBLONS)
/** An ID of the adapter's own format that names no document (SQLite: a number; MongoDB: an ObjectId). */
const idAbsent = () => (payload.db.name === 'mongoose' ? 'f'.repeat(24) : 99_999_999)
const erreurChamp = (path: string, message: RegExp) => ({
  data: { errors: [expect.objectContaining({ path, message: expect.stringMatching(message) })] },
})
const deposerEtValider = async (user: Utilisateur, data: Record<string, unknown>) => {
  const d = await creer(user, data)
  const r = await valider(user, d.id)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return d
}

describe('Numéro de projet', () => {
  it('attribue 25 numéros distincts et consécutifs à 25 créations simultanées', async () => {
    const { users, etablissements } = monde
    const crees = await Promise.all(
      Array.from({ length: 25 }, () => creer(users.etabA, { etablissementConcerne: etablissements.a.id })),
    )
    const numeros = crees.map((d) => d.numero as number).sort((x, y) => x - y)
    expect(new Set(numeros).size).toBe(25)
    expect(numeros[24]! - numeros[0]!).toBe(24)
    await payload.delete({
      collection: 'demandes',
      where: { id: { in: crees.map((d) => d.id) } },
      overrideAccess: true,
    })
  })

  it('ne réutilise jamais un numéro, même après suppression', async () => {
    const { users, etablissements } = monde
    const d1 = await creer(users.etabA, { etablissementConcerne: etablissements.a.id })
    await payload.delete({ collection: 'demandes', id: d1.id, user: users.etabA, overrideAccess: false })
    const d2 = await creer(users.etabA, { etablissementConcerne: etablissements.a.id })
    expect(d2.numero).toBe(Number(d1.numero) + 1)
  })
})

describe('Champs renseignés par le serveur', () => {
  it("calcule l'écart de capacité et reprend le type de diplôme, quoi qu'envoie le déposant", async () => {
    const { users, etablissements, diplomes } = monde
    const d = await creer(users.etabA, {
      etablissementConcerne: etablissements.a.id,
      diplome: diplomes.capCuisine.id,
      capaciteActuelle: 24,
      capaciteNouvelle: 12,
      ecartCapacite: 999,
      typeDiplome: 'FAUX',
    })
    expect([d.ecartCapacite, d.typeDiplome]).toEqual([-12, 'CAP'])
    const m = await payload.update({
      collection: 'demandes',
      id: d.id,
      user: users.etabA,
      overrideAccess: false,
      depth: 0,
      data: { diplome: diplomes.bts.id, capaciteNouvelle: 30, ecartCapacite: 0 } as never,
    })
    expect([m.ecartCapacite, m.typeDiplome]).toEqual([6, 'BTS'])
    const liste = await lister(users.region, {
      and: [
        { typeDiplome: { equals: 'BTS' } },
        { ecartCapacite: { greater_than: 0 } },
        { id: { equals: d.id } },
      ],
    })
    expect(liste).toHaveLength(0) // a draft: not visible to the Région, but the filter itself is accepted
    expect(
      await lister(users.etabA, {
        and: [
          { typeDiplome: { equals: 'BTS' } },
          { ecartCapacite: { greater_than: 0 } },
          { id: { equals: d.id } },
        ],
      }),
    ).toHaveLength(1)
  })

  it('ignore statut, numéro, référent, rentrée, validation, avis et décision envoyés par le déposant', async () => {
    const { users, etablissements } = monde
    const d = await creer(users.etabA, {
      etablissementConcerne: etablissements.a.id,
      statut: 'validee',
      numero: 999999,
      rentree: 1990,
      etablissementReferent: etablissements.b.id,
      structureDeposante: `etablissement:${etablissements.b.id}`,
      valideeLe: '2020-01-01T00:00:00.000Z',
      validePar: users.admin.id,
      avis: { avis: 'favorable', auteur: 'moi' },
      decision: { decision: 'retenue' },
      academie: 'toulouse',
      agricole: true,
    })
    expect(d).toMatchObject({
      statut: 'brouillon',
      rentree: 2027,
      etablissementReferent: etablissements.a.id,
      structureDeposante: `etablissement:${etablissements.a.id}`,
      academie: 'montpellier',
      agricole: false,
    })
    expect(d.numero).not.toBe(999999)
    expect(d.valideeLe ?? null).toBeNull()
    expect(d.validePar ?? null).toBeNull()
    expect(d.avis?.avis ?? null).toBeNull()
    expect(d.decision?.decision ?? null).toBeNull()
  })

  it('ne laisse pas modifier ces champs par une mise à jour, même par l’API locale sans contrôle d’accès', async () => {
    const { users, etablissements } = monde
    const d = await creer(users.etabA, { etablissementConcerne: etablissements.a.id })
    const maj = await payload.update({
      collection: 'demandes',
      id: d.id,
      user: users.etabA,
      data: {
        statut: 'validee',
        numero: 1,
        etablissementReferent: etablissements.b.id,
        rentree: 2000,
      } as never,
      depth: 0,
    })
    expect(maj).toMatchObject({
      statut: 'brouillon',
      numero: d.numero,
      etablissementReferent: etablissements.a.id,
      rentree: 2027,
    })
  })
})

describe('Qui dépose pour qui', () => {
  it('un établissement dépose pour lui-même, pas pour un autre', async () => {
    const { users, etablissements } = monde
    await expect(creer(users.etabA, { etablissementConcerne: etablissements.b.id })).rejects.toMatchObject(
      erreurChamp('etablissementConcerne', /pas pour 0310024H/),
    )
  })

  it('un réseau dépose pour ses membres, avec la tête de réseau comme référent, et pas pour un autre établissement', async () => {
    const { users, etablissements } = monde
    const d = await creer(users.reseau, { etablissementConcerne: etablissements.m2.id })
    expect(d).toMatchObject({
      etablissementReferent: etablissements.m1.id,
      structureDeposante: `reseau:${monde.reseau.id}`,
    })
    await expect(creer(users.reseau, { etablissementConcerne: etablissements.a.id })).rejects.toMatchObject(
      erreurChamp('etablissementConcerne', /n'est pas membre de votre réseau/),
    )
  })

  it('la DRAAF dépose pour un établissement agricole seulement', async () => {
    const { users, etablissements } = monde
    const d = await creer(users.draaf, { etablissementConcerne: etablissements.ag.id })
    expect(d).toMatchObject({
      agricole: true,
      structureDeposante: 'draaf',
      etablissementReferent: etablissements.ag.id,
    })
    await expect(creer(users.draaf, { etablissementConcerne: etablissements.a.id })).rejects.toMatchObject(
      erreurChamp('etablissementConcerne', /uniquement pour les établissements agricoles/),
    )
  })

  it.each(['rectoratM', 'region', 'carif', 'integration'] as const)(
    '%s ne peut pas créer de demande',
    async (qui) => {
      await expect(
        creer(monde.users[qui], { etablissementConcerne: monde.etablissements.a.id }),
      ).rejects.toThrow(/autorisé/)
    },
  )

  it('refuse un établissement concerné qui n’existe pas, en nommant le champ', async () => {
    await expect(creer(monde.users.admin, { etablissementConcerne: idAbsent() })).rejects.toMatchObject(
      erreurChamp('etablissementConcerne', /n'existe pas/),
    )
  })

  it('refuse en français un identifiant de relation absent ou mal formé pour la base (un nombre sur MongoDB, du texte sur SQLite)', async () => {
    const { users } = monde
    // Each is malformed for one adapter or the other: Payload answered those in English.
    for (const valeur of [99_999_999, 'pas-un-identifiant', 'f'.repeat(24), -1, 1.5]) {
      for (const champ of ['etablissementConcerne', 'diplome', 'demandeLiee'] as const) {
        const ecrit = creer(users.admin, demandeComplete(monde, { projetLie: true, [champ]: valeur }))
        // A well-formed ID of a diplôme that does not exist fails Payload's own (French) « diplôme ouvert » filter first.
        await expect(ecrit, `${champ} = ${valeur}`).rejects.toMatchObject(
          erreurChamp(champ, champ === 'diplome' ? /n’existe pas|sélections invalides/ : /n['’]existe pas/),
        )
      }
      const annexes = creer(users.admin, demandeComplete(monde, { annexes: [valeur] }))
      await expect(annexes, `annexes = ${valeur}`).rejects.toMatchObject(
        erreurChamp('annexes', /^Certains des éléments|^L’élément choisi n’existe pas/),
      )
    }
  })

  it('refuse de déplacer un brouillon vers un établissement hors du périmètre', async () => {
    const { users, etablissements } = monde
    const d = await creer(users.reseau, { etablissementConcerne: etablissements.m1.id })
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: users.reseau,
        overrideAccess: false,
        data: { etablissementConcerne: etablissements.b.id },
      }),
    ).rejects.toMatchObject(erreurChamp('etablissementConcerne', /pas membre/))
  })
})

describe('Brouillons', () => {
  it('s’enregistrent incomplets', async () => {
    const d = await creer(monde.users.etabA, {
      etablissementConcerne: monde.etablissements.a.id,
      mesure: 'ouverture',
    })
    expect(d).toMatchObject({ statut: 'brouillon', mesure: 'ouverture' })
    expect(d.diplome ?? null).toBeNull()
  })

  it('refusent un diplôme fermé ; celui qui a fermé depuis n’empêche pas d’enregistrer, la validation le signale', async () => {
    const { users, diplomes } = monde
    await expect(
      creer(users.etabA, demandeComplete(monde, { diplome: diplomes.ferme.id })),
    ).rejects.toMatchObject(erreurChamp('diplome', /./))
    const bientotFerme = await payload.create({
      collection: 'diplomes',
      overrideAccess: true,
      data: {
        cfd: '50099901',
        libelle: 'CAP FERMÉ EN COURS DE CAMPAGNE',
        typeDiplome: 'CAP',
        durees: [2],
        ouvert: true,
      },
    })
    const d = await creer(users.etabA, demandeComplete(monde, { diplome: bientotFerme.id }))
    await payload.update({
      collection: 'diplomes',
      id: bientotFerme.id,
      overrideAccess: true,
      data: { ouvert: false },
    })
    const maj = await payload.update({
      collection: 'demandes',
      id: d.id,
      user: users.etabA,
      overrideAccess: false,
      depth: 0,
      data: { rapportOpportunite: 'Rapport complété.' },
    })
    expect(maj.rapportOpportunite).toBe('Rapport complété.')
    const r = await valider(users.etabA, d.id, false)
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body)).toContain('"path":"diplome"')
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: users.etabA,
        overrideAccess: false,
        data: { diplome: idAbsent() as never },
      }),
    ).rejects.toMatchObject(erreurChamp('diplome', /invalides|n’existe pas/))
  })

  it('sont partagés par les comptes d’une même structure et invisibles pour tous les autres (sauf l’admin)', async () => {
    const { users, etablissements } = monde
    const d = await creer(users.etabA, { etablissementConcerne: etablissements.a.id })
    expect((await lire(users.etabA2, d.id)).id).toBe(d.id)
    await payload.update({
      collection: 'demandes',
      id: d.id,
      user: users.etabA2,
      overrideAccess: false,
      data: { siteFormation: 'Annexe du lycée' },
    })
    for (const qui of ['etabB', 'reseau', 'draaf', 'rectoratM', 'region', 'carif', 'integration'] as const) {
      await expect(lire(users[qui], d.id), qui).rejects.toThrow()
      expect(
        (await lister(users[qui])).some((x) => x.id === d.id),
        qui,
      ).toBe(false)
    }
    expect((await lire(users.admin, d.id)).siteFormation).toBe('Annexe du lycée')
  })

  it('les brouillons d’un réseau ne sont pas visibles de l’établissement membre concerné', async () => {
    const { users, etablissements } = monde
    const d = await creer(users.reseau, { etablissementConcerne: etablissements.m1.id })
    const membre = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        username: '0300057Z',
        password: 'x-mot-de-passe-123',
        role: 'etablissement',
        etablissement: etablissements.m1.id,
      } as never,
    })
    await expect(
      lire(
        {
          ...(membre as unknown as Record<string, unknown>),
          id: membre.id,
          collection: 'users',
          role: 'etablissement',
          username: '0300057Z',
        },
        d.id,
      ),
    ).rejects.toThrow()
  })
})

describe('Validation', () => {
  it('sans confirmation, renvoie les erreurs en français avec le chemin de chaque champ', async () => {
    const d = await creer(monde.users.etabA, { etablissementConcerne: monde.etablissements.a.id })
    const r = await valider(monde.users.etabA, d.id, false)
    expect(r.status).toBe(400)
    const erreurs = (
      r.body as { errors: { name: string; data: { errors: { path: string; message: string }[] } }[] }
    ).errors[0]!
    expect(erreurs.name).toBe('ValidationError')
    expect(erreurs.data.errors.map((e) => e.path)).toContain('rapportOpportunite')
    expect((await lire(monde.users.etabA, d.id)).statut).toBe('brouillon')
  })

  it('sans confirmation, renvoie le récapitulatif d’une demande complète sans la valider', async () => {
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    const r = await valider(monde.users.etabA, d.id, false)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ pret: true, recapitulatif: { numero: d.numero } })
    expect(JSON.stringify(r.body)).toContain('1re année du CAP Cuisine en 2 ans')
    expect((await lire(monde.users.etabA, d.id)).statut).toBe('brouillon')
  })

  it('le récapitulatif ne prend pas le verrou de la structure : il répond pendant qu’une validation le tient', async () => {
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    let liberer!: () => void
    let signalerPris!: () => void
    const pris = new Promise<void>((r) => (signalerPris = r))
    // Another validation of the same structure holds the lock (in this process and in the database).
    const tenu = sousVerrouPartage(payload, `validation:${d.structureDeposante}`, async () => {
      signalerPris()
      await new Promise<void>((r) => (liberer = r))
    })
    await pris
    try {
      // Awaited while the lock is held: were the recap to queue behind it, this would never resolve.
      const r = await valider(monde.users.etabA, d.id, false)
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ pret: true })
    } finally {
      liberer()
      await tenu
    }
    expect((await lire(monde.users.etabA, d.id)).statut).toBe('brouillon')
  })

  it('avec confirmation, valide, date et signe la demande, et l’inscrit au journal', async () => {
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    const r = await valider(monde.users.etabA2, d.id)
    expect(r.status).toBe(200)
    const v = await lire(monde.users.etabA, d.id)
    expect(v.statut).toBe('validee')
    expect(v.validePar).toBe(monde.users.etabA2.id)
    expect(Date.now() - new Date(v.valideeLe as string).getTime()).toBeLessThan(60_000)
    const journal = await payload.find({
      collection: 'journal',
      where: { and: [{ action: { equals: 'validation' } }, { documentId: { equals: String(d.id) } }] },
    })
    expect(journal.docs[0]).toMatchObject({ utilisateur: '0340042l-proviseur', role: 'etablissement' })
  })

  it('deux confirmations simultanées : exactement une réussit, l’autre reçoit 409', async () => {
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    const resultats = await Promise.all([
      valider(monde.users.etabA, d.id),
      valider(monde.users.etabA2, d.id),
      valider(monde.users.etabA, d.id),
    ])
    expect(resultats.map((r) => r.status).sort()).toEqual([200, 409, 409])
    const versions = await payload.findVersions({
      collection: 'demandes',
      where: { parent: { equals: d.id } },
      overrideAccess: true,
    })
    expect(versions.docs.filter((v) => v.version.statut === 'validee')).toHaveLength(1)
  })

  it('refuse une seconde validation (409) et une validation par une autre structure (404 ou 403)', async () => {
    const d = await deposerEtValider(monde.users.etabA, demandeComplete(monde))
    expect((await valider(monde.users.etabA, d.id)).status).toBe(409)
    const brouillon = await creer(monde.users.etabA, demandeComplete(monde))
    for (const qui of ['etabB', 'reseau', 'rectoratM', 'region', 'integration'] as const) {
      expect([403, 404], qui).toContain((await valider(monde.users[qui], brouillon.id)).status)
    }
    expect((await lire(monde.users.etabA, brouillon.id)).statut).toBe('brouillon')
  })

  it('inscrit au journal les refus de validation et les suppressions, avec leur auteur', async () => {
    const debut = new Date(Date.now() - 1).toISOString()
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    expect((await valider(monde.users.rectoratM, d.id)).status).toBe(404)
    await payload.delete({ collection: 'demandes', id: d.id, user: monde.users.etabA, overrideAccess: false })
    // SQLite may reuse the id of an earlier deleted demande: only this test's entries.
    const entrees = await payload.find({
      collection: 'journal',
      overrideAccess: true,
      where: {
        and: [{ documentId: { equals: String(d.id) } }, { createdAt: { greater_than_equal: debut } }],
      },
      sort: 'createdAt',
    })
    expect(entrees.docs.map((e) => [e.action, e.utilisateur])).toEqual([
      ['refus', 'rectorat-m'],
      ['suppression', '0340042L'],
    ])
  })

  it('refuse une priorité déjà prise par une demande validée de la même structure et de la même rentrée', async () => {
    await deposerEtValider(monde.users.etabA, demandeComplete(monde, { priorite: 60 }))
    const d = await creer(monde.users.etabA2, demandeComplete(monde, { priorite: 60 }))
    const r = await valider(monde.users.etabA2, d.id)
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body)).toContain('La priorité 60 est déjà attribuée')
    const autre = await creer(
      monde.users.etabB,
      demandeComplete(monde, { etablissementConcerne: monde.etablissements.b.id, priorite: 60 }),
    )
    expect((await valider(monde.users.etabB, autre.id)).status).toBe(200)
  })

  it('vérifie l’existence d’un projet lié d’un autre établissement sans en révéler le contenu', async () => {
    const chezB = await creer(monde.users.etabB, {
      etablissementConcerne: monde.etablissements.b.id,
      rapportOpportunite: 'Secret de B',
    })
    const d = await creer(
      monde.users.etabA,
      demandeComplete(monde, { projetLie: true, demandeLiee: chezB.id }),
    )
    const r = await valider(monde.users.etabA, d.id, false)
    expect(r.status).toBe(200)
    expect(JSON.stringify(r.body)).not.toContain('Secret de B')
    const peuple = await payload.findByID({
      collection: 'demandes',
      id: d.id,
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 2,
    })
    expect(JSON.stringify(peuple)).not.toContain('Secret de B')
    await expect(
      creer(
        monde.users.etabA,
        demandeComplete(monde, { priorite: 71, projetLie: true, demandeLiee: idAbsent() }),
      ),
    ).rejects.toMatchObject(erreurChamp('demandeLiee', /n’existe pas/))
    const supprimee = await creer(monde.users.etabB, { etablissementConcerne: monde.etablissements.b.id })
    const liee = await creer(
      monde.users.etabA,
      demandeComplete(monde, { priorite: 71, projetLie: true, demandeLiee: supprimee.id }),
    )
    await payload.delete({ collection: 'demandes', id: supprimee.id, overrideAccess: true })
    // SQLite empties the link (foreign key), MongoDB keeps a dangling ID: either way validation names the field.
    expect(JSON.stringify((await valider(monde.users.etabA, liee.id, false)).body)).toMatch(
      /"path":"demandeLiee","message":"(Indiquez l'identifiant du projet lié|Le projet lié indiqué n'existe pas)/,
    )
  })
})

describe('Verrou après validation', () => {
  it('le déposant ne peut plus modifier ni supprimer la demande, par aucun chemin de l’API locale', async () => {
    const { users } = monde
    const d = await deposerEtValider(users.etabA, demandeComplete(monde))
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: users.etabA,
        overrideAccess: false,
        data: { rapportOpportunite: 'modifié' },
      }),
    ).rejects.toThrow()
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: users.etabA,
        overrideAccess: false,
        data: { statut: 'brouillon' } as never,
      }),
    ).rejects.toThrow()
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: users.etabA,
        data: { rapportOpportunite: 'modifié sans contrôle' },
      }),
    ).rejects.toThrow(/validée/)
    // Bulk edit is off for demandes, for every caller but the server itself (collections/Demandes/index.ts).
    await expect(
      payload.update({
        collection: 'demandes',
        where: { id: { equals: d.id } },
        user: users.etabA,
        overrideAccess: false,
        data: { rapportOpportunite: 'en masse' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.delete({ collection: 'demandes', id: d.id, user: users.etabA, overrideAccess: false }),
    ).rejects.toThrow()
    await expect(payload.delete({ collection: 'demandes', id: d.id, user: users.etabA })).rejects.toThrow(
      /validée/,
    )
    const v = await lire(users.etabA, d.id)
    expect(v).toMatchObject({
      statut: 'validee',
      rapportOpportunite: 'Besoin confirmé par le diagnostic sectoriel.',
    })
  })

  it('la restauration d’une ancienne version (brouillon) est refusée', async () => {
    const { users } = monde
    const d = await creer(users.etabA, demandeComplete(monde))
    await payload.update({
      collection: 'demandes',
      id: d.id,
      user: users.etabA,
      overrideAccess: false,
      data: { siteFormation: 'v2' },
    })
    await valider(users.etabA, d.id)
    const versions = await payload.findVersions({
      collection: 'demandes',
      where: { parent: { equals: d.id } },
      sort: 'createdAt',
      overrideAccess: true,
    })
    const ancienne = versions.docs.find((v) => v.version.statut === 'brouillon')!
    await expect(
      payload.restoreVersion({
        collection: 'demandes',
        id: ancienne.id,
        user: users.etabA,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    expect((await lire(users.etabA, d.id)).statut).toBe('validee')
  })

  it('une demande validée ne peut pas être dupliquée', async () => {
    const d = await deposerEtValider(monde.users.etabA, demandeComplete(monde))
    await expect(
      payload.duplicate({ collection: 'demandes', id: d.id, user: monde.users.etabA, overrideAccess: false }),
    ).rejects.toThrow()
  })
})

describe('Lecture des demandes validées selon le périmètre', () => {
  let deA: number | string
  let deB: number | string
  let agricole: number | string
  beforeAll(async () => {
    deA = (await deposerEtValider(monde.users.etabA, demandeComplete(monde, { priorite: 90 }))).id
    deB = (
      await deposerEtValider(
        monde.users.etabB,
        demandeComplete(monde, { etablissementConcerne: monde.etablissements.b.id, priorite: 90 }),
      )
    ).id
    agricole = (
      await deposerEtValider(
        monde.users.draaf,
        demandeComplete(monde, { etablissementConcerne: monde.etablissements.ag.id, priorite: 90 }),
      )
    ).id
  })
  const voit = async (qui: keyof Monde['users']) => {
    const ids = (await lister(monde.users[qui])).map((d) => String(d.id))
    return [deA, deB, agricole].map((id) => ids.includes(String(id)))
  }

  it.each([
    ['etabA', [true, false, false]],
    ['etabB', [false, true, false]],
    ['rectoratM', [true, false, true]],
    ['rectoratT', [false, true, false]],
    ['draaf', [false, false, true]],
    ['region', [true, true, true]],
    ['carif', [true, true, true]],
    ['integration', [true, true, true]],
    ['admin', [true, true, true]],
    ['reseau', [false, false, false]],
  ] as const)('%s voit [A, B, agricole] = %j', async (qui, attendu) => {
    expect(await voit(qui)).toEqual(attendu)
  })

  it('l’intégration ne reçoit jamais les données personnelles du responsable', async () => {
    const d = await lire(monde.users.integration, deA)
    expect(d.responsable).toBeUndefined()
    expect(JSON.stringify(d)).not.toContain('claire.martin')
    expect((await lire(monde.users.region, deA)).responsable?.email).toBe('claire.martin@ac-montpellier.fr')
  })

  it('les versions ne sont lisibles que par qui peut lire la demande', async () => {
    const versions = (qui: keyof Monde['users']) =>
      payload.findVersions({
        collection: 'demandes',
        user: monde.users[qui],
        overrideAccess: false,
        where: { parent: { equals: deA } },
        depth: 0,
      })
    expect((await versions('etabA')).docs.length).toBeGreaterThan(0)
    expect((await versions('rectoratM')).docs.length).toBeGreaterThan(0)
    expect((await versions('etabB')).docs).toHaveLength(0)
    expect((await versions('rectoratT')).docs).toHaveLength(0)
  })
})

describe('Avis et décision', () => {
  it('le rectorat de l’académie donne un avis daté et signé ; le reste de la demande est ignoré', async () => {
    const d = await deposerEtValider(monde.users.etabA, demandeComplete(monde))
    const maj = await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.rectoratM,
      overrideAccess: false,
      depth: 0,
      data: {
        avis: { avis: 'favorable', commentaire: 'Projet cohérent.', auteur: 'usurpé' },
        rapportOpportunite: 'réécrit par le rectorat',
        decision: { decision: 'retenue' },
      } as never,
    })
    expect(maj.avis).toMatchObject({
      avis: 'favorable',
      commentaire: 'Projet cohérent.',
      auteur: 'rectorat-m (rectorat-m)',
    })
    expect(maj.statut).toBe('en-instruction')
    const journal = await payload.find({
      collection: 'journal',
      overrideAccess: true,
      where: { and: [{ action: { equals: 'avis' } }, { documentId: { equals: String(d.id) } }] },
    })
    expect(journal.docs[0]).toMatchObject({
      utilisateur: 'rectorat-m',
      role: 'rectorat',
      details: { avis: 'favorable' },
    })
    await expect(
      payload.find({ collection: 'journal', user: monde.users.etabA, overrideAccess: false }),
    ).rejects.toThrow()
    await expect(
      payload.find({ collection: 'journal', user: monde.users.region, overrideAccess: false }),
    ).rejects.toThrow()
    expect(maj.rapportOpportunite).toBe('Besoin confirmé par le diagnostic sectoriel.')
    expect(maj.decision?.decision ?? null).toBeNull()
  })

  it('le rectorat d’une autre académie, le déposant et la Région ne peuvent pas donner d’avis', async () => {
    const d = await deposerEtValider(monde.users.etabA, demandeComplete(monde))
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: monde.users.rectoratT,
        overrideAccess: false,
        data: { avis: { avis: 'defavorable' } },
      }),
    ).rejects.toThrow()
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: monde.users.etabA,
        overrideAccess: false,
        data: { avis: { avis: 'favorable' } },
      }),
    ).rejects.toThrow()
    const parRegion = await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.region,
      overrideAccess: false,
      data: { avis: { avis: 'favorable' } },
    })
    expect(parRegion.avis?.avis ?? null).toBeNull()
  })

  it('la DRAAF donne un avis sur une demande agricole validée, pas sur une autre', async () => {
    const agricole = await deposerEtValider(
      monde.users.draaf,
      demandeComplete(monde, { etablissementConcerne: monde.etablissements.ag.id }),
    )
    const maj = await payload.update({
      collection: 'demandes',
      id: agricole.id,
      user: monde.users.draaf,
      overrideAccess: false,
      data: { avis: { avis: 'reserve', commentaire: 'Section à confirmer.' } },
    })
    expect(maj.avis).toMatchObject({ avis: 'reserve', auteur: 'draaf (draaf)' })
    const autre = await deposerEtValider(monde.users.etabA, demandeComplete(monde))
    await expect(
      payload.update({
        collection: 'demandes',
        id: autre.id,
        user: monde.users.draaf,
        overrideAccess: false,
        data: { avis: { avis: 'favorable' } },
      }),
    ).rejects.toThrow()
    expect((await lire(monde.users.admin, autre.id)).avis?.avis ?? null).toBeNull()
  })

  it('la Région enregistre une décision datée et signée ; le statut suit la décision', async () => {
    const d = await deposerEtValider(monde.users.etabA, demandeComplete(monde))
    const maj = await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.region,
      overrideAccess: false,
      data: { decision: { decision: 'retenue', commentaire: 'Retenue au titre du CPRDFOP.' } },
    })
    expect(maj.decision).toMatchObject({ decision: 'retenue', auteur: 'region (region)' })
    expect(maj.statut).toBe('retenue')
    const journal = await payload.find({
      collection: 'journal',
      overrideAccess: true,
      where: { and: [{ action: { equals: 'decision' } }, { documentId: { equals: String(d.id) } }] },
    })
    expect(journal.docs[0]).toMatchObject({
      utilisateur: 'region',
      role: 'region',
      details: { decision: 'retenue' },
    })
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: monde.users.carif,
        overrideAccess: false,
        data: { decision: { decision: 'ajournee' } },
      }),
    ).rejects.toThrow()
  })

  it('le déposant ne voit l’avis et la décision qu’une fois les décisions publiées par la Région', async () => {
    const d = await deposerEtValider(monde.users.etabA, demandeComplete(monde))
    await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.rectoratM,
      overrideAccess: false,
      data: { avis: { avis: 'favorable' } },
    })
    await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.region,
      overrideAccess: false,
      data: { decision: { decision: 'retenue' } },
    })
    const avant = await lire(monde.users.etabA, d.id)
    expect(avant.avis).toBeUndefined()
    expect(avant.decision).toBeUndefined()
    expect((await lire(monde.users.rectoratM, d.id)).decision?.decision).toBe('retenue')
    await payload.updateGlobal({ slug: 'campagne', overrideAccess: true, data: { decisionsPubliees: true } })
    try {
      const apres = await lire(monde.users.etabA, d.id)
      expect(apres.decision?.decision).toBe('retenue')
      expect(apres.avis?.avis).toBe('favorable')
    } finally {
      await payload.updateGlobal({
        slug: 'campagne',
        overrideAccess: true,
        data: { decisionsPubliees: false },
      })
    }
  })

  it('enregistrer une demande sans toucher à l’instruction n’inscrit ni avis ni décision au journal', async () => {
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    // The établissement cannot read the avis and décision groups: saving its draft must not look like withdrawing them.
    await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.etabA,
      overrideAccess: false,
      data: { rapportOpportunite: 'Deuxième version du rapport.' },
    })
    await valider(monde.users.etabA, d.id)
    await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.rectoratM,
      overrideAccess: false,
      data: { avis: { avis: 'favorable' } },
    })
    await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.region,
      overrideAccess: false,
      data: { decision: { commentaire: 'À l’étude.' } },
    })
    const entrees = await payload.find({
      collection: 'journal',
      overrideAccess: true,
      where: { and: [{ action: { in: ['avis', 'decision'] } }, { documentId: { equals: String(d.id) } }] },
      sort: 'createdAt',
    })
    expect(entrees.docs.map((e) => [e.action, e.utilisateur])).toEqual([
      ['avis', 'rectorat-m'],
      ['decision', 'region'],
    ])
  })

  it('aucun avis ni décision sur un brouillon', async () => {
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    const maj = await payload.update({
      collection: 'demandes',
      id: d.id,
      user: monde.users.admin,
      data: { siteFormation: 'x' },
    })
    expect(maj.statut).toBe('brouillon')
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        user: monde.users.rectoratM,
        overrideAccess: false,
        data: { avis: { avis: 'favorable' } },
      }),
    ).rejects.toThrow()
  })
})

describe('Fenêtre de la campagne', () => {
  it.each(['close', 'future'] as const)(
    'campagne %s : le déposant ne peut ni créer, ni enregistrer, ni valider ; l’admin le peut',
    async (etat) => {
      const d = await creer(monde.users.etabA, demandeComplete(monde))
      await campagne(payload, etat)
      await expect(
        creer(monde.users.etabA, { etablissementConcerne: monde.etablissements.a.id }),
      ).rejects.toThrow(/campagne de saisie/)
      await expect(
        payload.update({
          collection: 'demandes',
          id: d.id,
          user: monde.users.etabA,
          overrideAccess: false,
          data: { siteFormation: 'x' },
        }),
      ).rejects.toThrow(/campagne de saisie/)
      const r = await valider(monde.users.etabA, d.id)
      expect(r.status).toBe(403)
      expect(JSON.stringify(r.body)).toMatch(/campagne de saisie/)
      expect(
        (await creer(monde.users.admin, { etablissementConcerne: monde.etablissements.a.id })).statut,
      ).toBe('brouillon')
    },
  )
})

describe('Une relation à un seul document reçoit une liste (attaque extérieure, SECURITY 30)', () => {
  it('etablissementConcerne: [id], diplome: [id] : 400 en français nommant le champ, aucun numéro consommé ; le référent d’un réseau de même', async () => {
    const { users, etablissements } = monde
    const numeroAvant = (await creer(users.etabA, { etablissementConcerne: etablissements.a.id }))
      .numero as number
    for (const [data, libelle] of [
      [{ etablissementConcerne: [etablissements.b.id] }, "Code UAI de l'établissement concerné"],
      [{ etablissementConcerne: etablissements.a.id, diplome: [monde.diplomes.capCuisine.id] }, 'Diplôme'],
      [{ etablissementConcerne: { uai: '0310024H' } }, "Code UAI de l'établissement concerné"],
    ] as const) {
      const err = await creer(users.etabA, data).then(
        () => null,
        (e: { status?: number; data?: { errors?: { message: string }[] } }) => e,
      )
      expect(err?.status, JSON.stringify(data)).toBe(400)
      expect(err?.data?.errors?.[0]?.message, JSON.stringify(data)).toMatch(
        new RegExp(
          `« [^»]*${libelle.replace(/[()]/g, '.')}[^»]* » attend un seul document, pas une liste ni un objet\\.`,
        ),
      )
    }
    // The DRAAF sending a non-agricultural lycée inside a list: the same refusal, not a way round its scope.
    await expect(creer(users.draaf, { etablissementConcerne: [etablissements.a.id] })).rejects.toMatchObject({
      status: 400,
    })
    expect((await creer(users.etabA, { etablissementConcerne: etablissements.a.id })).numero).toBe(
      numeroAvant + 1,
    )
    await expect(
      payload.update({
        collection: 'reseaux',
        id: monde.reseau.id,
        overrideAccess: false,
        user: users.carif,
        data: { etablissementReferent: [etablissements.m1.id] } as never,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('Historique de la saisie : lu par qui lit les brouillons de la structure (attaque extérieure, F6)', () => {
  it('rectorat, Région, Carif-Oref, intégration, DRAAF : aucune version « brouillon » d’une demande validée ; l’établissement et l’admin : les siennes', async () => {
    const { users, etablissements } = monde
    const statuts = async (user: Utilisateur, id: number | string) =>
      (
        await payload.findVersions({
          collection: 'demandes',
          user,
          overrideAccess: false,
          where: { parent: { equals: id } },
          depth: 0,
          limit: 100,
        })
      ).docs.map((v) => (v.version as { statut: string }).statut)
    const ecole = await deposerEtValider(
      users.etabA,
      demandeComplete(monde, { rapportOpportunite: 'Première rédaction.' }),
    )
    for (const lecteur of [users.rectoratM, users.region, users.carif, users.integration]) {
      const vus = await statuts(lecteur, ecole.id)
      expect(vus.length, lecteur.username).toBeGreaterThan(0)
      expect(vus, lecteur.username).not.toContain('brouillon')
    }
    expect(await statuts(users.etabA, ecole.id)).toContain('brouillon')
    expect(await statuts(users.admin, ecole.id)).toEqual(expect.arrayContaining(['brouillon', 'validee']))
    expect(await statuts(users.etabB, ecole.id)).toEqual([])
    // The DRAAF reads an agricultural lycée's validated demande, not its drafting; its own drafting, yes.
    const compte = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        username: '0480514Y',
        password: 'mot-de-passe-de-test-123',
        role: 'etablissement',
        etablissement: etablissements.ag.id,
      } as never,
    })
    const lycee = {
      ...(compte as unknown as Utilisateur),
      collection: 'users' as const,
      role: 'etablissement' as const,
    }
    const parLeLycee = await deposerEtValider(
      lycee,
      demandeComplete(monde, { etablissementConcerne: etablissements.ag.id }),
    )
    // (Before publication the DRAAF reads no validated version either: a décision writes one.)
    expect(await statuts(users.draaf, parLeLycee.id)).not.toContain('brouillon')
    expect(await statuts(users.admin, parLeLycee.id)).toContain('brouillon')
    const parDraaf = await deposerEtValider(
      users.draaf,
      demandeComplete(monde, { etablissementConcerne: etablissements.ag.id }),
    )
    expect(await statuts(users.draaf, parDraaf.id)).toContain('brouillon')
  })
})
