import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import { profondeurMaximale } from '../../src/graphqlProfondeur'

const schema = buildSchema('type D { id: ID, liee: D } type Query { d: D }')
const erreurs = (requete: string, max = 3) =>
  validate(schema, parse(requete), [profondeurMaximale(max)]).map((e) => e.message)

describe('GraphQL : profondeur maximale', () => {
  it('accepte jusqu’à la profondeur permise', () => {
    expect(erreurs('{ d { liee { id } } }')).toEqual([])
  })
  it('refuse au-delà, en français', () => {
    expect(erreurs('{ d { liee { liee { id } } } }')).toEqual([
      'Requête GraphQL trop profonde : 4 niveaux imbriqués, 3 au plus.',
    ])
  })
  it('suit les fragments, y compris imbriqués et récursifs, sans boucler', () => {
    expect(erreurs('fragment F on D { liee { liee { id } } } { d { ...F } }')).toHaveLength(1)
    expect(erreurs('fragment F on D { liee { ...F } } { d { ...F } }', 10)).toEqual([])
    expect(erreurs('{ d { ... on D { liee { liee { id } } } } }')).toHaveLength(1)
  })
  it('calcule une fois la profondeur de chaque fragment : 40 fragments qui se doublent (2^40 chemins) ne bloquent pas', () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on D { ${i === 39 ? 'liee { id }' : `...F${i + 1} ...F${i + 1}`} }`,
    ).join('\n')
    expect(erreurs(`${fragments}\n{ d { ...F0 } }`, 10)).toEqual([])
    expect(erreurs(`${fragments}\n{ d { liee { liee { ...F0 } } } }`, 3)).toEqual([
      'Requête GraphQL trop profonde : 5 niveaux imbriqués, 3 au plus.',
    ])
  })
})
