import { describe, expect, it } from 'vitest'

import { compterDecisions, structuresAInformer } from '../../src/regles/publication'

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
})
