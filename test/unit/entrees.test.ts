import { describe, expect, it } from 'vitest'

import { verifierDate } from '../../hooks/dates'
import { verifierListeTextes, verifierTexte } from '../../hooks/texte'
import { validerChampUai } from '../../hooks/uai'
import { celluleCsv, neutraliser } from '../../src/export/colonnes'
import { verifierUai } from '../../src/uai'

describe('Textes stockés tels quels ou refusés (SECURITY 31, 39)', () => {
  it.each([
    [['a', 'b'], 'une liste'],
    [[['x'.repeat(200)], ['y'.repeat(200)]], 'une liste'],
    [{ toString: 'x' }, 'un objet'],
    [42, 'cette valeur'],
    [true, 'cette valeur'],
  ])('refuse une valeur qui n’est pas un texte, en nommant le champ : %j', (valeur, nature) => {
    const r = verifierTexte('Site de formation', valeur)
    expect(r).toContain('« Site de formation » doit être un texte')
    expect(r).toContain(nature)
  })

  it('refuse le caractère nul, partout, au lieu de tronquer', () => {
    expect(verifierTexte('Nom', 'Lycée\u0000 caché')).toMatch(/« Nom » contient un caractère nul/)
    expect(verifierTexte('Rapport', 'ligne\u0000', { multiligne: true })).toMatch(/caractère nul/)
  })

  it.each(['\u0001', '\u0008', '\u000B', '\u000C', '\u001B[31m', '\u007F', '\u0085', '\u009B'])(
    'refuse les autres caractères de contrôle : %j',
    (c) => {
      expect(verifierTexte('Nom', `a${c}b`)).toMatch(/caractère de contrôle invisible \(U\+00[0-9A-F]{2}\)/)
      expect(verifierTexte('Rapport', `a${c}b`, { multiligne: true })).toMatch(/caractère de contrôle/)
    },
  )

  it.each(['a\nb', 'a\rb', 'a\r\nb', 'a\u2028b', 'a\u2029b'])(
    'refuse un retour à la ligne dans un champ d’une ligne : %j',
    (v) => {
      expect(verifierTexte('Adresse mail', v)).toBe(
        '« Adresse mail » doit tenir sur une seule ligne : retirez les retours à la ligne.',
      )
    },
  )

  it('refuse la tabulation sur une ligne, garde tabulation et retours à la ligne dans une zone de texte', () => {
    expect(verifierTexte('Nom', 'a\tb')).toMatch(/tabulation/)
    expect(verifierTexte('Rapport', 'Premier point :\n\t- un\r\n\t- deux', { multiligne: true })).toBe(true)
  })

  it('refuse un surrogate UTF-16 isolé, garde les emoji et les accents', () => {
    expect(verifierTexte('Nom', 'a\uD800b')).toMatch(/caractère invalide/)
    expect(verifierTexte('Nom', '\uDC00')).toMatch(/caractère invalide/)
    expect(verifierTexte('Nom', 'Lycée « Élisée » 🎓')).toBe(true)
  })

  it('refuse un texte plus long que sa limite, en nommant le champ', () => {
    expect(verifierTexte('Site de formation', 'x'.repeat(300), { maxLength: 300 })).toBe(true)
    expect(verifierTexte('Site de formation', 'x'.repeat(301), { maxLength: 300 })).toBe(
      '« Site de formation » dépasse 300 caractères (301 saisis).',
    )
  })

  it('laisse vide et absent à la règle « obligatoire »', () => {
    for (const v of [null, undefined, '']) expect(verifierTexte('Nom', v)).toBe(true)
  })

  it('vérifie chaque élément d’un champ texte à valeurs multiples', () => {
    expect(verifierListeTextes('Codes RNCP', ['RNCP123', 'RNCP456'])).toBe(true)
    expect(verifierListeTextes('Codes RNCP', 'RNCP123')).toMatch(/liste de textes/)
    expect(verifierListeTextes('Codes RNCP', [['RNCP123']])).toMatch(/doit être un texte/)
    expect(verifierListeTextes('Codes RNCP', ['a\u0000'])).toMatch(/caractère nul/)
  })
})

describe('Dates plausibles (SECURITY 31)', () => {
  const L = 'Date de présentation'
  it.each([
    '2026-03-12',
    '2026-03-11T23:00:00.000Z',
    '2000-01-01',
    '1999-12-31T23:00:00.000Z',
    '2100-12-31T12:00:00.000Z',
  ])('accepte %s', (v) => {
    expect(verifierDate(L, v)).toBe(true)
  })
  it.each([
    '99999-01-01',
    '+275760-09-13T00:00:00.000Z',
    '1900-01-01',
    '0001-01-01',
    '2101-06-01',
    '-000001-01-01T00:00:00.000Z',
  ])('refuse %s en nommant le champ', (v) => {
    expect(verifierDate(L, v)).toMatch(
      /^« Date de présentation » : la date doit être comprise entre 2000 et 2100/,
    )
  })
  it.each([['pas une date'], [1700000000000], [['2026-01-01']], [{ $date: '2026-01-01' }]])(
    'refuse ce qui n’est pas une date : %j',
    (v) => {
      expect(verifierDate(L, v)).toMatch(/^« Date de présentation » : .*date/)
    },
  )
  it.each(['2026-02-30', '2026-02-29', '2026-04-31T10:00:00.000Z', '2026-00-10'])(
    'refuse un jour qui n’existe pas : %s (pas de report au mois suivant)',
    (v) => {
      expect(verifierDate(L, v)).toMatch(
        /^« Date de présentation » : (le \d+\/\d{2}\/\d{4} n'existe pas\.|« .* » n'est pas une date)/,
      )
    },
  )
  it('accepte le 29 février d’une année bissextile', () => {
    expect(verifierDate(L, '2028-02-29')).toBe(true)
  })
  it('bornes propres à un champ', () => {
    expect(verifierDate("Date d'ouverture", '1975-09-01', { de: 1950 })).toBe(true)
  })
})

describe('UAI vide ou blanc (SECURITY 17)', () => {
  const requis = { required: true } as never
  it.each(['', null, undefined])('refuse %j quand le champ est obligatoire', (v) => {
    expect(validerChampUai(v as never, requis)).toBe('Le code UAI est obligatoire.')
  })
  it('refuse une liste ou un objet avec un message qui le dit', () => {
    expect(verifierUai(['0340042L']).valide).toBe(false)
    expect((verifierUai({ uai: '0340042L' }) as { message: string }).message).toMatch(/doit être un texte/)
  })
  it('refuse une lettre clé fausse en minuscules', () => {
    expect(verifierUai('0340042a').valide).toBe(false)
  })
})

describe('Injection de formules dans les exports (SECURITY 18, 32)', () => {
  it.each([
    '＝HYPERLINK("http://x","clic")',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '﹦1',
    '−1+2',
    ' =1+1',
    '   =1',
    '\t=1',
    '\n=HYPERLINK("http://x")',
    '\r\n@SUM(A1)',
    ' \n +1',
    '\u00A0=1',
    '\u3000＝1',
    '\u200B=1',
    '\uFEFF=1',
    '\n',
  ])('neutralise %j', (v) => {
    expect(neutraliser(v)).toBe(`'${v}`)
  })
  it('laisse le texte ordinaire intact, même s’il contient un signe plus loin', () => {
    for (const v of [
      'Lycée Jean Mermoz',
      'a = b',
      'CAP Cuisine - option',
      'prenom.nom@ac-montpellier.fr',
      '2 + 2',
    ])
      expect(neutraliser(v)).toBe(v)
  })
  it('la cellule CSV garde l’apostrophe à l’intérieur des guillemets', () => {
    expect(celluleCsv('\n=1')).toBe(`"'\n=1"`)
  })
})
