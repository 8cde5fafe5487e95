import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  FICHIER_DIPLOMES,
  FICHIER_ETABLISSEMENTS,
  importerFichiersReference,
} from '../../src/referentiel/fichiers'
import { CHANGEMENTS_MAX, importerDiplomes, importerEtablissements } from '../../src/referentiel/importer'
import { type EtablissementRef, lireDiplomes, lireEtablissements } from '../../src/referentiel/lire'
import { lettreCleUai } from '../../src/uai'
import { payloadDeTest } from '../aides/payload'
import { toursPendant } from '../aides/boucle'

let payload: Payload
let fermer: () => Promise<void>

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
})
afterAll(async () => fermer())

describe('Import des référentiels', () => {
  it('charge les 764 établissements et les diplômes, avec au moins 700 diplômes ouverts', async () => {
    const { rapport, rejets } = await importerFichiersReference(payload)
    expect(rejets).toBe(0)
    expect(rapport).toContain('Établissements : 764 créé(s)')
    expect(rapport).toContain('Diplômes : 2581 créé(s)')
    expect((await payload.count({ collection: 'etablissements' })).totalDocs).toBe(764)
    expect(
      (await payload.count({ collection: 'diplomes', where: { ouvert: { equals: true } } })).totalDocs,
    ).toBeGreaterThanOrEqual(700)
    const cap = await payload.find({ collection: 'diplomes', where: { cfd: { equals: '50022146' } } })
    expect(cap.docs[0]).toMatchObject({
      typeDiplome: 'CAP',
      durees: [1, 2, 3],
      ouvert: true,
      intitule: 'CAP CUISINE (CAP) (50022146)',
    })
  })

  it('est idempotent : un second import ne change rien et le dit', async () => {
    const avant = await payload.find({ collection: 'etablissements', where: { uai: { equals: '0340042L' } } })
    const { rapport } = await importerFichiersReference(payload)
    expect(rapport).toContain('Établissements : 0 créé(s), 0 modifié(s), 764 inchangé(s)')
    expect(rapport).toContain("Établissements : déjà à jour, rien n'a été modifié.")
    expect(rapport).toContain('Diplômes : 0 créé(s), 0 modifié(s), 2581 inchangé(s)')
    const apres = await payload.find({ collection: 'etablissements', where: { uai: { equals: '0340042L' } } })
    expect(apres.docs[0]!.updatedAt).toBe(avant.docs[0]!.updatedAt)
  })

  it('accepte un export plus récent : modifie ce qui a changé, ajoute le nouveau, rejette le malformé', async () => {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-ref-'))
    const lignes = fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8').trimEnd().split('\n')
    const mermoz = lignes.findIndex((l) => l.startsWith('0340042L,'))
    lignes[mermoz] = lignes[mermoz]!.replace(
      'Lycée polyvalent Jean Mermoz',
      'Lycée polyvalent Jean Mermoz (renommé)',
    )
    const colonnes = lignes[0]!.split(',').length
    const nouveau = Array(colonnes).fill('')
    Object.assign(nouveau, { 0: '0349999J', 1: 'Nouveau lycée', 2: 'LP', 13: 'Sète', 14: '34', 16: '11' })
    lignes.push(nouveau.join(','), lignes[1]!.replace(/^0110004V/, '0110004X'))
    const fichier = path.join(dossier, 'annuaire.csv')
    fs.writeFileSync(fichier, lignes.join('\n'))
    const { rapport, rejets } = await importerFichiersReference(payload, {
      etablissements: fichier,
      diplomes: FICHIER_DIPLOMES,
    })
    expect(rapport).toContain(
      'Établissements : 1 créé(s), 1 modifié(s), 763 inchangé(s), 1 ligne(s) rejetée(s).',
    )
    expect(rapport).toMatch(new RegExp(`ligne ${lignes.length} rejetée : Le code UAI « 0110004X »`))
    expect(rejets).toBe(1)
    const renomme = await payload.find({
      collection: 'etablissements',
      where: { uai: { equals: '0340042L' } },
    })
    expect(renomme.docs[0]!.nom).toBe('Lycée polyvalent Jean Mermoz (renommé)')
    expect(renomme.docs[0]!.libelle).toBe('0340042L — Lycée polyvalent Jean Mermoz (renommé) (Montpellier)')
  })
})

describe('SECURITY 35 : un fichier malformé est refusé en entier, une colonne absente ne vide rien', () => {
  it('un guillemet mal placé ou jamais fermé : « fichier illisible » avec la ligne, aucune ligne lue', async () => {
    const cas: [string, number][] = [
      ['uai,nom,academie\n0340042L,Lycée,11\n0340043L,ab"c,11\n', 3],
      ['uai,nom,academie\n0340042L,"abc"def,11\n', 2],
      ['uai,nom,academie\n0340042L,Lycée,11\n0340043L,"abc,11\n0340044L,Lycée,11\n', 3],
    ]
    for (const [csv, ligne] of cas) {
      const lecture = await lireEtablissements(csv)
      expect(lecture.lignes).toEqual([])
      expect(lecture.rejets).toEqual([
        {
          ligne,
          raison: expect.stringMatching(new RegExp(`^fichier illisible ligne ${ligne} : un guillemet`)),
        },
      ])
    }
    const diplomes = await lireDiplomes('cfd,type_diplome,libelle_long\n50022146,CAP,"CUISINE\n')
    expect(diplomes.lignes).toEqual([])
    expect(diplomes.rejets[0]!.raison).toMatch(
      /^fichier illisible ligne 2 : un guillemet est ouvert et jamais fermé/,
    )
  })

  it('un annuaire réduit à uai, nom, academie change le nom et laisse type, secteur, ministère, commune et département', async () => {
    const agricole = (
      await payload.find({
        collection: 'etablissements',
        where: { ministere: { equals: 'agriculture' } },
        limit: 1,
      })
    ).docs[0]!
    const avant = {
      type: agricole.type,
      secteur: agricole.secteur,
      ministere: agricole.ministere,
      commune: agricole.commune,
      departement: agricole.departement,
    }
    expect(avant.commune).toBeTruthy()
    const lecture = await lireEtablissements(
      `uai,nom,academie\n${agricole.uai},${agricole.nom} (partiel),${agricole.academie}\n`,
    )
    const bilan = await importerEtablissements(payload, lecture.lignes, lecture.rejets, {
      absents: lecture.absents,
    })
    expect({ crees: bilan.crees, modifies: bilan.modifies }).toEqual({ crees: 0, modifies: 1 })
    expect(Object.keys(bilan.changements[0]!.champs)).toEqual(['nom'])
    const apres = await payload.findByID({ collection: 'etablissements', id: agricole.id })
    expect(apres.nom).toBe(`${agricole.nom} (partiel)`)
    expect({
      type: apres.type,
      secteur: apres.secteur,
      ministere: apres.ministere,
      commune: apres.commune,
      departement: apres.departement,
    }).toEqual(avant)
  })

  it('un fichier BCN réduit à cfd, type, libellé laisse durées, ouverture, dates et codes RNCP', async () => {
    const cap = (await payload.find({ collection: 'diplomes', where: { cfd: { equals: '50022146' } } }))
      .docs[0]!
    const avant = {
      durees: cap.durees,
      ouvert: cap.ouvert,
      dateOuverture: cap.dateOuverture,
      dateFermeture: cap.dateFermeture,
      codesRncp: cap.codesRncp,
      niveau: cap.niveau,
    }
    const lecture = await lireDiplomes(
      `cfd,type_diplome,libelle_long\n50022146,CAP,${cap.libelle} (partiel)\n`,
    )
    const bilan = await importerDiplomes(payload, lecture.lignes, lecture.rejets, {
      absents: lecture.absents,
    })
    expect(bilan.modifies).toBe(1)
    expect(Object.keys(bilan.changements[0]!.champs)).toEqual(['libelle'])
    const apres = await payload.findByID({ collection: 'diplomes', id: cap.id })
    expect({
      durees: apres.durees,
      ouvert: apres.ouvert,
      dateOuverture: apres.dateOuverture,
      dateFermeture: apres.dateFermeture,
      codesRncp: apres.codesRncp,
      niveau: apres.niveau,
    }).toEqual(avant)
  })
})

describe('Issue 22 : un gros import laisse le serveur répondre', () => {
  const nouveaux = (n: number, depuis: number): EtablissementRef[] =>
    Array.from({ length: n }, (_, i) => {
      const chiffres = String(1_000_000 + depuis + i).padStart(7, '0')
      return {
        uai: chiffres + lettreCleUai(chiffres),
        nom: `Lycée généré ${i}`,
        type: 'LP',
        secteur: 'public',
        ministere: 'education-nationale',
        commune: 'Albi',
        departement: '81',
        academie: 'toulouse',
        ferme: false,
      }
    })

  it('la comparaison de 20 000 lignes (simulation) rend la main à la boucle d’événements', async () => {
    const { resultat, tours } = await toursPendant(() =>
      importerEtablissements(payload, nouveaux(20_000, 0), [], { simulation: true }),
    )
    expect(tours).toBeGreaterThanOrEqual(10)
    expect({ crees: resultat.crees, modifies: resultat.modifies }).toEqual({ crees: 20_000, modifies: 0 })
    expect(resultat.changements).toHaveLength(CHANGEMENTS_MAX)
    expect(
      await payload.count({ collection: 'etablissements', where: { nom: { like: 'Lycée généré' } } }),
    ).toEqual({ totalDocs: 0 })
  })

  it('les écritures aussi : la main est rendue après chaque lot écrit', async () => {
    const lignes = nouveaux(40, 50_000)
    const { resultat, tours } = await toursPendant(() => importerEtablissements(payload, lignes))
    expect(resultat.crees).toBe(40)
    expect(tours).toBeGreaterThanOrEqual(4)
    const renommees = lignes.map((l) => ({ ...l, nom: `${l.nom} (renommé)` }))
    const modification = await toursPendant(() => importerEtablissements(payload, renommees))
    expect(modification.resultat.modifies).toBe(40)
    expect(modification.tours).toBeGreaterThanOrEqual(4)
  })
})
