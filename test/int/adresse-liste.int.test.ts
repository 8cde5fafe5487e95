import type { Payload } from 'payload'
import * as qs from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adresseSansRefus, PARAMETRE_IGNORES, refusNommes } from '../../src/admin/adresseListe'
import { construireMonde, type Monde } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

/**
 * The admin's list address without what the reader may not filter or sort on (issue 16: Payload's list view fails
 * on it). The address is given as Next gives it to the page: flat `where[a][b]` keys.
 */
let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

const sans = (user: Monde['users'][keyof Monde['users']], parametres: Record<string, string>) =>
  adresseSansRefus(payload, { ...user, collection: 'users' } as never, 'demandes', parametres)
const requeteDe = (adresse: string) =>
  qs.parse(adresse.split('?')[1] ?? '', { depth: 10 }) as Record<string, unknown>

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => fermer?.())

describe("L'adresse d'une liste", () => {
  it("sans condition refusée, elle reste telle quelle (null) : aucun détour pour l'usage ordinaire", async () => {
    const { users } = monde
    expect(await sans(users.etabA, { 'where[statut][equals]': 'validee', sort: '-numero' })).toBeNull()
    expect(await sans(users.rectoratM, { 'where[avis.avis][exists]': 'false' })).toBeNull()
    expect(await sans(users.etabA, { page: '2' })).toBeNull()
  })

  it("un établissement : l'avis et la décision retirés du filtre et du tri, le reste gardé, nommés ensuite", async () => {
    const { users } = monde
    const adresse = await sans(users.etabA, {
      'where[or][0][and][0][avis.avis][exists]': 'true',
      'where[or][0][and][1][statut][equals]': 'validee',
      'where[decision.decision][equals]': 'retenue',
      sort: '-avis.avis,numero',
      limit: '20',
    })
    expect(adresse).not.toBeNull()
    const requete = requeteDe(adresse!)
    expect(requete.where).toEqual({ or: [{ and: [{ statut: { equals: 'validee' } }] }] })
    expect(requete.sort).toBe('numero')
    expect(requete.limit).toBe('20')
    expect(String(requete[PARAMETRE_IGNORES]).split(',').sort()).toEqual([
      'filtre:avis.avis',
      'filtre:decision.decision',
      'tri:avis.avis',
    ])
    const noms = await refusNommes(
      await requetePour(payload, users.etabA),
      'demandes',
      { [PARAMETRE_IGNORES]: String(requete[PARAMETRE_IGNORES]) },
      undefined,
    )
    expect(noms.map((r) => r.message)).toEqual([
      "Filtre impossible sur « Avis des autorités académiques » : vous n'avez pas accès à ce champ.",
      "Filtre impossible sur « Décision de la Région » : vous n'avez pas accès à ce champ.",
      "Tri impossible sur « Avis des autorités académiques » : vous n'avez pas accès à ce champ.",
    ])
  })

  it('un seul filtre, refusé : plus de where du tout', async () => {
    const adresse = await sans(monde.users.draaf, { 'where[decision.decision][exists]': 'false' })
    expect(requeteDe(adresse!).where).toBeUndefined()
  })

  it("ce que l'adresse dit retiré est revérifié : un chemin permis, inconnu ou d'un autre lecteur n'est pas nommé comme refusé", async () => {
    const { users } = monde
    const parametres = { [PARAMETRE_IGNORES]: 'filtre:statut,tri:numero,autre:avis.avis,filtre:avis.avis' }
    const rectorat = await refusNommes(
      await requetePour(payload, users.rectoratM),
      'demandes',
      parametres,
      undefined,
    )
    expect(rectorat).toEqual([])
    const ecole = await refusNommes(
      await requetePour(payload, users.etabA),
      'demandes',
      parametres,
      undefined,
    )
    expect(ecole.map((r) => r.chemin)).toEqual(['avis.avis'])
  })

  it('un tri refusé gardé dans les préférences de la liste est nommé', async () => {
    const noms = await refusNommes(
      await requetePour(payload, monde.users.etabA),
      'demandes',
      {},
      '-avis.avis',
    )
    expect(noms.map((r) => r.message)).toEqual([
      "Tri impossible sur « Avis des autorités académiques » : vous n'avez pas accès à ce champ.",
    ])
  })
})
