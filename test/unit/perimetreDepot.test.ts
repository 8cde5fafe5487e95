import { describe, expect, it } from 'vitest'

import { dansLePerimetre } from '../../access/perimetreDepot'

describe('dansLePerimetre (le formulaire vérifie l’UAI saisi avec la règle du dépôt)', () => {
  const lycee = { id: 7, ministere: 'education-nationale' }
  const agricole = { id: '65f0c0ffee', ministere: 'agriculture' }
  it('tout, les établissements agricoles, ceux de la structure, aucun', () => {
    expect(dansLePerimetre({ type: 'tout' }, lycee)).toBe(true)
    expect(dansLePerimetre({ type: 'agricole' }, lycee)).toBe(false)
    expect(dansLePerimetre({ type: 'agricole' }, agricole)).toBe(true)
    expect(dansLePerimetre({ type: 'aucun' }, lycee)).toBe(false)
  })
  it('compare les identifiants en texte : nombres sur SQLite, chaînes sur MongoDB', () => {
    expect(dansLePerimetre({ type: 'structure', etablissements: ['7'] }, lycee)).toBe(true)
    expect(dansLePerimetre({ type: 'structure', etablissements: ['8'] }, lycee)).toBe(false)
    expect(dansLePerimetre({ type: 'structure', etablissements: ['65f0c0ffee'] }, agricole)).toBe(true)
  })
})
