import fs from 'node:fs'

import { beforeAll, describe, expect, it } from 'vitest'

import { FICHIER_DIPLOMES, FICHIER_ETABLISSEMENTS } from '../../src/referentiel/fichiers'
import {
  dateIso,
  type DiplomeRef,
  type EtablissementRef,
  lireDiplomes,
  lireEtablissements,
  type Rejet,
} from '../../src/referentiel/lire'
import { lettreCleUai } from '../../src/uai'
import { toursPendant } from '../aides/boucle'

describe('Référentiel des établissements', () => {
  let lignes: EtablissementRef[]
  let rejets: Rejet[]
  beforeAll(async () => {
    ;({ lignes, rejets } = await lireEtablissements(fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8')))
  })

  it('lit les 764 établissements d’Occitanie sans rejet', () => {
    expect(rejets).toEqual([])
    expect(lignes).toHaveLength(764)
    expect(lignes.filter((e) => e.academie === 'montpellier')).toHaveLength(335)
    expect(lignes.filter((e) => e.academie === 'toulouse')).toHaveLength(429)
  })

  it('classe les lycées agricoles sous le ministère de l’agriculture', () => {
    const legtpa = lignes.find((e) => e.uai === '0480514Y')
    expect(legtpa).toMatchObject({
      ministere: 'agriculture',
      type: 'LEGTPA',
      departement: '48',
      academie: 'montpellier',
    })
    expect(lignes.find((e) => e.uai === '0340042L')).toMatchObject({
      ministere: 'education-nationale',
      secteur: 'public',
      commune: 'Montpellier',
    })
  })

  it('rejette les lignes malformées en donnant leur numéro et la raison', async () => {
    const csv = [
      'uai,nom,type,secteur,ministere_tutelle,commune,code_departement,code_academie',
      "0340042L,Lycée Jean Mermoz,LPO,PU,MINISTERE DE L'EDUCATION NATIONALE,Montpellier,34,11",
      '0340042M,Mauvaise clé,LP,PU,,Montpellier,34,11',
      '0340042L,Doublon,LP,PU,,Montpellier,34,11',
      '0310024H,,LP,PU,,Muret,31,16',
      '7510001V,Lycée parisien,LP,PU,,Paris,75,01',
      "0310024H,Lycée Pierre d'Aragon,LPO,PR,AGRICULTURE,Muret,31,16",
    ].join('\n')
    const r = await lireEtablissements(csv)
    expect(r.lignes.map((l) => l.uai)).toEqual(['0340042L', '0310024H'])
    expect(r.lignes[1]).toMatchObject({ secteur: 'prive', ministere: 'agriculture' })
    expect(r.rejets.map((x) => x.ligne)).toEqual([3, 4, 5, 6])
    expect(r.rejets[0]!.raison).toContain('lettre clé')
    expect(r.rejets[1]!.raison).toContain('déjà présent ligne 2')
    expect(r.rejets[2]!.raison).toContain('nom manquant')
    expect(r.rejets[3]!.raison).toContain('hors Occitanie')
  })

  it('lit aussi les noms de colonnes de l’export de l’Annuaire de l’éducation', async () => {
    const csv =
      'Identifiant_de_l_etablissement;Nom_etablissement;Statut_public_prive;Nom_commune;Code_departement;Code_academie\n0340042L;Lycée Jean Mermoz;Public;Montpellier;034;11'.replaceAll(
        ';',
        ',',
      )
    const r = await lireEtablissements(csv)
    expect(r.rejets).toEqual([])
    expect(r.lignes[0]).toMatchObject({
      uai: '0340042L',
      secteur: 'public',
      commune: 'Montpellier',
      academie: 'montpellier',
    })
  })

  it('refuse un fichier sans les colonnes indispensables', async () => {
    const r = await lireEtablissements('code,libelle\n1,2')
    expect(r.lignes).toEqual([])
    expect(r.rejets[0]).toMatchObject({ ligne: 1 })
    expect(r.rejets[0]!.raison).toContain('colonnes manquantes')
  })
})

describe('Référentiel des diplômes', () => {
  let lignes: DiplomeRef[]
  let rejets: Rejet[]
  beforeAll(async () => {
    ;({ lignes, rejets } = await lireDiplomes(fs.readFileSync(FICHIER_DIPLOMES, 'utf8'), '2026-11-26'))
  })

  it('lit les 2 581 diplômes professionnels, dont au moins 700 ouverts', () => {
    expect(rejets).toEqual([])
    expect(lignes).toHaveLength(2581)
    expect(lignes.filter((d) => d.ouvert).length).toBeGreaterThanOrEqual(700)
  })

  it('reprend les durées des MEF ouverts et les codes RNCP', () => {
    const cap = lignes.find((d) => d.cfd === '50022146')
    expect(cap).toMatchObject({ typeDiplome: 'CAP', durees: [1, 2, 3], ouvert: true })
    const bts = lignes.find((d) => d.cfd === '32031213')
    expect(bts?.durees).toEqual([1, 2])
    expect(bts?.codesRncp.length).toBeGreaterThan(0)
    expect(bts?.codesRncp.every((c) => c.startsWith('RNCP'))).toBe(true)
  })

  it('ignore la durée BCN 9 (non précisée) et se replie sur la durée usuelle du type', async () => {
    const csv =
      'cfd,type_diplome,libelle_long,date_ouverture,date_fermeture,durees_mef_toutes,durees_mef_ouverts,codes_rncp\n46321218,CSA NIV4,APICULTURE (CSA),2017-09-01,,9,9,'
    expect((await lireDiplomes(csv)).lignes[0]?.durees).toEqual([1])
  })

  it('marque fermé un diplôme dont la date de fermeture est passée', async () => {
    const csv =
      'cfd,type_diplome,libelle_long,date_ouverture,date_fermeture,durees_mef_ouverts\n01022001,MC,AGENT DE CONTROLE,01/09/1995,31/08/2024,1'
    expect((await lireDiplomes(csv, '2026-11-26')).lignes[0]).toMatchObject({
      ouvert: false,
      dateFermeture: '2024-08-31',
      dateOuverture: '1995-09-01',
    })
  })

  it('rejette code, date ou durée illisibles avec le numéro de ligne', async () => {
    const csv = [
      'cfd,type_diplome,libelle_long,date_ouverture,date_fermeture,durees_mef_ouverts',
      '123,CAP,TROP COURT,,,2',
      '50022146,CAP,CUISINE,le 1er septembre,,2',
      '99999999,XYZ,TYPE INCONNU,,,',
    ].join('\n')
    const r = await lireDiplomes(csv)
    expect(r.lignes).toEqual([])
    expect(r.rejets.map((x) => x.ligne)).toEqual([2, 3, 4])
    expect(r.rejets[1]!.raison).toContain('date illisible')
    expect(r.rejets[2]!.raison).toContain('aucune durée')
  })

  it('convertit les dates BCN jj/mm/aaaa', () => {
    expect(dateIso('01/09/2019')).toBe('2019-09-01')
    expect(dateIso('')).toBeNull()
    expect(dateIso('2019/09/01')).toBeUndefined()
  })
})

// Slow on a shared machine: a few seconds each.
describe('Issue 22 : un gros fichier se lit sans bloquer le serveur', { timeout: 60_000 }, () => {
  const N = 150_000
  const uai = (i: number) => {
    const chiffres = String(1_000_000 + i).padStart(7, '0')
    return chiffres + lettreCleUai(chiffres)
  }
  const annuaire = (ligne: (i: number) => string) =>
    ['\uFEFFuai,Nom,type,secteur,commune,code_departement,code_academie']
      .concat(Array.from({ length: N }, (_, i) => ligne(i)))
      .join('\r\n')

  it('150 000 lignes : la boucle d’événements tourne pendant la lecture, le résultat est le même', async () => {
    const csv = annuaire(
      (i) =>
        `${uai(i)},"Lycée ""n° ${i}""\nà la ligne",LP,${i % 2 ? 'PR' : 'PU'},Albi,081,${i % 2 ? 16 : 11}`,
    )
    const { resultat, tours } = await toursPendant(() => lireEtablissements(csv))
    expect(tours).toBeGreaterThanOrEqual(10)
    expect(resultat.rejets).toEqual([])
    expect(resultat.lignes).toHaveLength(N)
    const attendu = (i: number): EtablissementRef => ({
      uai: uai(i),
      nom: `Lycée "n° ${i}"\nà la ligne`,
      type: 'LP',
      secteur: i % 2 ? 'prive' : 'public',
      ministere: 'autre',
      commune: 'Albi',
      departement: '81',
      academie: i % 2 ? 'toulouse' : 'montpellier',
      ferme: false,
    })
    for (const i of [0, 1, 239, 240, 241, 77_777, N - 1]) expect(resultat.lignes[i]).toEqual(attendu(i))
  })

  it('un guillemet mal placé ou jamais fermé loin dans le fichier : « fichier illisible » avec sa ligne', async () => {
    const normale = (i: number) => `${uai(i)},Lycée ${i},LP,PU,Albi,81,16`
    const milieu = await lireEtablissements(
      annuaire((i) => (i === 120_000 ? `${uai(i)},ab"c,LP,PU,Albi,81,16` : normale(i))),
    )
    expect(milieu).toEqual({
      lignes: [],
      rejets: [
        {
          ligne: 120_002,
          raison: expect.stringMatching(/^fichier illisible ligne 120002 : un guillemet est au milieu/),
        },
      ],
    })
    const { resultat: ouvert, tours } = await toursPendant(() =>
      lireEtablissements(annuaire((i) => (i === 100_000 ? `${uai(i)},"abc,LP,PU,Albi,81,16` : normale(i)))),
    )
    expect(tours).toBeGreaterThanOrEqual(10)
    expect(ouvert).toEqual({
      lignes: [],
      rejets: [
        {
          ligne: 100_002,
          raison: 'fichier illisible ligne 100002 : un guillemet est ouvert et jamais fermé',
        },
      ],
    })
  })

  it('les diplômes aussi : 100 000 lignes lues en laissant tourner la boucle', async () => {
    const csv = ['cfd,type_diplome,libelle_long,date_ouverture,date_fermeture,durees_mef_ouverts,codes_rncp']
      .concat(
        Array.from(
          { length: 100_000 },
          (_, i) =>
            `${10_000_000 + i},CAP,LIBELLÉ ${i},01/09/2019,${i % 3 ? '' : '31/08/2024'},1|2,RNCP1| RNCP2`,
        ),
      )
      .join('\n')
    const { resultat, tours } = await toursPendant(() => lireDiplomes(csv, '2026-11-26'))
    expect(tours).toBeGreaterThanOrEqual(10)
    expect(resultat.rejets).toEqual([])
    expect(resultat.lignes).toHaveLength(100_000)
    expect(resultat.lignes[99_999]).toEqual({
      cfd: '10099999',
      libelle: 'LIBELLÉ 99999',
      typeDiplome: 'CAP',
      niveau: null,
      codesRncp: ['RNCP1', 'RNCP2'],
      durees: [1, 2],
      ouvert: false,
      dateOuverture: '2019-09-01',
      dateFermeture: '2024-08-31',
    })
  })
})
