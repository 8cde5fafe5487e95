import { beforeAll, describe, expect, it } from 'vitest'

import { appel, graphql, jeton, URL_SERVEUR, type Reponse } from '../aides/http'

/**
 * Outside attack, F11: Payload wrote some answers in English whatever the language (« Missing username. »,
 * « Token is either invalid or has expired. », « Route not found »…). Each is now in French, with the same status
 * (one table: src/erreurs-francaises.ts), through REST and GraphQL.
 */

const ANGLAIS =
  /Missing|Route not found|Token is|following fields? (is|are)|\binvalid\b|No User|Something went wrong|Invalid JSON|has expired|Cannot find field/i

/** The answer's messages: in French, none of Payload's English words. */
function messages(r: Reponse): string[] {
  const corps = r.corps as { errors?: { message: string }[]; message?: string }
  const liste = corps.errors?.map((e) => e.message) ?? (corps.message ? [corps.message] : [])
  expect(liste.length, JSON.stringify(r.corps)).toBeGreaterThan(0)
  expect(JSON.stringify(r.corps)).not.toMatch(ANGLAIS)
  return liste
}

let admin: string

beforeAll(async () => {
  admin = await jeton('admin')
})

describe('F11 : les erreurs de Payload sont en français, même code HTTP (REST)', () => {
  it('mot de passe oublié et déblocage sans identifiant : 400 nommant « Identifiant »', async () => {
    for (const [chemin, corps] of [
      ['/api/users/forgot-password', {}],
      ['/api/users/forgot-password', { email: 'claire.martin@ac-montpellier.fr' }],
      ['/api/users/unlock', {}],
    ] as const) {
      const r = await appel('POST', chemin, { corps })
      expect(r.status, chemin).toBe(400)
      expect(messages(r)).toEqual(['Le champ « Identifiant » est obligatoire : saisissez votre identifiant.'])
    }
  })

  it('connexion sans identifiant ou sans mot de passe : 400 nommant le champ par son libellé', async () => {
    const sansIdentifiant = await appel('POST', '/api/users/login', { corps: { password: 'x' } })
    expect(sansIdentifiant.status).toBe(400)
    expect(messages(sansIdentifiant)).toEqual(['Le champ suivant n’est pas valide : « Identifiant »'])
    expect(sansIdentifiant.corps.errors[0].data.errors).toEqual([
      { message: 'Ce champ est requis.', path: 'username' },
    ])
    const sansMotDePasse = await appel('POST', '/api/users/login', { corps: { username: 'admin' } })
    expect(sansMotDePasse.status).toBe(400)
    expect(messages(sansMotDePasse)).toEqual(['Le champ suivant n’est pas valide : « Mot de passe »'])
  })

  it('lien de réinitialisation ou de vérification faux ou expiré : 403 en français, jamais 500', async () => {
    for (const corps of [{ token: 'abc', password: 'Nouveau-mot-de-passe-2027' }, { token: 'abc' }, {}]) {
      const r = await appel('POST', '/api/users/reset-password', { corps })
      expect(r.status, JSON.stringify(corps)).toBe(403)
      expect(messages(r)[0]).toMatch(
        /^Ce lien de réinitialisation du mot de passe n'est pas valide ou a expiré/,
      )
    }
    const verification = await appel('POST', '/api/users/verify/abc')
    expect(verification.status).toBe(403)
    expect(messages(verification)).toEqual(["Ce lien de vérification n'est pas valide."])
  })

  it('déconnexion sans être connecté : 400 « Vous n’êtes pas connecté. »', async () => {
    const r = await appel('POST', '/api/users/logout')
    expect(r.status).toBe(400)
    expect(messages(r)).toEqual(["Vous n'êtes pas connecté."])
  })

  it('adresse inconnue de l’API (racine, collection, document, global, méthode) : 404 en français', async () => {
    for (const [methode, chemin] of [
      ['GET', '/api/inconnu'],
      ['POST', '/api/inconnu/plus/loin'],
      ['GET', '/api/demandes/1/inconnu'],
      ['PUT', '/api/demandes/1'],
      ['GET', '/api/demandes/file/x.pdf'],
      ['GET', '/api/globals/campagne/inconnu'],
      ['DELETE', '/api/access/x'],
      ['GET', '/api/payload-locked-documents'],
    ] as const) {
      const r = await appel(methode, chemin, { jeton: admin })
      expect(r.status, `${methode} ${chemin}`).toBe(404)
      expect(messages(r)).toEqual([
        `Cette adresse n'existe pas dans l'API : « ${chemin} ». Les adresses sont décrites dans la documentation de l'API.`,
      ])
    }
    // Known addresses still answer.
    expect((await appel('GET', '/api/demandes?limit=1', { jeton: admin })).status).toBe(200)
    expect((await appel('GET', '/api/globals/campagne', { jeton: admin })).status).toBe(200)
    expect((await appel('OPTIONS', '/api/inconnu')).status).toBeLessThan(300)
  })

  it('modification ou suppression sans identifiant ni filtre, corps qui n’est pas du JSON : 400 en français', async () => {
    // On a collection with bulk edit (demandes have none: 403 « plusieurs documents à la fois »).
    const modification = await appel('PATCH', '/api/etablissements', { jeton: admin, corps: { nom: 'x' } })
    expect(modification.status).toBe(400)
    expect(messages(modification)[0]).toMatch(/^Précisez ce qui doit être modifié/)
    const enMasse = await appel('PATCH', '/api/demandes', { jeton: admin, corps: { priorite: 1 } })
    expect(enMasse.status).toBe(403)
    expect(messages(enMasse)[0]).toBe("La modification de plusieurs documents à la fois n'est pas possible.")
    const suppression = await appel('DELETE', '/api/demandes', { jeton: admin })
    expect(suppression.status).toBe(400)
    expect(messages(suppression)[0]).toMatch(/^Précisez ce qui doit être supprimé/)
    const r = await fetch(`${URL_SERVEUR()}/api/demandes`, {
      method: 'POST',
      headers: { Authorization: `JWT ${admin}`, 'Content-Type': 'application/json' },
      body: '{pas du json',
    })
    expect(r.status).toBe(400)
    const corps = await r.json()
    expect(corps.errors[0].message).toBe("Le corps de la requête n'est pas du JSON valide.")
  })
})

describe('F11 : les mêmes erreurs en français par GraphQL', () => {
  const erreur = (r: Reponse) => {
    expect(JSON.stringify(r.corps)).not.toMatch(ANGLAIS)
    return r.corps.errors[0] as { message: string; extensions: { statusCode: number } }
  }

  it('forgotPasswordUser, unlockUser sans identifiant ; loginUser sans identifiant ni mot de passe', async () => {
    for (const requete of [
      'mutation { forgotPasswordUser(username: "") }',
      'mutation { unlockUser(username: "") }',
    ]) {
      const e = erreur(await graphql(requete))
      expect(e.message).toBe('Le champ « Identifiant » est obligatoire : saisissez votre identifiant.')
      expect(e.extensions.statusCode).toBe(400)
    }
    const login = erreur(await graphql('mutation { loginUser(username: "", password: "x") { token } }'))
    expect(login.message).toBe('Le champ suivant n’est pas valide : « Identifiant »')
    expect(login.extensions.statusCode).toBe(400)
    const sansMotDePasse = erreur(
      await graphql('mutation { loginUser(username: "admin", password: "") { token } }'),
    )
    expect(sansMotDePasse.message).toBe('Le champ suivant n’est pas valide : « Mot de passe »')
  })

  it('resetPasswordUser et verifyEmailUser avec un jeton faux ; logoutUser sans être connecté', async () => {
    const reset = erreur(
      await graphql('mutation { resetPasswordUser(token: "abc", password: "Nouveau-mot-2027") { token } }'),
    )
    expect(reset.message).toMatch(/^Ce lien de réinitialisation du mot de passe n'est pas valide ou a expiré/)
    expect(reset.extensions.statusCode).toBe(403)
    const verification = erreur(await graphql('mutation { verifyEmailUser(token: "abc") }'))
    expect(verification.message).toBe("Ce lien de vérification n'est pas valide.")
    expect(verification.extensions.statusCode).toBe(403)
    const sortie = erreur(await graphql('mutation { logoutUser }'))
    expect(sortie.message).toBe("Vous n'êtes pas connecté.")
    expect(sortie.extensions.statusCode).toBe(400)
  })
})

describe('SECURITY 41 — GraphQL : les erreurs de graphql-js et graphql-http en français, sans suggestion (attaque extérieure, points 6 et 7)', () => {
  /** graphql-js's and graphql-http's English. */
  const ANGLAIS_GRAPHQL =
    /[A-Za-z]+ (is|are|cannot|must|not|Did you mean)\b|Syntax Error|Cannot query|Unknown|Missing|\bInvalid\b|Unable|got invalid|introspection is not/

  const brute = async (corps: string, qui?: string) => {
    const r = await fetch(`${URL_SERVEUR()}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(qui ? { Authorization: `JWT ${qui}` } : {}) },
      body: corps,
    })
    return { status: r.status, texte: await r.text() }
  }

  it('chaque sorte d’erreur de requête : 400, un message français qui nomme le problème et son emplacement', async () => {
    const cas: [string, unknown, RegExp][] = [
      ['syntaxe', { query: '{ Demandes { docs { id }' }, /erreur de syntaxe.*\(ligne 1, colonne \d+\)/],
      [
        'champ inconnu',
        { query: '{ Users { docs { sessio } } }' },
        /le champ « sessio » n'existe pas sur « User » \(ligne 1, colonne 18\)/,
      ],
      [
        'argument inconnu',
        { query: '{ Demandes(inconnu: 1) { totalDocs } }' },
        /l'argument « inconnu » n'existe pas/,
      ],
      ['valeur invalide', { query: '{ Demande(id: "x") { id } }' }, /valeur/],
      [
        'champ de filtre inconnu',
        { query: '{ Users(where: { hash: { equals: "x" } }) { totalDocs } }' },
        /le champ « hash » n'existe pas dans « User_where »/,
      ],
      [
        'variable invalide',
        {
          query: 'query($d: DateTime!) { Demandes(where: { createdAt: { equals: $d } }) { totalDocs } }',
          variables: { d: { a: 1 } },
        },
        /variable « \$d »/,
      ],
      ['sans requête', {}, /le corps ne contient pas de requête/],
      [
        'variables invalides',
        { query: '{ __typename }', variables: 'zz' },
        /« variables » doit être un objet JSON/,
      ],
      ['plusieurs opérations', { query: 'query a { __typename } query b { __typename }' }, /operationName/],
      ['introspection', { query: '{ __schema { types { name } } }' }, /exploration du schéma/],
      ['sous-champs manquants', { query: '{ Demandes }' }, /sélection de sous-champs/],
      ['corps non objet', [1], /le corps/],
    ]
    for (const [nom, corps, attendu] of cas) {
      const r = await brute(JSON.stringify(corps), admin)
      expect(r.status, `${nom} : ${r.texte}`).toBe(400)
      expect(r.texte, nom).not.toMatch(ANGLAIS_GRAPHQL)
      const erreurs = JSON.parse(r.texte).errors as { message: string }[]
      expect(erreurs[0]!.message, nom).toMatch(/^Requête GraphQL invalide/)
      expect(erreurs.map((e) => e.message).join(' '), nom).toMatch(attendu)
    }
  })

  it('point 7 : aucune suggestion de champ (« Did you mean ») quand l’introspection est fermée, connecté ou non', async () => {
    for (const qui of [undefined, admin]) {
      const r = await brute(JSON.stringify({ query: '{ Users { docs { sessio } } Demande { statu } }' }), qui)
      expect(r.texte).not.toMatch(/Did you mean|sessions|"statut"|« statut »/)
    }
  })

  it('propriété : une suite de requêtes mal formées ne reçoit jamais un 5xx ni un mot anglais', async () => {
    const mauvaises = [
      '{bad',
      '',
      'null',
      '"x"',
      JSON.stringify({ query: 1 }),
      JSON.stringify({ query: '{ a }', operationName: 3 }),
      JSON.stringify({ query: 'subscription { a }' }),
      JSON.stringify({ query: '{ Demandes { docs { id @skip(if: zz) } } }' }),
      JSON.stringify({ query: '{ Demandes { docs { id @include(if: "true") } } }' }),
      JSON.stringify({ query: '{ Demandes { docs { id @inconnue } } }' }),
      JSON.stringify({ query: 'fragment F on Demande { id } { Demandes { docs { ...G } } }' }),
      JSON.stringify({ query: '{ Demandes(limit: "x") { totalDocs } }' }),
      JSON.stringify({ query: '{ Demandes(limit: 1.5) { totalDocs } }' }),
      JSON.stringify({ query: 'query($x: Int!) { Demandes(limit: $x) { totalDocs } }' }),
      JSON.stringify({ query: 'query($x: Inconnu) { Demandes { totalDocs } }' }),
      JSON.stringify({ query: 'query { Demandes { totalDocs } } query { Demandes { totalDocs } }' }),
      JSON.stringify({ query: '{ Demandes { totalDocs totalDocs: page } }' }),
      JSON.stringify({ query: 'mutation { updateDemande(id: 1) { id } }' }),
    ]
    for (const corps of mauvaises) {
      const r = await brute(corps, admin)
      expect(r.status, `${corps} : ${r.texte}`).toBeGreaterThanOrEqual(400)
      expect(r.status, `${corps} : ${r.texte}`).toBeLessThan(500)
      expect(r.texte, corps).not.toMatch(ANGLAIS_GRAPHQL)
      expect(JSON.parse(r.texte).errors[0].message, corps).toMatch(
        /^(Requête GraphQL|Le champ|Le corps|Nombre d'éléments)/,
      )
    }
  })
})

describe('SECURITY 41 — REST : les derniers messages anglais (attaque extérieure, points 6 et 9)', () => {
  it('terrain de jeu GraphQL en production : 404 en français', async () => {
    const r = await appel('GET', '/api/graphql-playground')
    expect(r.status).toBe(404)
    expect(messages(r)).toEqual([
      "Cette adresse n'existe pas dans l'API : « /api/graphql-playground ». Les adresses sont décrites dans la documentation de l'API.",
    ])
  })

  it('lancer les tâches connecté sans en avoir le droit : 403 (pas « vous devez être connecté »)', async () => {
    const r = await appel('GET', '/api/payload-jobs/run', { jeton: await jeton('0340042L') })
    expect(r.status).toBe(403)
    expect(messages(r)[0]).toMatch(/^Votre compte n'a pas le droit/)
    expect((await appel('GET', '/api/payload-jobs/run')).status).toBe(401)
  })

  it('filtres enregistrés : les champs refusés sont nommés en français, le nom de l’erreur est lisible', async () => {
    const r = await appel('POST', '/api/payload-query-presets', { jeton: admin, corps: {} })
    expect(r.status).toBe(400)
    const texte = JSON.stringify(r.corps)
    expect(texte).toContain('Titre')
    expect(texte).not.toMatch(/Title|Related Collection|Sharing|Specify|Preset/)
    expect(r.corps.errors[0].name).toBe('ValidationError')
  })

  it('noms d’erreur : jamais le nom de classe réduit par la minification (« g »)', async () => {
    for (const [methode, chemin, corps] of [
      ['POST', '/api/demandes', { rapportOpportunite: 'x\u0000' }],
      ['GET', '/api/demandes/987654321', undefined],
      ['POST', '/api/users/forgot-password', {}],
    ] as const) {
      const r = await appel(methode, chemin, { jeton: admin, corps })
      expect(r.status, chemin).toBeGreaterThanOrEqual(400)
      for (const e of r.corps.errors as { name?: string }[])
        expect(e.name ?? 'ErreurRequete', chemin).toMatch(/^[A-Za-z]{3,}$/)
    }
  })
})
