import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import { profondeurMaximale } from '../../src/graphqlProfondeur'

const schema = buildSchema('type D { id: ID, liee: D } type Query { d: D }')
const erreurs = (requete: string, max = 3) => validate(schema, parse(requete), [profondeurMaximale(max)]).map((e) => e.message)

describe('GraphQL : profondeur maximale', () => {
  it('accepte jusqu’à la profondeur permise', () => {
    expect(erreurs('{ d { liee { id } } }')).toEqual([])
  })
  it('refuse au-delà, en français', () => {
    expect(erreurs('{ d { liee { liee { id } } } }')).toEqual(['Requête GraphQL trop profonde : 4 niveaux imbriqués, 3 au plus.'])
  })
  it('suit les fragments, y compris imbriqués et récursifs, sans boucler', () => {
    expect(erreurs('fragment F on D { liee { liee { id } } } { d { ...F } }')).toHaveLength(1)
    expect(erreurs('fragment F on D { liee { ...F } } { d { ...F } }', 10)).toEqual([])
    expect(erreurs('{ d { ... on D { liee { liee { id } } } } }')).toHaveLength(1)
  })
})
