import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type FichierSource, lireTablesBcn } from '../../src/referentiel/bcn'
import {
  FICHIER_ETABLISSEMENTS,
  fichiersDuDossier,
  importerFichiersReference,
  optionsDe,
} from '../../src/referentiel/fichiers'
import { importerDiplomes, importerEtablissements } from '../../src/referentiel/importer'
import { lireEtablissements } from '../../src/referentiel/lire'
import { annuaireComplet } from '../aides/annuaire'
import { payloadDeTest } from '../aides/payload'

/**
 * Issue 21 on SQLite and MongoDB: the annuaire's own export and the BCN's own tables, imported over the shipped
 * reference (data/reference), lose nothing; écoles and collèges are not created; a closed lycée is flagged; a
 * second run changes nothing; a file that would empty a guarded field on more than 1 % of the rows writes nothing
 * until confirmed.
 */

let payload: Payload
let fermer: () => Promise<void>
const DOSSIER_BCN = path.resolve('test/fixtures/bcn')
const JOUR_DU_FICHIER = '2025-09-01'

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  const { rejets } = await importerFichiersReference(payload)
  expect(rejets).toBe(0)
})
afterAll(async () => fermer())

const etablissement = async (uai: string) =>
  (await payload.find({ collection: 'etablissements', where: { uai: { equals: uai } }, depth: 0 })).docs[0]!
const diplome = async (cfd: string) =>
  (await payload.find({ collection: 'diplomes', where: { cfd: { equals: cfd } }, depth: 0 })).docs[0]!

async function importerAnnuaire(csv: string, options: { simulation?: boolean; confirmer?: boolean } = {}) {
  const lecture = await lireEtablissements(csv)
  return importerEtablissements(payload, lecture.lignes, lecture.rejets, {
    ...optionsDe(lecture),
    ...options,
  })
}

async function importerBcn(
  fichiers: FichierSource[],
  options: { simulation?: boolean; confirmer?: boolean } = {},
) {
  const lecture = await lireTablesBcn(fichiers, JOUR_DU_FICHIER)
  return importerDiplomes(payload, lecture.lignes, lecture.rejets, { ...optionsDe(lecture), ...options })
}

describe("L'export complet de l'annuaire", () => {
  it('simulation : les 625 lycées inchangés, aucun champ vidé, écoles et collèges hors champ, les CFA absents de l’export', async () => {
    const annuaire = annuaireComplet()
    const bilan = await importerAnnuaire(annuaire.csv, { simulation: true })
    expect({
      crees: bilan.crees,
      modifies: bilan.modifies,
      inchanges: bilan.inchanges,
      horsChamp: bilan.horsChamp,
      absents: bilan.absentsExport.nombre,
      vides: bilan.vides,
      rejetes: bilan.rejetes,
    }).toEqual({
      crees: 0,
      modifies: 0,
      inchanges: 625,
      horsChamp: 6240 - 625,
      // The CFA of data/reference come from ACCE and SIFA, not from the annuaire: kept, reported.
      absents: 139,
      vides: [],
      rejetes: [],
    })
    expect(bilan.absentsExport.cles).toContain('0110681F')
  })

  it('import : un lycée fermé est marqué « Fermé », un nouveau lycée créé avec son type, aucune école créée ; rien n’est supprimé', async () => {
    const avant = await payload.count({ collection: 'etablissements' })
    const annuaire = annuaireComplet((l) => {
      if (l.identifiant_de_l_etablissement === '0110007Y') l.etat = 'FERME'
      // A new lycée professionnel: only its nature says it is an LP.
      if (l.nom_etablissement === 'Collège n° 6' && l.code_departement === '034') {
        l.nom_etablissement = 'Lycée professionnel des Garrigues'
        l.code_nature = '320'
        l.libelle_nature = 'LYCEE PROFESSIONNEL'
        l.type_etablissement = 'Lycée'
      }
    })
    const nouveau = annuaire.lignes.find((l) => l.nom_etablissement === 'Lycée professionnel des Garrigues')!
    const bilan = await importerAnnuaire(annuaire.csv)
    expect({ crees: bilan.crees, modifies: bilan.modifies, vides: bilan.vides }).toEqual({
      crees: 1,
      modifies: 1,
      vides: [],
    })
    expect(bilan.changements.find((c) => c.cle === '0110007Y')!.champs).toEqual({
      ferme: { avant: false, apres: true },
    })
    expect(await payload.count({ collection: 'etablissements' })).toEqual({ totalDocs: avant.totalDocs + 1 })
    expect(await etablissement('0110007Y')).toMatchObject({ ferme: true, type: 'LPO', departement: '11' })
    expect(await etablissement(nouveau.identifiant_de_l_etablissement)).toMatchObject({
      type: 'LP',
      departement: '34',
      academie: 'montpellier',
      secteur: expect.any(String),
      ferme: false,
    })
    expect(await etablissement('0110681F')).toBeTruthy()

    const second = await importerAnnuaire(annuaire.csv)
    expect({ crees: second.crees, modifies: second.modifies, inchanges: second.inchanges }).toEqual({
      crees: 0,
      modifies: 0,
      inchanges: 626,
    })
  })

  it('un fichier qui viderait le type de plus de 1 % des établissements n’écrit rien ; confirmé, il écrit', async () => {
    // Our file with the type and the nature of 20 lycées left empty (20 > 1 % of 764).
    const [entete, ...lignes] = fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8').trimEnd().split('\n')
    const simples = lignes.filter((l) => !l.includes('"')).slice(0, 20)
    const vide = lignes.map((l) =>
      simples.includes(l) ? l.replace(/^([^,]*,[^,]*),[^,]*,([^,]*),[^,]*,/, '$1,,$2,,') : l,
    )
    const csv = [entete, ...vide].join('\n')
    const premier = simples[0]!.split(',')[0]!
    const avant = await etablissement(premier)
    expect(avant.type).toBeTruthy()
    const refuse = await importerAnnuaire(csv)
    expect(refuse.confirmationRequise).toBe(true)
    expect(refuse.garde).toEqual([
      { champ: 'type', libelle: "Type d'établissement", nombre: 20, part: 20 / 764 },
    ])
    expect((await etablissement(premier)).updatedAt).toBe(avant.updatedAt)
    const confirme = await importerAnnuaire(csv, { confirmer: true })
    expect({ modifies: confirme.modifies, confirmationRequise: confirme.confirmationRequise }).toEqual({
      modifies: 20,
      confirmationRequise: false,
    })
    expect((await etablissement(premier)).type).toBeNull()
  })
})

describe('Les tables de la BCN', () => {
  const tables = () => fichiersDuDossier(DOSSIER_BCN)

  it('N_FORMATION_DIPLOME + N_MEF + CFD → RNCP : codes RNCP et durées gardés, rien de vidé, CPGE… hors champ ; un second import ne change rien', async () => {
    const cap = await diplome('50022146')
    const bilan = await importerBcn(tables())
    expect(bilan.vides).toEqual([])
    expect(bilan.rejetes).toEqual([])
    expect(bilan.horsChamp).toBe(40)
    expect(bilan.crees).toBe(0)
    for (const c of bilan.changements) {
      expect(Object.keys(c.champs), c.cle).not.toContain('durees')
      expect(Object.keys(c.champs), c.cle).not.toContain('codesRncp')
    }
    expect(await diplome('50022146')).toMatchObject({ durees: cap.durees, codesRncp: cap.codesRncp })
    const second = await importerBcn(tables())
    expect({ crees: second.crees, modifies: second.modifies, inchanges: second.inchanges }).toEqual({
      crees: 0,
      modifies: 0,
      inchanges: 146,
    })
  })

  it('un N_MEF plus récent qui change une durée ne change que celle-là ; sans N_MEF, les durées restent', async () => {
    const bacPro = await diplome('40020009')
    expect(bacPro.durees).toEqual([3])
    const fichiers = tables().map((f) =>
      f.nom === 'N_MEF.csv'
        ? {
            ...f,
            // Every MEF of the BAC PRO now lasts 2 years.
            texte: f.texte
              .split('\n')
              .map((l) =>
                l.split(',')[2] === '40020009' ? l.replace(/^([^,]*,[^,]*,40020009,)3,/, '$12,') : l,
              )
              .join('\n'),
          }
        : f,
    )
    const bilan = await importerBcn(fichiers)
    expect(bilan.changements).toEqual([
      { cle: '40020009', operation: 'modification', champs: { durees: { avant: [3], apres: [2] } } },
    ])
    expect((await diplome('40020009')).durees).toEqual([2])
    const sansMef = await importerBcn(tables().filter((f) => f.nom !== 'N_MEF.csv'))
    expect(sansMef.modifies).toBe(0)
    expect((await diplome('40020009')).durees).toEqual([2])
  })

  it('une correspondance RNCP vide viderait les codes de plus de 1 % des diplômes : refusé sans confirmation, rien d’écrit ; confirmé, écrit', async () => {
    const fichiers = tables().map((f) =>
      /Kit|dgesco/i.test(f.nom) ? { ...f, texte: f.texte.split('\n')[0]! + '\n' } : f,
    )
    const cap = await diplome('50022146')
    expect(cap.codesRncp!.length).toBeGreaterThan(0)
    const refuse = await importerBcn(fichiers)
    expect(refuse.confirmationRequise).toBe(true)
    expect(refuse.garde).toEqual([
      expect.objectContaining({ champ: 'codesRncp', libelle: 'Codes RNCP', nombre: expect.any(Number) }),
    ])
    expect(refuse.garde[0]!.part).toBeGreaterThan(0.01)
    expect((await diplome('50022146')).codesRncp).toEqual(cap.codesRncp)
    const confirme = await importerBcn(fichiers, { confirmer: true })
    expect(confirme.confirmationRequise).toBe(false)
    expect((await diplome('50022146')).codesRncp).toEqual([])
    // Put back for the other files' sake (each file has its own database, this is just tidy).
    await importerBcn(tables(), { confirmer: true })
    expect((await diplome('50022146')).codesRncp).toEqual(cap.codesRncp)
  })
})
