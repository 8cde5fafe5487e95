/**
 * Outside attack of 4 December 2026 (annexes): a demande's `annexes` list stays the list of the annexes attached
 * to it, whatever the path (moving an annexe, restoring a version); the annexes of a demande « à corriger » are
 * edited and deleted like the demande itself; a draft's annexe is not deleted after the closing date. Against the
 * production server, as the school 0340042L would try.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  appel,
  deposerDemande,
  formulaireFichier,
  jeton,
  PDF_MINIMAL,
  type Reponse,
  validerDemande,
} from '../aides/http'

let ecole: string
let carif: string
let rectorat: string
let brouillon: { id: number | string; numero: number }
let aCorriger: { id: number | string; numero: number }
let annexeBrouillon: { id: number | string }
let annexeBrouillon2: { id: number | string }
let annexesCorrection: { id: number | string }[]
let campagneAvant: { ouverture: string; cloture: string }

const joindre = async (demande: number | string, nom: string) => {
  const r = await appel('POST', '/api/annexes?depth=0', {
    jeton: ecole,
    corps: formulaireFichier(PDF_MINIMAL, nom, 'application/pdf', { demande, description: nom }),
  })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  return r.corps.doc as { id: number | string }
}

/** The demande's list, as stored (read by the admin: nothing hidden). */
const listeDe = async (id: number | string) => {
  const r = await appel('GET', `/api/demandes/${id}?depth=0`, { jeton: await jeton('admin') })
  expect(r.status).toBe(200)
  return ((r.corps.annexes ?? []) as (number | string)[]).map(String).sort()
}
/** The annexes that point to the demande. */
const rattacheesA = async (id: number | string) => {
  const r = await appel('GET', `/api/annexes?where[demande][equals]=${id}&limit=0&depth=0`, {
    jeton: await jeton('admin'),
  })
  return (r.corps.docs as { id: number | string }[]).map((a) => String(a.id)).sort()
}

const campagne = (corps: Record<string, unknown>) =>
  appel('POST', '/api/globals/campagne', { jeton: carif, corps })

async function fermerCampagne() {
  const hier = new Date(Date.now() - 86_400_000)
  const r = await campagne({
    ouverture: new Date(hier.getTime() - 30 * 86_400_000).toISOString(),
    cloture: hier.toISOString(),
  })
  expect(r.status, JSON.stringify(r.corps)).toBe(200)
}

const message = (r: Reponse) => JSON.stringify(r.corps)

beforeAll(async () => {
  ;[ecole, carif, rectorat] = await Promise.all(['0340042L', 'carif-oref', 'rectorat-montpellier'].map(jeton))
  const lue = await appel('GET', '/api/globals/campagne?depth=0', { jeton: carif })
  campagneAvant = { ouverture: lue.corps.ouverture, cloture: lue.corps.cloture }
  // Campaign open while the school files.
  const r = await campagne({
    ouverture: new Date(Date.now() - 86_400_000).toISOString(),
    cloture: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  })
  expect(r.status, JSON.stringify(r.corps)).toBe(200)
  brouillon = await deposerDemande(ecole, '0340042L')
  annexeBrouillon = await joindre(brouillon.id, 'plan.pdf')
  annexeBrouillon2 = await joindre(brouillon.id, 'pv.pdf')
  aCorriger = await deposerDemande(ecole, '0340042L', { rapportOpportunite: 'Première rédaction.' })
  annexesCorrection = [await joindre(aCorriger.id, 'a.pdf'), await joindre(aCorriger.id, 'b.pdf')]
  // A second version of the content, so that an older version differs from the current one.
  const m = await appel('PATCH', `/api/demandes/${aCorriger.id}?depth=0`, {
    jeton: ecole,
    corps: { rapportOpportunite: 'Seconde rédaction.' },
  })
  expect(m.status, message(m)).toBe(200)
  await validerDemande(ecole, aCorriger.id)
  const c = await appel('POST', `/api/demandes/${aCorriger.id}/demander-correction`, {
    jeton: rectorat,
    corps: { message: 'Joignez le PV du conseil d’administration.' },
  })
  expect(c.status, message(c)).toBe(200)
  await fermerCampagne()
})

afterAll(async () => {
  if (carif && campagneAvant) await campagne(campagneAvant)
})

describe('Annexes et liste de la demande, campagne close', () => {
  it('une annexe ne change pas de demande : 400 en français sur « Demande », rien d’écrit, les deux listes inchangées', async () => {
    const avant = { brouillon: await listeDe(brouillon.id), correction: await listeDe(aCorriger.id) }
    expect(avant.brouillon).toContain(String(annexeBrouillon.id))
    const r = await appel('PATCH', `/api/annexes/${annexeBrouillon.id}?depth=0`, {
      jeton: ecole,
      corps: { demande: aCorriger.id },
    })
    expect(r.status, message(r)).toBe(400)
    expect(r.corps.errors[0].data.errors[0]).toMatchObject({
      path: 'demande',
      message: expect.stringMatching(/Une annexe ne change pas de demande/),
    })
    expect(message(r)).toContain('Demande')
    const lue = await appel('GET', `/api/annexes/${annexeBrouillon.id}?depth=0`, { jeton: ecole })
    expect(String(lue.corps.demande)).toBe(String(brouillon.id))
    expect(await listeDe(brouillon.id)).toEqual(avant.brouillon)
    expect(await listeDe(aCorriger.id)).toEqual(avant.correction)
    expect(await rattacheesA(brouillon.id)).toEqual(avant.brouillon)
    expect(await rattacheesA(aCorriger.id)).toEqual(avant.correction)
  })

  it('restaurer une ancienne version garde la liste des annexes telle que le serveur la tient', async () => {
    const versions = await appel(
      'GET',
      `/api/demandes/versions?where[parent][equals]=${aCorriger.id}&sort=createdAt&limit=100&depth=0`,
      { jeton: ecole },
    )
    expect(versions.status, message(versions)).toBe(200)
    const ancienne = (versions.corps.docs as { id: string; version: { rapportOpportunite?: string } }[]).find(
      (v) => v.version.rapportOpportunite === 'Première rédaction.',
    )
    expect(ancienne, message(versions)).toBeDefined()
    const attendues = await rattacheesA(aCorriger.id)
    expect(attendues).toHaveLength(annexesCorrection.length)
    const r = await appel('POST', `/api/demandes/versions/${ancienne!.id}?depth=0`, { jeton: ecole })
    // Restoring is the filer's right on a demande it may edit; what it restores is its own content only.
    expect(r.status, message(r)).toBe(200)
    const lue = await appel('GET', `/api/demandes/${aCorriger.id}?depth=0`, { jeton: ecole })
    expect(lue.corps.statut).toBe('a-corriger')
    expect(await listeDe(aCorriger.id)).toEqual(attendues)
    // Nor from a client write: an empty list sent by the form does not unlink the annexes.
    const vide = await appel('PATCH', `/api/demandes/${aCorriger.id}?depth=0`, {
      jeton: ecole,
      corps: { annexes: [], rapportOpportunite: 'Troisième rédaction.' },
    })
    expect(vide.status, message(vide)).toBe(200)
    expect(await listeDe(aCorriger.id)).toEqual(attendues)
  })

  it('les annexes d’une demande à corriger se modifient et se suppriment, même campagne close, et la liste suit', async () => {
    const [premiere, seconde] = annexesCorrection
    const m = await appel('PATCH', `/api/annexes/${premiere!.id}?depth=0`, {
      jeton: ecole,
      corps: { description: 'PV du CA du 3 décembre' },
    })
    expect(m.status, message(m)).toBe(200)
    expect(m.corps.doc.description).toBe('PV du CA du 3 décembre')
    const s = await appel('DELETE', `/api/annexes/${seconde!.id}`, { jeton: ecole })
    expect(s.status, message(s)).toBe(200)
    expect(await listeDe(aCorriger.id)).toEqual([String(premiere!.id)])
    expect(await rattacheesA(aCorriger.id)).toEqual([String(premiere!.id)])
  })

  it('l’annexe d’un brouillon ne se supprime plus après la clôture : 403 en français, l’annexe et la liste restent', async () => {
    const avant = await listeDe(brouillon.id)
    const r = await appel('DELETE', `/api/annexes/${annexeBrouillon2.id}`, { jeton: ecole })
    expect(r.status, message(r)).toBe(403)
    expect(r.corps.errors[0].message).toMatch(/La campagne de saisie .* est close/)
    expect((await appel('GET', `/api/annexes/${annexeBrouillon2.id}`, { jeton: ecole })).status).toBe(200)
    expect(await listeDe(brouillon.id)).toEqual(avant)
    // Nor edited (this held already: the same rule for every write).
    const m = await appel('PATCH', `/api/annexes/${annexeBrouillon2.id}`, {
      jeton: ecole,
      corps: { description: 'tardive' },
    })
    expect(m.status, message(m)).toBe(403)
  })
})
