import { describe, expect, it } from 'vitest'

import {
  autresParametres,
  DEPARTEMENTS,
  filtresDesParametres,
  lienListeFiltree,
  parametresDuWhere,
  whereDesFiltres,
} from '../../src/admin/filtresDemandes'

const parametres = (lien: string) => [...new URLSearchParams(lien.split('?')[1] ?? '').entries()]

describe('Filtres de la liste des demandes', () => {
  it('sans filtre : aucun where, la liste entière', () => {
    expect(whereDesFiltres({})).toEqual({})
    expect(whereDesFiltres({ academie: '', etablissement: '  ', sansAvis: false })).toEqual({})
    expect(lienListeFiltree({})).toBe('/admin/collections/demandes')
  })

  it('chaque filtre, une condition sur le champ de la demande, toutes requises', () => {
    expect(
      whereDesFiltres({
        academie: 'toulouse',
        departement: '31',
        typeDiplome: 'CAP',
        mesure: 'ouverture',
        statut: 'validee',
      }),
    ).toEqual({
      and: [
        { academie: { equals: 'toulouse' } },
        { departement: { equals: '31' } },
        { typeDiplome: { equals: 'CAP' } },
        { mesure: { equals: 'ouverture' } },
        { statut: { equals: 'validee' } },
      ],
    })
  })

  it("l'établissement : code UAI ou partie du nom", () => {
    expect(whereDesFiltres({ etablissement: ' Mermoz ' })).toEqual({
      and: [
        {
          or: [
            { 'etablissementConcerne.uai': { like: 'Mermoz' } },
            { 'etablissementConcerne.nom': { like: 'Mermoz' } },
          ],
        },
      ],
    })
  })

  it('« sans avis » et « sans décision » : les demandes validées qui n’en ont pas encore', () => {
    expect(whereDesFiltres({ sansAvis: true })).toEqual({
      and: [{ 'avis.avis': { exists: false } }, { statut: { not_in: ['brouillon', 'a-corriger'] } }],
    })
    expect(whereDesFiltres({ sansAvis: true, sansDecision: true })).toEqual({
      and: [
        { 'avis.avis': { exists: false } },
        { 'decision.decision': { exists: false } },
        { statut: { not_in: ['brouillon', 'a-corriger'] } },
      ],
    })
  })

  it('en paramètres where[...] comme Payload les lit', () => {
    expect(parametresDuWhere(whereDesFiltres({ mesure: 'ouverture', sansAvis: true }))).toEqual([
      ['where[and][0][mesure][equals]', 'ouverture'],
      ['where[and][1][avis.avis][exists]', 'false'],
      ['where[and][2][statut][not_in][0]', 'brouillon'],
      ['where[and][2][statut][not_in][1]', 'a-corriger'],
    ])
  })

  it("l'adresse relue redonne les valeurs du filtre (aller-retour)", () => {
    const tous = {
      academie: 'montpellier',
      departement: '34',
      etablissement: '0340042L',
      typeDiplome: 'BAC PRO',
      mesure: 'fermeture',
      statut: 'en-instruction',
      sansAvis: true,
      sansDecision: true,
    }
    expect(filtresDesParametres(parametres(lienListeFiltree(tous)))).toEqual(tous)
    for (const [cle, valeur] of Object.entries(tous))
      expect(filtresDesParametres(parametres(lienListeFiltree({ [cle]: valeur })))).toEqual({ [cle]: valeur })
  })

  it('relit aussi la forme du constructeur de filtres de Payload (where[or][0][and]) et ignore le reste', () => {
    expect(
      filtresDesParametres([
        ['where[or][0][and][0][mesure][equals]', 'ouverture'],
        ['where[or][0][and][1][priorite][greater_than]', '2'],
        ['where[statut][not_equals]', 'brouillon'],
        ['sort', '-numero'],
      ]),
    ).toEqual({ mesure: 'ouverture' })
    expect(filtresDesParametres([['where[and][0][numero][equals]', '3']])).toEqual({})
  })

  it('changer les filtres garde le tri, les colonnes et le nombre par page, pas le where ni la page', () => {
    expect(
      autresParametres([
        ['where[and][0][mesure][equals]', 'ouverture'],
        ['sort', '-numero'],
        ['limit', '20'],
        ['page', '3'],
        ['columns', '["numero"]'],
      ]),
    ).toEqual([
      ['sort', '-numero'],
      ['limit', '20'],
      ['columns', '["numero"]'],
    ])
  })

  it('les treize départements d’Occitanie, par leur nom', () => {
    expect(DEPARTEMENTS.map((d) => d.label)).toContain('Haute-Garonne')
    expect(DEPARTEMENTS).toHaveLength(13)
  })
})
