import { describe, expect, it } from 'vitest'

import { compterDecisions, empreinteDecisions, structuresAInformer } from '../../src/regles/publication'

const d = (structureDeposante: string, decision?: string) => ({
  structureDeposante,
  decision: decision ? { decision } : { decision: null },
})

describe('Publication des décisions : qui est informé', () => {
  it('une structure est informée si au moins une de ses demandes a une décision, avec toutes ses demandes', () => {
    const groupes = structuresAInformer([
      d('0310024H', 'retenue'),
      d('0310024H'),
      d('0340042L'),
      d('reseau-nimes', 'ajournee'),
      d('0340042L'),
    ])
    expect([...groupes.keys()]).toEqual(['0310024H', 'reseau-nimes'])
    expect(groupes.get('0310024H')).toHaveLength(2)
  })

  it('compte les décisions et les demandes qui en attendent encore une', () => {
    expect(compterDecisions([d('a', 'retenue'), d('a'), d('b', 'non-retenue'), d('c')])).toEqual({
      decisions: 2,
      sansDecision: 2,
    })
    expect(compterDecisions([])).toEqual({ decisions: 0, sansDecision: 0 })
  })

  it("l'empreinte de ce qu'une structure lit : même contenu, même empreinte (dans n'importe quel ordre) ; un changement la change", () => {
    const a = {
      numero: 3,
      avis: { avis: 'favorable' },
      decision: { decision: 'retenue', commentaire: 'Oui.' },
    }
    const b = { numero: 12, avis: { avis: null }, decision: { decision: null } }
    const e = empreinteDecisions([a, b])
    expect(empreinteDecisions([b, a])).toBe(e)
    expect(empreinteDecisions([{ ...b }, { ...a }])).toBe(e)
    expect(empreinteDecisions([a, { ...b, decision: { decision: 'ajournee' } }])).not.toBe(e)
    expect(
      empreinteDecisions([{ ...a, decision: { decision: 'retenue', commentaire: 'Oui !' } }, b]),
    ).not.toBe(e)
    expect(empreinteDecisions([{ ...a, avis: { avis: 'reserve' } }, b])).not.toBe(e)
    expect(empreinteDecisions([a])).not.toBe(e)
    // Absent and null read the same (MongoDB leaves absent what SQLite stores as null).
    expect(empreinteDecisions([a, { numero: 12 }])).toBe(e)
  })
})
