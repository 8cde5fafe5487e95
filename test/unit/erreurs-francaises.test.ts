import { buildSchema, parse, specifiedRules, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import {
  nomLisible,
  reponseGraphqlEnFrancais,
  traduireErreurGraphql,
  traduireMessage,
} from '../../src/erreurs-francaises'

/**
 * The translation table (src/erreurs-francaises.ts) against the very messages graphql-js writes: each validation
 * error of a list of bad documents, on a schema shaped like Payload's, comes out in French, names the problem and
 * its place, and never suggests a field (SECURITY 41).
 */

const SCHEMA = buildSchema(`
  scalar DateTime
  enum Statut { brouillon depose }
  input User_where { email: String, statut: Statut }
  type User { id: Int!, email: String, sessions: [String] }
  type Users { docs: [User], totalDocs: Int }
  type Query {
    Users(where: User_where, limit: Int): Users
    User(id: Int!): User
    Depuis(date: DateTime): Int
  }
`)

const ANGLAIS =
  /[A-Za-z]+ (is|are|cannot|must|not|Did you mean)\b|Cannot|Unknown|Expected|Syntax Error|Field "|Variable "/

const MAUVAIS = [
  '{ Users { docs { sessio } } }',
  '{ Users(limt: 1) { totalDocs } }',
  '{ User(id: "x") { id } }',
  '{ User { id } }',
  '{ Users(where: { hash: { equals: "x" } }) { totalDocs } }',
  '{ Users(where: { statut: brouilon }) { totalDocs } }',
  '{ Users }',
  '{ Users { totalDocs { a } } }',
  'query($x: Int) { Users { totalDocs } }',
  '{ Users(limit: $x) { totalDocs } }',
  'query($x: String) { Users(limit: $x) { totalDocs } }',
  'query($x: Inconnu) { Users { totalDocs } }',
  '{ Users { docs { id @inconnue } } }',
  '{ Users { docs { ...F } } }',
  'fragment F on User { id } { Users { totalDocs } }',
  'query a { Users { totalDocs } } query a { Users { totalDocs } }',
  '{ Users { totalDocs } } { Users { totalDocs } }',
  '{ Users { a: totalDocs a: docs { id } } }',
]

describe('traduireErreurGraphql : les messages de graphql-js en français', () => {
  it('chaque erreur de validation d’une liste de documents mal formés', () => {
    let vues = 0
    for (const texte of MAUVAIS) {
      const erreurs = validate(SCHEMA, parse(texte), specifiedRules)
      expect(erreurs.length, texte).toBeGreaterThan(0)
      for (const e of erreurs) {
        vues++
        const francais = traduireErreurGraphql(e.message, e.locations)
        expect(francais, `${texte} → ${e.message}`).toMatch(/^Requête GraphQL invalide/)
        expect(francais, e.message).not.toMatch(ANGLAIS)
        expect(francais, e.message).not.toMatch(/sessions|limit\b.*limt|brouillon/)
        // A specific translation, not the generic one, for the common kinds.
        expect(francais, e.message).not.toMatch(/vérifiez les champs/)
        expect(francais, e.message).toMatch(/\(ligne \d+, colonne \d+\)/)
      }
    }
    expect(vues).toBeGreaterThanOrEqual(MAUVAIS.length)
  })

  it('erreurs de syntaxe et de la requête HTTP (graphql-http) ; un message inconnu a une formule générique', () => {
    expect(() => parse('{bad')).toThrow()
    try {
      parse('{bad')
    } catch (e) {
      const err = e as { message: string; locations: { line: number; column: number }[] }
      expect(traduireErreurGraphql(err.message, err.locations)).toBe(
        'Requête GraphQL invalide : erreur de syntaxe, la requête s’arrête avant d’être complète (accolade ou parenthèse non fermée ?) (ligne 1, colonne 5).',
      )
    }
    for (const m of ['Missing query', 'Invalid variables', 'Unable to detect operation AST', 'Invalid query'])
      expect(traduireErreurGraphql(m), m).not.toMatch(ANGLAIS)
    expect(traduireErreurGraphql('Something else entirely', [{ line: 2, column: 3 }])).toBe(
      'Requête GraphQL invalide (ligne 2, colonne 3) : vérifiez les champs, arguments, variables et directives demandés.',
    )
  })

  it('réponse de la route : erreurs traduites, 400 sans données, 500 vide devenu 400 en français', async () => {
    const r = await reponseGraphqlEnFrancais(
      Response.json({
        errors: [{ message: 'Cannot query field "sessio" on type "User". Did you mean "sessions"?' }],
      }),
    )
    expect(r.status).toBe(400)
    const corps = await r.json()
    expect(corps.errors[0].message).toBe(
      "Requête GraphQL invalide : le champ « sessio » n'existe pas sur « User ».",
    )
    const vide = await reponseGraphqlEnFrancais(new Response(null, { status: 500 }))
    expect(vide.status).toBe(400)
    expect((await vide.json()).errors[0].message).toMatch(/^Requête GraphQL invalide/)
    // Payload's own errors (with a statusCode) and data are left as they are.
    const execution = {
      data: { a: null },
      errors: [{ message: 'Accès refusé.', extensions: { statusCode: 403 } }],
    }
    const r2 = await reponseGraphqlEnFrancais(Response.json(execution))
    expect(r2.status).toBe(200)
    expect(await r2.json()).toEqual(execution)
  })
})

describe('table REST : formulaires mal formés, noms d’erreur', () => {
  it('les erreurs de busboy et de Payload sur un multipart : 400 ; le JSON de _payload seulement sur un multipart', () => {
    for (const m of [
      'Unexpected end of form',
      'Malformed part header',
      'Request is not eligible for file upload',
    ])
      expect(traduireMessage(m)?.statut, m).toBe(400)
    const json = "Expected property name or '}' in JSON at position 1 (line 1 column 2)"
    expect(traduireMessage(json, { multipart: true })?.message).toMatch(/« _payload »/)
    expect(traduireMessage(json, {})).toBeNull()
    expect(traduireMessage('A file name is required.')?.statut).toBe(400)
  })

  it('un nom de classe minifié devient lisible, un vrai nom reste', () => {
    expect(nomLisible('g', 400, true)).toBe('ValidationError')
    expect(nomLisible('Ge', 404)).toBe('NotFound')
    expect(nomLisible('g', 400)).toBe('ErreurRequete')
    expect(nomLisible('QueryError', 400)).toBe('QueryError')
  })
})
