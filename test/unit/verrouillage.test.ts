import { describe, expect, it } from 'vitest'

import { champsModifies } from '../../hooks/demandes/verrouillerApresValidation'

describe('Verrou après validation : ce qui compte comme une modification', () => {
  it('absent, undefined, null, chaîne vide et liste vide se valent (MongoDB ne stocke pas les sous-champs undefined)', () => {
    const stockee = {
      travaux: { travauxDemandes: false },
      zonesRecrutement: ['departementale'],
      siteFormation: 'Annexe',
    }
    const envoyee = {
      travaux: { travauxDemandes: false, equipementsDemandes: undefined, precisions: null, montant: '' },
      zonesRecrutement: ['departementale'],
      siteFormation: 'Annexe',
      projetLie: undefined,
      annexes: [],
      avis: { rectorat: 'favorable' },
    }
    expect(champsModifies(envoyee, stockee)).toEqual([])
  })

  it('voit toujours une vraie modification, même dans un groupe ou une liste', () => {
    const stockee = {
      travaux: { travauxDemandes: false },
      zonesRecrutement: ['departementale'],
      capaciteNouvelle: 12,
    }
    expect(champsModifies({ travaux: { travauxDemandes: true } }, stockee)).toEqual(['travaux'])
    expect(champsModifies({ travaux: { travauxDemandes: false, precisions: 'Atelier' } }, stockee)).toEqual([
      'travaux',
    ])
    expect(champsModifies({ travaux: null }, stockee)).toEqual(['travaux'])
    expect(champsModifies({ zonesRecrutement: [] }, stockee)).toEqual(['zonesRecrutement'])
    expect(champsModifies({ capaciteNouvelle: 13 }, stockee)).toEqual(['capaciteNouvelle'])
    expect(champsModifies({ capaciteNouvelle: '12' }, stockee)).toEqual([])
  })
})
