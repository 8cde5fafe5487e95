import http from 'node:http'

import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'

import { lettreCleUai } from '../../src/uai'
import { appel, graphql, jeton, PDF_MINIMAL, type Reponse, URL_SERVEUR } from '../aides/http'

/**
 * Bad input, as an attacker sends it (issue 13, finding 8; SECURITY items 17, 30, 31, 32): refused with a 400 in
 * French naming the field by its label, nothing written — no document, no version, no numero — on REST and GraphQL.
 */

let admin: string
let carif: string
let a: string // 0340042L, lycée Jean Mermoz
let b: string // 0310024H, lycée Pierre d'Aragon
let idMermoz: number | string
let idAragon: number | string
let typeId: 'Int' | 'String'

const LIBELLE_SITE = "Site de formation (s'il est différent du site de l'établissement concerné)"
const LIBELLE_DATE =
  "Date de présentation du projet au Conseil de perfectionnement / Conseil d'administration"

/** What the client is told: 400, and the field's label somewhere in the French message. */
function refuse(r: Reponse, libelle: string) {
  expect(r.status, JSON.stringify(r.corps)).toBe(400)
  const texte = JSON.stringify(r.corps)
  expect(texte).toContain(libelle)
  expect(texte).not.toMatch(/Internal Server Error|Something went wrong|invalid input|is not valid/i)
}

/** A GraphQL refusal: no data, an error naming the field. */
function refuseGraphql(r: Reponse, libelle: string) {
  expect(r.status).toBeLessThan(500)
  expect(r.corps.errors?.length, JSON.stringify(r.corps)).toBeGreaterThan(0)
  expect(JSON.stringify(r.corps.errors)).toContain(libelle)
}

async function etat() {
  const demandes = (await appel('GET', '/api/demandes/count', { jeton: admin })).corps.totalDocs as number
  const versions = (await appel('GET', '/api/demandes/versions?limit=1&depth=0', { jeton: admin })).corps
    .totalDocs as number
  const etablissements = (await appel('GET', '/api/etablissements/count', { jeton: admin })).corps
    .totalDocs as number
  return { demandes, versions, etablissements }
}

const brouillon = (extra: Record<string, unknown> = {}) => ({ etablissementConcerne: idMermoz, ...extra })

async function creerA(extra: Record<string, unknown> = {}) {
  const r = await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: brouillon(extra) })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  return r.corps.doc as { id: number | string; numero: number } & Record<string, unknown>
}

const supprimer = (id: number | string) => appel('DELETE', `/api/demandes/${id}`, { jeton: admin })

beforeAll(async () => {
  admin = await jeton('admin')
  carif = await jeton('carif-oref')
  a = await jeton('0340042L')
  b = await jeton('0310024H')
  const uai = async (code: string) =>
    (await appel('GET', `/api/etablissements?where[uai][equals]=${code}&depth=0`, { jeton: admin })).corps
      .docs[0].id
  idMermoz = await uai('0340042L')
  idAragon = await uai('0310024H')
  typeId = typeof idMermoz === 'number' ? 'Int' : 'String'
})

describe('SECURITY 30 — une création refusée ne consomme aucun numéro', () => {
  it('une suite de créations refusées (REST et GraphQL, entrées invalides de toutes sortes) entre deux bonnes : numéros consécutifs, rien d’écrit', async () => {
    const premiere = await creerA()
    const avant = await etat()
    const refus: [Record<string, unknown>, string][] = [
      [{ diplome: typeof idMermoz === 'number' ? 987654321 : '0123456789abcdef01234567' }, 'Diplôme'],
      [{ siteFormation: [['x'.repeat(200)], ['y'.repeat(200)]] }, LIBELLE_SITE],
      [{ siteFormation: { $gt: '' } }, LIBELLE_SITE],
      [{ rapportOpportunite: 'tronqué ici\u0000 et caché là' }, "Rapport d'opportunité"],
      [{ responsable: { nom: 'Dupont\r\nBcc: x@example.org' } }, 'Nom du responsable'],
      [{ dateConseil: '99999-01-01' }, LIBELLE_DATE],
      [{ capaciteNouvelle: 'douze' }, "Capacité d'accueil nouvelle"],
      [{ rapportOpportunite: 'é'.repeat(5001) }, "Rapport d'opportunité"],
      [
        { demandeLiee: typeof idMermoz === 'number' ? 987654321 : '0123456789abcdef01234567' },
        "Si oui, indiquez l'identifiant du projet concerné",
      ],
    ]
    for (const [corps, libelle] of refus)
      refuse(await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: brouillon(corps) }), libelle)
    const g = await graphql(
      'mutation($data: mutationDemandeInput!) { createDemande(data: $data) { id numero } }',
      { data: brouillon({ statut: 'brouillon', siteFormation: 'a\u0000b' }) },
      { jeton: a },
    )
    refuseGraphql(g, 'Site de formation')
    expect(await etat()).toEqual(avant)
    const seconde = await creerA()
    expect(seconde.numero).toBe(premiere.numero + 1)
    await supprimer(premiere.id)
    await supprimer(seconde.id)
  })
})

describe('SECURITY 31 — une valeur est stockée telle quelle ou refusée : jamais une liste changée en texte', () => {
  const CHAMPS: [string, (v: unknown) => Record<string, unknown>][] = [
    [LIBELLE_SITE, (v) => ({ siteFormation: v })],
    ['Nom du responsable', (v) => ({ responsable: { nom: v } })],
    ['Téléphone', (v) => ({ responsable: { telephone: v } })],
    ['Adresse mail', (v) => ({ responsable: { email: v } })],
    ["Rapport d'opportunité", (v) => ({ rapportOpportunite: v })],
    ['Description des travaux', (v) => ({ travaux: { travauxDemandes: true, descriptionTravaux: v } })],
    ['Autres incidences', (v) => ({ travaux: { autresIncidences: v } })],
  ]
  const VALEURS: [string, unknown][] = [
    ['liste', ['a', 'b']],
    ['liste imbriquée', [[['x'.repeat(150)]], [['y'.repeat(150)]], [['z'.repeat(150)]]]],
    ['objet', { texte: 'a' }],
    ['nombre', 12],
  ]

  it.each(CHAMPS)(
    'demande, champ « %s » : liste, liste imbriquée, objet ou nombre → 400 en création comme en modification',
    async (libelle, corps) => {
      const d = await creerA({ siteFormation: 'Site initial' })
      const avant = await etat()
      for (const [, valeur] of VALEURS) {
        refuse(
          await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: brouillon(corps(valeur)) }),
          libelle,
        )
        refuse(
          await appel('PATCH', `/api/demandes/${d.id}?depth=0`, { jeton: a, corps: corps(valeur) }),
          libelle,
        )
      }
      expect(await etat()).toEqual(avant)
      const relue = (await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: a })).corps
      expect(relue.siteFormation).toBe('Site initial')
      await supprimer(d.id)
    },
  )

  it('un champ masqué par sa condition (travaux non demandés, pas de projet lié, première demande) est vérifié quand même', async () => {
    const d = await creerA()
    const avant = await etat()
    const inexistant = typeof idMermoz === 'number' ? 987654321 : '0123456789abcdef01234567'
    for (const [corps, libelle] of [
      [
        { travaux: { travauxDemandes: false, descriptionTravaux: [['x'.repeat(300)], ['y'.repeat(300)]] } },
        'Description des travaux',
      ],
      [
        { travaux: { equipementsDemandes: false, descriptionEquipements: 'a\u0000b' } },
        'Description des équipements',
      ],
      [{ projetLie: false, demandeLiee: inexistant }, "Si oui, indiquez l'identifiant du projet concerné"],
      [{ premiereDemande: true, anneePrecedentDepot: 99999 }, 'Année du précédent dépôt'],
    ] as [Record<string, unknown>, string][]) {
      refuse(await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: brouillon(corps) }), libelle)
      refuse(await appel('PATCH', `/api/demandes/${d.id}?depth=0`, { jeton: a, corps }), libelle)
    }
    expect(await etat()).toEqual(avant)
    await supprimer(d.id)
  })

  it('GraphQL : une liste ou un objet dans un champ texte est refusé, rien n’est écrit', async () => {
    const avant = await etat()
    for (const valeur of [['a', 'b'], { a: 1 }]) {
      const g = await graphql(
        'mutation($data: mutationDemandeInput!) { createDemande(data: $data) { id siteFormation } }',
        { data: brouillon({ statut: 'brouillon', siteFormation: valeur }) },
        { jeton: a },
      )
      expect(g.status).toBeLessThan(500)
      expect(g.corps.errors?.length).toBeGreaterThan(0)
      expect(g.corps.data?.createDemande ?? null).toBeNull()
    }
    expect(await etat()).toEqual(avant)
  })

  it('un texte plus long que sa limite est refusé en nommant le champ, jamais stocké (REST et GraphQL)', async () => {
    refuse(
      await appel('POST', '/api/demandes?depth=0', {
        jeton: a,
        corps: brouillon({ siteFormation: 'x'.repeat(301) }),
      }),
      LIBELLE_SITE,
    )
    const g = await graphql(
      'mutation($data: mutationDemandeInput!) { createDemande(data: $data) { id } }',
      { data: brouillon({ statut: 'brouillon', siteFormation: 'x'.repeat(301) }) },
      { jeton: a },
    )
    refuseGraphql(g, 'Site de formation')
  })
})

describe('SECURITY 31 — pas de troncature silencieuse : caractère nul et caractères de contrôle refusés', () => {
  it('un caractère nul dans un texte (REST, création et modification ; GraphQL) → 400 en français, le texte stocké ne change pas', async () => {
    const d = await creerA({ rapportOpportunite: 'Rapport complet.' })
    for (const corps of [
      { siteFormation: 'Lycée\u0000 annexe secrète' },
      { rapportOpportunite: 'Début\u0000fin cachée' },
      { responsable: { email: 'a@b.fr\u0000' } },
    ]) {
      const libelle =
        Object.keys(corps)[0] === 'siteFormation'
          ? LIBELLE_SITE
          : Object.keys(corps)[0] === 'rapportOpportunite'
            ? "Rapport d'opportunité"
            : 'Adresse mail'
      const r = await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: brouillon(corps) })
      refuse(r, libelle)
      expect(JSON.stringify(r.corps)).toContain('caractère nul')
      refuse(await appel('PATCH', `/api/demandes/${d.id}?depth=0`, { jeton: a, corps }), libelle)
    }
    const g = await graphql(
      `mutation($id: ${typeId}!) { updateDemande(id: $id, data: { rapportOpportunite: "avant\\u0000après" }) { id rapportOpportunite } }`,
      { id: d.id },
      { jeton: a },
    )
    refuseGraphql(g, "Rapport d'opportunité")
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: a })).corps.rapportOpportunite).toBe(
      'Rapport complet.',
    )
    await supprimer(d.id)
  })

  it('retour à la ligne refusé dans un champ d’une ligne, gardé dans une zone de texte ; autres contrôles refusés partout', async () => {
    for (const [corps, libelle] of [
      [{ siteFormation: 'Site\nSecond site' }, LIBELLE_SITE],
      [{ siteFormation: 'Site\rSecond' }, LIBELLE_SITE],
      [{ responsable: { email: 'a@b.fr\r\nBcc: c@d.fr' } }, 'Adresse mail'],
      [{ responsable: { telephone: '04 67 13 81 55\u2028' } }, 'Téléphone'],
      [{ rapportOpportunite: 'Texte\u001B[2J effacé' }, "Rapport d'opportunité"],
      [{ travaux: { autresIncidences: 'cloche\u0007' } }, 'Autres incidences'],
    ] as [Record<string, unknown>, string][]) {
      refuse(await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: brouillon(corps) }), libelle)
    }
    const multi = 'Premier point :\n\t- ouverture\r\n\t- locaux'
    const d = await creerA({ rapportOpportunite: multi })
    expect(d.rapportOpportunite).toBe(multi)
    await supprimer(d.id)
  })
})

describe('SECURITY 31 — dates dans une plage plausible', () => {
  it.each(['99999-01-01', '+275760-09-13T00:00:00.000Z', '1899-12-31', '2150-01-01', 'pas une date'])(
    'dateConseil « %s » → 400 nommant le champ (REST)',
    async (valeur) => {
      const avant = await etat()
      refuse(
        await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: brouillon({ dateConseil: valeur }) }),
        LIBELLE_DATE,
      )
      expect(await etat()).toEqual(avant)
    },
  )

  it('dateConseil en liste ou en nombre → 400 ; une date ordinaire reste acceptée ; GraphQL refuse l’an 99999', async () => {
    for (const valeur of [['2026-01-01'], 1700000000000])
      refuse(
        await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: brouillon({ dateConseil: valeur }) }),
        LIBELLE_DATE,
      )
    const d = await creerA({ dateConseil: '2026-03-11T23:00:00.000Z' })
    const g = await graphql(
      `mutation($id: ${typeId}!) { updateDemande(id: $id, data: { dateConseil: "99999-01-01" }) { id dateConseil } }`,
      { id: d.id },
      { jeton: a },
    )
    refuseGraphql(g, 'Date de présentation')
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: a })).corps.dateConseil).toBe(
      '2026-03-11T23:00:00.000Z',
    )
    await supprimer(d.id)
  })

  it('diplôme : date d’ouverture en l’an 99999 → 400', async () => {
    const diplome = (await appel('GET', '/api/diplomes?limit=1&depth=0', { jeton: admin })).corps.docs[0]
    refuse(
      await appel('PATCH', `/api/diplomes/${diplome.id}`, {
        jeton: carif,
        corps: { dateOuverture: '99999-01-01' },
      }),
      "Date d'ouverture",
    )
  })
})

describe('SECURITY 17 — code UAI vide ou blanc refusé', () => {
  const base = { nom: 'Lycée fantôme', ministere: 'education-nationale', academie: 'montpellier' }
  it.each([[''], ['   '], ['\t'], ['\n']])(
    'POST /api/etablissements avec uai %j → 400 « Code UAI », rien de créé',
    async (uai) => {
      const avant = await etat()
      const r = await appel('POST', '/api/etablissements', { jeton: carif, corps: { ...base, uai } })
      refuse(r, 'Code UAI')
      expect(JSON.stringify(r.corps)).toContain('Le code UAI est obligatoire.')
      expect((await etat()).etablissements).toBe(avant.etablissements)
    },
  )

  it('uai en liste, en objet ou à lettre clé fausse en minuscules → 400 ; PATCH à vide → 400 et l’UAI reste', async () => {
    for (const uai of [['0340042L'], { equals: '0340042L' }, '0340042a'])
      refuse(
        await appel('POST', '/api/etablissements', { jeton: carif, corps: { ...base, uai } }),
        'Code UAI',
      )
    refuse(
      await appel('PATCH', `/api/etablissements/${idAragon}`, { jeton: carif, corps: { uai: '  ' } }),
      'Code UAI',
    )
    const g = await graphql(
      'mutation { createEtablissement(data: { uai: "", nom: "Lycée fantôme", academie: montpellier, ministere: education_nationale }) { id } }',
      {},
      { jeton: carif },
    )
    refuseGraphql(g, 'Code UAI')
    expect((await appel('GET', `/api/etablissements/${idAragon}?depth=0`, { jeton: admin })).corps.uai).toBe(
      '0310024H',
    )
  })
})

describe('SECURITY 31 — référentiels et comptes : textes vérifiés de la même façon', () => {
  it('établissement, réseau, diplôme : liste, caractère nul ou retour à la ligne dans un texte → 400 nommant le champ', async () => {
    refuse(
      await appel('PATCH', `/api/etablissements/${idAragon}`, {
        jeton: carif,
        corps: { nom: ['Lycée', 'Pierre'] },
      }),
      'Nom',
    )
    refuse(
      await appel('PATCH', `/api/etablissements/${idAragon}`, {
        jeton: carif,
        corps: { commune: 'Muret\u0000' },
      }),
      'Commune',
    )
    refuse(
      await appel('PATCH', `/api/etablissements/${idAragon}`, {
        jeton: carif,
        corps: { nom: 'Lycée\r\nPierre' },
      }),
      'Nom',
    )
    const reseau = (await appel('GET', '/api/reseaux?limit=1&depth=0', { jeton: admin })).corps.docs[0]
    refuse(
      await appel('PATCH', `/api/reseaux/${reseau.id}`, { jeton: carif, corps: { nom: [['Réseau']] } }),
      'Nom du réseau',
    )
    const diplome = (await appel('GET', '/api/diplomes?limit=1&depth=0', { jeton: admin })).corps.docs[0]
    refuse(
      await appel('PATCH', `/api/diplomes/${diplome.id}`, { jeton: carif, corps: { libelle: { fr: 'x' } } }),
      'Libellé',
    )
    refuse(
      await appel('PATCH', `/api/diplomes/${diplome.id}`, {
        jeton: carif,
        corps: { codesRncp: [['RNCP1']] },
      }),
      'Codes RNCP',
    )
    expect(
      (await appel('GET', `/api/etablissements/${idAragon}?depth=0`, { jeton: admin })).corps.commune,
    ).not.toContain('\u0000')
  })

  it('compte : nom en liste ou avec un caractère nul → 400 « Nom (personne ou service) »', async () => {
    const moi = (await appel('GET', '/api/users/me', { jeton: admin })).corps.user
    refuse(
      await appel('PATCH', `/api/users/${moi.id}`, { jeton: admin, corps: { nom: ['Admin', 'istrateur'] } }),
      'Nom (personne ou service)',
    )
    refuse(
      await appel('PATCH', `/api/users/${moi.id}`, { jeton: admin, corps: { nom: 'Admin\u0000' } }),
      'Nom (personne ou service)',
    )
    expect((await appel('GET', '/api/users/me', { jeton: admin })).corps.user.nom).toBe(moi.nom)
  })
})

describe('SECURITY 5/31 — une demande ne référence que ses propres annexes', () => {
  let demandeA: { id: number | string }
  let annexeA: { id: number | string }
  beforeAll(async () => {
    demandeA = await creerA({ rapportOpportunite: 'Avec une annexe.' })
    const f = new FormData()
    f.append('file', new Blob([PDF_MINIMAL], { type: 'application/pdf' }), 'pv.pdf')
    f.append('_payload', JSON.stringify({ demande: demandeA.id, description: 'PV' }))
    const r = await appel('POST', '/api/annexes', { jeton: a, corps: f })
    expect(r.status, JSON.stringify(r.corps)).toBe(201)
    annexeA = r.corps.doc
  })

  it('l’établissement B écrit l’annexe de A dans sa demande (création, modification REST, GraphQL) → refusé, rien de lié', async () => {
    const avant = await etat()
    refuse(
      await appel('POST', '/api/demandes?depth=0', {
        jeton: b,
        corps: { etablissementConcerne: idAragon, annexes: [annexeA.id] },
      }),
      'Annexes',
    )
    expect(await etat()).toEqual(avant)
    const dB = await appel('POST', '/api/demandes?depth=0', {
      jeton: b,
      corps: { etablissementConcerne: idAragon },
    })
    expect(dB.status).toBe(201)
    refuse(
      await appel('PATCH', `/api/demandes/${dB.corps.doc.id}?depth=0`, {
        jeton: b,
        corps: { annexes: [annexeA.id] },
      }),
      'Annexes',
    )
    const g = await graphql(
      `mutation($id: ${typeId}!, $annexes: [${typeId}]) { updateDemande(id: $id, data: { annexes: $annexes }) { id } }`,
      { id: dB.corps.doc.id, annexes: [annexeA.id] },
      { jeton: b },
    )
    refuseGraphql(g, 'Annexes')
    const lue = (await appel('GET', `/api/demandes/${dB.corps.doc.id}?depth=1`, { jeton: b })).corps
    expect(lue.annexes ?? []).toEqual([])
    expect(JSON.stringify(lue)).not.toContain('pv')
    await supprimer(dB.corps.doc.id)
  })

  it('même établissement : l’annexe d’une de ses demandes ne passe pas dans une autre ; la sienne reste acceptée', async () => {
    const autre = await creerA()
    refuse(
      await appel('PATCH', `/api/demandes/${autre.id}?depth=0`, {
        jeton: a,
        corps: { annexes: [annexeA.id] },
      }),
      'Annexes',
    )
    const ok = await appel('PATCH', `/api/demandes/${demandeA.id}?depth=0`, {
      jeton: a,
      corps: { annexes: [annexeA.id], siteFormation: 'Site B' },
    })
    expect(ok.status, JSON.stringify(ok.corps)).toBe(200)
    expect(ok.corps.doc.annexes.map(String)).toEqual([String(annexeA.id)])
    await supprimer(autre.id)
  })
})

describe('SECURITY 32 — injection de formules : formes pleine chasse et blancs en tête neutralisés dans l’export', () => {
  it('les cellules commençant par ＝ ＋ － ＠, ou par des espaces ou retours à la ligne avant = + - @, sortent précédées d’une apostrophe', async () => {
    const d = await creerA({
      siteFormation: '＝HYPERLINK("http://attaquant.example","Cliquez")',
      rapportOpportunite: '\n=1+1',
      responsable: { nom: ' @SUM(1)', telephone: '＋33 4 67' },
      travaux: { autresIncidences: '\t \r\n-cmd' },
    })
    const r = await fetch(`${URL_SERVEUR()}/api/demandes/export?format=csv`, {
      headers: { Authorization: `JWT ${a}` },
    })
    expect(r.status).toBe(200)
    const texte = new TextDecoder().decode(new Uint8Array(await r.arrayBuffer())).replace(/^\uFEFF/, '')
    const ligne = (parse(texte, { delimiter: ';', columns: true }) as Record<string, string>[]).find(
      (l) => l['N° de projet'] === String(d.numero),
    )!
    expect(ligne['Site de formation']).toBe('\'＝HYPERLINK("http://attaquant.example","Cliquez")')
    expect(ligne["Rapport d'opportunité"]).toBe("'\n=1+1")
    expect(ligne['Responsable du projet']).toBe("' @SUM(1)")
    expect(ligne['Téléphone du responsable']).toBe("'＋33 4 67")
    expect(ligne['Autres incidences']).toBe("'\t \r\n-cmd")
    await supprimer(d.id)
  })
})

describe('SECURITY 36 — un établissement dont dépendent des demandes ne peut être supprimé (issue 22, point 3)', () => {
  it('REST, GraphQL et suppression en masse : 400 en français donnant le nombre de demandes, rien de supprimé ni d’orphelin', async () => {
    const d = await creerA()
    const nb = (
      await appel(
        'GET',
        `/api/demandes/count?where[or][0][etablissementConcerne][equals]=${idMermoz}&where[or][1][etablissementReferent][equals]=${idMermoz}`,
        { jeton: admin },
      )
    ).corps.totalDocs as number
    expect(nb).toBeGreaterThan(0)
    for (const qui of [carif, admin]) {
      const r = await appel('DELETE', `/api/etablissements/${idMermoz}`, { jeton: qui })
      expect(r.status, JSON.stringify(r.corps)).toBe(400)
      expect(JSON.stringify(r.corps)).toContain(
        `Cet établissement ne peut pas être supprimé : ${nb} demandes en dépendent`,
      )
    }
    const masse = await appel('DELETE', `/api/etablissements?where[uai][equals]=0340042L`, { jeton: admin })
    expect(masse.status).toBe(400)
    expect(JSON.stringify(masse.corps)).toContain('demandes en dépendent')
    const g = await graphql(
      `mutation($id: ${typeId}!) { deleteEtablissement(id: $id) { id } }`,
      { id: idMermoz },
      { jeton: admin },
    )
    expect(JSON.stringify(g.corps.errors)).toContain('demandes en dépendent')
    expect((await appel('GET', `/api/etablissements/${idMermoz}?depth=0`, { jeton: admin })).status).toBe(200)
    expect(
      (await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: admin })).corps.etablissementConcerne,
    ).toBe(idMermoz)
    await supprimer(d.id)
  })

  it('un établissement sans demande, compte ni réseau se supprime toujours', async () => {
    const ok = await appel('POST', '/api/etablissements', {
      jeton: carif,
      corps: {
        uai: `0349999${lettreCleUai('0349999')}`,
        nom: 'Lycée éphémère',
        ministere: 'education-nationale',
        academie: 'montpellier',
      },
    })
    expect(ok.status, JSON.stringify(ok.corps)).toBe(201)
    expect((await appel('DELETE', `/api/etablissements/${ok.corps.doc.id}`, { jeton: carif })).status).toBe(
      200,
    )
  })
})

describe('SECURITY 39 — liens du texte riche de la campagne : http, https, mailto et chemins du site (issue 22, point 7)', () => {
  const texte = (url: string, type = 'link') => ({
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: [
        {
          type: 'paragraph',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          textFormat: 0,
          children: [
            {
              type,
              version: 3,
              format: '',
              indent: 0,
              direction: 'ltr',
              fields: { url, linkType: 'custom', newTab: false },
              children: [
                {
                  type: 'text',
                  version: 1,
                  text: 'cliquez ici',
                  format: 0,
                  mode: 'normal',
                  style: '',
                  detail: 0,
                },
              ],
            },
          ],
        },
      ],
    },
  })
  it.each([
    'javascript:alert(document.cookie)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//attaquant.example/',
    'vbscript:x',
  ])('« %s » refusé à l’enregistrement, en nommant le champ', async (url) => {
    const avant = (await appel('GET', '/api/globals/campagne?depth=0', { jeton: admin })).corps
    refuse(
      await appel('POST', '/api/globals/campagne', { jeton: carif, corps: { lettreDeCadrage: texte(url) } }),
      'Lettre de cadrage',
    )
    refuse(
      await appel('POST', '/api/globals/campagne', {
        jeton: carif,
        corps: { texteAccueil: texte(url, 'autolink') },
      }),
      "Texte de l'appel à projets",
    )
    const apres = (await appel('GET', '/api/globals/campagne?depth=0', { jeton: admin })).corps
    expect(JSON.stringify(apres.lettreDeCadrage ?? null)).toBe(JSON.stringify(avant.lettreDeCadrage ?? null))
  })

  it.each([
    ['une chaîne', 'Bienvenue'],
    ['une liste', [1]],
    ['un objet sans document', { root: 'x' }],
    ['une racine sans enfants', { root: { type: 'root' } }],
  ])(
    '%s à la place du texte mis en forme : refusé en nommant le champ, rien ne change',
    async (_nom, valeur) => {
      const avant = (await appel('GET', '/api/globals/campagne?depth=0', { jeton: admin })).corps
      refuse(
        await appel('POST', '/api/globals/campagne', { jeton: carif, corps: { texteAccueil: valeur } }),
        "Texte de l'appel à projets",
      )
      refuse(
        await appel('POST', '/api/globals/campagne', { jeton: carif, corps: { lettreDeCadrage: valeur } }),
        'Lettre de cadrage',
      )
      const apres = (await appel('GET', '/api/globals/campagne?depth=0', { jeton: admin })).corps
      expect(JSON.stringify([apres.texteAccueil ?? null, apres.lettreDeCadrage ?? null])).toBe(
        JSON.stringify([avant.texteAccueil ?? null, avant.lettreDeCadrage ?? null]),
      )
    },
  )

  it('https, mailto et un chemin du site sont acceptés et rendus sur / et /lettre-de-cadrage', async () => {
    const avant = (await appel('GET', '/api/globals/campagne?depth=0', { jeton: admin })).corps
    try {
      const r = await appel('POST', '/api/globals/campagne', {
        jeton: carif,
        corps: {
          lettreDeCadrage: texte('https://www.laregion.fr/carte'),
          texteAccueil: texte('/lettre-de-cadrage'),
        },
      })
      expect(r.status, JSON.stringify(r.corps)).toBe(200)
      expect((await appel('GET', '/lettre-de-cadrage')).corps).toContain(
        'href="https://www.laregion.fr/carte"',
      )
      expect((await appel('GET', '/')).corps).toContain('href="/lettre-de-cadrage"')
      expect(
        (
          await appel('POST', '/api/globals/campagne', {
            jeton: carif,
            corps: { lettreDeCadrage: texte('mailto:support.carte@cariforefoccitanie.fr') },
          })
        ).status,
      ).toBe(200)
    } finally {
      await appel('POST', '/api/globals/campagne', {
        jeton: admin,
        corps: { lettreDeCadrage: avant.lettreDeCadrage ?? null, texteAccueil: avant.texteAccueil ?? null },
      })
    }
  })
})

describe('SECURITY 31 — campagne : dates plausibles', () => {
  it('ouverture ou clôture de la saisie en l’an 99999 → 400 nommant le champ, la campagne ne change pas', async () => {
    const avant = (await appel('GET', '/api/globals/campagne?depth=0', { jeton: admin })).corps
    try {
      refuse(
        await appel('POST', '/api/globals/campagne', {
          jeton: carif,
          corps: { ouverture: '99999-01-01T00:00:00.000Z' },
        }),
        'Ouverture de la saisie',
      )
      refuse(
        await appel('POST', '/api/globals/campagne', {
          jeton: carif,
          corps: { cloture: '+099999-01-01T00:00:00.000Z' },
        }),
        'Clôture de la saisie',
      )
      const apres = (await appel('GET', '/api/globals/campagne?depth=0', { jeton: admin })).corps
      expect([apres.ouverture, apres.cloture]).toEqual([avant.ouverture, avant.cloture])
    } finally {
      await appel('POST', '/api/globals/campagne', {
        jeton: admin,
        corps: { ouverture: avant.ouverture, cloture: avant.cloture },
      })
    }
  })
})

describe('SECURITY 31 — corps des points d’accès ajoutés : JSON vérifié, 400 en français nommant le champ', () => {
  const brut = (chemin: string, corps: string, qui: string) =>
    fetch(`${URL_SERVEUR()}${chemin}`, {
      method: 'POST',
      headers: { Authorization: `JWT ${qui}`, 'Content-Type': 'application/json' },
      body: corps,
    }).then(async (r) => ({ status: r.status, corps: await r.json() }))

  it('validation : corps illisible, liste, « confirmer » absent ou en texte → 400 ; la demande reste en brouillon', async () => {
    const d = await creerA()
    const chemin = `/api/demandes/${d.id}/valider`
    const illisible = await brut(chemin, '{"confirmer": tru', a)
    expect(illisible.status).toBe(400)
    expect(illisible.corps.errors[0].message).toBe(
      'Le corps de la requête doit être du JSON : {"confirmer": false} ou {"confirmer": true}.',
    )
    for (const [corps, message] of [
      ['[]', 'Le corps de la requête doit être un objet JSON : {"confirmer": false} ou {"confirmer": true}.'],
      [
        '"oui"',
        'Le corps de la requête doit être un objet JSON : {"confirmer": false} ou {"confirmer": true}.',
      ],
      ['{}', '« confirmer » doit valoir true ou false.'],
      ['{"confirmer": "true"}', '« confirmer » doit valoir true ou false.'],
    ]) {
      const r = await brut(chemin, corps!, a)
      expect(r.status, corps).toBe(400)
      expect(r.corps.errors[0].data.errors[0].path, corps).toBe('confirmer')
      expect(r.corps.errors[0].message, corps).toBe(message)
    }
    const relue = await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: a })
    expect(relue.corps.statut).toBe('brouillon')
    await supprimer(d.id)
  })

  it('comptes en masse : corps illisible ou « lignes » manquantes → 400 en français, aucun compte créé', async () => {
    const avant = (await appel('GET', '/api/users/count', { jeton: admin })).corps.totalDocs
    const illisible = await brut('/api/users/creer-en-masse', '{"lignes": ', carif)
    expect(illisible.status).toBe(400)
    expect(illisible.corps.errors[0].message).toMatch(/^Le corps de la requête doit être du JSON : /)
    const vide = await brut('/api/users/creer-en-masse', '{}', carif)
    expect(vide.status).toBe(400)
    expect(vide.corps.errors[0].data.errors[0].path).toBe('lignes')
    expect((await appel('GET', '/api/users/count', { jeton: admin })).corps.totalDocs).toBe(avant)
  })
})

describe('SECURITY 40 — jamais un 5xx : corps mal formés, méthodes, adresses de Payload, export (attaque extérieure, point 5)', () => {
  /** English words of Payload, graphql-js, busboy or Next.js. */
  const ANGLAIS =
    /[A-Za-z]+ (is|are|cannot|must|not|Did you mean)\b|Internal Server Error|Something went wrong|Unexpected end|Malformed|Failed query|Cannot \w+ http|Route Not Found/i

  type Brut = { status: number; texte: string; type: string }
  const brut = async (
    methode: string,
    chemin: string,
    corps: BodyInit | undefined,
    entetes: Record<string, string>,
  ): Promise<Brut> => {
    const r = await fetch(`${URL_SERVEUR()}${chemin}`, { method: methode, headers: entetes, body: corps })
    return { status: r.status, texte: await r.text(), type: r.headers.get('content-type') ?? '' }
  }
  /** A 4xx, a JSON answer in French. */
  function enFrancais(r: Brut, cas: string, statut?: number) {
    if (statut !== undefined) expect(r.status, `${cas} : ${r.texte}`).toBe(statut)
    expect(r.status, `${cas} : ${r.texte}`).toBeGreaterThanOrEqual(400)
    expect(r.status, `${cas} : ${r.texte}`).toBeLessThan(500)
    expect(r.type, cas).toMatch(/json/)
    const corps = JSON.parse(r.texte) as { errors: { message: string; name?: string }[] }
    expect(corps.errors.length, cas).toBeGreaterThan(0)
    expect(r.texte, cas).not.toMatch(ANGLAIS)
    for (const e of corps.errors) expect(e.name ?? 'ErreurRequete', cas).not.toMatch(/^[A-Za-z]{1,2}$/)
    return corps.errors
  }

  const B = '----frontiere'
  const partie = (nom: string, valeur: string, fichier?: string) =>
    `--${B}\r\nContent-Disposition: form-data; name="${nom}"${fichier !== undefined ? `; filename="${fichier}"\r\nContent-Type: application/pdf` : ''}\r\n\r\n${valeur}\r\n`
  const MULTIPART = `multipart/form-data; boundary=${B}`

  it('formulaires multipart mal formés, tronqués, sans frontière, _payload illisible : 400 en français (annexes, demandes, connexion)', async () => {
    const d = await creerA()
    const cas: [string, string, string, string, string | undefined][] = [
      // [cas, méthode, chemin, corps, Content-Type]
      [
        'NUL dans le nom',
        'POST',
        '/api/annexes',
        `${partie('file', PDF_MINIMAL, 'a\u0000.pdf')}--${B}--\r\n`,
        MULTIPART,
      ],
      [
        'tronqué',
        'POST',
        '/api/annexes',
        `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF`,
        MULTIPART,
      ],
      ['sans frontière', 'POST', '/api/annexes', 'abc', 'multipart/form-data'],
      [
        '_payload illisible',
        'POST',
        '/api/annexes',
        `${partie('_payload', '{pas du json')}${partie('file', PDF_MINIMAL, 'a.pdf')}--${B}--\r\n`,
        MULTIPART,
      ],
      [
        'nom de fichier vide',
        'POST',
        '/api/annexes',
        `${partie('_payload', JSON.stringify({ demande: d.id }))}${partie('file', PDF_MINIMAL, '')}--${B}--\r\n`,
        MULTIPART,
      ],
      [
        'tronqué',
        'PATCH',
        `/api/demandes/${d.id}`,
        `--${B}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}`,
        MULTIPART,
      ],
      ['sans frontière', 'PATCH', `/api/demandes/${d.id}`, 'abc', 'multipart/form-data'],
      [
        '_payload illisible',
        'PATCH',
        `/api/demandes/${d.id}`,
        `${partie('_payload', '{pas du json')}--${B}--\r\n`,
        MULTIPART,
      ],
      ['sans frontière', 'POST', '/api/users/login', 'abc', 'multipart/form-data'],
      [
        'tronqué',
        'POST',
        '/api/users/login',
        `--${B}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}`,
        MULTIPART,
      ],
    ]
    for (const [nom, methode, chemin, corps, type] of cas) {
      const entetes: Record<string, string> = type ? { 'Content-Type': type } : {}
      if (chemin !== '/api/users/login') entetes.Authorization = `JWT ${a}`
      const [e] = enFrancais(await brut(methode, chemin, corps, entetes), `${nom} ${methode} ${chemin}`, 400)
      expect(e!.message, nom).toMatch(/formulaire|_payload|fichier joint/)
    }
    const relue = await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: a })
    expect(relue.corps.statut).toBe('brouillon')
    await supprimer(d.id)
  })

  it('écriture sans corps du tout (ni JSON ni Content-Type) : 400 en français sur chaque collection, jamais 500', async () => {
    for (const [chemin, qui] of [
      ['/api/demandes', a],
      ['/api/etablissements', admin],
      ['/api/payload-query-presets', a],
    ] as const)
      enFrancais(await brut('POST', chemin, undefined, { Authorization: `JWT ${qui}` }), chemin, 400)
  })

  it('préférence inconnue supprimée : 404 en français ; une préférence existante se supprime toujours', async () => {
    const [e] = enFrancais(
      await brut('DELETE', '/api/payload-preferences/inconnue-x', undefined, { Authorization: `JWT ${a}` }),
      'inconnue',
      404,
    )
    expect(e!.message).toBe(
      "Préférence introuvable : « inconnue-x » n'est pas enregistrée pour votre compte.",
    )
    const cree = await appel('POST', '/api/payload-preferences/essai-suppression', {
      jeton: a,
      corps: { value: { a: 1 } },
    })
    expect(cree.status).toBe(200)
    expect((await appel('DELETE', '/api/payload-preferences/essai-suppression', { jeton: a })).status).toBe(
      200,
    )
  })

  it('filtre enregistré partagé avec un compte inconnu ou d’une autre structure : le même 400, qui ne dit pas lesquels existent', async () => {
    const autre = (await appel('GET', '/api/users/me', { jeton: b })).corps.user.id
    const inconnu = typeof autre === 'number' ? 987654 : '0123456789abcdef01234567'
    const partage = (id: unknown) => ({
      title: 'Mes brouillons',
      relatedCollection: 'demandes',
      isShared: true,
      access: { read: { constraint: 'specificUsers', users: [id] } },
    })
    const reponses = []
    for (const id of [autre, inconnu]) {
      const r = await brut('POST', '/api/payload-query-presets', JSON.stringify(partage(id)), {
        Authorization: `JWT ${a}`,
        'Content-Type': 'application/json',
      })
      reponses.push({ status: r.status, erreurs: enFrancais(r, String(id), 400) })
    }
    expect(reponses[1]).toEqual(reponses[0])
    expect(JSON.stringify(reponses[0])).toContain(
      'Un filtre enregistré ne se partage qu’avec des comptes de votre structure.',
    )
    // The field is named by its French label, not « Users ».
    expect(JSON.stringify(reponses[0])).not.toMatch(/Users|Sharing|Specify|Preset/)
  })

  it('adresses de Payload sans REST, méthodes inconnues, HEAD : 404/405 en français, HEAD comme GET', async () => {
    enFrancais(
      await brut('GET', '/api/payload-migrations', undefined, { Authorization: `JWT ${admin}` }),
      'migrations',
      404,
    )
    // fetch refuses to send TRACE: node:http sends any method.
    const parHttp = (methode: string, chemin: string) =>
      new Promise<Brut>((resolve, reject) => {
        const requete = http.request(
          `${URL_SERVEUR()}${chemin}`,
          { method: methode, headers: { Authorization: `JWT ${a}` } },
          (reponse) => {
            let texte = ''
            reponse.setEncoding('utf8')
            reponse.on('data', (morceau: string) => (texte += morceau))
            reponse.on('end', () =>
              resolve({
                status: reponse.statusCode ?? 0,
                texte,
                type: String(reponse.headers['content-type']),
              }),
            )
          },
        )
        requete.on('error', reject)
        requete.end()
      })
    for (const methode of ['TRACE', 'PROPFIND'])
      for (const chemin of ['/api/demandes', '/api/graphql', '/api/users/login']) {
        const r = await parHttp(methode, chemin)
        enFrancais(r, `${methode} ${chemin}`, 405)
        expect(r.texte).toContain(`La méthode ${methode} n'est pas permise`)
      }
    for (const methode of ['GET', 'PUT', 'DELETE'])
      enFrancais(
        await brut(methode, '/api/graphql', undefined, { Authorization: `JWT ${a}` }),
        `${methode} graphql`,
        405,
      )
    const get = await fetch(`${URL_SERVEUR()}/api/demandes?limit=1`, {
      headers: { Authorization: `JWT ${a}` },
    })
    const head = await fetch(`${URL_SERVEUR()}/api/demandes?limit=1`, {
      method: 'HEAD',
      headers: { Authorization: `JWT ${a}` },
    })
    expect(head.status).toBe(get.status)
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
    expect(await head.text()).toBe('')
    // OPTIONS (CORS preflight) still answers.
    expect((await fetch(`${URL_SERVEUR()}/api/demandes`, { method: 'OPTIONS' })).status).toBeLessThan(300)
  })

  it('export avec page ou limit absurdes (CSV et XLSX) : 400 avant le premier octet, pas un fichier tronqué ; limit valable ignoré', async () => {
    for (const format of ['csv', 'xlsx'])
      for (const q of ['limit=-5', 'limit=abc', 'page=0', 'page=x']) {
        const r = await fetch(`${URL_SERVEUR()}/api/demandes/export?format=${format}&${q}`, {
          headers: { Authorization: `JWT ${admin}` },
        })
        // The status is known before any byte of the body is read.
        expect(r.status, `${format} ${q}`).toBe(400)
        const liste = await fetch(`${URL_SERVEUR()}/api/demandes?${q}`, {
          headers: { Authorization: `JWT ${admin}` },
        })
        expect((await r.json()).errors[0].message, q).toBe((await liste.json()).errors[0].message)
      }
    const r = await fetch(`${URL_SERVEUR()}/api/demandes/export?format=csv&limit=10`, {
      headers: { Authorization: `JWT ${admin}` },
    })
    expect(r.status).toBe(200)
    const lignes = parse(await r.text(), { delimiter: ';', bom: true }) as string[][]
    const total = (await appel('GET', '/api/demandes/count', { jeton: admin })).corps.totalDocs as number
    expect(lignes.length - 1).toBe(total)
  })

  it('export avec un where ou un sort mal formés : le même 400 en français que la liste (point 8)', async () => {
    for (const q of ['where=zz', 'sort=zz', 'where[etablissementConcerne][equals]=abc', 'sort=-inconnu']) {
      const liste = await fetch(`${URL_SERVEUR()}/api/demandes?limit=1&${q}`, {
        headers: { Authorization: `JWT ${admin}` },
      })
      expect(liste.status, q).toBe(400)
      const r = await fetch(`${URL_SERVEUR()}/api/demandes/export?format=csv&${q}`, {
        headers: { Authorization: `JWT ${admin}` },
      })
      expect(r.status, q).toBe(400)
      const texte = await r.text()
      expect(texte).not.toMatch(ANGLAIS)
      expect(JSON.parse(texte).errors[0].message, q).toBe((await liste.json()).errors[0].message)
    }
  })

  it('POST /api/demandes/access/<id> sans être connecté : 401 en français, pas la carte des champs', async () => {
    for (const chemin of [
      '/api/demandes/access/abc',
      '/api/demandes/access/1',
      '/api/globals/campagne/access',
    ]) {
      const r = await brut('POST', chemin, undefined, {})
      enFrancais(r, chemin, 401)
      expect(r.texte).not.toContain('fields')
    }
  })

  it('GraphQL : corps illisible, subscription, @skip/@include sans booléen, opération introuvable → 400 en français', async () => {
    const cas: [string, string][] = [
      ['corps illisible', '{bad'],
      ['subscription', JSON.stringify({ query: 'subscription { a }' })],
      ['@skip(if: zz)', JSON.stringify({ query: '{ Demandes { docs { id @skip(if: zz) } } }' })],
      ['@skip sans if', JSON.stringify({ query: '{ Demandes { totalDocs @skip } }' })],
      [
        '@include variable absente',
        JSON.stringify({ query: 'query($v: Boolean) { Demandes { totalDocs @include(if: $v) } }' }),
      ],
      ['operationName inconnu', JSON.stringify({ query: '{ Demandes { totalDocs } }', operationName: 'x' })],
    ]
    for (const [nom, corps] of cas) {
      const r = await brut('POST', '/api/graphql', corps, {
        Authorization: `JWT ${a}`,
        'Content-Type': 'application/json',
      })
      const [e] = enFrancais(r, nom, 400)
      expect(e!.message, nom).toMatch(/^Requête GraphQL/)
    }
    // A right one still runs.
    const ok = await graphql(
      '{ Demandes(limit: 1) { totalDocs docs { id @skip(if: false) } } }',
      {},
      { jeton: a },
    )
    expect(ok.corps.errors).toBeUndefined()
  })
})
