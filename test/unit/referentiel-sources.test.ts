import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { lireTablesBcn, lireFichiersDiplomes } from '../../src/referentiel/bcn'
import { fichiersDuDossier, FICHIER_DIPLOMES, FICHIER_ETABLISSEMENTS } from '../../src/referentiel/fichiers'
import { champsTropVides, comparer } from '../../src/referentiel/importer'
import { rapportCsv } from '../../src/referentiel/rapport'
import { lireDiplomes, lireEtablissements } from '../../src/referentiel/lire'
import { annuaireComplet } from '../aides/annuaire'

/** Issue 21: the import derives from the raw exports what the build of data/reference derived. */

const DOSSIER_BCN = path.resolve('test/fixtures/bcn')
/** The day data/reference/formations_diplomes_pro.csv was built (its `durees_mef_ouverts`). */
const JOUR_DU_FICHIER = '2025-09-01'

describe('Établissements : les deux formes de colonnes donnent les mêmes champs', () => {
  it('l’export complet de l’annuaire (écoles, collèges, lycées) : les lycées lus comme dans notre fichier, le reste hors champ', async () => {
    const annuaire = annuaireComplet()
    expect(annuaire.lignes).toHaveLength(6240)
    const brut = await lireEtablissements(annuaire.csv)
    const derive = await lireEtablissements(fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8'))
    expect(brut.rejets).toEqual([])
    expect(brut.horsChamp).toBe(6240 - 625)
    expect(brut.lignes).toHaveLength(625)
    expect(brut.cles).toHaveLength(6240)
    const parUai = new Map(derive.lignes.map((l) => [l.uai, l]))
    for (const l of brut.lignes) expect(l, l.uai).toEqual(parUai.get(l.uai))
    // Types, académies and départements derived, not read: the export has no such columns.
    expect(brut.lignes.find((l) => l.uai === '0110007Y')).toMatchObject({
      type: 'LPO',
      departement: '11',
      academie: 'montpellier',
      secteur: 'public',
      ferme: false,
    })
    expect(brut.lignes.find((l) => l.uai === '0480514Y')).toMatchObject({
      type: 'LEGTPA',
      ministere: 'agriculture',
    })
    expect(brut.absents).toEqual([])
  })

  it('« etat » FERME : l’établissement est lu fermé ; sans colonne etat, le champ n’est pas touché', async () => {
    const annuaire = annuaireComplet((l) => {
      if (l.identifiant_de_l_etablissement === '0110007Y') l.etat = 'FERME'
    })
    const brut = await lireEtablissements(annuaire.csv)
    expect(brut.lignes.find((l) => l.uai === '0110007Y')!.ferme).toBe(true)
    expect(brut.lignes.filter((l) => l.ferme)).toHaveLength(1)
    const derive = await lireEtablissements(fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8'))
    expect(derive.absents).toContain('ferme')
  })
})

describe('Diplômes : les tables de la BCN donnent les champs de notre fichier', () => {
  it('N_FORMATION_DIPLOME + N_MEF + Kit apprentissage + liste DGESCO : type, durées et codes RNCP identiques ; CPGE, licences… hors champ', async () => {
    const tables = await lireTablesBcn(fichiersDuDossier(DOSSIER_BCN), JOUR_DU_FICHIER)
    const derive = await lireDiplomes(fs.readFileSync(FICHIER_DIPLOMES, 'utf8'), JOUR_DU_FICHIER)
    expect(tables.rejets).toEqual([])
    expect(tables.horsChamp).toBe(40)
    expect(tables.lignes).toHaveLength(146)
    expect(tables.absents).toEqual([])
    const parCfd = new Map(derive.lignes.map((l) => [l.cfd, l]))
    for (const l of tables.lignes) {
      const attendu = parCfd.get(l.cfd)!
      expect(l, l.cfd).toEqual({ ...attendu, codesRncp: [...attendu.codesRncp].sort() })
    }
    expect(tables.lignes.find((l) => l.cfd === '50022146')).toMatchObject({
      typeDiplome: 'CAP',
      durees: [1, 2, 3],
    })
  })

  it('une table absente laisse ses champs : sans N_MEF les durées, sans correspondance RNCP les codes', async () => {
    const fichiers = fichiersDuDossier(DOSSIER_BCN)
    const sansMef = await lireTablesBcn(
      fichiers.filter((f) => f.nom !== 'N_MEF.csv'),
      JOUR_DU_FICHIER,
    )
    expect(sansMef.absents).toEqual(['durees'])
    const seule = await lireTablesBcn(
      fichiers.filter((f) => f.nom === 'N_FORMATION_DIPLOME.csv'),
      JOUR_DU_FICHIER,
    )
    expect(seule.absents).toEqual(['durees', 'codesRncp'])
    expect(seule.lignes).toHaveLength(146)
    // N_MEF alone: only the lengths of the diplômes already known, nothing created.
    const mef = await lireTablesBcn(
      fichiers.filter((f) => f.nom === 'N_MEF.csv'),
      JOUR_DU_FICHIER,
    )
    expect(mef.sansCreation).toBe(true)
    expect(mef.lignes.find((l) => l.cfd === '50022146')).toEqual({ cfd: '50022146', durees: [1, 2, 3] })
  })

  it('un seul fichier : notre fichier dérivé est lu comme tel, N_FORMATION_DIPLOME comme une table de la BCN', async () => {
    const derive = await lireFichiersDiplomes([
      { nom: 'f.csv', texte: fs.readFileSync(FICHIER_DIPLOMES, 'utf8') },
    ])
    expect(derive.lignes).toHaveLength(2581)
    const bcn = await lireFichiersDiplomes(
      fichiersDuDossier(DOSSIER_BCN).filter((f) => f.nom === 'N_FORMATION_DIPLOME.csv'),
    )
    expect({ lignes: bcn.lignes.length, horsChamp: bcn.horsChamp, rejets: bcn.rejets }).toEqual({
      lignes: 146,
      horsChamp: 40,
      rejets: [],
    })
    const inconnu = await lireFichiersDiplomes([
      { nom: 'a.csv', texte: 'x,y\n1,2\n' },
      { nom: 'b.csv', texte: 'x,y\n1,2\n' },
    ])
    expect(inconnu.rejets[0]!.raison).toMatch(/^a\.csv : en-tête non reconnu/)
  })
})

describe('Comparaison d’un fichier aux lignes en base', () => {
  const existants = [
    { id: 1, uai: 'A', nom: 'Lycée A', type: 'LP', codes: ['R2', 'R1'] },
    { id: 2, uai: 'B', nom: 'Lycée B', type: 'LPO', codes: [] },
    { id: 3, uai: 'C', nom: 'Lycée C', type: 'LGT', codes: ['R3'] },
  ]

  it('compte par champ les valeurs qu’il viderait, ignore l’ordre des listes, les colonnes absentes et les champs laissés de côté', async () => {
    const plan = await comparer(
      existants,
      [
        { uai: 'A', nom: 'Lycée A', type: null, codes: ['R1', 'R2'] },
        { uai: 'B', nom: 'Lycée B2', type: '', codes: [] },
        { uai: 'C', nom: undefined, type: 'LGT', codes: [] },
        { uai: 'D', nom: 'Nouveau', type: 'LP', codes: [] },
      ],
      'uai',
      { absents: [], cles: ['A', 'B', 'C', 'D'] },
    )
    expect(plan.vides).toEqual({ type: 2, codes: 1 })
    expect(plan.modifications.map((m) => [m.cle, Object.keys(m.champs)])).toEqual([
      ['A', ['type']],
      ['B', ['nom', 'type']],
      ['C', ['codes']],
    ])
    expect(plan.creations.map((c) => c.uai)).toEqual(['D'])
    const sansType = await comparer(
      existants,
      [{ uai: 'A', nom: 'Lycée A', type: null, codes: ['R1'] }],
      'uai',
      {
        absents: ['type', 'codes'],
      },
    )
    expect(sansType.inchanges).toBe(1)
    expect(sansType.vides).toEqual({})
  })

  it('les lignes absentes de l’export sont nommées, sans création possible rien n’est créé', async () => {
    const plan = await comparer(existants, [{ uai: 'A' }, { uai: 'E' }], 'uai', {
      cles: ['A', 'E', 'C'],
      sansCreation: true,
    })
    expect(plan.absentsExport).toEqual(['B'])
    expect(plan.creations).toEqual([])
    expect(plan.ignores).toBe(1)
  })

  it('au-delà de 1 % des lignes comparées, un champ gardé vidé demande confirmation', () => {
    expect(champsTropVides({ type: 1 }, 100, ['type'])).toEqual([])
    expect(champsTropVides({ type: 2 }, 100, ['type'])).toEqual(['type'])
    expect(champsTropVides({ commune: 50 }, 100, ['type'])).toEqual([])
    expect(champsTropVides({ type: 1 }, 1, ['type'])).toEqual(['type'])
  })
})

describe('Rapport CSV', () => {
  it('en-têtes en français, champs nommés par leur libellé, une formule de tableur neutralisée, les comptes', () => {
    const csv = rapportCsv({
      message: '',
      simulation: true,
      cle: 'CFD',
      crees: 0,
      modifies: 1,
      inchanges: 2,
      rejetes: [{ ligne: 4, raison: 'CFD 1 : libellé manquant.' }],
      changements: [
        {
          cle: '40020009',
          operation: 'modification',
          champs: { durees: { avant: [3], apres: [2] }, libelle: { avant: 'A', apres: '=SOMME(A1)' } },
        },
      ],
      horsChamp: 40,
      ignores: 0,
      absentsExport: { nombre: 1, cles: ['50022146'] },
      vides: [],
      garde: [],
      confirmationRequise: false,
      libelles: { durees: 'Durées possibles (en années)', libelle: 'Libellé' },
    })
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFCFD;Opération;Champ;Avant;Après;Remarque',
      '40020009;Modification;Durées possibles (en années);3;2;',
      "40020009;Modification;Libellé;A;'=SOMME(A1);",
      ';Ligne refusée;;;;ligne 4 : CFD 1 : libellé manquant.',
      "50022146;Absent de l'export;;;;conservé sans changement",
      ';Total;Créations;;;0',
      ';Total;Modifications;;;1',
      ';Total;Inchangées;;;2',
      ';Total;Refusées;;;1',
      ';Total;Hors champ;;;40',
      ";Total;Absentes de l'export;;;1",
      '',
    ])
  })
})
