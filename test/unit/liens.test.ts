import { describe, expect, it } from 'vitest'

import { lienSur, liensAutorises, liensInterdits, sansLiensInterdits } from '../../src/liens'

const texte = (url: string, type = 'link') => ({
  root: {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Voir ' },
          { type, fields: { url, linkType: 'custom' }, children: [{ type: 'text', text: 'ici' }] },
        ],
      },
    ],
  },
})

describe('Liens du texte riche (SECURITY 39)', () => {
  it.each([
    'https://www.laregion.fr/',
    'http://example.org/a?b=c#d',
    'mailto:support.carte@cariforefoccitanie.fr',
    '/lettre-de-cadrage',
    '/admin/collections/demandes',
    '#contact',
    '?onglet=2',
  ])('accepte %s', (url) => {
    expect(lienSur(url)).toBe(true)
  })
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//attaquant.example/',
    '/\\attaquant.example/',
    'https:attaquant',
    'http://',
    'mailto:',
    'https://exemple.fr/\r\nSet-Cookie: x',
    '',
  ])('refuse %j', (url) => {
    expect(lienSur(url)).toBe(false)
  })
  it('trouve les liens interdits, même en autolien ou imbriqués', () => {
    expect(liensInterdits(texte('javascript:alert(1)'))).toEqual(['javascript:alert(1)'])
    expect(liensInterdits(texte('data:text/html,x', 'autolink'))).toEqual(['data:text/html,x'])
    expect(liensInterdits(texte('https://www.laregion.fr/'))).toEqual([])
    expect(liensInterdits(null)).toEqual([])
  })
  it('la validation nomme le champ ; le rendu garde le texte et retire le lien', () => {
    expect(liensAutorises('Lettre de cadrage')(texte('javascript:alert(1)'))).toMatch(
      /^« Lettre de cadrage » : le lien « javascript:alert\(1\) » n'est pas autorisé/,
    )
    expect(liensAutorises('Lettre de cadrage')(texte('/lettre-de-cadrage'))).toBe(true)
    const propre = sansLiensInterdits(texte('javascript:alert(1)'))
    expect(JSON.stringify(propre)).not.toContain('javascript')
    expect(propre.root.children[0]!.children).toEqual([
      { type: 'text', text: 'Voir ' },
      { type: 'text', text: 'ici' },
    ])
    expect(sansLiensInterdits(texte('https://a.fr/'))).toEqual(texte('https://a.fr/'))
  })
})
