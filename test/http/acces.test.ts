import { beforeAll, describe, expect, inject, it } from 'vitest'

import { appel, deposerDemande, graphql, jeton } from '../aides/http'

type Demande = {
  id: number | string
  numero: number
  statut: string
  structureDeposante: string
  etablissementConcerne: number | string
  rapportOpportunite?: string
}

let admin: string
let a: string // 0340042L, lycée Jean Mermoz (Montpellier)
let b: string // 0310024H, lycée Pierre d'Aragon (Toulouse)
let toutes: Demande[]
let brouillonA: Demande
let valideeA: Demande
let brouillonB: Demande
let idMermoz: number | string

const ids = (docs: { id: unknown }[]) => docs.map((d) => String(d.id))

beforeAll(async () => {
  admin = await jeton('admin')
  a = await jeton('0340042L')
  b = await jeton('0310024H')
  // All of them: other test files sharing the server add demandes, the oldest would fall off a first page.
  toutes = (await appel('GET', '/api/demandes?pagination=false&depth=0', { jeton: admin })).corps.docs
  const mermoz = await appel('GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', {
    jeton: admin,
  })
  idMermoz = mermoz.corps.docs[0].id
  const deA = toutes.filter((d) => d.structureDeposante === `etablissement:${idMermoz}`)
  brouillonA = deA.find((d) => d.statut === 'brouillon')!
  valideeA = deA.find((d) => d.statut === 'validee')!
  brouillonB = toutes.find(
    (d) =>
      d.structureDeposante !== `etablissement:${idMermoz}` &&
      d.structureDeposante.startsWith('etablissement:') &&
      d.statut === 'brouillon',
  )!
  expect([brouillonA, valideeA, brouillonB].every(Boolean)).toBe(true)
})

describe('REST : un établissement ne lit rien d’un autre', () => {
  it('GET par identifiant d’un brouillon ou d’une demande validée d’un autre établissement : 404, sans contenu', async () => {
    for (const d of [brouillonA, valideeA]) {
      const r = await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: b })
      expect([403, 404]).toContain(r.status)
      expect(JSON.stringify(r.corps)).not.toContain('Besoin')
    }
    expect((await appel('GET', `/api/demandes/${brouillonA.id}?draft=true`, { jeton: b })).status).toBe(404)
  })

  it('la liste, le comptage et les filtres sur le référent (même par chemin de relation) ne révèlent rien', async () => {
    const liste = await appel('GET', '/api/demandes?limit=100&depth=0', { jeton: b })
    expect(ids(liste.corps.docs)).not.toContain(String(brouillonA.id))
    expect(ids(liste.corps.docs)).not.toContain(String(valideeA.id))
    for (const filtre of [
      `where[etablissementReferent][equals]=${idMermoz}`,
      'where[etablissementReferent.uai][equals]=0340042L',
      'where[etablissementConcerne.uai][like]=0340042',
      'where[responsable.email][contains]=ac-montpellier',
      `where[structureDeposante][equals]=etablissement:${idMermoz}`,
      'where[rapportOpportunite][contains]=Besoin',
    ]) {
      const compte = await appel('GET', `/api/demandes/count?${filtre}`, { jeton: b })
      expect(compte.status, filtre).toBe(200)
      const filtree = await appel('GET', `/api/demandes?${filtre}&depth=0&limit=100`, { jeton: b })
      expect(
        filtree.corps.docs.filter((d: Demande) => d.structureDeposante === `etablissement:${idMermoz}`),
        filtre,
      ).toEqual([])
      // Whatever B counts is B's own: the count never includes A's demandes.
      expect(compte.corps.totalDocs, filtre).toBe(filtree.corps.totalDocs)
      const compteAdmin = await appel('GET', `/api/demandes/count?${filtre}`, { jeton: admin })
      expect(compteAdmin.corps.totalDocs, filtre).toBeGreaterThan(compte.corps.totalDocs)
    }
  })

  it('les versions des demandes d’un autre établissement sont invisibles (liste et par identifiant)', async () => {
    const versionsAdmin = await appel(
      'GET',
      `/api/demandes/versions?where[parent][equals]=${brouillonA.id}&depth=0`,
      { jeton: admin },
    )
    expect(versionsAdmin.corps.docs.length).toBeGreaterThan(0)
    const versionsB = await appel('GET', '/api/demandes/versions?limit=200&depth=0', { jeton: b })
    expect(versionsB.corps.docs.map((v: { parent: unknown }) => String(v.parent))).not.toContain(
      String(brouillonA.id),
    )
    const une = await appel('GET', `/api/demandes/versions/${versionsAdmin.corps.docs[0].id}?depth=0`, {
      jeton: b,
    })
    expect([403, 404]).toContain(une.status)
    expect(
      (await appel('GET', `/api/demandes/versions?where[parent][equals]=${brouillonA.id}`, { jeton: a }))
        .corps.docs.length,
    ).toBeGreaterThan(0)
  })

  it('une demande liée au brouillon d’un autre établissement ne le révèle pas, même avec depth=10', async () => {
    const cree = await appel('POST', '/api/demandes?depth=0', {
      jeton: b,
      corps: {
        etablissementConcerne: brouillonB.etablissementConcerne,
        projetLie: true,
        demandeLiee: brouillonA.id,
      },
    })
    expect(cree.status).toBe(201)
    const lue = await appel('GET', `/api/demandes/${cree.corps.doc.id}?depth=10`, { jeton: b })
    expect(lue.status).toBe(200)
    expect(lue.corps.demandeLiee === null || typeof lue.corps.demandeLiee !== 'object').toBe(true)
    expect(JSON.stringify(lue.corps)).not.toContain('claire.martin')
    await appel('DELETE', `/api/demandes/${cree.corps.doc.id}`, { jeton: b })
  })
})

describe('REST : écritures refusées', () => {
  it('PATCH et DELETE sur la demande d’un autre établissement : refusés, données intactes', async () => {
    const avant = await appel('GET', `/api/demandes/${brouillonA.id}?depth=0`, { jeton: admin })
    expect([403, 404]).toContain(
      (
        await appel('PATCH', `/api/demandes/${brouillonA.id}`, {
          jeton: b,
          corps: { siteFormation: 'piraté' },
        })
      ).status,
    )
    expect([403, 404]).toContain(
      (await appel('DELETE', `/api/demandes/${brouillonA.id}`, { jeton: b })).status,
    )
    const enMasse = await appel('PATCH', `/api/demandes?where[id][equals]=${brouillonA.id}`, {
      jeton: b,
      corps: { siteFormation: 'piraté' },
    })
    expect(enMasse.corps.docs ?? []).toEqual([])
    const apres = await appel('GET', `/api/demandes/${brouillonA.id}?depth=0`, { jeton: admin })
    expect(apres.corps).toEqual(avant.corps)
  })

  it('une demande validée n’est plus modifiable par son déposant : PATCH (avec ou sans statut), PATCH en masse, DELETE', async () => {
    const avant = await appel('GET', `/api/demandes/${valideeA.id}?depth=0`, { jeton: admin })
    for (const corps of [
      { rapportOpportunite: 'modifié' },
      { statut: 'brouillon' },
      { statut: 'brouillon', rapportOpportunite: 'modifié' },
      { avis: { avis: 'favorable' } },
    ]) {
      const r = await appel('PATCH', `/api/demandes/${valideeA.id}`, { jeton: a, corps })
      expect([403, 404], JSON.stringify(corps)).toContain(r.status)
    }
    const enMasse = await appel('PATCH', `/api/demandes?where[statut][equals]=validee`, {
      jeton: a,
      corps: { rapportOpportunite: 'en masse' },
    })
    expect(enMasse.corps.docs ?? []).toEqual([])
    // Payload's bulk edit is off for demandes (it wrote some and refused others, without a transaction), for every
    // role: the committee's batch is POST /api/demandes/instruire-en-lot.
    expect(enMasse.status).toBe(403)
    expect(enMasse.corps.errors[0].message).toBe(
      "La modification de plusieurs documents à la fois n'est pas possible.",
    )
    const region = await appel('PATCH', `/api/demandes?where[id][equals]=${valideeA.id}`, {
      jeton: await jeton('region'),
      corps: { decision: { decision: 'retenue' } },
    })
    expect(region.status).toBe(403)
    expect([403, 404]).toContain((await appel('DELETE', `/api/demandes/${valideeA.id}`, { jeton: a })).status)
    const enMasseSuppr = await appel('DELETE', `/api/demandes?where[id][equals]=${valideeA.id}`, { jeton: a })
    expect(enMasseSuppr.corps.docs ?? []).toEqual([])
    expect((await appel('GET', `/api/demandes/${valideeA.id}?depth=0`, { jeton: admin })).corps).toEqual(
      avant.corps,
    )
  })

  it('restaurer une ancienne version ou dupliquer une demande validée : refusé', async () => {
    const versions = await appel(
      'GET',
      `/api/demandes/versions?where[parent][equals]=${valideeA.id}&sort=createdAt&depth=0`,
      { jeton: a },
    )
    const brouillon = versions.corps.docs.find(
      (v: { version: { statut: string } }) => v.version.statut === 'brouillon',
    )
    expect(brouillon).toBeTruthy()
    expect([403, 404]).toContain(
      (await appel('POST', `/api/demandes/versions/${brouillon.id}`, { jeton: a })).status,
    )
    expect([403, 404, 405]).toContain(
      (await appel('POST', `/api/demandes/${valideeA.id}/duplicate`, { jeton: a })).status,
    )
    expect((await appel('GET', `/api/demandes/${valideeA.id}?depth=0`, { jeton: admin })).corps.statut).toBe(
      'validee',
    )
  })

  it('POST : statut, numéro, référent, validation, avis et décision envoyés sont ignorés', async () => {
    const r = await appel('POST', '/api/demandes?depth=0', {
      jeton: a,
      corps: {
        etablissementConcerne: idMermoz,
        statut: 'retenue',
        numero: 1,
        valideeLe: '2020-01-01',
        validePar: 1,
        avis: { avis: 'favorable' },
        decision: { decision: 'retenue' },
        etablissementReferent: brouillonB.etablissementConcerne,
      },
    })
    expect(r.status).toBe(201)
    expect(r.corps.doc).toMatchObject({ statut: 'brouillon', etablissementReferent: idMermoz })
    expect(r.corps.doc.numero).not.toBe(1)
    expect(r.corps.doc.valideeLe ?? null).toBeNull()
    expect(r.corps.doc.avis?.avis ?? null).toBeNull()
    expect(r.corps.doc.decision?.decision ?? null).toBeNull()
    await appel('DELETE', `/api/demandes/${r.corps.doc.id}`, { jeton: a })
  })

  it('les collections internes sont fermées aux déposants', async () => {
    for (const chemin of ['/api/journal', '/api/compteurs']) {
      const r = await appel('GET', chemin, { jeton: a })
      expect([403, 404], chemin).toContain(r.status)
    }
    const comptes = await appel('GET', '/api/users?limit=100', { jeton: a })
    expect(comptes.corps.docs.map((u: { username: string }) => u.username)).toEqual(['0340042L'])
    // Payload's lock records (who edits which document) are readable by any signed-in user: locking is off.
    expect((await appel('GET', '/api/payload-locked-documents?limit=100', { jeton: a })).status).toBe(404)
    const prefs = await appel('GET', '/api/payload-preferences?limit=100&depth=0', { jeton: a })
    expect(
      (prefs.status === 200 ? prefs.corps.docs : []).every(
        (p: { user: { value: unknown } }) =>
          String((p.user as { value?: unknown })?.value ?? p.user) !== 'autre',
      ),
    ).toBe(true)
    expect(
      (
        await appel('PATCH', '/api/users?where[username][equals]=admin', {
          jeton: a,
          corps: { role: 'admin' },
        })
      ).corps.docs ?? [],
    ).toEqual([])
    const moi = (await appel('GET', '/api/users/me', { jeton: a })).corps.user
    const promotion = await appel('PATCH', `/api/users/${moi.id}`, {
      jeton: a,
      corps: { role: 'admin', etablissement: brouillonB.etablissementConcerne },
    })
    // Refused outright (SECURITY 23: access/comptes.ts), no longer silently ignored.
    expect(promotion.status).toBe(403)
    // The signed-in user is read at depth 0 (auth.depth): its établissement is an id.
    expect((await appel('GET', '/api/users/me', { jeton: a })).corps.user).toMatchObject({
      role: 'etablissement',
      etablissement: idMermoz,
    })
  })
})

describe('GraphQL : les mêmes règles', () => {
  it('un établissement ne lit ni les demandes, ni les versions d’un autre', async () => {
    const r = await graphql(
      '{ Demandes(limit: 200) { docs { id numero rapportOpportunite } } versionsDemandes(limit: 200) { docs { parent { id } } } }',
      {},
      { jeton: b },
    )
    expect(r.status).toBe(200)
    const lues = ids(r.corps.data.Demandes.docs)
    expect(lues).not.toContain(String(brouillonA.id))
    expect(lues).not.toContain(String(valideeA.id))
    expect(JSON.stringify(r.corps.data.versionsDemandes)).not.toContain(
      `"id":${JSON.stringify(brouillonA.id)}`,
    )
    const une = await graphql(
      `query($id: ${typeof brouillonA.id === 'number' ? 'Int' : 'String'}!) { Demande(id: $id) { id rapportOpportunite } }`,
      { id: brouillonA.id },
      { jeton: b },
    )
    expect(une.corps.data?.Demande ?? null).toBeNull()
    expect(une.corps.errors?.length).toBeGreaterThan(0)
  })

  it('mutations refusées : modifier ou supprimer la demande d’un autre, modifier ou supprimer sa demande validée', async () => {
    const type = typeof valideeA.id === 'number' ? 'Int' : 'String'
    const cas = [
      [
        b,
        `mutation($id: ${type}!) { updateDemande(id: $id, data: { siteFormation: "piraté" }) { id } }`,
        brouillonA.id,
      ],
      [b, `mutation($id: ${type}!) { deleteDemande(id: $id) { id } }`, brouillonA.id],
      [
        a,
        `mutation($id: ${type}!) { updateDemande(id: $id, data: { rapportOpportunite: "modifié" }) { id } }`,
        valideeA.id,
      ],
      [
        a,
        `mutation($id: ${type}!) { updateDemande(id: $id, data: { statut: brouillon }) { id } }`,
        valideeA.id,
      ],
      [a, `mutation($id: ${type}!) { deleteDemande(id: $id) { id } }`, valideeA.id],
    ] as const
    for (const [qui, requete, id] of cas) {
      const r = await graphql(requete, { id }, { jeton: qui })
      expect(r.corps.errors?.length, requete).toBeGreaterThan(0)
    }
    const apres = await appel('GET', `/api/demandes/${valideeA.id}?depth=0`, { jeton: admin })
    expect(apres.corps.statut).toBe('validee')
    expect(apres.corps.rapportOpportunite).not.toBe('modifié')
  })

  it('l’intégration lit les demandes validées, jamais les brouillons ni le responsable', async () => {
    const r = await graphql(
      '{ Demandes(limit: 200) { docs { id statut responsable { email } } } }',
      {},
      { cleApi: inject('cleApiDemo') },
    )
    expect(r.corps.data.Demandes.docs.length).toBeGreaterThan(0)
    expect(r.corps.data.Demandes.docs.every((d: { statut: string }) => d.statut !== 'brouillon')).toBe(true)
    expect(JSON.stringify(r.corps.data)).not.toContain('@')
  })
})

describe('Intégration par clé d’API (REST)', () => {
  it('lit les demandes validées et les référentiels, sans données personnelles, et n’écrit rien', async () => {
    const cle = inject('cleApiDemo')
    const r = await appel('GET', '/api/demandes?limit=100&depth=0', { cleApi: cle })
    expect(r.status).toBe(200)
    expect(r.corps.docs.length).toBeGreaterThan(0)
    expect(r.corps.docs.every((d: Demande) => d.statut !== 'brouillon')).toBe(true)
    expect(r.corps.docs.every((d: { responsable?: unknown }) => d.responsable === undefined)).toBe(true)
    expect((await appel('GET', '/api/etablissements?limit=1', { cleApi: cle })).corps.totalDocs).toBe(764)
    expect(
      (
        await appel('PATCH', `/api/demandes/${valideeA.id}`, {
          cleApi: cle,
          corps: { decision: { decision: 'retenue' } },
        })
      ).status,
    ).toBe(403)
    expect(
      (await appel('POST', '/api/demandes', { cleApi: cle, corps: { etablissementConcerne: idMermoz } }))
        .status,
    ).toBe(403)
    expect((await appel('GET', '/api/demandes', { cleApi: 'cle-inventee' })).corps.docs ?? []).toEqual([])
  })
})

describe('Validation par POST /api/demandes/:id/valider', () => {
  it('répond 401 sans connexion, 404 à une autre structure, 400 avec les erreurs, 409 si déjà validée', async () => {
    const incomplet = toutes.find(
      (d) =>
        d.structureDeposante === `etablissement:${idMermoz}` &&
        d.statut === 'brouillon' &&
        !d.rapportOpportunite,
    )!
    expect(
      (await appel('POST', `/api/demandes/${incomplet.id}/valider`, { corps: { confirmer: false } })).status,
    ).toBe(401)
    expect(
      (await appel('POST', `/api/demandes/${incomplet.id}/valider`, { jeton: b, corps: { confirmer: true } }))
        .status,
    ).toBe(404)
    const erreurs = await appel('POST', `/api/demandes/${incomplet.id}/valider`, {
      jeton: a,
      corps: { confirmer: false },
    })
    expect(erreurs.status).toBe(400)
    expect(erreurs.corps.errors[0].name).toBe('ValidationError')
    const chemins = erreurs.corps.errors[0].data.errors.map((e: { path: string }) => e.path)
    expect(chemins).toEqual(
      expect.arrayContaining(['responsable.nom', 'diplome', 'rapportOpportunite', 'zonesRecrutement']),
    )
    expect(
      (await appel('POST', `/api/demandes/${valideeA.id}/valider`, { jeton: a, corps: { confirmer: true } }))
        .status,
    ).toBe(409)
    expect(
      (
        await appel('POST', `/api/demandes/${incomplet.id}/valider`, {
          jeton: a,
          corps: { confirmer: 'oui' },
        })
      ).status,
    ).toBe(400)
    expect(
      (await appel('POST', `/api/demandes/${incomplet.id}/valider`, { jeton: a, corps: {} })).corps.errors[0]
        .message,
    ).toContain('confirmer')
  })

  it('recapitule puis valide ; deux confirmations simultanées : une seule réussit', async () => {
    // A complete draft of its own: the demo's is validated by the first run against a server.
    const complet = await deposerDemande(a, '0340042L')
    const recap = await appel('POST', `/api/demandes/${complet.id}/valider`, {
      jeton: a,
      corps: { confirmer: false },
    })
    expect(recap.status).toBe(200)
    expect(recap.corps.pret).toBe(true)
    expect(recap.corps.recapitulatif.sections[0].titre).toBe('A/ Établissement de formation')
    // The same CAP Cuisine as the other files' demandes: the duplicate is confirmed (doublons-projet-lie tests it).
    const corps = { confirmer: true, confirmerDoublon: true }
    const [r1, r2] = await Promise.all([
      appel('POST', `/api/demandes/${complet.id}/valider`, { jeton: a, corps }),
      appel('POST', `/api/demandes/${complet.id}/valider`, { jeton: a, corps }),
    ])
    expect([r1.status, r2.status].sort()).toEqual([200, 409])
    const validee = [r1, r2].find((r) => r.status === 200)!
    expect(validee.corps.doc).toMatchObject({ statut: 'validee' })
    expect(validee.corps.doc.valideeLe).toBeTruthy()
  })
})

describe('Santé', () => {
  it('GET /api/health répond 200 {"status":"ok"} quand la base répond', async () => {
    const r = await appel('GET', '/api/health')
    expect(r.status).toBe(200)
    expect(r.corps).toEqual({ status: 'ok' })
  })
})
