import fs from 'node:fs'
import path from 'node:path'

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { lireTablesBcn } from '../../src/referentiel/bcn'
import { construireDiplomes, construireEtablissements } from '../../src/referentiel/construire'
import { fichiersDuDossier, FICHIER_DIPLOMES, FICHIER_ETABLISSEMENTS } from '../../src/referentiel/fichiers'
import { lireDiplomes, lireEtablissements } from '../../src/referentiel/lire'
import { annuaireComplet } from '../aides/annuaire'

/** Issue 21: the build of data/reference and the import derive with the same functions. */

const lignes = (texte: string) => parse(texte, { columns: true }) as Record<string, string>[]
const tables = fichiersDuDossier(path.resolve('test/fixtures/bcn'))
const texte = (nom: RegExp) => tables.filter((f) => nom.test(f.nom)).map((f) => f.texte)

describe('Construction de data/reference', () => {
  it('formations_diplomes_pro.csv : les tables de la BCN redonnent les lignes livrées, colonne par colonne', async () => {
    const construit = construireDiplomes(
      { formations: texte(/FORMATION/)[0]!, mef: texte(/MEF/)[0]!, rncp: texte(/Kit|dgesco/) },
      '2025-09-01',
    )
    const livre = new Map(lignes(fs.readFileSync(FICHIER_DIPLOMES, 'utf8')).map((l) => [l.cfd, l]))
    const obtenu = lignes(construit)
    expect(obtenu).toHaveLength(146)
    for (const l of obtenu) expect(l, l.cfd).toEqual(livre.get(l.cfd!))
    // And what the import reads from the built file is what it reads from the tables themselves.
    const depuisConstruit = await lireDiplomes(construit, '2025-09-01')
    const depuisTables = await lireTablesBcn(tables, '2025-09-01')
    const parCfd = <T extends { cfd: string }>(l: T[]) => [...l].sort((a, b) => (a.cfd < b.cfd ? -1 : 1))
    expect(parCfd(depuisConstruit.lignes)).toEqual(parCfd(depuisTables.lignes))
  })

  it('etablissements_occitanie.csv : l’export de l’annuaire redonne les lignes livrées, CFA compris', async () => {
    const livre = fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8')
    const construit = construireEtablissements(
      annuaireComplet().csv,
      livre,
      'annuaire-education (ThomasAyr/carte_scolaire_dev)',
    )
    const trier = (l: Record<string, string>[]) => [...l].sort((a, b) => (a.uai! < b.uai! ? -1 : 1))
    expect(trier(lignes(construit))).toEqual(trier(lignes(livre)))
    expect((await lireEtablissements(construit)).lignes).toHaveLength(764)
  })
})
