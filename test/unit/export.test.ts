import { describe, expect, it } from 'vitest'

import { celluleCsv, COLONNES, type DemandeExportee, ligneCsv, neutraliser } from '../../src/export/colonnes'

describe('Export CSV', () => {
  it.each(['=HYPERLINK("http://x","clic")', '+33 4 67', '-1+1', '@SUM(A1)', '\t=1', '\r=1'])(
    'neutralise une formule : %j',
    (v) => {
      expect(neutraliser(v).startsWith("'")).toBe(true)
    },
  )
  it('laisse le texte ordinaire et les nombres intacts (un écart négatif reste un nombre)', () => {
    expect(celluleCsv('Lycée Jean Mermoz')).toBe('Lycée Jean Mermoz')
    expect(celluleCsv(-6)).toBe('-6')
    expect(celluleCsv(null)).toBe('')
  })
  it('cite selon la RFC 4180 : point-virgule, guillemets doublés, retours à la ligne', () => {
    expect(ligneCsv(['a;b', 'dit "oui"', 'l1\nl2', 3])).toBe('"a;b";"dit ""oui""";"l1\nl2";3\r\n')
  })
  it('écrit des libellés, pas des codes', () => {
    const d: DemandeExportee = {
      numero: 7,
      statut: 'non-retenue',
      mesure: 'diminution',
      modalite: 'mixte',
      capaciteActuelle: 30,
      capaciteNouvelle: 24,
      zonesRecrutement: ['locale', 'academique'],
      diplome: { typeDiplome: 'CAP', libelle: 'CUISINE (CAP)', cfd: '50022146' },
    }
    const ligne = Object.fromEntries(COLONNES.map((c) => [c.entete, c.valeur(d)]))
    expect(ligne).toMatchObject({
      Statut: 'Non retenue',
      Mesure: 'Diminution de capacité',
      Modalité: 'Public mixé : scolaires et apprentis (M)',
      'Écart de capacité': -6,
      'Zones de recrutement': 'Locale, Académique',
      Diplôme: 'CUISINE',
    })
  })
})
