import fs from 'node:fs'
import path from 'node:path'

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { estUaiValide, lettreCleUai, normaliserUai, verifierUai } from '../../src/uai'

function uaisDe(fichier: string): string[] {
  const lignes = parse(fs.readFileSync(fichier, 'utf8'), { columns: true }) as { uai: string }[]
  return lignes.map((l) => l.uai)
}

const EMBARQUE = path.resolve('data/reference/etablissements_occitanie.csv')
// Not shipped with the project: only beside a checkout that has the shared reference data set.
const CFA_PARTAGES = path.resolve('../shared/refdata/cfa_france_acce_2021.csv')

describe('UAI : normalisation et lettre clé', () => {
  it('accepte chacun des 764 UAI de l’annuaire embarqué', () => {
    const uais = uaisDe(EMBARQUE)
    expect(uais).toHaveLength(764)
    const refuses = uais.filter((u) => !estUaiValide(u))
    expect(refuses).toEqual([])
  })

  it.runIf(fs.existsSync(CFA_PARTAGES))(
    'accepte chaque UAI de l’annuaire embarqué et des CFA de France (fichier de référence partagé)',
    () => {
      const occitanie = uaisDe(EMBARQUE)
      const cfa = uaisDe(CFA_PARTAGES)
      expect(occitanie).toHaveLength(764)
      expect(cfa).toHaveLength(933)
      expect([...occitanie, ...cfa].filter((u) => !estUaiValide(u))).toEqual([])
    },
  )

  it('calcule la lettre clé sur 23 lettres sans I, O ni Q', () => {
    expect(lettreCleUai('0340042')).toBe('L')
    expect(lettreCleUai('0000000')).toBe('A')
    expect(lettreCleUai('0000022')).toBe('Z')
    expect(lettreCleUai('0000008')).toBe('J')
  })

  it('normalise les espaces et les minuscules avant de vérifier', () => {
    expect(normaliserUai('  0340042l ')).toBe('0340042L')
    expect(verifierUai(' 0340042l')).toEqual({ valide: true, uai: '0340042L' })
  })

  it.each([
    ['0340042M', 'lettre clé'],
    ['0340042I', 'lettre clé'],
    ['034004L', '8 caractères'],
    ['03400420L', '8 caractères'],
    ['A340042L', '8 caractères'],
    ['0340042', '8 caractères'],
    ['0340 042L', '8 caractères'],
    ['', 'obligatoire'],
  ])('refuse « %s » avec un message clair (%s)', (saisie, extrait) => {
    const r = verifierUai(saisie)
    expect(r.valide).toBe(false)
    expect(r.valide === false && r.message).toContain(extrait)
  })

  it('refuse ce qui n’est pas du texte', () => {
    expect(estUaiValide(340042)).toBe(false)
    expect(estUaiValide(null)).toBe(false)
    expect(estUaiValide({ uai: '0340042L' })).toBe(false)
  })
})
