import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { pdfSain } from '../aides/fichiers'
import { appel, jeton } from '../aides/http'

/**
 * Outside attack, F7: Payload numbers a stored name already taken (« pv-ca-1.pdf »), which told school B that
 * another school had a file named « pv-ca.pdf ». Every stored name now carries a random suffix: it is the same
 * shape whether or not anyone else sent that name, and the download still reads « pv-ca.pdf ».
 */

const NOM_STOCKE = /^pv-ca-[0-9a-f]{16}\.pdf$/

function formulaire(nom: string, demande: number | string) {
  const f = new FormData()
  f.append('file', new Blob([pdfSain() as BlobPart], { type: 'application/pdf' }), nom)
  f.append('_payload', JSON.stringify({ demande }))
  return f
}

async function brouillon(ecole: string, uai: string, admin: string) {
  const etablissement = (
    await appel('GET', `/api/etablissements?where[uai][equals]=${uai}&depth=0`, { jeton: admin })
  ).corps.docs[0].id
  const diplome = (await appel('GET', '/api/diplomes?where[cfd][equals]=50022146&depth=0', { jeton: ecole }))
    .corps.docs[0].id
  const r = await appel('POST', '/api/demandes?depth=0', {
    jeton: ecole,
    // A rapport: other files look for the demo's drafts without one.
    corps: {
      etablissementConcerne: etablissement,
      diplome,
      mesure: 'ouverture',
      modalite: 'scolaire',
      rapportOpportunite: 'Projet : noms des annexes.',
    },
  })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  return r.corps.doc.id as number | string
}

async function deposer(ecole: string, nom: string, demande: number | string) {
  const r = await appel('POST', '/api/annexes?depth=0', { jeton: ecole, corps: formulaire(nom, demande) })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  return r.corps.doc as { id: number | string; filename: string; url: string }
}

async function telecharger(ecole: string, url: string) {
  return fetch(`${inject('urlServeur')}${new URL(url, inject('urlServeur')).pathname}`, {
    headers: { Authorization: `JWT ${ecole}` },
  })
}

let a: string
let b: string
let demandeA: number | string
let demandeB: number | string

beforeAll(async () => {
  const admin = await jeton('admin')
  a = await jeton('0340042L')
  b = await jeton('0310024H')
  demandeA = await brouillon(a, '0340042L', admin)
  demandeB = await brouillon(b, '0310024H', admin)
})

describe('F7 : le nom stocké d’une annexe ne dit rien des fichiers des autres établissements', () => {
  it('deux établissements déposent « pv-ca.pdf » : le second nom stocké a la même forme que le premier, aléatoire', async () => {
    const premier = await deposer(a, 'pv-ca.pdf', demandeA)
    const second = await deposer(b, 'pv-ca.pdf', demandeB)
    const encore = await deposer(b, 'pv-ca.pdf', demandeB)
    for (const doc of [premier, second, encore]) {
      expect(doc.filename).toMatch(NOM_STOCKE)
      expect(doc.filename).not.toMatch(/-\d+\.pdf$/)
      expect(fs.existsSync(path.join(inject('dossierServeur'), 'annexes', doc.filename))).toBe(true)
    }
    expect(new Set([premier.filename, second.filename, encore.filename]).size).toBe(3)
    // What B reads of its own annexe (REST, then its demande's list) never names A's file.
    const lu = await appel('GET', `/api/annexes?where[demande][equals]=${demandeB}&depth=0`, { jeton: b })
    expect(JSON.stringify(lu.corps)).not.toContain(premier.filename)
  })

  it('le téléchargement porte le nom envoyé, sans le suffixe ; le nom de l’autre établissement ne s’ouvre pas', async () => {
    const deA = await deposer(a, 'pv-ca.pdf', demandeA)
    const deB = await deposer(b, 'pv-ca.pdf', demandeB)
    for (const [ecole, doc] of [
      [a, deA],
      [b, deB],
    ] as const) {
      const fichier = await telecharger(ecole, doc.url)
      expect(fichier.status).toBe(200)
      expect(fichier.headers.get('content-disposition')).toBe(
        `attachment; filename="pv-ca.pdf"; filename*=UTF-8''pv-ca.pdf`,
      )
    }
    expect((await telecharger(b, deA.url)).status).toBe(403)
    expect((await telecharger(b, '/api/annexes/file/pv-ca.pdf')).status).toBe(403)
  })

  it('accents, espaces et nom trop long : nom stocké sûr, au plus 120 caractères, téléchargé sous le nom envoyé', async () => {
    const doc = await deposer(a, 'Procès-verbal du CA.pdf', demandeA)
    expect(doc.filename).toMatch(/^Procès-verbal du CA-[0-9a-f]{16}\.pdf$/)
    const fichier = await telecharger(a, doc.url)
    expect(fichier.headers.get('content-disposition')).toBe(
      `attachment; filename="Proces-verbal du CA.pdf"; filename*=UTF-8''Proc%C3%A8s-verbal%20du%20CA.pdf`,
    )
    const long = await deposer(a, `${'b'.repeat(300)}.pdf`, demandeA)
    expect(long.filename).toMatch(/^b+-[0-9a-f]{16}\.pdf$/)
    expect(long.filename.length).toBeLessThanOrEqual(120)
  })
})
