import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { tailleFr } from '../../src/regles/tailles'
import { traiterValidation } from '../../src/validation'
import { campagne, construireMonde, demandeComplete, type Monde, type Utilisateur } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

/** Issue 18: projet lié by its numero across structures, never revealing the other's demande; duplicates. */
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
const modifier = (user: Utilisateur, id: number | string, data: Record<string, unknown>) =>
  payload.update({ collection: 'demandes', id, data: data as never, user, overrideAccess: false, depth: 0 })
const lire = (user: Utilisateur, id: number | string, depth = 0) =>
  payload.findByID({ collection: 'demandes', id, user, overrideAccess: false, depth })
const valider = async (
  user: Utilisateur,
  id: number | string,
  confirmer = true,
  confirmerDoublon?: boolean,
) => traiterValidation(await requetePour(payload, user), id, confirmer, { confirmerDoublon })
const erreur = (path: string, message: RegExp) => ({
  data: { errors: [expect.objectContaining({ path, message: expect.stringMatching(message) })] },
})

describe('Projet lié par son n° de projet', () => {
  it('A lie sa demande au brouillon de B par son numéro : le lien est posé, rien du brouillon de B ne se lit', async () => {
    const chezB = await creer(monde.users.etabB, {
      etablissementConcerne: monde.etablissements.b.id,
      diplome: monde.diplomes.bts.id,
      rapportOpportunite: 'Secret de B',
      siteFormation: 'Site secret de B',
    })
    const d = await creer(
      monde.users.etabA,
      demandeComplete(monde, { projetLie: true, numeroProjetLie: chezB.numero }),
    )
    expect(String(d.demandeLiee)).toBe(String(chezB.id))
    // Read back: the numero, and nothing else of B's draft, at any depth.
    const lue = await lire(monde.users.etabA, d.id, 3)
    expect(lue.numeroProjetLie).toBe(chezB.numero)
    const texte = JSON.stringify(lue)
    for (const secret of ['Secret de B', 'Site secret de B', "Lycée Pierre d'Aragon", 'Management'])
      expect(texte).not.toContain(secret)
    expect(typeof lue.demandeLiee === 'object' && lue.demandeLiee !== null).toBe(false)
    // The recap names the link by its numero only.
    const recap = await valider(monde.users.etabA, d.id, false)
    expect(recap.status, JSON.stringify(recap.body)).toBe(200)
    expect(JSON.stringify(recap.body)).toContain(`N° ${chezB.numero}`)
    expect(JSON.stringify(recap.body)).not.toContain('Secret de B')
  })

  it('un numéro qui ne désigne aucune demande, jamais créée ou supprimée : la même réponse, 400 « Projet lié »', async () => {
    const supprimee = await creer(monde.users.etabB, { etablissementConcerne: monde.etablissements.b.id })
    await payload.delete({ collection: 'demandes', id: supprimee.id, overrideAccess: true })
    const messages: string[] = []
    for (const numero of [supprimee.numero, 987_654]) {
      const refus = await creer(monde.users.etabA, {
        etablissementConcerne: monde.etablissements.a.id,
        projetLie: true,
        numeroProjetLie: numero,
      }).catch((e) => e)
      expect(refus).toMatchObject({
        status: 400,
        ...erreur('numeroProjetLie', /^« Projet lié » : aucun projet ne porte le n°/),
      })
      messages.push(String(refus.data.errors[0].message).replace(/\d+/, 'N'))
    }
    expect(messages[0]).toBe(messages[1])
    for (const numero of [0, -3, 2.5, 'douze'])
      await expect(
        creer(monde.users.etabA, {
          etablissementConcerne: monde.etablissements.a.id,
          numeroProjetLie: numero,
        }),
      ).rejects.toMatchObject({ status: 400, ...erreur('numeroProjetLie', /« Projet lié »/) })
  })

  it('jamais la demande elle-même, ni par son numéro ni par son identifiant', async () => {
    const d = await creer(monde.users.etabA, { etablissementConcerne: monde.etablissements.a.id })
    await expect(
      modifier(monde.users.etabA, d.id, { projetLie: true, numeroProjetLie: d.numero }),
    ).rejects.toMatchObject({ status: 400, ...erreur('numeroProjetLie', /elle-même/) })
    await expect(
      modifier(monde.users.etabA, d.id, { projetLie: true, demandeLiee: d.id }),
    ).rejects.toMatchObject({
      status: 400,
      ...erreur('demandeLiee', /« Projet lié » : une demande ne peut pas être liée à elle-même/),
    })
    expect((await lire(monde.users.etabA, d.id)).demandeLiee ?? null).toBeNull()
  })

  it('le numéro changé déplace le lien, null le retire ; le formulaire renvoie le même numéro sans rien changer', async () => {
    const [p1, p2] = await Promise.all([
      creer(monde.users.etabA, { etablissementConcerne: monde.etablissements.a.id }),
      creer(monde.users.etabB, { etablissementConcerne: monde.etablissements.b.id }),
    ])
    const d = await creer(monde.users.etabA, {
      etablissementConcerne: monde.etablissements.a.id,
      projetLie: true,
      numeroProjetLie: p1!.numero,
    })
    expect(String(d.demandeLiee)).toBe(String(p1!.id))
    const { demandeLiee: _l, ...sansLien } = await lire(monde.users.etabA, d.id)
    expect(
      String(
        (await modifier(monde.users.etabA, d.id, { ...sansLien, rapportOpportunite: 'Relu' })).demandeLiee,
      ),
    ).toBe(String(p1!.id))
    expect(
      String((await modifier(monde.users.etabA, d.id, { numeroProjetLie: p2!.numero })).demandeLiee),
    ).toBe(String(p2!.id))
    expect(
      (await modifier(monde.users.etabA, d.id, { numeroProjetLie: null })).demandeLiee ?? null,
    ).toBeNull()
  })
})

describe('Doublon d’une demande validée', () => {
  it('enregistré en brouillon, signalé dans le récapitulatif, refusé sans confirmation, validé avec', async () => {
    const premiere = await creer(monde.users.etabA, demandeComplete(monde))
    expect((await valider(monde.users.etabA, premiere.id)).status).toBe(200)
    // The same établissement, diplôme, durée, année, mesure and rentrée: the draft saves all the same.
    const double = await creer(monde.users.etabA2, demandeComplete(monde, { capaciteNouvelle: 15 }))
    expect(double.statut).toBe('brouillon')
    const recap = await valider(monde.users.etabA2, double.id, false)
    expect(recap.status).toBe(200)
    expect((recap.body.recapitulatif as { doublons: number[] }).doublons).toEqual([premiere.numero])
    const refus = await valider(monde.users.etabA2, double.id, true)
    expect(refus.status).toBe(400)
    expect(JSON.stringify(refus.body)).toMatch(/"path":"confirmerDoublon"/)
    expect(JSON.stringify(refus.body)).toContain(`identique à la demande n° ${premiere.numero}, déjà validée`)
    expect((await lire(monde.users.etabA, double.id)).statut).toBe('brouillon')
    expect((await valider(monde.users.etabA2, double.id, true, false)).status).toBe(400)
    const ok = await valider(monde.users.etabA2, double.id, true, true)
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect((await lire(monde.users.etabA, double.id)).statut).toBe('validee')
  })

  it('une seule valeur diffère (l’année de formation) ou le premier est un brouillon : aucun doublon', async () => {
    const premiere = await creer(
      monde.users.etabA,
      demandeComplete(monde, { diplome: monde.diplomes.bts.id }),
    )
    expect((await valider(monde.users.etabA, premiere.id)).status).toBe(200)
    const autreAnnee = await creer(
      monde.users.etabA,
      demandeComplete(monde, { diplome: monde.diplomes.bts.id, anneeFormation: 2 }),
    )
    const recap = await valider(monde.users.etabA, autreAnnee.id, false)
    expect((recap.body.recapitulatif as { doublons: number[] }).doublons).toEqual([])
    expect((await valider(monde.users.etabA, autreAnnee.id)).status).toBe(200)
    const brouillon = await creer(
      monde.users.etabA,
      demandeComplete(monde, { diplome: monde.diplomes.bts.id, dureeFormation: 1 }),
    )
    const meme = await creer(
      monde.users.etabA,
      demandeComplete(monde, { diplome: monde.diplomes.bts.id, dureeFormation: 1 }),
    )
    expect(brouillon.statut).toBe('brouillon')
    expect((await valider(monde.users.etabA, meme.id)).status).toBe(200)
  })

  it('déposé par une autre structure et lisible par le déposant (le réseau lit les demandes validées de ses membres) : signalé', async () => {
    const lycee = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        username: '0300057Z',
        password: 'mot-de-passe-de-test-123',
        role: 'etablissement',
        nom: 'LP',
        etablissement: monde.etablissements.m1.id,
      } as never,
    })
    const parLycee = await creer(
      { ...lycee, collection: 'users', role: 'etablissement', username: '0300057Z' } as never,
      demandeComplete(monde, { etablissementConcerne: monde.etablissements.m1.id }),
    )
    expect(
      (await valider({ ...lycee, collection: 'users', role: 'etablissement' } as never, parLycee.id)).status,
    ).toBe(200)
    const parReseau = await creer(
      monde.users.reseau,
      demandeComplete(monde, { etablissementConcerne: monde.etablissements.m1.id }),
    )
    // The check reads with the réseau's own access, which lets it read its members' validated demandes.
    await lire(monde.users.reseau, parLycee.id)
    const recap = await valider(monde.users.reseau, parReseau.id, false)
    expect((recap.body.recapitulatif as { doublons: number[] }).doublons).toEqual([parLycee.numero])
    expect((await valider(monde.users.reseau, parReseau.id)).status).toBe(400)
    expect((await valider(monde.users.reseau, parReseau.id, true, true)).status).toBe(200)
  })
})

describe('Le récapitulatif liste les annexes', () => {
  it('nom, taille en français et lien de téléchargement', async () => {
    const d = await creer(
      monde.users.etabA,
      demandeComplete(monde, { mesure: 'augmentation', capaciteActuelle: 12, capaciteNouvelle: 24 }),
    )
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer<</Root 1 0 R/Size 2>>\nstartxref\n9\n%%EOF\n',
    )
    await payload.create({
      collection: 'annexes',
      data: { demande: d.id, description: 'PV du conseil' } as never,
      file: { data: pdf, mimetype: 'application/pdf', name: 'pv-conseil.pdf', size: pdf.length },
      user: monde.users.etabA,
      overrideAccess: false,
    })
    const recap = await valider(monde.users.etabA, d.id, false)
    expect(recap.status, JSON.stringify(recap.body)).toBe(200)
    const annexes = (recap.body.recapitulatif as { annexes: { nom: string; taille: string; url: string }[] })
      .annexes
    expect(annexes).toHaveLength(1)
    expect(annexes[0]!.nom).toBe('pv-conseil.pdf')
    expect(annexes[0]!.taille).toBe(tailleFr(pdf.length))
    expect(annexes[0]!.taille).toMatch(/^\d+(,\d)? (octets|Ko)$/)
    expect(annexes[0]!.url).toMatch(/\/api\/annexes\/file\//)
  })
})

describe('Champs de date de toutes les collections et globales', () => {
  it('aucun format anglais : jour/mois/année en chiffres, heures sur 24 h, « Heure », jamais « AM/PM » ni « janv. 31 »', () => {
    type Champ = {
      type: string
      name?: string
      hidden?: boolean
      admin?: { hidden?: boolean; disabled?: boolean; date?: Record<string, unknown> }
      flattenedFields?: Champ[]
      blocks?: { flattenedFields: Champ[] }[]
    }
    const problemes: string[] = []
    const parcourir = (ou: string, champs: Champ[]) => {
      for (const c of champs) {
        // Payload's auth fields (reset token, lock; sessions: disabled) are never shown.
        if (c.hidden || c.admin?.disabled) continue
        if (c.flattenedFields) parcourir(`${ou}.${c.name}`, c.flattenedFields)
        for (const b of c.blocks ?? []) parcourir(`${ou}.${c.name}`, b.flattenedFields)
        if (c.type !== 'date' || c.admin?.hidden) continue
        const d = (c.admin?.date ?? {}) as {
          displayFormat?: string
          pickerAppearance?: string
          timeFormat?: string
          overrides?: { timeCaption?: string }
        }
        const nom = `${ou}.${c.name}`
        // Payload's defaults: « MM/dd/yyyy », « MMM d, yyy h:mm a » (« janv. 31, 2027 2:33 PM »), « MMM dd ».
        if (!d.displayFormat || /a|MMM/.test(d.displayFormat.replace(/'[^']*'/g, '')))
          problemes.push(`${nom} : format d'affichage ${d.displayFormat ?? 'par défaut'}`)
        if (d.pickerAppearance === 'dayAndTime' || d.pickerAppearance === 'timeOnly') {
          if (!d.timeFormat || /a/.test(d.timeFormat))
            problemes.push(`${nom} : heures ${d.timeFormat ?? 'h:mm aa'}`)
          if (d.overrides?.timeCaption !== 'Heure') problemes.push(`${nom} : légende des heures « Time »`)
        }
      }
    }
    for (const c of payload.config.collections) {
      // Payload's own hidden collections (jobs, migrations…) have no screen.
      if (c.admin?.hidden === true) continue
      parcourir(c.slug, c.flattenedFields as Champ[])
    }
    for (const g of payload.config.globals) parcourir(g.slug, g.flattenedFields as Champ[])
    expect(problemes).toEqual([])
  })
})
