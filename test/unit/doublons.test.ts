import { describe, expect, it } from 'vitest'

import {
  avertissementDoublon,
  cleDoublon,
  critereDoublons,
  estDoublon,
  numerosDoublons,
  verifierDoublons,
} from '../../src/regles/doublons'
import { tailleFr } from '../../src/regles/tailles'

const base = {
  id: 1,
  numero: 10,
  statut: 'brouillon',
  etablissementConcerne: 7,
  diplome: 3,
  dureeFormation: 2,
  anneeFormation: 1,
  mesure: 'ouverture',
  rentree: 2027,
}
const validee = { ...base, id: 2, numero: 11, statut: 'validee' }

describe('Doublon d’une demande validée (même établissement, diplôme, durée, année, mesure, rentrée)', () => {
  it('une demande validée identique est un doublon, quel que soit son statut après validation', () => {
    expect(estDoublon(base, validee)).toBe(true)
    for (const statut of ['en-instruction', 'retenue', 'non-retenue', 'ajournee', 'a-corriger'])
      expect(estDoublon(base, { ...validee, statut })).toBe(true)
  })

  it('un brouillon identique n’en est pas un, ni la demande elle-même, ni une demande sans statut', () => {
    expect(estDoublon(base, { ...validee, statut: 'brouillon' })).toBe(false)
    expect(estDoublon(base, { ...validee, id: 1 })).toBe(false)
    expect(estDoublon(base, { ...validee, statut: null })).toBe(false)
  })

  it('une seule des six valeurs diffère : pas de doublon', () => {
    const autres = {
      etablissementConcerne: 8,
      diplome: 4,
      dureeFormation: 3,
      anneeFormation: 2,
      mesure: 'augmentation',
      rentree: 2028,
    }
    for (const [champ, valeur] of Object.entries(autres))
      expect(estDoublon(base, { ...validee, [champ]: valeur }), champ).toBe(false)
  })

  it('les autres champs (capacités, priorité, rapport) n’y changent rien', () => {
    expect(estDoublon({ ...base, priorite: 1 } as never, { ...validee, priorite: 2 } as never)).toBe(true)
  })

  it('un brouillon incomplet ne double rien (une valeur manquante, vide ou nulle)', () => {
    for (const champ of [
      'etablissementConcerne',
      'diplome',
      'dureeFormation',
      'anneeFormation',
      'mesure',
      'rentree',
    ]) {
      expect(cleDoublon({ ...base, [champ]: null })).toBeNull()
      expect(estDoublon({ ...base, [champ]: undefined }, validee), champ).toBe(false)
      expect(critereDoublons({ ...base, [champ]: '' })).toBeNull()
    }
  })

  it('identifiants de SQLite (nombres) ou de MongoDB (chaînes), ou documents peuplés : comparés pareil', () => {
    const mongo = {
      ...base,
      id: 'a'.repeat(24),
      etablissementConcerne: 'e'.repeat(24),
      diplome: 'd'.repeat(24),
    }
    const peuplee = {
      ...validee,
      id: 'b'.repeat(24),
      etablissementConcerne: { id: 'e'.repeat(24), uai: '0340042L' },
      diplome: { id: 'd'.repeat(24) },
    }
    expect(estDoublon(mongo, peuplee)).toBe(true)
    expect(estDoublon({ ...base, diplome: '3' }, validee)).toBe(true)
  })

  it('numerosDoublons : les numéros des demandes validées identiques, dans l’ordre', () => {
    const candidats = [
      { ...validee, id: 5, numero: 30 },
      { ...validee, id: 6, numero: 12, statut: 'brouillon' },
      { ...validee, id: 7, numero: 20 },
      { ...validee, id: 8, numero: 25, mesure: 'fermeture' },
    ]
    expect(numerosDoublons(base, candidats)).toEqual([20, 30])
    expect(numerosDoublons(base, [])).toEqual([])
  })

  it('critereDoublons : la requête des candidats (six égalités, hors brouillons, hors la demande)', () => {
    expect(critereDoublons(base)).toEqual({
      and: [
        { etablissementConcerne: { equals: 7 } },
        { diplome: { equals: 3 } },
        { dureeFormation: { equals: 2 } },
        { anneeFormation: { equals: 1 } },
        { mesure: { equals: 'ouverture' } },
        { rentree: { equals: 2027 } },
        { statut: { not_equals: 'brouillon' } },
        { id: { not_equals: 1 } },
      ],
    })
    // A demande not yet saved has no id to leave out.
    expect(critereDoublons({ ...base, id: undefined })?.and).toHaveLength(7)
  })

  it('à la validation : refusée tant que le doublon n’est pas confirmé, en français, sous « confirmerDoublon »', () => {
    expect(verifierDoublons([], false)).toBeNull()
    expect(verifierDoublons([11], true)).toBeNull()
    const e = verifierDoublons([11], false)
    expect(e?.path).toBe('confirmerDoublon')
    expect(e?.message).toMatch(/identique à la demande n° 11, déjà validée/)
    expect(e?.message).toMatch(/Je confirme déposer cette demande en double/)
    expect(verifierDoublons([11, 12, 13], false)?.message).toMatch(
      /les demandes n° 11, n° 12 et n° 13, déjà validées/,
    )
  })

  it('l’avertissement du formulaire dit que le brouillon est enregistré, celui du récapitulatif de cocher la case', () => {
    expect(avertissementDoublon([11])).toMatch(/^Attention : cette demande est identique à la demande n° 11/)
    expect(avertissementDoublon([11])).toMatch(/brouillon est enregistré/)
    expect(avertissementDoublon([11, 12], 'recap')).toMatch(/n° 11 et n° 12, déjà validées.*cochez la case/)
  })
})

describe('Taille d’un fichier en français', () => {
  it('octets, Ko, Mo, avec la virgule décimale', () => {
    expect(tailleFr(0)).toBe('0 octet')
    expect(tailleFr(1)).toBe('1 octet')
    expect(tailleFr(512)).toBe('512 octets')
    expect(tailleFr(20594)).toBe('20 Ko')
    expect(tailleFr(1536)).toBe('1,5 Ko')
    expect(tailleFr(5 * 1024 * 1024)).toBe('5 Mo')
    expect(tailleFr(1.25 * 1024 * 1024)).toBe('1,3 Mo')
    expect(tailleFr(null)).toBe('')
    expect(tailleFr(-1)).toBe('')
  })
})
