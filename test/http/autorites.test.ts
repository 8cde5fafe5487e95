import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { lireEml } from '../aides/courriels'
import { appel, etablissementsLibres, graphql, jeton, uaiInconnu, URL_SERVEUR } from '../aides/http'

let admin: string
let carif: string
let region: string
let rectoratT: string
let etab: string
// Unique per run, so that the file also passes against a server reused across runs (CARTE_TEST_URL).
const N = Date.now().toString(36)
// The établissement whose account the Carif-Oref opens (one without an account yet), then the tests sign in with.
let uai = ''
let identifiant = ''

beforeAll(async () => {
  ;[admin, carif, region, rectoratT, etab] = await Promise.all(
    ['admin', 'carif-oref', 'region', 'rectorat-toulouse', '0340042L'].map(jeton),
  )
})

const boite = () => lireEml(path.join(inject('dossierServeur'), 'mail'))
/** The server's runner sends queued mail every 5 seconds. */
async function attendreCourriel(
  filtre: (m: Awaited<ReturnType<typeof boite>>[number]) => boolean,
  delai = 20_000,
) {
  const fin = Date.now() + delai
  for (;;) {
    const trouve = (await boite()).find(filtre)
    if (trouve || Date.now() > fin) return trouve
    await new Promise((r) => setTimeout(r, 500))
  }
}

describe('Statistiques', () => {
  it('refusent l’anonyme, comptent les demandes validées du périmètre, et pas au-delà', async () => {
    expect((await appel('GET', '/api/demandes/statistiques')).status).toBe(401)
    expect(
      (await appel('GET', '/api/demandes/statistiques?rentree=abc', { jeton: region })).corps.errors[0]
        .message,
    ).toMatch(/^rentree : « abc »/)
    const r = await appel('GET', '/api/demandes/statistiques', { jeton: region })
    expect(r.status).toBe(200)
    const rentree = r.corps.rentree
    const validees = await appel(
      'GET',
      `/api/demandes?where[statut][not_equals]=brouillon&where[rentree][equals]=${rentree}&limit=0&depth=0`,
      { jeton: region },
    )
    expect(r.corps.total.demandes).toBe(validees.corps.totalDocs)
    expect(r.corps.total.demandes).toBeGreaterThan(0)
    expect(r.corps.total.solde).toBe(r.corps.total.placesOuvertes - r.corps.total.placesFermees)
    expect(r.corps.croise.reduce((s: number, l: { demandes: number }) => s + l.demandes, 0)).toBe(
      r.corps.total.demandes,
    )
    const t = await appel('GET', '/api/demandes/statistiques', { jeton: rectoratT })
    expect(Object.keys(t.corps.parAcademie).every((a) => a === 'toulouse')).toBe(true)
  })
})

describe('Comptes en masse', () => {
  it('sont réservés aux éditeurs, par REST comme par GraphQL', async () => {
    expect((await appel('POST', '/api/users/creer-en-masse', { corps: { lignes: '0110004V' } })).status).toBe(
      401,
    )
    for (const j of [etab, region, rectoratT])
      expect(
        (await appel('POST', '/api/users/creer-en-masse', { jeton: j, corps: { lignes: '0110004V' } }))
          .status,
      ).toBe(403)
    // Nor can a school create an account through the standard API or GraphQL.
    expect(
      (
        await appel('POST', '/api/users', {
          jeton: etab,
          corps: { username: '0110004V', password: 'x'.repeat(20), role: 'admin' },
        })
      ).status,
    ).toBe(403)
    const g = await graphql(
      'mutation { createUser(data: { username: "0110004V", password: "xxxxxxxxxxxxxxxxxxxx", role: etablissement }) { id } }',
      {},
      { jeton: etab },
    )
    expect(g.corps.errors?.[0]?.message).toMatch(/pas autorisé/)
    expect(g.corps.data?.createUser ?? null).toBeNull()
  })

  it('créent le compte en attente de validation ; validé par l’administrateur, le serveur envoie l’invitation, et le lien permet de choisir son mot de passe', async () => {
    uai = (await etablissementsLibres(1))[0]!.uai
    identifiant = uai.toLowerCase()
    const r = await appel('POST', '/api/users/creer-en-masse', {
      jeton: carif,
      corps: { lignes: `UAI;mail\n${uai}\n0340042L`, inviter: true },
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect(r.corps.message).toBe(
      "1 compte créé, en attente de la validation de son ouverture par l'administrateur de la plateforme : il recevra son invitation une fois validé ; 1 déjà existant.",
    )
    // SECURITY 42: the Carif-Oref's accounts wait for the administrator, who validates them from the list.
    const cree = (
      await appel('GET', `/api/users?where[username][equals]=${identifiant}&depth=0`, { jeton: admin })
    ).corps.docs[0]
    expect(cree.ouvertureValidee).toBe(false)
    expect(
      (
        await appel('PATCH', `/api/users?where[id][in]=${cree.id}`, {
          jeton: admin,
          corps: { ouvertureValidee: true },
        })
      ).status,
    ).toBe(200)
    const m = await attendreCourriel((x) => x.destinataires.includes(`ce.${identifiant}@ac-montpellier.fr`))
    expect(m, 'invitation reçue dans les 20 s').toBeDefined()
    expect(m!.subject).toBe('Votre compte sur la plateforme Carte des formations — Occitanie')
    const lien = /(http:\/\/\S+\/admin\/reset\/[a-f0-9]+)/.exec(m!.text!)![1]!
    expect(lien.startsWith(URL_SERVEUR())).toBe(true)
    const jetonReset = lien.split('/').pop()
    const reset = await appel('POST', '/api/users/reset-password', {
      corps: { token: jetonReset, password: 'Mot-de-passe-choisi-2027' },
    })
    expect(reset.status).toBe(200)
    const connexion = await appel('POST', '/api/users/login', {
      corps: { username: identifiant, password: 'Mot-de-passe-choisi-2027' },
    })
    expect(connexion.status).toBe(200)
    expect(connexion.corps.user).toMatchObject({ username: uai, role: 'etablissement' })
  })

  it('une ligne fausse : 400 qui nomme la ligne, aucun compte créé', async () => {
    // Line 1 alone would open an account: an établissement without one yet; line 2, its UAI with a wrong key.
    const libre = (await etablissementsLibres(1))[0]!.uai
    const r = await appel('POST', '/api/users/creer-en-masse', {
      jeton: carif,
      corps: { lignes: `${libre}\n${libre.slice(0, 7)}${libre[7] === 'A' ? 'B' : 'A'}` },
    })
    expect(r.status).toBe(400)
    expect(r.corps.errors[0].data.errors[0]).toMatchObject({
      path: 'lignes',
      message: expect.stringMatching(/^Ligne 2 : /),
    })
    expect(
      (
        await appel('GET', `/api/users?where[username][equals]=${libre.toLowerCase()}&depth=0`, {
          jeton: admin,
        })
      ).corps.totalDocs,
    ).toBe(0)
    expect(
      (await appel('POST', '/api/users/creer-en-masse', { jeton: carif, corps: { lignes: 42 } })).corps
        .errors[0].data.errors[0].path,
    ).toBe('lignes')
  })
})

describe('Désactivation d’un compte (REST)', () => {
  it('la session ouverte ne vaut plus rien, puis le compte réactivé se reconnecte', async () => {
    const session = (
      await appel('POST', '/api/users/login', {
        corps: { username: uai, password: 'Mot-de-passe-choisi-2027' },
      })
    ).corps.token
    expect((await appel('GET', '/api/users/me', { jeton: session })).corps.user.username).toBe(uai)
    const id = (
      await appel('GET', `/api/users?where[username][equals]=${identifiant}&depth=0`, { jeton: carif })
    ).corps.docs[0].id
    expect((await appel('PATCH', `/api/users/${id}`, { jeton: carif, corps: { actif: false } })).status).toBe(
      200,
    )
    expect((await appel('GET', '/api/users/me', { jeton: session })).corps.user).toBeNull()
    expect((await appel('GET', '/api/demandes?limit=1', { jeton: session })).status).toBe(403)
    expect(
      (
        await appel('POST', '/api/users/login', {
          corps: { username: uai, password: 'Mot-de-passe-choisi-2027' },
        })
      ).status,
    ).toBe(401)
    // A school cannot re-enable itself.
    await appel('PATCH', `/api/users/${id}`, { jeton: carif, corps: { actif: true } })
    const encore = (
      await appel('POST', '/api/users/login', {
        corps: { username: uai, password: 'Mot-de-passe-choisi-2027' },
      })
    ).corps.token
    // Refused outright (SECURITY 23: access/comptes.ts), no longer silently ignored.
    expect(
      (await appel('PATCH', `/api/users/${id}`, { jeton: encore, corps: { actif: false, role: 'admin' } }))
        .status,
    ).toBe(403)
    expect((await appel('GET', `/api/users/${id}?depth=0`, { jeton: carif })).corps).toMatchObject({
      actif: true,
      role: 'etablissement',
    })
  })
})

describe('Mise à jour des référentiels', () => {
  const csv = (lignes: string[]) =>
    ['uai,nom,type,secteur,ministere_tutelle,commune,code_departement,code_academie', ...lignes].join('\n')
  const importer = (j: string | undefined, type: string, corps: string, simulation = false) =>
    fetch(`${URL_SERVEUR()}/api/referentiels/importer?type=${type}&simulation=${simulation}`, {
      method: 'POST',
      headers: { ...(j ? { Authorization: `JWT ${j}` } : {}), 'Content-Type': 'text/csv' },
      body: corps,
    }).then(async (r) => ({ status: r.status, corps: await r.json() }))

  it('réservée aux éditeurs', async () => {
    expect(
      (await importer(undefined, 'etablissements', csv(['0110004V,X,LP,PU,,Carcassonne,11,11']))).status,
    ).toBe(401)
    for (const j of [etab, region])
      expect((await importer(j, 'etablissements', csv(['0110004V,X,LP,PU,,Carcassonne,11,11']))).status).toBe(
        403,
      )
  })

  it('simule puis applique, avec le rapport champ par champ, et refuse un fichier illisible sans rien changer', async () => {
    // What the file changes is new on every run: a name never given yet, a UAI the annuaire does not hold.
    const lire = async (code: string) =>
      (await appel('GET', `/api/etablissements?where[uai][equals]=${code}&depth=0`, { jeton: admin })).corps
    const nomAvant = (await lire('0110004V')).docs[0].nom
    const nouveauNom = `Lycée Paul Sabatier (nouveau nom ${N})`
    const nouvelUai = await uaiInconnu('011')
    const fichier = csv([
      `0110004V,${nouveauNom},LGT,PU,MINISTERE DE L'EDUCATION NATIONALE,Carcassonne,11,11`,
      `${nouvelUai},Lycée créé,LP,PU,MINISTERE DE L'EDUCATION NATIONALE,Narbonne,11,11`,
      '0110004X,Faux,LP,PU,,Narbonne,11,11',
    ])
    const simulation = await importer(carif, 'etablissements', fichier, true)
    expect(simulation.status).toBe(200)
    expect(simulation.corps).toMatchObject({ simulation: true, crees: 1, modifies: 1 })
    expect(simulation.corps.message).toMatch(/^Établissements : 1 ligne seraient créée, 1 modifiée/)
    expect(simulation.corps.changements).toContainEqual({
      cle: '0110004V',
      operation: 'modification',
      champs: expect.objectContaining({ nom: { avant: nomAvant, apres: nouveauNom } }),
    })
    expect(simulation.corps.rejetes[0]).toMatchObject({
      ligne: 4,
      raison: expect.stringMatching(/lettre clé/),
    })
    expect((await lire('0110004V')).docs[0].nom).toBe(nomAvant)
    expect((await lire(nouvelUai)).totalDocs).toBe(0)

    const reel = await importer(carif, 'etablissements', fichier)
    expect(reel.corps.message).toMatch(/^Établissements : 1 ligne ont été créée, 1 modifiée/)
    expect((await lire('0110004V')).docs[0].nom).toBe(nouveauNom)
    const cree = await lire(nouvelUai)
    expect(cree.totalDocs).toBe(1)
    // Other suites count the 764 établissements of the annuaire: the test one goes away.
    expect((await appel('DELETE', `/api/etablissements/${cree.docs[0].id}`, { jeton: carif })).status).toBe(
      200,
    )

    const illisible = await importer(carif, 'etablissements', 'colonne_inconnue\nrien')
    expect(illisible.status).toBe(400)
    expect(illisible.corps.errors[0].data.errors[0].path).toBe('fichier')
    expect((await importer(carif, 'inconnu', fichier)).corps.errors[0].data.errors[0].path).toBe('type')
  })
})

describe('File de tâches et préréglages : rien d’exposé', () => {
  it('personne hors administrateur ne lance, ne lit ni ne met en file une tâche (REST et GraphQL)', async () => {
    for (const j of [etab, region, carif]) {
      // Payload answers 401 to a signed-in user without the right to run jobs.
      expect([401, 403]).toContain((await appel('GET', '/api/payload-jobs/run', { jeton: j })).status)
      expect([403, 404]).toContain((await appel('GET', '/api/payload-jobs?limit=5', { jeton: j })).status)
      expect(
        (
          await appel('POST', '/api/payload-jobs', {
            jeton: j,
            corps: { taskSlug: 'envoyerCourriel', input: { message: { to: 'x@y.fr', subject: 's' } } },
          })
        ).status,
      ).toBe(403)
    }
    expect((await appel('GET', '/api/payload-jobs/run')).status).toBe(401)
    const g = await graphql('{ PayloadJobs { docs { id input } } }', {}, { jeton: etab })
    expect(g.corps.errors?.[0]?.message).toBeTruthy()
    expect(g.corps.data?.PayloadJobs?.docs ?? null).toBeNull()
    expect((await appel('GET', '/api/payload-locked-documents', { jeton: etab })).status).toBe(404)
  })

  it('un filtre enregistré privé n’est lu que par son auteur', async () => {
    const cree = await appel('POST', '/api/payload-query-presets', {
      jeton: rectoratT,
      corps: {
        title: 'Ouvertures de Toulouse',
        relatedCollection: 'demandes',
        where: { mesure: { equals: 'ouverture' } },
        access: {
          read: { constraint: 'onlyMe' },
          update: { constraint: 'onlyMe' },
          delete: { constraint: 'onlyMe' },
        },
      },
    })
    expect(cree.status, JSON.stringify(cree.corps)).toBe(201)
    const id = cree.corps.doc.id
    expect((await appel('GET', `/api/payload-query-presets/${id}`, { jeton: rectoratT })).status).toBe(200)
    expect((await appel('GET', `/api/payload-query-presets/${id}`, { jeton: etab })).status).toBe(404)
    expect(
      (await appel('GET', '/api/payload-query-presets', { jeton: etab })).corps.docs.map(
        (d: { id: unknown }) => d.id,
      ),
    ).not.toContain(id)
    expect((await appel('DELETE', `/api/payload-query-presets/${id}`, { jeton: etab })).status).not.toBe(200)
  })
})

describe('Page d’accueil publique', () => {
  it('présente l’appel à projets, les documents, la connexion, le dépôt et le support', async () => {
    const r = await fetch(`${URL_SERVEUR()}/`)
    expect(r.status).toBe(200)
    const html = await r.text()
    expect(html).toContain('Appel à projets')
    expect(html).toContain('Cette plateforme est destinée au Conseil régional')
    expect(html).toContain('href="/lettre-de-cadrage"')
    expect(html).toContain('href="/admin/login"')
    expect(html).toContain('href="/admin/collections/demandes/create"')
    expect(html).toContain('mailto:support.carte@cariforefoccitanie.fr')
    const lettre = await (await fetch(`${URL_SERVEUR()}/lettre-de-cadrage`)).text()
    expect(lettre).toContain('lancent la campagne de préparation de la rentrée')
  })

  it('reflète le texte modifié par le Carif-Oref sans redémarrage', async () => {
    const texte = {
      root: {
        type: 'root',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            textFormat: 0,
            children: [
              {
                type: 'text',
                version: 1,
                text: 'Texte modifié par le Carif-Oref.',
                format: 0,
                detail: 0,
                mode: 'normal',
                style: '',
              },
            ],
          },
        ],
      },
    }
    const avant = (await appel('GET', '/api/globals/campagne?depth=0', { jeton: carif })).corps.texteAccueil
    expect(
      (await appel('POST', '/api/globals/campagne', { jeton: carif, corps: { texteAccueil: texte } })).status,
    ).toBe(200)
    expect(await (await fetch(`${URL_SERVEUR()}/`)).text()).toContain('Texte modifié par le Carif-Oref.')
    expect(
      (await appel('POST', '/api/globals/campagne', { jeton: etab, corps: { texteAccueil: texte } })).status,
    ).toBe(403)
    await appel('POST', '/api/globals/campagne', { jeton: carif, corps: { texteAccueil: avant } })
  })
})

describe('Export XLSX par HTTP', () => {
  it('est un classeur ZIP en pièce jointe, non interprétable par le navigateur', async () => {
    const r = await fetch(`${URL_SERVEUR()}/api/demandes/export?format=xlsx`, {
      headers: { Authorization: `JWT ${region}` },
    })
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    const octets = Buffer.from(await r.arrayBuffer())
    expect(octets.subarray(0, 4).toString('hex')).toBe('504b0304')
    fs.mkdirSync('test-artifacts/captures', { recursive: true })
    fs.writeFileSync('test-artifacts/captures/region-export.xlsx', octets)
    expect(
      (
        await fetch(`${URL_SERVEUR()}/api/demandes/export?format=pdf`, {
          headers: { Authorization: `JWT ${region}` },
        })
      ).status,
    ).toBe(400)
  })
})
