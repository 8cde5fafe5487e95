import { describe, expect, it } from 'vitest'

import { listeDeRetour } from '../../src/admin/retourListe'

const HOTE = 'carte.example:3000'

describe('listeDeRetour : « Retour à la liste » ne mène qu’à la liste des demandes de ce site', () => {
  it('garde la liste filtrée, donnée en chemin ou en adresse complète du même hôte', () => {
    expect(listeDeRetour('/admin/collections/demandes?where[statut][equals]=retenue&page=2', HOTE)).toBe(
      '/admin/collections/demandes?where[statut][equals]=retenue&page=2',
    )
    expect(listeDeRetour('https://carte.example:3000/admin/collections/demandes?sort=-numero', HOTE)).toBe(
      '/admin/collections/demandes?sort=-numero',
    )
    expect(listeDeRetour('/admin/collections/demandes/', HOTE)).toBe('/admin/collections/demandes')
  })

  it('refuse une adresse d’un autre site, même déguisée', () => {
    for (const adresse of [
      'https://exemple.org/admin/collections/demandes',
      '//exemple.org/admin/collections/demandes',
      '/\\exemple.org/admin/collections/demandes',
      'https://carte.example:3000@exemple.org/admin/collections/demandes',
      'https://utilisateur:secret@carte.example:3000/admin/collections/demandes',
      'javascript:alert(1)//admin/collections/demandes',
      'http://carte.example:4000/admin/collections/demandes',
    ])
      expect(listeDeRetour(adresse, HOTE), adresse).toBeNull()
  })

  it('refuse ce qui n’est pas la liste des demandes : un document, une autre liste, rien', () => {
    for (const adresse of [
      '/admin/collections/demandes/12',
      '/admin/collections/users',
      '/admin/collections/demandes-secretes',
      '/admin',
      '',
      null,
      undefined,
      42,
      `/admin/collections/demandes?${'a'.repeat(9000)}`,
    ])
      expect(listeDeRetour(adresse, HOTE), String(adresse)).toBeNull()
    expect(listeDeRetour('/admin/collections/demandes', null)).toBeNull()
  })
})
