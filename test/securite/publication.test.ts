/**
 * SECURITY 26 — a derived field leaks its source: before the Région publishes, a filer sees no trace that an avis or
 * a décision exists (statut, counts, filters, sort, versions, exports, dashboard, mails); withdrawing an avis or a
 * décision puts the statut back. Issue 13, finding 4. Against the production server, as the school would try.
 */
import path from 'node:path'

import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lireEml } from '../aides/courriels'
import { appel, deposerEtValider, graphql, idPar, jeton, URL_SERVEUR } from '../aides/http'

let admin: string
let carif: string
let region: string
let rectorat: string
let draaf: string
let ecole: string // 0340042L, lycée Jean Mermoz
let d: { id: number | string; numero: number }
let agricole: { id: number | string; numero: number }
let versionsAvant: number
let dernieresAvant: number
let dateAvant: string
// Mails are read from this file's start on: a reused server's mailbox keeps those of earlier runs, decisions
// included (the Date header counts whole seconds).
const debut = Math.floor(Date.now() / 1000) * 1000

// This run's own: on a reused server, the demandes of earlier runs name the same school but not this address.
const MEL_RESPONSABLE = `responsable.publication-${Date.now().toString(36)}@demo.example`
const MEL_ECOLE = '0340042l@demo.example'
const DECIDES = ['en-instruction', 'retenue', 'non-retenue', 'ajournee']

const responsable = {
  responsable: { nom: 'Camille Publication', telephone: '04 67 13 81 55', email: MEL_RESPONSABLE },
  rapportOpportunite: 'Demande du test de publication des décisions.',
}

const lire = async (qui: string, id: number | string, requete = 'depth=0') =>
  (await appel('GET', `/api/demandes/${id}?${requete}`, { jeton: qui })).corps
const compter = async (qui: string, filtre: string) => {
  const r = await appel('GET', `/api/demandes/count?${filtre}`, { jeton: qui })
  expect(r.status, `${filtre} ${JSON.stringify(r.corps)}`).toBe(200)
  return r.corps.totalDocs as number
}
const publier = (valeur: boolean) =>
  appel('POST', '/api/globals/campagne', { jeton: carif, corps: { decisionsPubliees: valeur } })
const versions = (qui: string, filtre = '') =>
  appel('GET', `/api/demandes/versions?where[parent][equals]=${d.id}&depth=0&limit=100${filtre}`, {
    jeton: qui,
  })

async function exporter(
  qui: string,
  format: 'csv' | 'xlsx',
  filtre: string,
): Promise<Record<string, string>[]> {
  const r = await fetch(`${URL_SERVEUR()}/api/demandes/export?format=${format}&${filtre}`, {
    headers: { Authorization: `JWT ${qui}` },
  })
  expect(r.status).toBe(200)
  if (format === 'csv')
    return parse((await r.text()).replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<
      string,
      string
    >[]
  const classeur = new ExcelJS.Workbook()
  await classeur.xlsx.load(Buffer.from(await r.arrayBuffer()) as never)
  const feuille = classeur.worksheets[0]!
  const entetes = (feuille.getRow(1).values as unknown[]).slice(1).map(String)
  const lignes: Record<string, string>[] = []
  feuille.eachRow((ligne, n) => {
    if (n > 1)
      lignes.push(Object.fromEntries(entetes.map((e, i) => [e, String(ligne.getCell(i + 1).value ?? '')])))
  })
  return lignes
}

const boite = async () =>
  (await lireEml(path.join(inject('dossierServeur'), 'mail'))).filter(
    (m) => (m.date?.getTime() ?? 0) >= debut,
  )

beforeAll(async () => {
  ;[admin, carif, region, rectorat, draaf, ecole] = await Promise.all(
    ['admin', 'carif-oref', 'region', 'rectorat-montpellier', 'draaf', '0340042L'].map(jeton),
  )
  // Another file may have left the campaign published: these tests start from « not published ».
  expect((await publier(false)).status).toBe(200)
  d = await deposerEtValider(ecole, '0340042L', responsable)
  agricole = await deposerEtValider(draaf, '0480514Y', {
    ...responsable,
    diplome: await idPar('diplomes', 'cfd', '40321004'),
    dureeFormation: 3,
  })
  versionsAvant = (await versions(ecole)).corps.totalDocs
  dernieresAvant = (await versions(ecole, '&where[latest][equals]=true')).corps.totalDocs

  dateAvant = (await lire(ecole, d.id)).updatedAt
  // The rectorat gives an avis, the Région records a décision.
  expect(
    (
      await appel('PATCH', `/api/demandes/${d.id}`, {
        jeton: rectorat,
        corps: { avis: { avis: 'favorable', commentaire: 'Projet cohérent.' } },
      })
    ).status,
  ).toBe(200)
  expect(
    (
      await appel('PATCH', `/api/demandes/${d.id}`, {
        jeton: region,
        corps: { decision: { decision: 'retenue', commentaire: 'Retenue au CPRDFOP.' } },
      })
    ).status,
  ).toBe(200)
  expect((await lire(admin, d.id)).statut).toBe('retenue')
  expect((await lire(region, d.id)).statut).toBe('retenue')
  // On the DRAAF's own agricultural demande: its avis, then the Région's décision.
  expect(
    (
      await appel('PATCH', `/api/demandes/${agricole.id}`, {
        jeton: draaf,
        corps: { avis: { avis: 'reserve' } },
      })
    ).status,
  ).toBe(200)
  expect(
    (
      await appel('PATCH', `/api/demandes/${agricole.id}`, {
        jeton: region,
        corps: { decision: { decision: 'ajournee' } },
      })
    ).status,
  ).toBe(200)
  expect((await lire(admin, agricole.id)).statut).toBe('ajournee')
})

afterAll(async () => {
  await publier(false)
})

describe('Avant publication, l’établissement ne voit ni avis ni décision (SECURITY 26)', () => {
  it('REST : find, findByID, depth, select — statut « validée », ni avis, ni décision, ni vue sans décision', async () => {
    for (const requete of [
      'depth=0',
      'depth=1',
      'depth=2',
      'select[statut]=true',
      'select[numero]=true&select[statut]=true&select[avis]=true',
    ]) {
      const doc = await lire(ecole, d.id, requete)
      expect(doc.statut, requete).toBe('validee')
      expect(doc.avis, requete).toBeUndefined()
      expect(doc.decision, requete).toBeUndefined()
      expect(doc.statutSansDecision, requete).toBeUndefined()
      expect(JSON.stringify(doc), requete).not.toMatch(/retenue|en-instruction|Projet cohérent|CPRDFOP/)
    }
    const liste = await appel('GET', `/api/demandes?where[id][equals]=${d.id}&depth=1`, { jeton: ecole })
    expect(liste.corps.docs.map((x: { statut: string }) => x.statut)).toEqual(['validee'])
  })

  it('count et where sur le statut, par tous les opérateurs : rien ne distingue la demande décidée', async () => {
    const ici = `where[and][0][id][equals]=${d.id}`
    for (const s of DECIDES) {
      expect(await compter(ecole, `${ici}&where[and][1][statut][equals]=${s}`), s).toBe(0)
      expect(await compter(ecole, `${ici}&where[and][1][statut][in]=${s}`), s).toBe(0)
    }
    expect(await compter(ecole, `${ici}&where[and][1][statut][equals]=validee`)).toBe(1)
    expect(await compter(ecole, `${ici}&where[and][1][statut][not_equals]=validee`)).toBe(0)
    expect(await compter(ecole, `${ici}&where[and][1][statut][not_in]=brouillon,validee`)).toBe(0)
    expect(await compter(ecole, `${ici}&where[and][1][statut][like]=ret`)).toBe(0)
    expect(
      await compter(
        ecole,
        `${ici}&where[or][0][statut][equals]=retenue&where[or][1][statut][equals]=en-instruction`,
      ),
    ).toBe(0)
    // `AND` / `OR` in capitals, as GraphQL writes them and REST accepts them.
    for (const [et, ou] of [
      ['AND', 'OR'],
      ['And', 'oR'],
    ]) {
      expect(
        await compter(ecole, `where[${et}][0][id][equals]=${d.id}&where[${et}][1][statut][equals]=retenue`),
        et,
      ).toBe(0)
      expect(
        await compter(
          ecole,
          `where[${et}][0][id][equals]=${d.id}&where[${et}][1][statut][not_in]=brouillon,validee`,
        ),
        et,
      ).toBe(0)
      expect(
        await compter(
          ecole,
          `where[${ou}][0][statut][equals]=retenue&where[${ou}][1][statut][equals]=en-instruction`,
        ),
        ou,
      ).toBe(0)
    }
    const export_ = await appel(
      'GET',
      `/api/demandes/export?format=csv&where[AND][0][statut][equals]=retenue`,
      { jeton: ecole },
    )
    expect(export_.status).toBe(200)
    // Header only: not one row is « retenue » for the school.
    expect(
      String(export_.corps)
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/),
    ).toHaveLength(1)
    const tout = await appel('GET', `/api/demandes/export?format=csv&where[AND][0][statut][equals]=validee`, {
      jeton: ecole,
    })
    expect(String(tout.corps).trim().split(/\r?\n/).length).toBeGreaterThan(1)
    // The school's whole list: not one retenue nor en-instruction.
    expect(await compter(ecole, 'where[statut][equals]=retenue')).toBe(0)
    expect(await compter(ecole, 'where[statut][equals]=en-instruction')).toBe(0)
    // The views are not a way round: the one without the décision is closed to schools.
    expect(
      (
        await appel(
          'GET',
          `/api/demandes/count?${ici}&where[and][1][statutSansDecision][equals]=en-instruction`,
          { jeton: ecole },
        )
      ).status,
    ).toBe(400)
    expect(await compter(ecole, `${ici}&where[and][1][statutDepot][equals]=validee`)).toBe(1)
  })

  it('sort=statut : même ordre que si rien n’était décidé', async () => {
    // Among its validated demandes (another file may have left one « à corriger », which it rightly sees as such).
    for (const sens of ['statut', '-statut']) {
      const r = await appel(
        'GET',
        `/api/demandes?where[statut][not_in]=brouillon,a-corriger&sort=${sens},numero&depth=0&limit=200&select[numero]=true`,
        { jeton: ecole },
      )
      expect(r.status).toBe(200)
      const numeros = r.corps.docs.map((x: { numero: number }) => x.numero)
      expect(numeros).toContain(d.numero)
      expect(numeros, sens).toEqual([...numeros].sort((x: number, y: number) => x - y))
    }
  })

  it('updatedAt : l’avis et la décision ne font pas bouger la date que lit l’établissement (REST, GraphQL, filtre, tri)', async () => {
    expect((await lire(region, d.id)).updatedAt > dateAvant).toBe(true)
    for (const requete of ['depth=0', 'depth=1', 'select[updatedAt]=true'])
      expect((await lire(ecole, d.id, requete)).updatedAt, requete).toBe(dateAvant)
    const ici = `where[and][0][id][equals]=${d.id}`
    expect(await compter(ecole, `${ici}&where[and][1][updatedAt][equals]=${dateAvant}`)).toBe(1)
    expect(await compter(ecole, `${ici}&where[and][1][updatedAt][greater_than]=${dateAvant}`)).toBe(0)
    const tri = await appel(
      'GET',
      `/api/demandes?where[statut][not_equals]=brouillon&sort=-updatedAt&depth=0&limit=200&select[updatedAt]=true`,
      { jeton: ecole },
    )
    const dates = tri.corps.docs.map((x: { updatedAt: string }) => x.updatedAt)
    expect(dates).toContain(dateAvant)
    expect(dates).toEqual([...dates].sort().reverse())
    const g = await graphql(
      `{ Demande(id: ${JSON.stringify(d.id)}) { updatedAt } Demandes(where: { id: { equals: ${JSON.stringify(d.id)} }, updatedAt: { greater_than: ${JSON.stringify(dateAvant)} } }) { totalDocs } }`,
      {},
      { jeton: ecole },
    )
    expect(g.corps.data?.Demande?.updatedAt, JSON.stringify(g.corps)).toBe(dateAvant)
    expect(g.corps.data?.Demandes?.totalDocs).toBe(0)
    // GraphQL gives dates as Date objects: a school's filter on any date answers, never a 500.
    const parDate = await graphql(
      '{ Demandes(where: { dateConseil: { greater_than: "2020-01-01T00:00:00.000Z" } }) { totalDocs } }',
      {},
      { jeton: ecole },
    )
    expect(parDate.corps.data?.Demandes?.totalDocs, JSON.stringify(parDate.corps)).toBeGreaterThan(0)
    // A version's own `updatedAt` is the version's (filers read only the drafting's): filtered and sorted as is.
    const v = await versions(ecole, `&where[updatedAt][exists]=true&sort=-updatedAt`)
    expect(v.status, JSON.stringify(v.corps)).toBe(200)
    expect(v.corps.totalDocs).toBe(versionsAvant)
    // The stored dates of the views are no way round either: the DRAAF's is closed to schools.
    expect(
      (
        await appel(
          'GET',
          `/api/demandes/count?${ici}&where[and][1][modifieeLeSansDecision][greater_than]=${dateAvant}`,
          { jeton: ecole },
        )
      ).status,
    ).toBe(400)
  })

  it('GraphQL : lecture, filtre, comptage et versions', async () => {
    const id = JSON.stringify(d.id)
    const un = await graphql(
      `{ Demande(id: ${id}) { statut avis { avis } decision { decision } } }`,
      {},
      { jeton: ecole },
    )
    expect(un.corps.data?.Demande?.statut, JSON.stringify(un.corps)).toBe('validee')
    expect(JSON.stringify(un.corps.data)).not.toMatch(/favorable|retenue/)
    for (const s of ['retenue', 'en_instruction']) {
      const filtre = await graphql(
        `{ Demandes(where: { id: { equals: ${id} }, statut: { equals: ${s} } }) { totalDocs } }`,
        {},
        { jeton: ecole },
      )
      expect(filtre.corps.data?.Demandes?.totalDocs, JSON.stringify(filtre.corps)).toBe(0)
      const et = await graphql(
        `{ Demandes(where: { AND: [{ id: { equals: ${id} } }, { statut: { equals: ${s} } }] }) { totalDocs } }`,
        {},
        { jeton: ecole },
      )
      expect(et.corps.data?.Demandes?.totalDocs, JSON.stringify(et.corps)).toBe(0)
      const ou = await graphql(
        `{ Demandes(where: { OR: [{ statut: { equals: ${s} } }] }) { totalDocs } }`,
        {},
        { jeton: ecole },
      )
      expect(ou.corps.data?.Demandes?.totalDocs, JSON.stringify(ou.corps)).toBe(0)
    }
    const tri = await graphql(
      `
        {
          Demandes(
            where: { statut: { not_in: [brouillon, a_corriger] } }
            sort: "statut,numero"
            limit: 200
          ) {
            docs {
              numero
              statut
            }
          }
        }
      `,
      {},
      { jeton: ecole },
    )
    const docs = tri.corps.data?.Demandes?.docs ?? []
    expect(
      docs.every((x: { statut: string }) => x.statut === 'validee'),
      JSON.stringify(tri.corps),
    ).toBe(true)
    expect(docs.map((x: { numero: number }) => x.numero)).toEqual(
      docs.map((x: { numero: number }) => x.numero).sort((x: number, y: number) => x - y),
    )
    const v = await graphql(
      `{ versionsDemandes(where: { parent: { equals: ${id} } }, limit: 100) { totalDocs docs { version { statut } } } }`,
      {},
      { jeton: ecole },
    )
    expect(v.corps.data?.versionsDemandes?.totalDocs, JSON.stringify(v.corps)).toBe(versionsAvant)
    expect(JSON.stringify(v.corps)).not.toMatch(/retenue|en_instruction|en-instruction/)
    const vf = await graphql(
      `{ versionsDemandes(where: { parent: { equals: ${id} }, version__statut: { equals: retenue } }) { totalDocs } }`,
      {},
      { jeton: ecole },
    )
    expect(vf.corps.data?.versionsDemandes?.totalDocs ?? 0, JSON.stringify(vf.corps)).toBe(0)
    // A version's own `updatedAt` (when it was made) is not the demande's: filtered and sorted as it is, in
    // GraphQL as in REST (it was rewritten to the demande's stored date, absent from versions: an English error).
    for (const sens of ['updatedAt', '-updatedAt']) {
      const g = await graphql(
        `{ versionsDemandes(where: { parent: { equals: ${id} }, updatedAt: { greater_than: "2000-01-01T00:00:00Z" } }, sort: "${sens}", limit: 100) { totalDocs docs { id updatedAt } } }`,
        {},
        { jeton: ecole },
      )
      expect(g.corps.errors, JSON.stringify(g.corps)).toBeUndefined()
      const r = await versions(ecole, `&where[updatedAt][greater_than]=2000-01-01T00:00:00Z&sort=${sens}`)
      const dates = (docs: { updatedAt: string }[]) => docs.map((x) => x.updatedAt)
      expect(g.corps.data.versionsDemandes.totalDocs).toBe(versionsAvant)
      expect(dates(g.corps.data.versionsDemandes.docs)).toEqual(dates(r.corps.docs))
      const attendu = [...dates(r.corps.docs)].sort()
      expect(dates(r.corps.docs)).toEqual(sens === 'updatedAt' ? attendu : attendu.reverse())
    }
  })

  it('versions : ni leur nombre, ni leur contenu, ni la dernière ne trahissent l’instruction', async () => {
    const r = await versions(ecole)
    expect(r.status).toBe(200)
    expect(r.corps.totalDocs).toBe(versionsAvant)
    expect(JSON.stringify(r.corps)).not.toMatch(/retenue|en-instruction|favorable|CPRDFOP/)
    expect((await versions(ecole, '&where[latest][equals]=true')).corps.totalDocs).toBe(dernieresAvant)
    expect((await versions(ecole, '&where[version.statut][equals]=retenue')).corps.totalDocs).toBe(0)
    expect(
      (await appel('GET', `/api/demandes/versions/count?where[parent][equals]=${d.id}`, { jeton: ecole }))
        .corps.totalDocs ?? versionsAvant,
    ).toBe(versionsAvant)
    // The authorities keep the whole history.
    const toutes = await versions(region)
    expect(
      toutes.corps.docs.some((x: { version: { statut: string } }) => x.version.statut === 'retenue'),
    ).toBe(true)
  })

  it.each(['csv', 'xlsx'] as const)(
    'export %s : statut « Validée », colonnes d’instruction vides, filtre sur le statut sans effet révélateur',
    async (format) => {
      const lignes = await exporter(ecole, format, `where[id][equals]=${d.id}`)
      expect(lignes).toHaveLength(1)
      expect(lignes[0]!.Statut).toBe('Validée')
      expect(JSON.stringify(lignes)).not.toMatch(/Retenue|En instruction|Favorable|CPRDFOP/)
      expect(
        await exporter(
          ecole,
          format,
          `where[and][0][id][equals]=${d.id}&where[and][1][statut][equals]=retenue`,
        ),
      ).toHaveLength(0)
      expect(
        await exporter(
          ecole,
          format,
          `where[and][0][id][equals]=${d.id}&where[and][1][statut][equals]=validee`,
        ),
      ).toHaveLength(1)
    },
  )

  it('tableau de bord et liste de l’interface (/admin avec son cookie) : « Validée »', async () => {
    // A browser's navigation: its cookie, same-site.
    const page = async (chemin: string) => {
      const r = await fetch(`${URL_SERVEUR()}${chemin}`, {
        headers: { Cookie: `payload-token=${ecole}`, 'Sec-Fetch-Site': 'same-origin' },
        redirect: 'manual',
      })
      expect(r.status, chemin).toBe(200)
      return r.text()
    }
    const accueil = await page('/admin')
    const ligne = new RegExp(
      `<tr[^>]*>(?:(?!</tr>).)*Consulter la demande ${d.numero}"(?:(?!</tr>).)*</tr>`,
      's',
    ).exec(accueil)?.[0]
    expect(ligne, 'la demande figure au tableau de bord').toBeDefined()
    expect(ligne).toContain('Validée')
    expect(ligne).not.toMatch(/Retenue|En instruction/)
    // The list opens a validated demande on its consult page (src/admin/CelluleNumeroDemande.tsx).
    const lien = new RegExp(`/admin/(collections/)?demandes/${d.id}(?![0-9a-f])`)
    expect(await page('/admin/collections/demandes?where[statut][equals]=validee&limit=200')).toMatch(lien)
    expect(await page('/admin/collections/demandes?where[statut][equals]=retenue&limit=200')).not.toMatch(
      lien,
    )
  })

  it('aucun courriel de décision avant publication', async () => {
    await new Promise((r) => setTimeout(r, 3000))
    const courriels = (await boite()).filter((m) =>
      m.destinataires.some((a) => a === MEL_ECOLE || a === MEL_RESPONSABLE),
    )
    // The accusé de réception was sent at validation (its recap says « Décision : — »); nothing about the instruction.
    expect(courriels.length).toBeGreaterThan(0)
    // About this file's demande (another file's publication, composed before it existed, may still be delivered).
    const siens = courriels.filter((m) => new RegExp(`n° ${d.numero}\\b`).test(m.text ?? ''))
    expect(siens.length).toBeGreaterThan(0)
    expect(
      siens.filter(
        (m) =>
          /Décisions publiées/.test(m.subject ?? '') ||
          /Retenue|Ajournée|En instruction|Favorable|Réservé|CPRDFOP|Projet cohérent/.test(m.text ?? ''),
      ),
    ).toEqual([])
  })

  it('la DRAAF voit l’avis qu’elle a donné (« en instruction »), pas la décision', async () => {
    const doc = await lire(draaf, agricole.id)
    expect(doc.statut).toBe('en-instruction')
    expect(doc.avis?.avis).toBe('reserve')
    expect(doc.decision).toBeUndefined()
    const ici = `where[and][0][id][equals]=${agricole.id}`
    expect(await compter(draaf, `${ici}&where[and][1][statut][equals]=ajournee`)).toBe(0)
    expect(await compter(draaf, `${ici}&where[and][1][statut][equals]=en-instruction`)).toBe(1)
    expect(
      (
        await appel('GET', `/api/demandes/versions?where[parent][equals]=${agricole.id}&depth=0`, {
          jeton: draaf,
        })
      ).corps.docs.every((x: { version: { statut: string } }) => x.version.statut === 'brouillon'),
    ).toBe(true)
    expect((await exporter(draaf, 'csv', `where[id][equals]=${agricole.id}`))[0]!.Statut).toBe(
      'En instruction',
    )
  })
})

describe('Publication, puis retrait de la décision', () => {
  it('publiées : l’établissement voit la décision, l’avis, le statut réel, partout', async () => {
    expect((await publier(true)).status).toBe(200)
    const doc = await lire(ecole, d.id)
    expect(doc).toMatchObject({
      statut: 'retenue',
      avis: { avis: 'favorable' },
      decision: { decision: 'retenue' },
    })
    expect(
      await compter(ecole, `where[and][0][id][equals]=${d.id}&where[and][1][statut][equals]=retenue`),
    ).toBe(1)
    expect((await exporter(ecole, 'csv', `where[id][equals]=${d.id}`))[0]!.Statut).toBe('Retenue')
    expect((await versions(ecole)).corps.totalDocs).toBeGreaterThan(versionsAvant)
    expect((await lire(draaf, agricole.id)).statut).toBe('ajournee')
    // The decisions mail reaches this run's responsable, listing its demande (sent by the jobs runner, every 5 s).
    // A structure is mailed again only when its decisions changed since its last mail: this run's demande is new,
    // so its structure's mail comes even on a server where an earlier run published.
    const recus = async () =>
      (await boite()).filter(
        (m) =>
          m.destinataires.includes(MEL_RESPONSABLE) &&
          /Décisions (publiées|mises à jour)/.test(m.subject ?? ''),
      )
    const sien = async () =>
      (await recus()).find((m) => new RegExp(`Demande n° ${d.numero} —`).test(m.text ?? ''))
    const fin = Date.now() + 20_000
    while (!(await sien()) && Date.now() < fin) await new Promise((r) => setTimeout(r, 500))
    expect(await sien(), 'courriel des décisions reçu dans les 20 s').toBeDefined()
  })

  it('retirer la décision ramène le statut à « en instruction » (l’avis reste), pour tous ; retirer l’avis, à « validée »', async () => {
    expect(
      (
        await appel('PATCH', `/api/demandes/${d.id}`, {
          jeton: region,
          corps: { decision: { decision: null } },
        })
      ).status,
    ).toBe(200)
    for (const qui of [admin, region, rectorat, ecole])
      expect((await lire(qui, d.id)).statut).toBe('en-instruction')
    expect(
      await compter(region, `where[and][0][id][equals]=${d.id}&where[and][1][statut][equals]=retenue`),
    ).toBe(0)
    expect(
      (await appel('PATCH', `/api/demandes/${d.id}`, { jeton: rectorat, corps: { avis: { avis: null } } }))
        .status,
    ).toBe(200)
    for (const qui of [admin, region, ecole]) expect((await lire(qui, d.id)).statut).toBe('validee')
    expect(
      (
        await appel('PATCH', `/api/demandes/${agricole.id}`, {
          jeton: region,
          corps: { decision: { decision: null } },
        })
      ).status,
    ).toBe(200)
    expect((await lire(admin, agricole.id)).statut).toBe('en-instruction')
    expect((await publier(false)).status).toBe(200)
    expect((await lire(draaf, agricole.id)).statut).toBe('en-instruction')
    expect((await lire(ecole, d.id)).statut).toBe('validee')
  })
})
