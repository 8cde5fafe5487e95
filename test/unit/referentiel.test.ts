import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { FICHIER_DIPLOMES, FICHIER_ETABLISSEMENTS } from '../../src/referentiel/fichiers'
import { dateIso, lireDiplomes, lireEtablissements } from '../../src/referentiel/lire'

describe('Référentiel des établissements', () => {
  const { lignes, rejets } = lireEtablissements(fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8'))

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

  it('rejette les lignes malformées en donnant leur numéro et la raison', () => {
    const csv = [
      'uai,nom,type,secteur,ministere_tutelle,commune,code_departement,code_academie',
      "0340042L,Lycée Jean Mermoz,LPO,PU,MINISTERE DE L'EDUCATION NATIONALE,Montpellier,34,11",
      '0340042M,Mauvaise clé,LP,PU,,Montpellier,34,11',
      '0340042L,Doublon,LP,PU,,Montpellier,34,11',
      '0310024H,,LP,PU,,Muret,31,16',
      '7510001V,Lycée parisien,LP,PU,,Paris,75,01',
      "0310024H,Lycée Pierre d'Aragon,LPO,PR,AGRICULTURE,Muret,31,16",
    ].join('\n')
    const r = lireEtablissements(csv)
    expect(r.lignes.map((l) => l.uai)).toEqual(['0340042L', '0310024H'])
    expect(r.lignes[1]).toMatchObject({ secteur: 'prive', ministere: 'agriculture' })
    expect(r.rejets.map((x) => x.ligne)).toEqual([3, 4, 5, 6])
    expect(r.rejets[0]!.raison).toContain('lettre clé')
    expect(r.rejets[1]!.raison).toContain('déjà présent ligne 2')
    expect(r.rejets[2]!.raison).toContain('nom manquant')
    expect(r.rejets[3]!.raison).toContain('hors Occitanie')
  })

  it('lit aussi les noms de colonnes de l’export de l’Annuaire de l’éducation', () => {
    const csv =
      'Identifiant_de_l_etablissement;Nom_etablissement;Statut_public_prive;Nom_commune;Code_departement;Code_academie\n0340042L;Lycée Jean Mermoz;Public;Montpellier;034;11'.replaceAll(
        ';',
        ',',
      )
    const r = lireEtablissements(csv)
    expect(r.rejets).toEqual([])
    expect(r.lignes[0]).toMatchObject({
      uai: '0340042L',
      secteur: 'public',
      commune: 'Montpellier',
      academie: 'montpellier',
    })
  })

  it('refuse un fichier sans les colonnes indispensables', () => {
    const r = lireEtablissements('code,libelle\n1,2')
    expect(r.lignes).toEqual([])
    expect(r.rejets[0]).toMatchObject({ ligne: 1 })
    expect(r.rejets[0]!.raison).toContain('colonnes manquantes')
  })
})

describe('Référentiel des diplômes', () => {
  const { lignes, rejets } = lireDiplomes(fs.readFileSync(FICHIER_DIPLOMES, 'utf8'), '2026-11-26')

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

  it('ignore la durée BCN 9 (non précisée) et se replie sur la durée usuelle du type', () => {
    const csv =
      'cfd,type_diplome,libelle_long,date_ouverture,date_fermeture,durees_mef_toutes,durees_mef_ouverts,codes_rncp\n46321218,CSA NIV4,APICULTURE (CSA),2017-09-01,,9,9,'
    expect(lireDiplomes(csv).lignes[0]?.durees).toEqual([1])
  })

  it('marque fermé un diplôme dont la date de fermeture est passée', () => {
    const csv =
      'cfd,type_diplome,libelle_long,date_ouverture,date_fermeture,durees_mef_ouverts\n01022001,MC,AGENT DE CONTROLE,01/09/1995,31/08/2024,1'
    expect(lireDiplomes(csv, '2026-11-26').lignes[0]).toMatchObject({
      ouvert: false,
      dateFermeture: '2024-08-31',
      dateOuverture: '1995-09-01',
    })
  })

  it('rejette code, date ou durée illisibles avec le numéro de ligne', () => {
    const csv = [
      'cfd,type_diplome,libelle_long,date_ouverture,date_fermeture,durees_mef_ouverts',
      '123,CAP,TROP COURT,,,2',
      '50022146,CAP,CUISINE,le 1er septembre,,2',
      '99999999,XYZ,TYPE INCONNU,,,',
    ].join('\n')
    const r = lireDiplomes(csv)
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
