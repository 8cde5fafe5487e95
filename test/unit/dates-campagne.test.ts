import { describe, expect, it } from 'vitest'

import { etatCampagne, formaterInstant, jusquAuCloture, messageCampagneFermee } from '../../src/campagne'

/** Issue 18: the closing instant is shown as stored (to the minute) and honoured as shown. */
const campagne = {
  rentree: 2027,
  ouverture: '2026-12-02T13:33:00.000Z',
  // 14 h 33 in Paris (winter time: UTC+1).
  cloture: '2027-01-31T13:33:00.000Z',
}

describe('Instants de la campagne', () => {
  it('« jusqu’au 31 janvier 2027 à 14 h 33 » : la date et l’heure de Paris, sans « inclus » ni AM/PM', () => {
    expect(jusquAuCloture(campagne)).toBe("jusqu'au 31 janvier 2027 à 14 h 33")
    expect(formaterInstant(campagne.ouverture)).toBe('2 décembre 2026 à 14 h 33')
    expect(formaterInstant(null)).toBe('?')
  })

  it('la règle de clôture respecte ce même instant, à la minute', () => {
    expect(etatCampagne(campagne, new Date('2027-01-31T13:32:59Z'))).toBe('ouverte')
    expect(etatCampagne(campagne, new Date('2027-01-31T13:33:00Z'))).toBe('ouverte')
    expect(etatCampagne(campagne, new Date('2027-01-31T13:33:01Z'))).toBe('close')
    expect(etatCampagne(campagne, new Date('2026-12-02T13:32:59Z'))).toBe('pas-encore-ouverte')
  })

  it('les refus disent le même instant', () => {
    expect(messageCampagneFermee(campagne as never, 'close')).toBe(
      'La campagne de saisie de la rentrée 2027 est close depuis le 31 janvier 2027 à 14 h 33 : les demandes ne peuvent plus être déposées ni modifiées.',
    )
    expect(messageCampagneFermee(campagne as never, 'pas-encore-ouverte')).toContain(
      'elle ouvre le 2 décembre 2026 à 14 h 33.',
    )
  })
})
