import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adresseInstitutionnelle, creerComptesEnMasse, lireLignes } from '../../src/comptes/creerEnMasse'
import { adressesDeLaStructure } from '../../src/courriels/destinataires'
import { executerLaFile, lireEml } from '../aides/courriels'
import { construireMonde, type Monde } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  await Promise.all(
    [
      ['0340001S', 'Lycée Joffre', 'montpellier', 'education-nationale'],
      ['0311127G', 'LP Roland Garros', 'toulouse', 'education-nationale'],
      ['0300043J', 'LEGTA de Nîmes', 'montpellier', 'agriculture'],
    ].map(([uai, nom, academie, ministere]) =>
      payload.create({
        collection: 'etablissements',
        overrideAccess: true,
        data: { uai, nom, academie, ministere } as never,
      }),
    ),
  )
})
afterAll(async () => fermer())

const creer = async (texte: string, inviter = true, user = monde.users.carif) =>
  creerComptesEnMasse(await requetePour(payload, user), texte, inviter)
const comptes = async () =>
  (await payload.find({ collection: 'users', pagination: false, overrideAccess: true, depth: 0 })).docs

describe('Lecture de la liste collée', () => {
  it('accepte UAI seuls ou suivis de l’adresse, séparés par ; , tabulation ou espace, en-tête et lignes vides ignorés', () => {
    const { lignes, erreurs } = lireLignes(
      'UAI;email\n0340001s\n\n0311127G\tjp@ac-toulouse.fr\n 0300043J , legta.nimes@educagri.fr ',
    )
    expect(erreurs).toEqual([])
    expect(lignes).toEqual([
      { ligne: 2, uai: '0340001S', email: null },
      { ligne: 4, uai: '0311127G', email: 'jp@ac-toulouse.fr' },
      { ligne: 5, uai: '0300043J', email: 'legta.nimes@educagri.fr' },
    ])
  })

  it('nomme la ligne et la raison de chaque refus', () => {
    const { erreurs } = lireLignes(
      '0340001X\n0340001S;pas-une-adresse\n0340001S\n0340001S;a@b.fr;en trop\n0340001S',
    )
    expect(erreurs.map((e) => e.ligne)).toEqual([1, 2, 4, 5])
    expect(erreurs[0]!.message).toMatch(/lettre clé/)
    expect(erreurs[1]!.message).toMatch(/adresse mail « pas-une-adresse » n'est pas valide/)
    expect(erreurs[2]!.message).toMatch(/rien de plus/)
    expect(erreurs[3]!.message).toMatch(/figure déjà plus haut/)
  })

  it("déduit l'adresse institutionnelle ce.<uai>@ac-<académie>.fr des établissements de l'Éducation nationale seulement", () => {
    expect(adresseInstitutionnelle('0340001S', 'montpellier', 'education-nationale')).toBe(
      'ce.0340001s@ac-montpellier.fr',
    )
    expect(adresseInstitutionnelle('0300043J', 'montpellier', 'agriculture')).toBeNull()
  })
})

describe('Création de comptes en masse', () => {
  it('refuse tout, sans rien créer, si une ligne est fausse, et nomme chaque ligne à corriger', async () => {
    const avant = (await comptes()).length
    const r = await creer('0340001S\n0300043J\n0999999F\n0340001X')
    expect(r.status).toBe(400)
    const body = r.body as {
      errors: { message: string; data: { errors: { ligne: number; message: string }[] } }[]
    }
    expect(body.errors[0]!.message).toBe("Aucun compte n'a été créé : 3 lignes à corriger.")
    expect(body.errors[0]!.data.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Ligne 2 : 0300043J n'a pas d'adresse institutionnelle connue/),
      expect.stringMatching(/^Ligne 3 : Aucun établissement 0999999F dans l'annuaire/),
      expect.stringMatching(/^Ligne 4 : Le code UAI « 0340001X » n'existe pas/),
    ])
    expect((await comptes()).length).toBe(avant)
  })

  it('crée un compte par établissement (identifiant = UAI), en attente de validation : l’invitation part quand l’administrateur valide, et permet de choisir son mot de passe ; les comptes existants sont passés', async () => {
    const r = await creer(
      '0340001S\n0311127G;direction.garros@ac-toulouse.fr\n0300043J;legta.nimes@educagri.fr\n0340042L',
    )
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const body = r.body as {
      message: string
      crees: { uai: string; email: string; invite: boolean; enAttente: boolean }[]
      existants: string[]
    }
    expect(body.message).toBe(
      "3 comptes créés, en attente de la validation de leur ouverture par l'administrateur de la plateforme : chacun recevra son invitation une fois validé ; 1 déjà existant.",
    )
    expect(body.existants).toEqual(['0340042L'])
    expect(body.crees.map((c) => [c.email, c.invite, c.enAttente])).toEqual([
      ['ce.0340001s@ac-montpellier.fr', false, true],
      ['direction.garros@ac-toulouse.fr', false, true],
      ['legta.nimes@educagri.fr', false, true],
    ])

    const compte = (
      await payload.find({
        collection: 'users',
        where: { username: { equals: '0340001s' } },
        overrideAccess: true,
        depth: 0,
      })
    ).docs[0]!
    expect(compte).toMatchObject({
      role: 'etablissement',
      nom: 'Lycée Joffre',
      actif: true,
      username: '0340001S',
      ouvertureValidee: false,
    })
    const sujet = 'Votre compte sur la plateforme Carte des formations — Occitanie'
    const invitations = async () =>
      (await lireEml(process.env.MAIL_DIR!)).filter(
        (m) => m.subject === sujet && body.crees.some((c) => c.email === m.destinataires[0]),
      )
    // Waiting: no invitation, and « Mot de passe oublié ? » sends nothing either.
    await payload.forgotPassword({ collection: 'users', data: { username: '0340001S' } as never })
    await executerLaFile(payload)
    expect(
      (await lireEml(process.env.MAIL_DIR!)).filter((m) =>
        body.crees.some((c) => m.destinataires.includes(c.email)),
      ),
    ).toEqual([])

    // The Carif-Oref cannot validate them, not even through « Compte actif ».
    await expect(
      payload.update({
        collection: 'users',
        id: compte.id,
        data: { ouvertureValidee: true } as never,
        user: monde.users.carif,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await payload.update({
      collection: 'users',
      id: compte.id,
      data: { actif: true, nom: 'Lycée Joffre' },
      user: monde.users.carif,
      overrideAccess: false,
    })
    expect(
      (await payload.findByID({ collection: 'users', id: compte.id, overrideAccess: true })).ouvertureValidee,
    ).toBe(false)

    // The administrator validates the three at once (the list's « Modifier » on the selection): one invitation each.
    const valides = await payload.update({
      collection: 'users',
      where: { ouvertureValidee: { equals: false } },
      data: { ouvertureValidee: true } as never,
      user: monde.users.admin,
      overrideAccess: false,
      depth: 0,
    })
    expect(valides.errors).toEqual([])
    expect(valides.docs.map((d) => d.username).sort()).toEqual(['0300043J', '0311127G', '0340001S'])
    expect(valides.docs[0]).toMatchObject({ ouvertureValidee: true, ouvertureValideePar: 'admin' })
    expect(Date.now() - new Date(valides.docs[0]!.ouvertureValideeLe!).getTime()).toBeLessThan(60_000)

    // The invitation link is valid for 14 days, not the hour of a password reset.
    const brut = (await payload.db.findOne({
      collection: 'users',
      where: { id: { equals: compte.id } },
    })) as unknown as { resetPasswordExpiration: string }
    expect(new Date(brut.resetPasswordExpiration).getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000)

    await executerLaFile(payload)
    expect((await invitations()).map((m) => m.destinataires[0]).sort()).toEqual([
      'ce.0340001s@ac-montpellier.fr',
      'direction.garros@ac-toulouse.fr',
      'legta.nimes@educagri.fr',
    ])
    const pourJoffre = (await invitations()).find(
      (m) => m.destinataires[0] === 'ce.0340001s@ac-montpellier.fr',
    )!
    expect(pourJoffre.text).toContain('Votre identifiant est : 0340001S')
    expect(pourJoffre.text).toContain('Lycée Joffre (0340001S)')
    const jeton = /\/admin\/reset\/([a-f0-9]+)/.exec(pourJoffre.text!)![1]!

    // The link really sets the password, and the new account can then sign in.
    await payload.resetPassword({
      collection: 'users',
      data: { token: jeton, password: 'Mon-nouveau-mot-de-passe-2027' },
      overrideAccess: true,
    })
    const session = await payload.login({
      collection: 'users',
      data: { username: '0340001S', password: 'Mon-nouveau-mot-de-passe-2027' } as never,
    })
    expect(session.user?.username).toBe('0340001S')

    // Run again: nothing created twice.
    const encore = await creer('0340001S\n0311127G')
    expect((encore.body as { message: string }).message).toBe('0 compte créé ; 2 déjà existants.')
  })

  it('par l’administrateur : validés d’emblée, l’invitation part tout de suite', async () => {
    await payload.create({
      collection: 'etablissements',
      overrideAccess: true,
      data: {
        uai: '0340002T',
        nom: 'Lycée Clemenceau',
        academie: 'montpellier',
        ministere: 'education-nationale',
      } as never,
    })
    const r = await creer('0340002T', true, monde.users.admin)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect((r.body as { message: string }).message).toBe(
      '1 compte créé, invitation envoyée à chacun ; 0 déjà existant.',
    )
    const compte = (
      await payload.find({
        collection: 'users',
        where: { username: { equals: '0340002t' } },
        overrideAccess: true,
        depth: 0,
      })
    ).docs[0]!
    expect(compte).toMatchObject({ ouvertureValidee: true, ouvertureValideePar: 'admin' })
    await executerLaFile(payload)
    expect(
      (await lireEml(process.env.MAIL_DIR!)).some((m) =>
        m.destinataires.includes('ce.0340002t@ac-montpellier.fr'),
      ),
    ).toBe(true)
  })

  it('est inscrite au journal et réservée aux éditeurs', async () => {
    const journal = await payload.find({
      collection: 'journal',
      where: { action: { equals: 'compte' } },
      overrideAccess: true,
      sort: '-createdAt',
      limit: 50,
    })
    expect(journal.docs.map((j) => j.resume)).toContain(
      '3 compte(s) établissement créé(s) en masse, en attente de la validation de leur ouverture, 1 déjà existant(s)',
    )
    for (const user of [monde.users.region, monde.users.rectoratM, monde.users.etabA, monde.users.reseau]) {
      expect((await creer('0340001S', true, user)).status).toBe(403)
    }
  })
})

describe('Désactivation d’un compte', () => {
  it('ferme ses sessions ouvertes, empêche toute nouvelle connexion et est journalisée', async () => {
    const { token } = await payload.login({
      collection: 'users',
      data: { username: '0310024H', password: 'mot-de-passe-de-test-123' } as never,
    })
    const avant = await payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })
    expect(avant.user?.username).toBe('0310024H')

    await payload.update({
      collection: 'users',
      id: monde.users.etabB.id,
      data: { actif: false },
      user: monde.users.carif,
      overrideAccess: false,
    })
    const apres = await payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })
    expect(apres.user).toBeNull()
    await expect(
      payload.login({
        collection: 'users',
        data: { username: '0310024H', password: 'mot-de-passe-de-test-123' } as never,
      }),
    ).rejects.toThrow()
    const journal = await payload.find({
      collection: 'journal',
      where: { documentId: { equals: String(monde.users.etabB.id) } },
      overrideAccess: true,
      sort: '-createdAt',
      limit: 1,
    })
    expect(journal.docs[0]).toMatchObject({
      action: 'compte',
      resume: 'Compte 0310024H modifié (actif)',
      utilisateur: 'carif',
    })
    await payload.update({
      collection: 'users',
      id: monde.users.etabB.id,
      data: { actif: true },
      overrideAccess: true,
    })
  })
})

describe('Un compte ouvert par le Carif-Oref : un mot de passe que personne ne connaît (attaque extérieure, F5)', () => {
  it('le mot de passe saisi par l’éditeur ne permet pas de se connecter ; l’invitation, si ; celui saisi par l’administrateur, si', async () => {
    const { users, etablissements } = monde
    const choisi = 'Mot-de-passe-de-l-editeur-2027'
    const ouvert = await payload.create({
      collection: 'users',
      user: users.carif,
      overrideAccess: false,
      depth: 0,
      data: {
        username: '0300057Z',
        email: 'ce.0300057z@ac-montpellier.fr',
        password: choisi,
        role: 'etablissement',
        etablissement: etablissements.m1.id,
        nom: 'LP Gaston Darboux',
      } as never,
    })
    await expect(
      payload.login({ collection: 'users', data: { username: '0300057Z', password: choisi } as never }),
    ).rejects.toThrow()
    expect(ouvert.ouvertureValidee).toBe(false)
    const pour0300057Z = async () =>
      (await lireEml(process.env.MAIL_DIR!)).find(
        (m) => m.destinataires[0] === 'ce.0300057z@ac-montpellier.fr',
      )
    await executerLaFile(payload)
    // No invitation until the administrator validates the opening (attack of 4 December 2026, finding 1).
    expect(await pour0300057Z()).toBeUndefined()
    await payload.update({
      collection: 'users',
      id: ouvert.id,
      data: { ouvertureValidee: true } as never,
      user: users.admin,
      overrideAccess: false,
    })
    await executerLaFile(payload)
    const invitation = await pour0300057Z()
    expect(invitation?.text).toContain('Votre identifiant est : 0300057Z')
    const jeton = /\/admin\/reset\/([a-f0-9]+)/.exec(invitation!.text!)![1]!
    await payload.resetPassword({
      collection: 'users',
      data: { token: jeton, password: 'Choisi-par-le-lycee-2027' },
      overrideAccess: true,
    })
    expect(
      (
        await payload.login({
          collection: 'users',
          data: { username: '0300057Z', password: 'Choisi-par-le-lycee-2027' } as never,
        })
      ).user?.id,
    ).toBe(ouvert.id)
    await payload.create({
      collection: 'users',
      user: users.admin,
      overrideAccess: false,
      depth: 0,
      data: {
        username: '0300058A',
        password: choisi,
        role: 'etablissement',
        etablissement: etablissements.m2.id,
        nom: 'Lycée Frédéric Mistral',
      } as never,
    })
    expect(
      (
        await payload.login({
          collection: 'users',
          data: { username: '0300058A', password: choisi } as never,
        })
      ).user?.username,
    ).toBe('0300058A')
  })
})

describe('Un compte ouvert par un autre que l’administrateur attend la validation de son ouverture (attaque du 4 décembre 2026, constat 1)', () => {
  const MESSAGE = "Ce compte attend la validation de son ouverture par l'administrateur de la plateforme."
  it('ni connexion ni lien de réinitialisation tant que l’administrateur n’a pas validé ; l’éditeur ne peut pas le valider', async () => {
    const { users } = monde
    const ouvert = await payload.create({
      collection: 'users',
      user: users.carif,
      overrideAccess: false,
      depth: 0,
      data: {
        username: 'reseau-en-attente',
        email: 'pirate-reseau@example.fr',
        role: 'reseau',
        reseau: monde.reseau.id,
        password: 'Choisi-par-l-editeur-2027',
      } as never,
    })
    expect(ouvert.ouvertureValidee).toBe(false)
    await expect(
      payload.create({
        collection: 'users',
        user: users.carif,
        overrideAccess: false,
        data: {
          username: 'reseau-valide-par-editeur',
          email: 'pirate-reseau-2@example.fr',
          role: 'reseau',
          reseau: monde.reseau.id,
          ouvertureValidee: true,
        } as never,
      }),
    ).rejects.toMatchObject({ status: 403 })
    // Even with a password it would know (set here behind the rules), the account does not sign in…
    await payload.update({
      collection: 'users',
      id: ouvert.id,
      data: { password: 'Connu-2027-du-pirate' },
      overrideAccess: true,
    })
    await expect(
      payload.login({
        collection: 'users',
        data: { username: 'reseau-en-attente', password: 'Connu-2027-du-pirate' } as never,
      }),
    ).rejects.toMatchObject({ status: 403, message: MESSAGE })
    // …nor through a reset link.
    const jeton = await payload.forgotPassword({
      collection: 'users',
      data: { username: 'reseau-en-attente' } as never,
      disableEmail: true,
    })
    await expect(
      payload.resetPassword({
        collection: 'users',
        data: { token: jeton, password: 'Autre-2027-du-pirate' },
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 403, message: MESSAGE })
    await payload.update({
      collection: 'users',
      id: ouvert.id,
      data: { ouvertureValidee: true } as never,
      user: users.admin,
      overrideAccess: false,
    })
    expect(
      (
        await payload.login({
          collection: 'users',
          data: { username: 'reseau-en-attente', password: 'Connu-2027-du-pirate' } as never,
        })
      ).user?.username,
    ).toBe('reseau-en-attente')
    const journal = await payload.find({
      collection: 'journal',
      where: { documentId: { equals: String(ouvert.id) }, action: { equals: 'compte' } },
      overrideAccess: true,
      sort: 'createdAt',
      depth: 0,
    })
    expect(journal.docs.map((j) => j.resume)).toEqual([
      'Compte reseau-en-attente créé, en attente de la validation de son ouverture',
      'Compte reseau-en-attente modifié (mot de passe)',
      'Compte reseau-en-attente modifié (ouvertureValidee)',
    ])
  })
})

describe('Un compte en attente de validation ne reçoit aucun courriel (seconde attaque du 4 décembre 2026, constat 3)', () => {
  it('les adresses d’une structure ne comprennent pas ses comptes en attente, jusqu’à leur validation', async () => {
    const { users } = monde
    const ouvert = await payload.create({
      collection: 'users',
      user: users.carif,
      overrideAccess: false,
      depth: 0,
      data: {
        username: 'reseau-en-attente-courriel',
        email: 'pirate-courriel@example.fr',
        role: 'reseau',
        reseau: monde.reseau.id,
      } as never,
    })
    expect(ouvert.ouvertureValidee).toBe(false)
    const cle = `reseau:${String(monde.reseau.id)}`
    expect(await adressesDeLaStructure(payload, cle)).not.toContain('pirate-courriel@example.fr')
    await payload.update({
      collection: 'users',
      id: ouvert.id,
      user: users.admin,
      overrideAccess: false,
      data: { ouvertureValidee: true } as never,
    })
    expect(await adressesDeLaStructure(payload, cle)).toContain('pirate-courriel@example.fr')
  })
})
