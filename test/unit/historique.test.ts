import { describe, expect, it } from 'vitest'

import { construireHistorique, type EntreeHistorique } from '../../src/admin/historique'

const date = (iso: string) => iso.slice(0, 10)
const entrees: EntreeHistorique[] = [
  // Out of order on purpose: the history sorts by date.
  { action: 'avis', createdAt: '2026-12-05T10:00:00.000Z', nom: 'Rectorat', details: { avis: 'favorable' } },
  { action: 'validation', createdAt: '2026-12-02T10:00:00.000Z', nom: 'Lycée Mermoz' },
  {
    action: 'avis',
    createdAt: '2026-12-03T10:00:00.000Z',
    nom: 'Rectorat',
    details: { evenement: 'demande-correction', depuis: 'validee' },
  },
  { action: 'validation', createdAt: '2026-12-04T10:00:00.000Z', nom: null },
  {
    action: 'decision',
    createdAt: '2026-12-06T10:00:00.000Z',
    nom: 'Région',
    details: { decision: 'retenue' },
  },
  { action: 'avis', createdAt: '2026-12-07T10:00:00.000Z', nom: 'Rectorat', details: { avis: null } },
  { action: 'decision', createdAt: '2026-12-08T10:00:00.000Z', nom: 'Région', details: { decision: null } },
]

describe("Historique d'une demande", () => {
  it('toute la suite pour qui lit tout : création, validations, correction, avis, décision, retraits', () => {
    expect(
      construireHistorique('2026-12-01T10:00:00.000Z', entrees, 'complete', date).map((e) => e.texte),
    ).toEqual([
      'Créée le 2026-12-01',
      'Validée le 2026-12-02 par Lycée Mermoz',
      'Renvoyée pour correction le 2026-12-03 par Rectorat',
      'Validée de nouveau le 2026-12-04',
      'Avis « Favorable » donné le 2026-12-05 par Rectorat',
      'Décision « Retenue » enregistrée le 2026-12-06 par Région',
      'Avis retiré le 2026-12-07 par Rectorat',
      'Décision retirée le 2026-12-08 par Région',
    ])
  })

  it('sans la décision pour la DRAAF avant publication', () => {
    const textes = construireHistorique(null, entrees, 'sans-decision', date).map((e) => e.texte)
    expect(textes.some((t) => t.includes('Décision'))).toBe(false)
    expect(textes).toContain('Avis « Favorable » donné le 2026-12-05 par Rectorat')
  })

  it('ni avis ni décision pour un établissement avant publication ; la correction, oui', () => {
    expect(
      construireHistorique('2026-12-01T10:00:00.000Z', entrees, 'sans-instruction', date).map((e) => e.texte),
    ).toEqual([
      'Créée le 2026-12-01',
      'Validée le 2026-12-02 par Lycée Mermoz',
      'Renvoyée pour correction le 2026-12-03 par Rectorat',
      'Validée de nouveau le 2026-12-04',
    ])
  })

  it('une demande sans entrée : sa création seule', () => {
    expect(construireHistorique('2026-12-01T10:00:00.000Z', [], 'complete', date)).toEqual([
      { date: '2026-12-01T10:00:00.000Z', texte: 'Créée le 2026-12-01' },
    ])
  })
})
