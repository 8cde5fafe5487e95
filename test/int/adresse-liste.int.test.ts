import type { Payload } from 'payload'
import * as qs from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adresseSansRefus, PARAMETRE_IGNORES, refusNommes } from '../../src/admin/adresseListe'
import { construireMonde, type Monde } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

/**
 * The admin's list address without what the list would not apply (issue 16: Payload's list view fails on it, or
 * stays blank). The address is given as Next gives it to the page: flat `where[a][b]` keys.
 */
let payload: Payload
let fermer: () => Promise<void>
let monde: Monde
type Compte = Monde['users'][keyof Monde['users']]

const LISTE = '/admin/collections/demandes'
const sans = (user: Compte, parametres: Record<string, string>, slug = 'demandes', chemin = LISTE) =>
  adresseSansRefus(payload, { ...user, collection: 'users' } as never, chemin, slug, parametres)
const requeteDe = (adresse: string) =>
  qs.parse(adresse.split('?')[1] ?? '', { depth: 10 }) as Record<string, unknown>
const notice = async (user: Compte, adresse: string, slug = 'demandes') =>
  refusNommes(
    await requetePour(payload, user),
    slug,
    { [PARAMETRE_IGNORES]: String(requeteDe(adresse)[PARAMETRE_IGNORES] ?? '') },
    undefined,
  )

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => fermer?.())

describe("L'adresse d'une liste de l'administration", () => {
  it("ce que la liste applique reste tel quel (null) : aucun détour pour l'usage ordinaire", async () => {
    const { users } = monde
    for (const p of <Record<string, string>[]>[
      { 'where[statut][equals]': 'validee', sort: '-numero' },
      {
        'where[and][0][etablissementConcerne.uai][like]': '0340',
        'where[and][1][mesure][in]': 'ouverture,fermeture',
      },
      { 'where[numero][greater_than]': '3', 'where[createdAt][less_than]': '2027-01-31T00:00:00.000Z' },
      { 'where[etablissementConcerne][equals]': String(monde.etablissements.a.id) },
      { page: '2' },
    ])
      expect(await sans(users.etabA, p), JSON.stringify(p)).toBeNull()
    expect(await sans(users.rectoratM, { 'where[avis.avis][exists]': 'false' })).toBeNull()
  })

  it("un établissement : l'avis et la décision retirés du filtre et du tri, le reste gardé, nommés par nos libellés", async () => {
    const { users } = monde
    const adresse = await sans(users.etabA, {
      'where[or][0][and][0][avis.avis][exists]': 'true',
      'where[or][0][and][1][statut][equals]': 'validee',
      'where[decision.decision][equals]': 'retenue',
      sort: '-avis.avis,numero',
      limit: '20',
    })
    const requete = requeteDe(adresse!)
    expect(requete.where).toEqual({ or: [{ and: [{ statut: { equals: 'validee' } }] }] })
    expect(requete.sort).toBe('numero')
    expect(requete.limit).toBe('20')
    expect(await notice(users.etabA, adresse!)).toEqual([
      "Filtre sur « Avis des autorités académiques » : vous n'avez pas accès à cette information.",
      "Filtre sur « Décision de la Région » : vous n'avez pas accès à cette information.",
      "Tri sur « Avis des autorités académiques » : vous n'avez pas accès à cette information.",
    ])
  })

  it('ce que Payload ne sait pas afficher, pour tout rôle : exists à travers une relation, opérateur ou valeur du mauvais type, champs des versions', async () => {
    const { users } = monde
    for (const [cle, valeur] of [
      ['where[etablissementConcerne.id][exists]', 'true'],
      ['where[etablissementConcerne.uai][exists]', 'true'],
      ['where[numero][near]', '1,2'],
      ['where[numero][like]', '1'],
      ['where[createdAt][equals]', 'abc'],
      ['where[etablissementConcerne][equals]', 'abc'],
      ['where[etablissementConcerne][in]', '1,abc'],
      ['where[statut][exists]', 'peut-être'],
    ]) {
      const adresse = await sans(users.admin, { [cle]: valeur })
      expect(adresse, cle).not.toBeNull()
      expect(requeteDe(adresse!).where, cle).toBeUndefined()
      const lignes = await notice(users.admin, adresse!)
      expect(lignes, cle).toHaveLength(1)
      expect(lignes[0], cle).toMatch(/^Filtre sur « .+ » : sa condition ou sa valeur n'est pas valide\.$/)
    }
    for (const cle of [
      'where[latest][equals]',
      'where[_id][exists]',
      'where[parent][equals]',
      'where[version.numero][equals]',
    ]) {
      const adresse = await sans(users.admin, { [cle]: '1' })
      expect(requeteDe(adresse!).where, cle).toBeUndefined()
      expect(await notice(users.admin, adresse!), cle).toEqual([
        'Un filtre ou un tri porte sur une information que cette liste ne contient pas.',
      ])
    }
  })

  it("le nom d'un champ inconnu n'est jamais répété dans la page (texte choisi par qui écrit le lien)", async () => {
    const { users } = monde
    const adresse = await sans(users.etabA, { 'where[Compte suspendu appelez le 0612345678][equals]': '1' })
    expect(await notice(users.etabA, adresse!)).toEqual([
      'Un filtre ou un tri porte sur une information que cette liste ne contient pas.',
    ])
    // The parameter itself is re-checked: a path this reader may use, or one of ours, is never named as refused.
    const lignes = await refusNommes(
      await requetePour(payload, users.rectoratM),
      'demandes',
      {
        [PARAMETRE_IGNORES]:
          'acces-filtre:statut,acces-tri:numero,acces-filtre:avis.avis,acces-filtre:Appelez-nous,autre',
      },
      undefined,
    )
    expect(lignes).toEqual(['Un filtre ou un tri porte sur une information que cette liste ne contient pas.'])
  })

  it('la corbeille, un tri en liste (sort[0]), un groupement invalide : même traitement', async () => {
    const { users } = monde
    const corbeille = await sans(
      users.etabA,
      { 'where[avis.avis][exists]': 'true' },
      'demandes',
      `${LISTE}/trash`,
    )
    expect(corbeille!.startsWith(`${LISTE}/trash?`)).toBe(true)
    const tri = await sans(users.etabA, { 'sort[0]': '-avis.avis', 'sort[1]': 'numero' })
    expect(requeteDe(tri!).sort).toBe('numero')
    const groupe = await sans(users.admin, { queryByGroup: 'x' })
    expect(requeteDe(groupe!).queryByGroup).toBeUndefined()
    // A list of more than 20 conditions: qs makes an object of it; the permitted ones are kept.
    const longue = await sans(users.etabA, {
      'where[and][21][avis.avis][exists]': 'true',
      'where[and][0][numero][equals]': '1',
    })
    expect(requeteDe(longue!).where).toEqual({ and: [{ numero: { equals: '1' } }] })
  })

  it('un seul filtre, refusé : plus de where du tout ; une adresse déjà nettoyée ne renvoie nulle part', async () => {
    const adresse = await sans(monde.users.draaf, { 'where[decision.decision][exists]': 'false' })
    const requete = requeteDe(adresse!)
    expect(requete.where).toBeUndefined()
    expect(
      await sans(monde.users.draaf, { [PARAMETRE_IGNORES]: String(requete[PARAMETRE_IGNORES]) }),
    ).toBeNull()
  })

  it('un tri refusé gardé dans les préférences de la liste est nommé', async () => {
    const noms = await refusNommes(
      await requetePour(payload, monde.users.etabA),
      'demandes',
      {},
      '-avis.avis',
    )
    expect(noms).toEqual([
      "Tri sur « Avis des autorités académiques » : vous n'avez pas accès à cette information.",
    ])
  })

  it("un filtre enregistré que la liste ne saurait appliquer ni dessiner est refusé à l'enregistrement, en français", async () => {
    const { users } = monde
    const enregistrer = (user: Compte, where: unknown) =>
      payload.create({
        collection: 'payload-query-presets',
        data: {
          title: 'Essai',
          relatedCollection: 'demandes',
          where,
          access: {
            read: { constraint: 'onlyMe' },
            update: { constraint: 'onlyMe' },
            delete: { constraint: 'onlyMe' },
          },
        } as never,
        user: { ...users[user === users.admin ? 'admin' : 'rectoratM'], collection: 'users' } as never,
        overrideAccess: false,
        depth: 0,
      })
    await expect(
      enregistrer(users.admin, { or: [{ and: [{ 'etablissementConcerne.id': { exists: 'true' } }] }] }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [
          {
            path: 'where',
            message:
              "Ce filtre ne peut pas être enregistré. Filtre sur « Code UAI de l'établissement concerné » : sa condition ou sa valeur n'est pas valide.",
          },
        ],
      },
    })
    await expect(
      enregistrer(users.rectoratM, { or: [{ and: [{ 'validePar.email': { equals: 'x@y.fr' } }] }] }),
    ).rejects.toMatchObject({ status: 400 })
    const bon = await enregistrer(users.rectoratM, { or: [{ and: [{ statut: { equals: 'validee' } }] }] })
    expect(bon.id).toBeDefined()
  })
})
