/**
 * Issue 16, item 5: the committee's avis or décision on many demandes at once (POST /api/demandes/instruire-en-lot),
 * and the Région publishing its decisions itself (POST /api/globals/campagne/publier-decisions). Against the
 * production server: each demande is written as a single PATCH would write it, or refused with a French reason.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { appel, deposerDemande, deposerEtValider, graphql, idPar, jeton } from '../aides/http'

type Ref = { id: number | string; numero: number }

let admin: string
let carif: string
let region: string
let rectorat: string // Montpellier
let ecole: string // 0340042L, Montpellier
let a1: Ref
let a2: Ref
let toulouse: Ref // filed by the admin for a Toulouse lycée: outside the Montpellier rectorat's reading
let brouillon: Ref
let aCorriger: Ref
let draaf: string
let brouillonAgricole: Ref

const lot = (qui: string | undefined, corps: unknown) =>
  appel('POST', '/api/demandes/instruire-en-lot', { jeton: qui, corps })
const lire = async (qui: string, id: number | string) =>
  (await appel('GET', `/api/demandes/${id}?depth=0`, { jeton: qui })).corps
const journal = async (id: number | string, action: string) =>
  (
    await appel(
      'GET',
      `/api/journal?where[documentId][equals]=${id}&where[action][equals]=${action}&depth=0&limit=50`,
      { jeton: admin },
    )
  ).corps.docs as { resume: string; utilisateur: string }[]
const publication = (qui: string | undefined, confirmer: unknown) =>
  appel('POST', '/api/globals/campagne/publier-decisions', { jeton: qui, corps: { confirmer } })
const publierParLeCarif = (valeur: boolean) =>
  appel('POST', '/api/globals/campagne', { jeton: carif, corps: { decisionsPubliees: valeur } })

beforeAll(async () => {
  ;[admin, carif, region, rectorat, ecole] = await Promise.all(
    ['admin', 'carif-oref', 'region', 'rectorat-montpellier', '0340042L'].map(jeton),
  )
  draaf = await jeton('draaf')
  // Another file may have left the campaign published: this one starts from « not published ».
  expect((await publierParLeCarif(false)).status).toBe(200)
  a1 = await deposerEtValider(ecole, '0340042L')
  a2 = await deposerEtValider(ecole, '0340042L')
  toulouse = await deposerEtValider(admin, '0310024H')
  brouillon = await deposerDemande(ecole, '0340042L')
  aCorriger = await deposerEtValider(ecole, '0340042L')
  const renvoi = await appel('POST', `/api/demandes/${aCorriger.id}/demander-correction`, {
    jeton: rectorat,
    corps: { message: 'Précisez le plateau technique.' },
  })
  expect(renvoi.status, JSON.stringify(renvoi.corps)).toBe(200)
  brouillonAgricole = await deposerDemande(draaf, '0480514Y', {
    diplome: await idPar('diplomes', 'cfd', '40321004'),
    dureeFormation: 3,
  })
})

afterAll(async () => {
  await publierParLeCarif(false)
})

describe('Avis en lot du rectorat', () => {
  it('écrit les demandes de son académie, refuse celle de l’autre et le brouillon (sans leur numéro), celle renvoyée pour correction', async () => {
    const r = await lot(rectorat, {
      // a1 three times, once zero-padded (the same row on SQLite): written once.
      ids: [a1.id, a2.id, toulouse.id, brouillon.id, aCorriger.id, a1.id, `0${a1.id}`],
      avis: { avis: 'favorable', commentaire: 'Avis du comité du 4 décembre.' },
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect(r.corps.faites).toEqual([
      { id: a1.id, numero: a1.numero },
      { id: a2.id, numero: a2.numero },
    ])
    // Neither the other académie's demande nor a draft is readable by the rectorat: their numero is not given.
    expect(r.corps.refusees).toEqual([
      { id: toulouse.id, motif: 'demande introuvable ou hors de votre périmètre' },
      { id: brouillon.id, motif: 'demande introuvable ou hors de votre périmètre' },
      {
        id: aCorriger.id,
        numero: aCorriger.numero,
        motif: 'demande renvoyée à sa structure pour correction',
      },
    ])
    // Each one as a single PATCH leaves it: avis, comment, author, date, statut, a version and a journal entry.
    for (const d of [a1, a2]) {
      const lue = await lire(rectorat, d.id)
      expect(lue.avis.avis).toBe('favorable')
      expect(lue.avis.commentaire).toBe('Avis du comité du 4 décembre.')
      expect(lue.avis.auteur).toMatch(/rectorat-montpellier/)
      expect(Date.now() - Date.parse(lue.avis.date)).toBeLessThan(120_000)
      expect(lue.statut).toBe('en-instruction')
      const entrees = await journal(d.id, 'avis')
      expect(entrees.map((e) => e.resume)).toEqual([`Avis « favorable » sur la demande n° ${d.numero}`])
      expect(entrees[0]!.utilisateur).toBe('rectorat-montpellier')
      const versions = await appel(
        'GET',
        `/api/demandes/versions?where[parent][equals]=${d.id}&sort=-updatedAt&limit=1&depth=0`,
        { jeton: admin },
      )
      expect(versions.corps.docs?.[0]?.version?.avis?.avis, JSON.stringify(versions.corps)).toBe('favorable')
    }
    // The refused ones are untouched; the one it cannot read is journaled as a refusal.
    const t = await lire(admin, toulouse.id)
    expect(t.avis?.avis ?? null).toBeNull()
    expect(t.statut).toBe('validee')
    expect((await journal(toulouse.id, 'refus')).map((e) => e.resume)).toContainEqual(
      expect.stringMatching(/^Instruction en lot refusée/),
    )
    const b = await lire(admin, brouillon.id)
    expect(b.avis?.avis ?? null).toBeNull()
    expect(b.statut).toBe('brouillon')
    expect(await journal(brouillon.id, 'avis')).toEqual([])
    const c = await lire(admin, aCorriger.id)
    expect(c.avis?.avis ?? null).toBeNull()
    expect(c.statut).toBe('a-corriger')
  })

  it('la DRAAF : son brouillon agricole est « en cours de saisie », une demande non agricole hors de sa lecture', async () => {
    const r = await lot(draaf, { ids: [brouillonAgricole.id, a2.id], avis: { avis: 'reserve' } })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect(r.corps.faites).toEqual([])
    expect(r.corps.refusees).toEqual([
      { id: brouillonAgricole.id, numero: brouillonAgricole.numero, motif: 'demande en cours de saisie' },
      { id: a2.id, motif: 'demande introuvable ou hors de votre périmètre' },
    ])
    expect((await lire(admin, brouillonAgricole.id)).avis?.avis ?? null).toBeNull()
    expect((await lire(admin, a2.id)).avis.avis).toBe('favorable')
  })

  it('un identifiant inconnu est refusé comme une demande hors périmètre', async () => {
    const r = await lot(rectorat, { ids: [a1.id, 987654321], avis: { avis: 'reserve' } })
    expect(r.status).toBe(200)
    expect(r.corps.refusees).toEqual([
      { id: 987654321, motif: 'demande introuvable ou hors de votre périmètre' },
    ])
    expect((await lire(rectorat, a1.id)).avis.avis).toBe('reserve')
  })
})

describe('Décision en lot de la Région', () => {
  it('enregistre la décision sur chaque demande validée, refuse le brouillon', async () => {
    const r = await lot(region, {
      ids: [a1.id, a2.id, brouillon.id],
      decision: { decision: 'retenue', commentaire: 'Retenue au CPRDFOP.' },
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect(r.corps.faites.map((f: Ref) => f.id)).toEqual([a1.id, a2.id])
    expect(r.corps.refusees).toEqual([
      { id: brouillon.id, motif: 'demande introuvable ou hors de votre périmètre' },
    ])
    for (const d of [a1, a2]) {
      const lue = await lire(region, d.id)
      expect(lue.statut).toBe('retenue')
      expect(lue.decision).toMatchObject({ decision: 'retenue', commentaire: 'Retenue au CPRDFOP.' })
      expect(lue.decision.auteur).toMatch(/region/)
      expect((await journal(d.id, 'decision')).map((e) => e.resume)).toEqual([
        `Décision « retenue » sur la demande n° ${d.numero}`,
      ])
    }
    // Before publication, the school still reads « validée », no décision.
    const vue = await lire(ecole, a1.id)
    expect(vue.statut).toBe('validee')
    expect(vue.decision).toBeUndefined()
  })

  it('la Région ne donne pas d’avis, le rectorat ne décide pas (403)', async () => {
    const r = await lot(region, { ids: [a1.id], avis: { avis: 'favorable' } })
    expect(r.status).toBe(403)
    expect(r.corps.errors[0].message).toBe("Vous n'êtes pas autorisé à donner un avis.")
    const s = await lot(rectorat, { ids: [a1.id], decision: { decision: 'ajournee' } })
    expect(s.status).toBe(403)
    expect((await lire(region, a1.id)).statut).toBe('retenue')
  })
})

describe('Corps invalides, anonymes, intégrations', () => {
  it('400 en français nommant le champ par son libellé', async () => {
    const cas: [unknown, RegExp, string][] = [
      [{ avis: { avis: 'favorable' } }, /« Demandes sélectionnées »/, 'ids'],
      [{ ids: [], avis: { avis: 'favorable' } }, /au moins une demande/, 'ids'],
      [{ ids: 'tout', avis: { avis: 'favorable' } }, /« Demandes sélectionnées »/, 'ids'],
      [{ ids: [{ id: 1 }], avis: { avis: 'favorable' } }, /« Demandes sélectionnées »/, 'ids'],
      [
        { ids: Array.from({ length: 501 }, (_, i) => i + 1), avis: { avis: 'favorable' } },
        /500 demandes au plus/,
        'ids',
      ],
      [{ ids: [a1.id], avis: { avis: 'excellent' } }, /^« Avis » : attendu « favorable »/, 'avis'],
      [{ ids: [a1.id], avis: 'favorable' }, /^« Avis » : attendu un objet/, 'avis'],
      [
        { ids: [a1.id], avis: { avis: 'favorable', commentaire: 12 } },
        /^« Commentaire de l'avis » doit être un texte/,
        'avis',
      ],
      [
        { ids: [a1.id], avis: { avis: 'favorable', commentaire: 'x'.repeat(5001) } },
        /« Commentaire de l'avis »/,
        'avis',
      ],
      [
        { ids: [a1.id], avis: { avis: 'favorable', commentaire: 'nul\u0000' } },
        /« Commentaire de l'avis » contient un caractère nul/,
        'avis',
      ],
      [
        { ids: [a1.id], avis: { avis: 'favorable', auteur: 'Le recteur' } },
        /seuls « avis » et « commentaire »/,
        'avis',
      ],
      [{ ids: [a1.id] }, /soit « avis » \(Avis\), soit « decision » \(Décision\)/, 'avis'],
      [
        { ids: [a1.id], avis: { avis: 'favorable' }, decision: { decision: 'retenue' } },
        /pas les deux/,
        'avis',
      ],
      // Identifiers out of shape: said in French, never zod's English (« Too small: expected number to be >0 »).
      ...[-1, 1e20, 1.5, '', 'x'.repeat(41)].map((id): [unknown, RegExp, string] => [
        { ids: [id], avis: { avis: 'favorable' } },
        /^« Demandes sélectionnées » : chaque identifiant est un nombre entier positif/,
        'ids',
      ]),
      // A key the endpoint does not take is refused, not ignored.
      [
        { ids: [a1.id], avis: { avis: 'favorable' }, statut: 'retenue' },
        /^Le corps de la requête ne prend pas « statut » : \{"ids"/,
        '',
      ],
      // A list is refused before any endpoint (src/corpsRequete.ts), without a field.
      [[a1.id], /doit être un objet JSON/, ''],
    ]
    for (const [corps, message, champ] of cas) {
      const r = await lot(rectorat, corps)
      expect(r.status, JSON.stringify(corps).slice(0, 80)).toBe(400)
      expect(r.corps.errors[0].message, JSON.stringify(corps).slice(0, 80)).toMatch(message)
      if (champ) expect(r.corps.errors[0].data?.errors?.[0]?.path, JSON.stringify(r.corps)).toBe(champ)
    }
    const decision = await lot(region, { ids: [a1.id], decision: { decision: 'oui' } })
    expect(decision.status).toBe(400)
    expect(decision.corps.errors[0].message).toMatch(/^« Décision » : attendu « retenue » \(Retenue\)/)
    const texte = await fetch(`${inject('urlServeur')}/api/demandes/instruire-en-lot`, {
      method: 'POST',
      headers: { Authorization: `JWT ${rectorat}`, 'Content-Type': 'application/json' },
      body: '{"ids": [',
    })
    expect(texte.status).toBe(400)
    expect((await texte.json()).errors[0].message).toMatch(/^Le corps de la requête doit être du JSON/)
    // Nothing was written by any of them.
    expect((await lire(rectorat, a1.id)).avis.avis).toBe('reserve')
  })

  it('401 anonyme ; 403 intégration, Carif-Oref et établissement ; pas de chemin GraphQL', async () => {
    const corps = { ids: [a1.id], avis: { avis: 'defavorable' } }
    const anonyme = await lot(undefined, corps)
    expect(anonyme.status).toBe(401)
    expect(anonyme.corps.errors[0].message).toMatch(/connecté/)
    const integration = await appel('POST', '/api/demandes/instruire-en-lot', {
      cleApi: inject('cleApiDemo'),
      corps,
    })
    expect(integration.status).toBe(403)
    for (const qui of [carif, ecole]) expect((await lot(qui, corps)).status).toBe(403)
    expect((await lire(rectorat, a1.id)).avis.avis).toBe('reserve')
    // GraphQL has no batch mutation (only updateDemande, one demande at a time, under the PATCH's rules).
    const g = await graphql(
      `mutation { instruireEnLot(ids: [${JSON.stringify(a1.id)}], avis: { avis: defavorable }) { faites } }`,
      {},
      { jeton: rectorat },
    )
    expect(g.corps.errors?.length, JSON.stringify(g.corps)).toBeGreaterThan(0)
    expect(g.corps.data ?? null).toBeNull()
  })
})

describe('La Région publie ses décisions', () => {
  it('compte, puis publie une fois (journal), refuse la seconde fois ; 403 au rectorat, 401 anonyme', async () => {
    expect((await publication(undefined, false)).status).toBe(401)
    const refus = await publication(rectorat, false)
    expect(refus.status).toBe(403)
    expect(refus.corps.errors[0].message).toBe("Vous n'êtes pas autorisé à publier les décisions.")
    expect((await publication(ecole, true)).status).toBe(403)
    const mauvais = await publication(region, 'oui')
    expect(mauvais.status).toBe(400)
    expect(mauvais.corps.errors[0].message).toBe('« confirmer » doit valoir true ou false.')

    const bilan = await publication(region, false)
    expect(bilan.status, JSON.stringify(bilan.corps)).toBe(200)
    const rentree = bilan.corps.rentree
    const decidees = await appel(
      'GET',
      `/api/demandes/count?where[statut][in]=retenue,non-retenue,ajournee&where[rentree][equals]=${rentree}`,
      { jeton: region },
    )
    expect(bilan.corps.decisions).toBe(decidees.corps.totalDocs)
    const attendent = await appel(
      'GET',
      `/api/demandes/count?where[statut][in]=validee,en-instruction&where[rentree][equals]=${rentree}`,
      { jeton: region },
    )
    expect(bilan.corps.sansDecision).toBe(attendent.corps.totalDocs)
    expect(bilan.corps.decisions).toBeGreaterThanOrEqual(2)
    expect(bilan.corps.structures).toBeGreaterThanOrEqual(1)
    expect(bilan.corps.publiees).toBe(false)
    // Counting publishes nothing: the school still reads « validée ».
    expect((await lire(ecole, a1.id)).statut).toBe('validee')

    const avant = (
      await appel(
        'GET',
        '/api/journal?where[collectionConcernee][equals]=campagne&where[action][equals]=decision&limit=0',
        { jeton: admin },
      )
    ).corps.totalDocs
    const publiee = await publication(region, true)
    expect(publiee.status, JSON.stringify(publiee.corps)).toBe(200)
    expect(publiee.corps).toMatchObject({
      decisions: bilan.corps.decisions,
      structures: bilan.corps.structures,
      publiees: true,
    })
    expect(Date.now() - Date.parse(publiee.corps.publieesLe)).toBeLessThan(120_000)
    // Published: the school reads its décision.
    const vue = await lire(ecole, a1.id)
    expect(vue.statut).toBe('retenue')
    expect(vue.decision.decision).toBe('retenue')

    // Once only: a second confirmation (or two at once) publishes nothing more.
    const [deux, trois] = await Promise.all([publication(region, true), publication(carif, true)])
    for (const r of [deux, trois]) {
      expect(r.status).toBe(409)
      expect(r.corps.errors[0].message).toMatch(
        /^Les décisions sont déjà publiées \(depuis le \d+ \S+ \d{4} à \d\d h \d\d\)\.$/,
      )
    }
    const entrees = (
      await appel(
        'GET',
        '/api/journal?where[collectionConcernee][equals]=campagne&where[action][equals]=decision&sort=-createdAt&limit=10',
        { jeton: admin },
      )
    ).corps
    expect(entrees.totalDocs).toBe(avant + 1)
    expect(entrees.docs[0]).toMatchObject({
      utilisateur: 'region',
      resume: `Publication des décisions de la rentrée ${rentree} aux établissements : ${bilan.corps.decisions} décisions, ${bilan.corps.structures} structures informées par courriel`,
    })
    const etat = await publication(region, false)
    expect(etat.corps).toMatchObject({ publiees: true, publieesLe: publiee.corps.publieesLe })
    // The Région still cannot edit the campaign itself.
    expect(
      (await appel('POST', '/api/globals/campagne', { jeton: region, corps: { decisionsPubliees: false } }))
        .status,
    ).toBe(403)
  })
})
