/**
 * GET /api/demandes/:id/pdf (contract, version 2): the demande as a PDF for whoever may read it, as they may read
 * it — another school gets a 404, an integration no personal data, a school no avis nor décision before the Région
 * publishes them. Against the production server, the PDF read back as a reader would.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { appel, deposerDemande, jeton, URL_SERVEUR, validerDemande } from '../aides/http'
import { lirePdf } from '../aides/pdf'

const RAPPORT =
  'Les viticulteurs héraultais réclament des œnologues formés à l’agroécologie : « zéro pesticide » dès 2027.'
const COMMENTAIRE_AVIS = 'Avis du rectorat : projet cohérent avec la carte académique.'
const COMMENTAIRE_DECISION = 'Décision de la Région : ouverture retenue au CPRDFOP, financement assuré.'
const PDF_ANNEXE =
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer<</Root 1 0 R/Size 2>>\nstartxref\n9\n%%EOF\n'

let ecole: string // 0340042L
let autreEcole: string // 0310024H
let rectorat: string
let region: string
let carif: string
let d: { id: number | string; numero: number }
let corpsDemande: Record<string, unknown>

async function telecharger(id: number | string, auth: { jeton?: string; cleApi?: string }) {
  const entetes: Record<string, string> = {}
  if (auth.jeton) entetes.Authorization = `JWT ${auth.jeton}`
  if (auth.cleApi) entetes.Authorization = `users API-Key ${auth.cleApi}`
  const r = await fetch(`${URL_SERVEUR()}/api/demandes/${id}/pdf`, { headers: entetes, redirect: 'manual' })
  return { r, octets: new Uint8Array(await r.arrayBuffer()) }
}

async function texteDuPdf(id: number | string, auth: { jeton?: string; cleApi?: string }) {
  const { r, octets } = await telecharger(id, auth)
  expect(r.status).toBe(200)
  return (await lirePdf(octets)).texte
}

const publier = (valeur: boolean) =>
  appel('POST', '/api/globals/campagne', { jeton: carif, corps: { decisionsPubliees: valeur } })

beforeAll(async () => {
  ;[ecole, autreEcole, rectorat, region, carif] = await Promise.all(
    ['0340042L', '0310024H', 'rectorat-montpellier', 'region', 'carif-oref'].map(jeton),
  )
  expect((await publier(false)).status).toBe(200)
  corpsDemande = {
    responsable: { nom: 'Hélène Dupré', telephone: '04 67 13 81 55', email: 'helene.dupre@pdf.example' },
    rapportOpportunite: RAPPORT,
  }
  d = await deposerDemande(ecole, '0340042L', corpsDemande)
  const f = new FormData()
  f.append('file', new Blob([PDF_ANNEXE], { type: 'application/pdf' }), 'pv-conseil.pdf')
  f.append('_payload', JSON.stringify({ demande: d.id, description: 'PV du conseil' }))
  expect((await appel('POST', '/api/annexes', { jeton: ecole, corps: f })).status).toBe(201)
  await validerDemande(ecole, d.id)
})

describe('GET /api/demandes/:id/pdf', () => {
  it('l’établissement télécharge sa demande : PDF nommé d’après le numéro, avec le numéro, l’UAI, le rapport, les annexes et la validation', async () => {
    const { r, octets } = await telecharger(d.id, { jeton: ecole })
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/pdf')
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="demande-${d.numero}.pdf"`)
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('cache-control')).toContain('no-store')
    const lu = await lirePdf(octets)
    expect(lu.titre).toContain(`Demande n° ${d.numero}`)
    for (const attendu of [
      `Demande n° ${d.numero}`,
      '0340042L',
      RAPPORT,
      'Hélène Dupré',
      'Statut : Validée',
      'Validée le ',
      'pv-conseil.pdf',
      'PDF, 1 Ko',
      'PV du conseil',
    ])
      expect(lu.texte).toContain(attendu)
  })

  it('un autre établissement : 404 en français, comme la lecture de la demande ; inconnue ou mal formée : 404', async () => {
    expect((await appel('GET', `/api/demandes/${d.id}`, { jeton: autreEcole })).status).toBe(404)
    for (const id of [d.id, 99_999_999, 'pas-un-identifiant']) {
      const r = await appel('GET', `/api/demandes/${id}/pdf`, { jeton: autreEcole })
      expect(r.status).toBe(404)
      expect(r.corps.errors[0].message).toBe("Cette demande n'existe pas ou ne vous est pas accessible.")
      expect(JSON.stringify(r.corps)).not.toContain(RAPPORT)
    }
  })

  it('sans connexion : refusé, en français, sans rien du contenu', async () => {
    const r = await appel('GET', `/api/demandes/${d.id}/pdf`)
    expect([401, 403]).toContain(r.status)
    expect(r.corps.errors[0].message).toMatch(/connecté/)
    expect((await appel('GET', `/api/demandes/${d.id}/pdf`, { cleApi: 'cle-inventee' })).status).toBe(401)
  })

  it('l’intégration lit la demande sans les données personnelles du responsable', async () => {
    const texte = await texteDuPdf(d.id, { cleApi: inject('cleApiDemo') })
    expect(texte).toContain(`Demande n° ${d.numero}`)
    expect(texte).toContain(RAPPORT)
    for (const personnel of ['Hélène Dupré', 'helene.dupre@pdf.example', '04 67 13 81 55'])
      expect(texte).not.toContain(personnel)
  })

  it('avant publication, l’établissement ne voit ni l’avis ni la décision (statut « Validée ») ; la Région les voit, commentés et datés', async () => {
    expect(
      (
        await appel('PATCH', `/api/demandes/${d.id}`, {
          jeton: rectorat,
          corps: { avis: { avis: 'favorable', commentaire: COMMENTAIRE_AVIS } },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await appel('PATCH', `/api/demandes/${d.id}`, {
          jeton: region,
          corps: { decision: { decision: 'retenue', commentaire: COMMENTAIRE_DECISION } },
        })
      ).status,
    ).toBe(200)

    const avant = await texteDuPdf(d.id, { jeton: ecole })
    expect(avant).toContain('Statut : Validée')
    for (const cache of [COMMENTAIRE_AVIS, COMMENTAIRE_DECISION, 'Retenue', 'Favorable', 'Instruction'])
      expect(avant).not.toContain(cache)

    const pourLaRegion = await texteDuPdf(d.id, { jeton: region })
    expect(pourLaRegion).toContain('Statut : Retenue')
    expect(pourLaRegion).toContain(COMMENTAIRE_DECISION)
    expect(pourLaRegion).toContain(COMMENTAIRE_AVIS)
    expect(pourLaRegion).toMatch(/Date de la décision \d{1,2} \S+ \d{4} à \d{2} h \d{2}/)

    // After publication the school sees them too: test/int/pdf.int.test.ts (publishing here would use up the
    // once-only decisions mail that test/securite/publication.test.ts expects on this server).
  })

  it('« Télécharger le PDF » sur la page de consultation et sur le récapitulatif d’un brouillon, dont le PDF dit qu’il est en cours de saisie', async () => {
    const page = async (chemin: string) => {
      const r = await fetch(`${URL_SERVEUR()}${chemin}`, {
        headers: { Cookie: `payload-token=${ecole}`, 'Sec-Fetch-Site': 'same-origin' },
        redirect: 'manual',
      })
      expect(r.status, chemin).toBe(200)
      return r.text()
    }
    const lien = (id: number | string) =>
      new RegExp(`<a[^>]*href="/api/demandes/${id}/pdf"[^>]*>Télécharger le PDF</a>`)
    expect(await page(`/admin/demandes/${d.id}/consulter`)).toMatch(lien(d.id))
    const brouillon = { corps: { doc: await deposerDemande(ecole, '0340042L', corpsDemande) } }
    const recap = await page(`/admin/demandes/${brouillon.corps.doc.id}/recapitulatif`)
    expect(recap).toContain('Récapitulatif de la demande')
    expect(recap).toMatch(lien(brouillon.corps.doc.id))
    const texte = await texteDuPdf(brouillon.corps.doc.id, { jeton: ecole })
    expect(texte).toContain(`Demande n° ${brouillon.corps.doc.numero}`)
    expect(texte).toContain('Statut : En cours de saisie')
    expect(texte).toContain("Demande en cours de saisie : elle n'est pas encore validée.")
    expect(await appel('DELETE', `/api/demandes/${brouillon.corps.doc.id}`, { jeton: ecole })).toMatchObject({
      status: 200,
    })
  })
})
