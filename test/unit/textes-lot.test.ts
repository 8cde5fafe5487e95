import { describe, expect, it } from 'vitest'

import { questionLot, questionPublication, resumeDuLot } from '../../src/admin/textesLot'

describe('Textes de l’instruction en lot et de la publication', () => {
  it('la confirmation nomme la valeur et le nombre de demandes', () => {
    expect(questionLot('avis', 'Favorable', 12)).toBe('Donner l\'avis "Favorable" à 12 demandes ?')
    expect(questionLot('decision', 'Retenue', 1)).toBe('Enregistrer la décision "Retenue" pour 1 demande ?')
  })

  it('le bilan : faites, refusées avec leur numéro (ou celui de la liste, ou l’identifiant) et leur motif', () => {
    const faites = Array.from({ length: 11 }, (_, i) => ({ id: i + 1, numero: i + 1 }))
    expect(
      resumeDuLot({ faites, refusees: [{ id: 99, numero: 42, motif: 'hors de votre périmètre' }] }),
    ).toBe(
      '11 demandes mises à jour (n° 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) ; 1 refusée : n° 42 — hors de votre périmètre',
    )
    expect(resumeDuLot({ faites: [{ id: 1, numero: 1 }], refusees: [] })).toBe(
      '1 demande mise à jour (n° 1).',
    )
    const beaucoup = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, numero: i + 101 }))
    expect(resumeDuLot({ faites: beaucoup })).toMatch(
      /^23 demandes mises à jour \(n° 101, .*, 120 et 3 autres\)\.$/,
    )
    expect(
      resumeDuLot(
        {
          faites: [],
          refusees: [
            { id: 7, motif: 'demande introuvable ou hors de votre périmètre' },
            { id: 8, motif: 'demande introuvable ou hors de votre périmètre' },
          ],
        },
        { '7': 31 },
      ),
    ).toBe(
      'Aucune demande mise à jour ; 2 refusées : n° 31 — demande introuvable ou hors de votre périmètre ; identifiant 8 — demande introuvable ou hors de votre périmètre',
    )
  })

  it('la publication annonce les décisions et les structures informées', () => {
    expect(questionPublication(57, 23)).toBe(
      '57 décisions seront publiées ; 23 structures recevront un courriel. Publier ?',
    )
    expect(questionPublication(1, 1)).toBe(
      '1 décision sera publiée ; 1 structure recevra un courriel. Publier ?',
    )
    // Undecided demandes are said before publishing, not discovered after.
    expect(questionPublication(3, 2, 2)).toBe(
      "3 décisions seront publiées ; 2 structures recevront un courriel. 2 demandes validées n'ont pas encore de décision : elles resteront sans décision pour leur structure. Publier ?",
    )
    expect(questionPublication(3, 2, 1)).toContain(
      "1 demande validée n'a pas encore de décision : elle restera sans décision",
    )
    // Published again: the structures already mailed the same decisions are told apart, not counted as mailed.
    expect(questionPublication(5, 1, 0, 3)).toBe(
      '5 décisions seront publiées ; 1 structure recevra un courriel (3 autres, déjà informées des mêmes décisions, n’en recevront pas de nouveau). Publier ?',
    )
    expect(questionPublication(5, 0, 0, 1)).toContain(
      '0 structure recevra un courriel (1 autre, déjà informée des mêmes décisions, n’en recevra pas de nouveau)',
    )
  })
})
