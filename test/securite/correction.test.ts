/**
 * Issue 16 — a validated demande sent back to its filer for correction (POST /api/demandes/:id/demander-correction)
 * and the thread of messages: exactly the contract's statuses, the filer sees « à corriger » and the message, edits
 * and validates again, the versions keep both validations, nobody outside the demande writes or reads its thread.
 * Against the production server, as each account would try.
 */
import path from 'node:path'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { lireEml } from '../aides/courriels'
import { appel, deposerDemande, jeton, validerDemande } from '../aides/http'

let admin: string
let region: string
let rectorat: string
let rectoratToulouse: string
let ecole: string // 0340042L, lycée Jean Mermoz
let autreEcole: string // 0310024H
let d: { id: number | string; numero: number }
let premiereValidation: string

const MEL_RESPONSABLE = 'responsable.correction@demo.example'
const MEL_ECOLE = '0340042l@demo.example'
const MESSAGE = 'Précisez la capacité demandée : le plateau technique accueille 14 élèves.'

const boite = () => lireEml(path.join(inject('dossierServeur'), 'mail'))
/** The server's runner sends queued mail every 5 seconds. */
async function attendreCourriel(filtre: (m: Awaited<ReturnType<typeof boite>>[number]) => boolean) {
  const fin = Date.now() + 20_000
  for (;;) {
    const trouve = (await boite()).find(filtre)
    if (trouve || Date.now() > fin) return trouve
    await new Promise((r) => setTimeout(r, 500))
  }
}

const corriger = (qui: string | null, corps: unknown, id = d.id) =>
  appel('POST', `/api/demandes/${id}/demander-correction`, { jeton: qui ?? undefined, corps })

beforeAll(async () => {
  ;[admin, region, rectorat, rectoratToulouse, ecole, autreEcole] = await Promise.all(
    ['admin', 'region', 'rectorat-montpellier', 'rectorat-toulouse', '0340042L', '0310024H'].map(jeton),
  )
  d = await deposerDemande(ecole, '0340042L', {
    responsable: { nom: 'Camille Correction', telephone: '04 67 13 81 55', email: MEL_RESPONSABLE },
    rapportOpportunite: 'Demande du test de la demande de correction.',
  })
  premiereValidation = (await validerDemande(ecole, d.id)).doc.valideeLe
})

describe('Demande de correction', () => {
  it('anonyme 401, rectorat de l’autre académie 404, l’établissement 403, sans message 400', async () => {
    expect((await corriger(null, { message: MESSAGE })).status).toBe(401)
    expect((await corriger(rectoratToulouse, { message: MESSAGE })).status).toBe(404)
    expect((await corriger(autreEcole, { message: MESSAGE })).status).toBe(404)
    const ecoleRefusee = await corriger(ecole, { message: MESSAGE })
    expect(ecoleRefusee.status).toBe(403)
    expect(ecoleRefusee.corps.errors[0].message).toMatch(/autorisé/)
    for (const corps of [{}, { message: '' }, { message: 42 }, { message: 'x'.repeat(5001) }]) {
      const r = await corriger(rectorat, corps)
      expect(r.status, JSON.stringify(corps)).toBe(400)
      expect(r.corps.errors[0].message).toContain('« Message »')
    }
    // Nothing moved.
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: ecole })).corps.statut).toBe(
      'validee',
    )
  })

  it('renvoyée une fois : 200 ; une seconde fois : 409', async () => {
    const r = await corriger(rectorat, { message: MESSAGE })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect(r.corps.doc.statut).toBe('a-corriger')
    const encore = await corriger(region, { message: 'Encore' })
    expect(encore.status).toBe(409)
  })

  it("l'établissement la voit « à corriger » avec le message ; une autre école n'écrit pas sur son fil ; l'intégration ne lit aucun message", async () => {
    expect((await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: ecole })).corps.statut).toBe(
      'a-corriger',
    )
    const fil = await appel('GET', `/api/messages?where[demande][equals]=${d.id}&depth=0`, { jeton: ecole })
    expect(fil.status).toBe(200)
    expect(fil.corps.docs.map((m: { texte: string }) => m.texte)).toEqual([MESSAGE])

    const intrus = await appel('POST', '/api/messages', {
      jeton: autreEcole,
      corps: { demande: d.id, texte: 'Message d’une autre école' },
    })
    expect(intrus.status).toBeGreaterThanOrEqual(400)
    expect(intrus.status).toBeLessThan(500)
    const tous = await appel('GET', `/api/messages?where[demande][equals]=${d.id}&depth=0`, { jeton: admin })
    expect(tous.corps.docs).toHaveLength(1)

    const cle = inject('cleApiDemo')
    const integration = await appel('GET', '/api/messages?depth=0', { cleApi: cle })
    expect(integration.status === 403 || integration.corps.docs?.length === 0).toBe(true)
    expect(JSON.stringify(integration.corps)).not.toContain(MESSAGE)
    const ecrite = await appel('POST', '/api/messages', {
      cleApi: cle,
      corps: { demande: d.id, texte: 'Intégration' },
    })
    expect(ecrite.status).toBe(403)
  })

  it('le courriel de correction part vers la structure, avec le message', async () => {
    const m = await attendreCourriel((x) => x.subject === `Demande n° ${d.numero} à corriger (rentrée 2027)`)
    expect(m, 'courriel de correction').toBeDefined()
    expect(m!.destinataires).toEqual(expect.arrayContaining([MEL_ECOLE, MEL_RESPONSABLE]))
    expect(m!.text).toContain(MESSAGE)
  })

  it("l'établissement la corrige et la valide de nouveau ; les versions gardent les deux validations", async () => {
    const modifiee = await appel('PATCH', `/api/demandes/${d.id}?depth=0`, {
      jeton: ecole,
      corps: { capaciteNouvelle: 14 },
    })
    expect(modifiee.status, JSON.stringify(modifiee.corps)).toBe(200)
    expect(modifiee.corps.doc.capaciteNouvelle).toBe(14)
    const recap = await appel('POST', `/api/demandes/${d.id}/valider`, {
      jeton: ecole,
      corps: { confirmer: false },
    })
    expect(recap.status, JSON.stringify(recap.corps)).toBe(200)
    const v = await appel('POST', `/api/demandes/${d.id}/valider`, {
      jeton: ecole,
      corps: { confirmer: true },
    })
    expect(v.status, JSON.stringify(v.corps)).toBe(200)
    expect(v.corps.doc.statut).toBe('validee')
    expect(v.corps.doc.valideeLe).not.toBe(premiereValidation)
    // Locked again.
    const figee = await appel('PATCH', `/api/demandes/${d.id}?depth=0`, {
      jeton: ecole,
      corps: { capaciteNouvelle: 16 },
    })
    expect(figee.status).toBeGreaterThanOrEqual(400)

    const versions = await appel(
      'GET',
      `/api/demandes/versions?where[parent][equals]=${d.id}&depth=0&limit=100`,
      { jeton: admin },
    )
    const validations = new Set(
      versions.corps.docs
        .filter((x: { version: { statut: string } }) => x.version.statut === 'validee')
        .map((x: { version: { valideeLe: string } }) => x.version.valideeLe),
    )
    expect(validations).toEqual(new Set([premiereValidation, v.corps.doc.valideeLe]))
  })
})
