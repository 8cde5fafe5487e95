import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { appel, jeton, URL_SERVEUR } from '../aides/http'

async function exporter(auth: { jeton?: string; cleApi?: string }, requete = '') {
  const entetes: Record<string, string> = {}
  if (auth.jeton) entetes.Authorization = `JWT ${auth.jeton}`
  if (auth.cleApi) entetes.Authorization = `users API-Key ${auth.cleApi}`
  const r = await fetch(`${URL_SERVEUR()}/api/demandes/export?format=csv${requete}`, { headers: entetes })
  const octets = new Uint8Array(await r.arrayBuffer())
  // Response.text() would drop the byte-order mark: decode by hand to see what the file really holds.
  const texte = new TextDecoder('utf-8', { ignoreBOM: true }).decode(octets)
  return {
    r,
    texte,
    lignes: r.ok
      ? (parse(texte.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[])
      : [],
  }
}

let a: string
let b: string
let region: string
let idMermoz: number | string

beforeAll(async () => {
  a = await jeton('0340042L')
  b = await jeton('0310024H')
  region = await jeton('region')
  const admin = await jeton('admin')
  idMermoz = (await appel('GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', { jeton: admin }))
    .corps.docs[0].id
})

describe('Export CSV des demandes', () => {
  it('en-têtes français, une ligne par demande lisible, libellés et non codes, en pièce jointe', async () => {
    const { r, texte, lignes } = await exporter({ jeton: region })
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename="demandes-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect(texte.startsWith('\uFEFFN° de projet;Statut;Rentrée;')).toBe(true)
    const attendues = (await appel('GET', '/api/demandes/count', { jeton: region })).corps.totalDocs
    expect(lignes).toHaveLength(attendues)
    expect(lignes.every((l) => l.Statut !== 'En cours de saisie')).toBe(true)
    expect(
      lignes.some((l) => l.Mesure === 'Ouverture' && /^\d{7}[A-Z]$/.test(l['UAI établissement concerné']!)),
    ).toBe(true)
    expect(lignes.some((l) => l['Adresse mail du responsable']?.includes('@'))).toBe(true)
  })

  it('ne contient que ce que l’appelant peut lire, et respecte le filtre where', async () => {
    const deA = (await exporter({ jeton: a })).lignes
    const deB = (await exporter({ jeton: b })).lignes
    expect(deA.length).toBeGreaterThan(0)
    expect(
      deA.every(
        (l) => l['UAI établissement concerné'] === '0340042L' || l['UAI établissement concerné'] === '',
      ),
    ).toBe(true)
    expect(deB.every((l) => l['UAI établissement concerné'] !== '0340042L')).toBe(true)
    const filtre = (await exporter({ jeton: region }, '&where[mesure][equals]=ouverture')).lignes
    expect(filtre.length).toBeGreaterThan(0)
    expect(filtre.every((l) => l.Mesure === 'Ouverture')).toBe(true)
    expect(
      (await exporter({ jeton: b }, `&where[etablissementConcerne][equals]=${idMermoz}`)).lignes,
    ).toEqual([])
  })

  it('neutralise les formules des cellules de texte', async () => {
    const cree = await appel('POST', '/api/demandes?depth=0', {
      jeton: a,
      corps: {
        etablissementConcerne: idMermoz,
        siteFormation: '=HYPERLINK("http://attaquant.example","Cliquez")',
        rapportOpportunite: '@SUM(1+1)',
      },
    })
    expect(cree.status).toBe(201)
    const ligne = (await exporter({ jeton: a })).lignes.find(
      (l) => l['N° de projet'] === String(cree.corps.doc.numero),
    )!
    expect(ligne['Site de formation']).toBe('\'=HYPERLINK("http://attaquant.example","Cliquez")')
    expect(ligne["Rapport d'opportunité"]).toBe("'@SUM(1+1)")
    await appel('DELETE', `/api/demandes/${cree.corps.doc.id}`, { jeton: a })
  })

  it('intégration : aucune donnée personnelle ; sans connexion : 401 ; format inconnu ou filtre invalide : 400', async () => {
    const { lignes, texte } = await exporter({ cleApi: inject('cleApiDemo') })
    expect(lignes.length).toBeGreaterThan(0)
    expect(texte).not.toContain('Responsable du projet')
    expect(texte).not.toMatch(/@ac-(montpellier|toulouse)\.fr/)
    expect((await exporter({})).r.status).toBe(401)
    expect(
      (
        await fetch(`${URL_SERVEUR()}/api/demandes/export?format=pdf`, {
          headers: { Authorization: `JWT ${region}` },
        })
      ).status,
    ).toBe(400)
    expect((await exporter({ jeton: region }, '&where[champInconnu][equals]=1')).r.status).toBe(400)
  })

  it('chaque ligne reprend la demande telle que l’API la donne (relations peuplées, instruction, travaux)', async () => {
    const { lignes } = await exporter({ jeton: region })
    const LIBELLES_AVIS: Record<string, string> = {
      favorable: 'Favorable',
      reserve: 'Réservé',
      defavorable: 'Défavorable',
    }
    for (const ligne of lignes.slice(0, 10)) {
      const d = (
        await appel('GET', `/api/demandes?where[numero][equals]=${ligne['N° de projet']}&depth=1`, {
          jeton: region,
        })
      ).corps.docs[0]
      expect(ligne['UAI établissement concerné']).toBe(d.etablissementConcerne?.uai ?? '')
      expect(ligne['Établissement concerné']).toBe(d.etablissementConcerne?.nom ?? '')
      expect(ligne.Commune).toBe(d.etablissementConcerne?.commune ?? '')
      expect(ligne['UAI établissement référent']).toBe(d.etablissementReferent?.uai ?? '')
      expect(ligne['Code diplôme (CFD)']).toBe(d.diplome?.cfd ?? '')
      expect(ligne['Type de diplôme']).toBe(d.diplome?.typeDiplome ?? '')
      expect(ligne['Diplôme'].length > 0).toBe(Boolean(d.diplome))
      expect(ligne['N° du projet lié']).toBe(String(d.demandeLiee?.numero ?? ''))
      expect(ligne['Avis']).toBe(LIBELLES_AVIS[d.avis?.avis] ?? '')
      expect(ligne["Commentaire de l'avis"]).toBe(d.avis?.commentaire ?? '')
      expect(ligne['Travaux demandés']).toBe(d.travaux?.travauxDemandes ? 'Oui' : 'Non')
      expect(ligne["Rapport d'opportunité"]).toBe(d.rapportOpportunite ?? '')
    }
  })
})
