import { beforeAll, describe, expect, inject, it } from 'vitest'

import { appel, deposerDemande, formulaireFichier, jeton, PDF_MINIMAL } from '../aides/http'

let a: string
let b: string
let demandeA: { id: number | string }
let annexeA: { id: number | string; url: string; filename: string }

beforeAll(async () => {
  a = await jeton('0340042L')
  b = await jeton('0310024H')
  demandeA = await deposerDemande(a, '0340042L', { rapportOpportunite: 'Projet avec annexes.' })
})

describe('Annexes : dépôt, lecture et fichiers', () => {
  it('un établissement joint un PDF à son brouillon ; le fichier est servi en pièce jointe, sans interprétation du type', async () => {
    const r = await appel('POST', '/api/annexes', {
      jeton: a,
      corps: formulaireFichier(PDF_MINIMAL, 'pv-ca.pdf', 'application/pdf', {
        demande: demandeA.id,
        description: 'PV du CA',
      }),
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(201)
    annexeA = { ...r.corps.doc, url: new URL(r.corps.doc.url).pathname }
    const fichier = await fetch(`${inject('urlServeur')}${annexeA.url}`, {
      headers: { Authorization: `JWT ${a}` },
    })
    expect(fichier.status).toBe(200)
    expect(fichier.headers.get('content-disposition')).toMatch(/^attachment/)
    expect(fichier.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await fichier.text()).toBe(PDF_MINIMAL)
    const demande = await appel('GET', `/api/demandes/${demandeA.id}?depth=0`, { jeton: a })
    expect(demande.corps.annexes.map(String)).toEqual([String(annexeA.id)])
    const seconde = await appel('POST', '/api/annexes', {
      jeton: a,
      corps: formulaireFichier(PDF_MINIMAL, 'plan.pdf', 'application/pdf', { demande: demandeA.id }),
    })
    expect(
      (await appel('GET', `/api/demandes/${demandeA.id}?depth=0`, { jeton: a })).corps.annexes.map(String),
    ).toEqual([String(annexeA.id), String(seconde.corps.doc.id)])
    expect((await appel('DELETE', `/api/annexes/${seconde.corps.doc.id}`, { jeton: a })).status).toBe(200)
    expect(
      (await appel('GET', `/api/demandes/${demandeA.id}?depth=0`, { jeton: a })).corps.annexes.map(String),
    ).toEqual([String(annexeA.id)])
  })

  it('la demande lue en REST donne ses annexes (champ annexes) ; la jointure du formulaire seulement sur demande', async () => {
    const lue = await appel('GET', `/api/demandes/${demandeA.id}?depth=1`, { jeton: a })
    expect(lue.corps.annexes.map((x: { id: unknown }) => String(x.id))).toEqual([String(annexeA.id)])
    expect(lue.corps.piecesJointes).toBeUndefined()
    const avecJointure = await appel(
      'GET',
      `/api/demandes/${demandeA.id}?depth=0&joins[piecesJointes][limit]=10`,
      { jeton: a },
    )
    expect(
      avecJointure.corps.piecesJointes.docs.map((x: unknown) => String((x as { id?: unknown }).id ?? x)),
    ).toEqual([String(annexeA.id)])
    // Through the join too, another établissement sees nothing of it.
    const liste = await appel('GET', `/api/demandes?depth=0&joins[piecesJointes][limit]=10&limit=100`, {
      jeton: b,
    })
    expect(JSON.stringify(liste.corps)).not.toContain(`"${annexeA.filename}"`)
    expect(liste.corps.docs.map((d: { id: unknown }) => String(d.id))).not.toContain(String(demandeA.id))
  })

  it('un autre établissement ne voit ni l’annexe ni son fichier', async () => {
    expect([403, 404]).toContain((await appel('GET', `/api/annexes/${annexeA.id}`, { jeton: b })).status)
    expect(
      (await appel('GET', '/api/annexes?limit=100', { jeton: b })).corps.docs.map(
        (x: { id: unknown }) => x.id,
      ),
    ).not.toContain(annexeA.id)
    expect([403, 404]).toContain((await appel('GET', annexeA.url, { jeton: b })).status)
    expect([401, 403, 404]).toContain((await appel('GET', annexeA.url)).status)
    expect([403, 404]).toContain((await appel('DELETE', `/api/annexes/${annexeA.id}`, { jeton: b })).status)
  })

  it('un établissement ne peut pas joindre d’annexe à la demande d’un autre', async () => {
    const r = await appel('POST', '/api/annexes', {
      jeton: b,
      corps: formulaireFichier(PDF_MINIMAL, 'intrus.pdf', 'application/pdf', { demande: demandeA.id }),
    })
    expect([400, 403]).toContain(r.status)
  })

  it('refuse un fichier HTML déguisé en PDF et le téléchargement depuis une adresse', async () => {
    const html = await appel('POST', '/api/annexes', {
      jeton: a,
      corps: formulaireFichier('<html><script>alert(1)</script></html>', 'faux.pdf', 'application/pdf', {
        demande: demandeA.id,
      }),
    })
    expect(html.status).toBe(400)
    expect(html.corps.errors[0].message).toMatch(/n'est pas un PDF valide|n'est pas accepté/)
    expect(html.corps.errors[0].data.errors[0]).toMatchObject({
      path: 'file',
      message: expect.stringMatching(/^Ce (fichier|type de fichier)/),
    })
    const exe = await appel('POST', '/api/annexes', {
      jeton: a,
      corps: formulaireFichier(
        new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]),
        'programme.pdf',
        'application/pdf',
        { demande: demandeA.id },
      ),
    })
    expect(exe.status).toBe(400)
    const parUrl = await appel(
      'GET',
      `/api/annexes/paste-url?src=${encodeURIComponent('http://127.0.0.1:1/secret')}`,
      { jeton: a },
    )
    expect(parUrl.status).toBeGreaterThanOrEqual(400)
  })

  it('après validation, les annexes de la demande ne peuvent plus être ajoutées, remplacées ni supprimées ; les autorités du périmètre les lisent', async () => {
    // The same CAP Cuisine as the other files' demandes: the duplicate is confirmed (doublons-projet-lie tests it).
    const v = await appel('POST', `/api/demandes/${demandeA.id}/valider`, {
      jeton: a,
      corps: { confirmer: true, confirmerDoublon: true },
    })
    expect(v.status, JSON.stringify(v.corps)).toBe(200)
    const ajout = await appel('POST', '/api/annexes', {
      jeton: a,
      corps: formulaireFichier(PDF_MINIMAL, 'tardif.pdf', 'application/pdf', { demande: demandeA.id }),
    })
    expect([400, 403]).toContain(ajout.status)
    expect([403, 404]).toContain((await appel('DELETE', `/api/annexes/${annexeA.id}`, { jeton: a })).status)
    expect([403, 404]).toContain(
      (await appel('PATCH', `/api/annexes/${annexeA.id}`, { jeton: a, corps: { description: 'modifiée' } }))
        .status,
    )
    expect([403, 404]).toContain(
      (await appel('PATCH', `/api/demandes/${demandeA.id}`, { jeton: a, corps: { annexes: [] } })).status,
    )
    expect((await appel('GET', annexeA.url, { jeton: a })).status).toBe(200)
    expect((await appel('GET', annexeA.url, { jeton: await jeton('rectorat-montpellier') })).status).toBe(200)
    expect([403, 404]).toContain(
      (await appel('GET', annexeA.url, { jeton: await jeton('rectorat-toulouse') })).status,
    )
  })
})

describe('SECURITY 10 : fichiers piégés refusés, rien de stocké', () => {
  const refuse = async (contenu: string | Uint8Array, nom: string, type: string) => {
    const avant = (
      await appel('GET', `/api/annexes?where[demande][equals]=${demandeA.id}&limit=0`, { jeton: a })
    ).corps.totalDocs
    const r = await appel('POST', '/api/annexes', {
      jeton: a,
      corps: formulaireFichier(contenu, nom, type, { demande: demandeA.id }),
    })
    expect(r.status, `${nom} : ${JSON.stringify(r.corps)}`).toBe(400)
    expect(r.corps.errors[0].message).toMatch(/[éèà]|n'est pas|refusé|accepté/)
    expect(
      (await appel('GET', `/api/annexes?where[demande][equals]=${demandeA.id}&limit=0`, { jeton: a })).corps
        .totalDocs,
    ).toBe(avant)
    return r.corps.errors[0].message as string
  }

  it('SVG et XML avec script, PDF polyglotte HTML, fichier vide', async () => {
    expect(
      await refuse(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        'plan.svg',
        'image/svg+xml',
      ),
    ).toMatch(/n'est pas accepté/)
    expect(
      await refuse('<?xml version="1.0"?><x><script>alert(1)</script></x>', 'plan.xml', 'application/xml'),
    ).toMatch(/n'est pas accepté/)
    await refuse(
      '<html><body><script>alert(1)</script></body></html>\n%PDF-1.4\n%%EOF',
      'polyglotte.pdf',
      'application/pdf',
    )
    await refuse(new Uint8Array(0), 'vide.pdf', 'application/pdf')
  })
})

describe('SECURITY 9 : préférences des autres comptes', () => {
  it('un établissement ne lit ni ne modifie les préférences (colonnes, filtres) d’un autre compte', async () => {
    const region = await jeton('region')
    expect(
      (
        await appel('POST', '/api/payload-preferences/demandes-list', {
          jeton: region,
          corps: { value: { columns: [{ accessor: 'numero', active: true }] } },
        })
      ).status,
    ).toBe(200)
    const toutes = await appel('GET', '/api/payload-preferences?limit=100&depth=1', { jeton: b })
    expect(JSON.stringify(toutes.corps)).not.toContain('region')
    expect(
      (await appel('GET', '/api/payload-preferences/demandes-list', { jeton: b })).corps?.value?.columns ??
        null,
    ).toBeNull()
  })
})

// Last in this file: the server answers 413 before reading the whole body, then closes the connection.
describe('SECURITY 10 : taille maximale', () => {
  it('fichier au-delà de la taille maximale', async () => {
    const gros = new Uint8Array(11 * 1024 * 1024)
    gros.set(new TextEncoder().encode(PDF_MINIMAL))
    const r = await appel('POST', '/api/annexes', {
      jeton: a,
      corps: formulaireFichier(gros, 'enorme.pdf', 'application/pdf', { demande: demandeA.id }),
    })
    expect([400, 413]).toContain(r.status)
  })
})
