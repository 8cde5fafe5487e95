import { describe, expect, it } from 'vitest'

import { tailleLisible } from '../../src/fichiers/taille'

describe('tailleLisible', () => {
  it('dit la taille avec son unité, à la française', () => {
    expect(tailleLisible(0)).toBe('0 octet')
    expect(tailleLisible(820)).toBe('820 octets')
    expect(tailleLisible(20594)).toBe('20,1 Ko')
    expect(tailleLisible(1024)).toBe('1 Ko')
    expect(tailleLisible(524288)).toBe('512 Ko')
    expect(tailleLisible(1258291)).toBe('1,2 Mo')
    expect(tailleLisible(1048575)).toBe('1 Mo')
    expect(tailleLisible(5 * 1024 ** 3)).toBe('5 Go')
  })
  it('ne montre rien de faux pour une taille absente', () => {
    expect(tailleLisible(null)).toBe('—')
    expect(tailleLisible(undefined)).toBe('—')
    expect(tailleLisible(-1)).toBe('—')
  })
})
