import { beforeAll, describe, expect, it } from 'vitest'

import { appel, jeton, URL_SERVEUR } from '../aides/http'

/** SECURITY 35 (issue 22, items 2 and 8) through the production server: the reference import as an editor. */

let carif: string
let admin: string
beforeAll(async () => {
  carif = await jeton('carif-oref')
  admin = await jeton('admin')
})

const importer = (type: string, corps: string, simulation = true) =>
  fetch(`${URL_SERVEUR()}/api/referentiels/importer?type=${type}&simulation=${simulation}`, {
    method: 'POST',
    headers: { Authorization: `JWT ${carif}`, 'Content-Type': 'text/csv' },
    body: corps,
  }).then(async (r) => ({
    status: r.status,
    corps: await r.json().catch(() => null),
  }))

describe('SECURITY 35 : import des référentiels', () => {
  it('un CSV malformé (guillemet mal placé ou jamais fermé) → 400 « fichier illisible » avec la ligne, jamais 500, rien de modifié', async () => {
    const avant = (
      await appel('GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', { jeton: admin })
    ).corps.docs[0]
    const cas: [string, string, number][] = [
      ['etablissements', 'uai,nom,academie\n0340042L,Lycée,11\n0340043L,ab"c,11\n', 3],
      ['etablissements', 'uai,nom,academie\n0340042L,"abc"def,11\n', 2],
      ['etablissements', 'uai,nom,academie\n0340042L,"Lycée modifié,11\n', 2],
      ['diplomes', 'cfd,type_diplome,libelle_long\n50022146,CAP,CUI"SINE\n', 2],
      ['diplomes', 'cfd,type_diplome,libelle_long\n50022146,CAP,"CUISINE\n', 2],
    ]
    for (const [type, csv, ligne] of cas) {
      for (const simulation of [true, false]) {
        const r = await importer(type, csv, simulation)
        expect(r.status, `${type} ${JSON.stringify(csv)} : ${JSON.stringify(r.corps)}`).toBe(400)
        expect(r.corps.errors[0].message).toMatch(
          new RegExp(`^fichier : .*fichier illisible ligne ${ligne} : un guillemet`),
        )
      }
    }
    const apres = (
      await appel('GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', { jeton: admin })
    ).corps.docs[0]
    expect(apres.nom).toBe(avant.nom)
  })

  it('une colonne absente du fichier laisse son champ intact (annuaire réduit à uai, nom, academie)', async () => {
    const lycee = (
      await appel('GET', '/api/etablissements?where[ministere][equals]=agriculture&limit=1&depth=0', {
        jeton: admin,
      })
    ).corps.docs[0]
    const r = await importer(
      'etablissements',
      `uai,nom,academie\n${lycee.uai},"${lycee.nom}",${lycee.academie}\n`,
      false,
    )
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect({ modifies: r.corps.modifies, inchanges: r.corps.inchanges }).toEqual({
      modifies: 0,
      inchanges: 1,
    })
    const relu = (await appel('GET', `/api/etablissements/${lycee.id}?depth=0`, { jeton: admin })).corps
    expect({
      type: relu.type,
      secteur: relu.secteur,
      ministere: relu.ministere,
      commune: relu.commune,
      departement: relu.departement,
    }).toEqual({
      type: lycee.type,
      secteur: lycee.secteur,
      ministere: 'agriculture',
      commune: lycee.commune,
      departement: lycee.departement,
    })
  })
})
