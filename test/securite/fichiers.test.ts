import fs from 'node:fs'
import path from 'node:path'

import ExcelJS from 'exceljs'
import sharp from 'sharp'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { docx, odt, pdf, pdfObjetsCompresses, pdfSain, zipper } from '../aides/fichiers'
import { appel, deposerDemande, formulaireFichier, graphql, jeton } from '../aides/http'

/**
 * SECURITY 10, 29 and 30, through the production server as an attacker would: a school uploads crafted files
 * (multipart, like the admin's form), every refusal is a 400 in French naming the file, with nothing stored.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

let ecole: string
let admin: string
let demande: { id: number | string }
const dossierAnnexes = () => path.join(inject('dossierServeur'), 'annexes')
const fichiersStockes = () => (fs.existsSync(dossierAnnexes()) ? fs.readdirSync(dossierAnnexes()).length : 0)
const nombreAnnexes = async () =>
  (await appel('GET', `/api/annexes?where[demande][equals]=${demande.id}&limit=0`, { jeton: ecole })).corps
    .totalDocs as number

beforeAll(async () => {
  ecole = await jeton('0340042L')
  admin = await jeton('admin')
  demande = await deposerDemande(ecole, '0340042L', { rapportOpportunite: 'Projet : fichiers joints.' })
})

/** Uploads `contenu` as `nom`; expects a 400 in French naming the file, nothing stored, the refusal journaled. */
async function refuse(
  contenu: Uint8Array | string,
  nom: string,
  type = 'application/pdf',
  motif?: RegExp,
): Promise<string> {
  const avant = { annexes: await nombreAnnexes(), fichiers: fichiersStockes() }
  const r = await appel('POST', '/api/annexes', {
    jeton: ecole,
    corps: formulaireFichier(contenu, nom, type, { demande: demande.id }),
  })
  expect(r.status, `${nom} : ${JSON.stringify(r.corps).slice(0, 300)}`).toBe(400)
  const message = r.corps.errors[0].message as string
  expect(message).toContain(`« ${nom} »`)
  expect(message).toMatch(/est refusé|n'est pas accepté/)
  if (motif) expect(message).toMatch(motif)
  expect(await nombreAnnexes()).toBe(avant.annexes)
  expect(fichiersStockes()).toBe(avant.fichiers)
  const journal = await appel(
    'GET',
    '/api/journal?where[action][equals]=refus&sort=-createdAt&limit=5&depth=0',
    { jeton: admin },
  )
  expect(journal.corps.docs.map((d: { resume: string }) => d.resume).join('\n')).toContain(
    `Fichier « ${nom} » refusé`,
  )
  return message
}

async function accepte(contenu: Uint8Array, nom: string, type: string) {
  const r = await appel('POST', '/api/annexes?depth=0', {
    jeton: ecole,
    corps: formulaireFichier(contenu, nom, type, { demande: demande.id }),
  })
  expect(r.status, `${nom} : ${JSON.stringify(r.corps).slice(0, 300)}`).toBe(201)
  return r.corps.doc as {
    id: number | string
    filename: string
    mimeType: string
    filesize: number
    url: string
  }
}

describe('SECURITY 29 : un PDF qui exécute ou incorpore quelque chose est refusé', () => {
  const objetsDeBase = ['<</Type/Pages/Kids[]/Count 0>>']

  it('PDF avec /OpenAction et /JS', async () => {
    const piege = pdf([
      '<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>',
      ...objetsDeBase,
      '<</S/JavaScript/JS(app.alert(1))>>',
    ])
    expect(await refuse(piege, 'openaction-js.pdf')).toMatch(/action à l'ouverture|JavaScript/)
  })

  it('PDF dont le JavaScript est caché par des noms échappés (/J#53, /Java#53cript)', async () => {
    await refuse(
      pdf([
        '<</Type/Catalog/Pages 2 0 R/Names 3 0 R>>',
        ...objetsDeBase,
        '<</S/Java#53cript/J#53(app.alert(1))>>',
      ]),
      'nom-echappe.pdf',
      undefined,
      /JavaScript/,
    )
    await refuse(
      pdf(['<</Type/Catalog/Pages 2 0 R/#4F#70en#41ction<</S/URI/URI(http://x)>>>>', ...objetsDeBase]),
      'openaction-hex.pdf',
      undefined,
      /OpenAction/,
    )
  })

  it('PDF dont l’action est dans un flux d’objets compressé', async () => {
    await refuse(
      pdfObjetsCompresses('/OpenAction<</S/JavaScript/JS(app.alert(1))>>'),
      'objstm-js.pdf',
      undefined,
      /OpenAction/,
    )
    await refuse(
      pdfObjetsCompresses('/AA<</O<</S/Launch/F(cmd.exe)>>>>'),
      'objstm-aa.pdf',
      undefined,
      /actions automatiques/,
    )
  })

  it('PDF avec /AA, /Launch, /EmbeddedFile, /RichMedia ou /XFA', async () => {
    const variantes: [string, string[]][] = [
      ['aa', ['<</Type/Catalog/Pages 2 0 R/AA<</O 3 0 R>>>>', ...objetsDeBase, '<</S/URI/URI(http://x)>>']],
      ['launch', ['<</Type/Catalog/Pages 2 0 R>>', ...objetsDeBase, '<</S/Launch/F(calc.exe)>>']],
      ['richmedia', ['<</Type/Catalog/Pages 2 0 R>>', ...objetsDeBase, '<</Type/Annot/Subtype/RichMedia>>']],
      ['xfa', ['<</Type/Catalog/Pages 2 0 R/AcroForm<</XFA 3 0 R>>>>', ...objetsDeBase, 'null']],
    ]
    for (const [nom, objets] of variantes) await refuse(pdf(objets), `${nom}.pdf`)
    const incorpore = pdf([
      '<</Type/Catalog/Pages 2 0 R>>',
      ...objetsDeBase,
      { dict: '/Type/EmbeddedFile', flux: 'MZ\x90\x00' },
    ])
    await refuse(incorpore, 'embeddedfile.pdf', undefined, /fichier incorporé/)
  })

  it('PDF suivi d’une bombe zip après %%EOF (puis de la table xref et d’un second %%EOF)', async () => {
    const bombe = zipper([{ nom: 'zeros.bin', contenu: Buffer.alloc(20 * 1024 * 1024) }])
    const sain = pdfSain()
    const fin = sain.toString('latin1').slice(sain.toString('latin1').lastIndexOf('xref'))
    // The xref table and %%EOF repeated at the end: what Payload's own check looks for in the last 1024 bytes.
    await refuse(Buffer.concat([sain, bombe, Buffer.from(fin, 'latin1')]), 'pdf-zip-xref.pdf')
    await refuse(Buffer.concat([sain, bombe]), 'pdf-zip.pdf')
  })

  it('polyglotte PDF/HTML : HTML avant %PDF, <script> ou <html> dans le PDF', async () => {
    await refuse(
      Buffer.concat([
        Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n'),
        pdfSain(),
      ]),
      'html-avant.pdf',
    )
    await refuse(
      pdf(['<</Type/Catalog/Pages 2 0 R>>', ...objetsDeBase, '(<script>alert(1)</script>)']),
      'script-dedans.pdf',
      undefined,
      /HTML|script/,
    )
    await refuse(
      Buffer.from(
        pdfSain().toString('latin1').replace('%\xe2\xe3\xcf\xd3', '%<html><img src=x onerror=alert(1)>'),
        'latin1',
      ),
      'html-commentaire.pdf',
    )
  })
})

describe('SECURITY 29 : une archive est décompressée avec une borne, sans croire les tailles déclarées', () => {
  it('.docx dont les tailles déclarées sont falsifiées (150 Mo décompressés)', async () => {
    const faux = docx([
      { nom: 'word/media/image1.bin', contenu: Buffer.alloc(150 * 1024 * 1024), tailleDeclaree: 4096 },
    ])
    expect(faux.length).toBeLessThan(1024 * 1024)
    await refuse(faux, 'tailles-falsifiees.docx', DOCX)
  })

  it('.docx « bombe » aux tailles exactes (taux de compression anormal)', async () => {
    await refuse(
      docx([{ nom: 'word/media/image1.bin', contenu: Buffer.alloc(150 * 1024 * 1024) }]),
      'bombe.docx',
      DOCX,
      /taux de compression anormal/,
    )
  })

  it('archives imbriquées : un zip ou un autre document Office dans le .docx', async () => {
    await refuse(
      docx([{ nom: 'word/embeddings/oleObject1.bin', contenu: zipper([{ nom: 'a.txt', contenu: 'b' }]) }]),
      'zip-dedans.docx',
      DOCX,
      /autre archive/,
    )
    await refuse(
      docx([{ nom: 'word/embeddings/Feuille.xlsx', contenu: docx() }]),
      'office-dedans.docx',
      DOCX,
      /autre archive/,
    )
  })

  it('une archive déposée telle quelle, sous son nom ou renommée en .docx', async () => {
    const archive = zipper([{ nom: 'programme.exe', contenu: 'MZ' }])
    await refuse(archive, 'archive.docx', DOCX, /archives ne sont pas acceptées/)
    const r = await appel('POST', '/api/annexes', {
      jeton: ecole,
      corps: formulaireFichier(archive, 'archive.zip', 'application/zip', { demande: demande.id }),
    })
    expect(r.status).toBe(400)
    expect(r.corps.errors[0].message).toMatch(/n'est pas accepté|refusé/)
  })

  it('des macros dans un .docx', async () => {
    await refuse(
      docx([{ nom: 'word/vbaProject.bin', contenu: 'Attribute VB_Name' }]),
      'macros.docx',
      DOCX,
      /macros/,
    )
  })
})

describe('SECURITY 29 : le nom stocké porte l’extension du type détecté ; type, taille et nom sont ceux du serveur', () => {
  it('un PDF envoyé sous evil.exe, evil.html ou evil.bat est stocké en .pdf et téléchargé sous le nom evil.pdf', async () => {
    for (const [nom, type] of [
      ['evil.exe', 'application/x-msdownload'],
      ['evil.html', 'text/html'],
      ['evil.bat', 'application/pdf'],
    ] as const) {
      const doc = await accepte(pdfSain(), nom, type)
      expect(doc.filename).toMatch(/^evil-[0-9a-f]{16}\.pdf$/)
      expect(doc.mimeType).toBe('application/pdf')
      expect(fs.existsSync(path.join(dossierAnnexes(), doc.filename))).toBe(true)
      const fichier = await fetch(
        `${inject('urlServeur')}${new URL(doc.url, inject('urlServeur')).pathname}`,
        { headers: { Authorization: `JWT ${ecole}` } },
      )
      expect(fichier.status).toBe(200)
      expect(fichier.headers.get('content-type')).toBe('application/pdf')
      expect(fichier.headers.get('content-disposition')).toBe(
        `attachment; filename="evil.pdf"; filename*=UTF-8''evil.pdf`,
      )
      expect(fichier.headers.get('x-content-type-options')).toBe('nosniff')
      expect(Buffer.from(await fichier.arrayBuffer()).equals(pdfSain())).toBe(true)
    }
  })

  it('mimeType, filesize et filename ne s’écrivent pas par PATCH (REST et GraphQL)', async () => {
    const doc = await accepte(pdfSain(), 'pv-ca.pdf', 'application/pdf')
    const r = await appel('PATCH', `/api/annexes/${doc.id}?depth=0`, {
      jeton: ecole,
      corps: { mimeType: 'text/html', filesize: 1, filename: 'pv-ca.html', description: 'PV du CA' },
    })
    expect([200, 400]).toContain(r.status)
    const g = await graphql(
      `mutation { updateAnnexe(id: ${JSON.stringify(doc.id)}, data: { mimeType: "text/html", filesize: 2 }) { id } }`,
      {},
      { jeton: ecole },
    )
    expect(g.status).toBeLessThan(500)
    const relu = (await appel('GET', `/api/annexes/${doc.id}?depth=0`, { jeton: ecole })).corps
    expect({ mimeType: relu.mimeType, filesize: relu.filesize, filename: relu.filename }).toEqual({
      mimeType: 'application/pdf',
      filesize: pdfSain().length,
      filename: doc.filename,
    })
    const fichier = await fetch(
      `${inject('urlServeur')}${new URL(relu.url, inject('urlServeur')).pathname}`,
      { headers: { Authorization: `JWT ${ecole}` } },
    )
    expect(fichier.headers.get('content-type')).toBe('application/pdf')
  })

  it('type et taille déclarés au dépôt ne sont pas crus : ceux du fichier sont stockés', async () => {
    const f = new FormData()
    f.append('file', new Blob([pdfSain() as BlobPart], { type: 'text/html' }), 'declare.pdf')
    f.append(
      '_payload',
      JSON.stringify({
        demande: demande.id,
        mimeType: 'text/html',
        filesize: 999999999,
        filename: 'autre.html',
      }),
    )
    const r = await appel('POST', '/api/annexes?depth=0', { jeton: ecole, corps: f })
    expect(r.status, JSON.stringify(r.corps)).toBe(201)
    expect({ mimeType: r.corps.doc.mimeType, filesize: r.corps.doc.filesize }).toEqual({
      mimeType: 'application/pdf',
      filesize: pdfSain().length,
    })
    expect(r.corps.doc.filename).toMatch(/^declare-[0-9a-f]{16}\.pdf$/)
  })
})

describe('SECURITY 21 et 29 : le fichier d’une annexe ne se remplace pas (rien n’est perdu ni laissé orphelin)', () => {
  const telecharger = async (url: string) =>
    fetch(`${inject('urlServeur')}${new URL(url, inject('urlServeur')).pathname}`, {
      headers: { Authorization: `JWT ${ecole}` },
    })

  it('PATCH multipart avec un fichier, seul ou vers la demande d’un autre : 400 en français, fichier d’origine intact, aucun fichier de plus', async () => {
    const doc = await accepte(pdfSain(), 'original.pdf', 'application/pdf')
    const avant = fichiersStockes()
    for (const donnees of [{}, { demande: 999999999 }, { demande: demande.id, description: 'nouveau' }]) {
      const r = await appel('PATCH', `/api/annexes/${doc.id}?depth=0`, {
        jeton: ecole,
        corps: formulaireFichier(
          pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
          'remplacant.pdf',
          'application/pdf',
          donnees,
        ),
      })
      expect(r.status, JSON.stringify(r.corps)).toBe(400)
      expect(r.corps.errors[0].message).toBe(
        "Le fichier d'une annexe ne se remplace pas. Supprimez cette annexe, puis ajoutez le nouveau fichier.",
      )
    }
    expect(fichiersStockes()).toBe(avant)
    expect(fs.existsSync(path.join(dossierAnnexes(), doc.filename))).toBe(true)
    const fichier = await telecharger(doc.url)
    expect(fichier.status).toBe(200)
    expect(Buffer.from(await fichier.arrayBuffer()).equals(pdfSain())).toBe(true)
    // Its description still changes without a file.
    const r = await appel('PATCH', `/api/annexes/${doc.id}?depth=0`, {
      jeton: ecole,
      corps: { description: 'PV du conseil' },
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
    expect(r.corps.doc.description).toBe('PV du conseil')
  })

  it('un fichier nommé « .. » est stocké sous « annexe-… », sans nom temporaire du serveur', async () => {
    const doc = await accepte(pdfSain(), '..', 'application/pdf')
    expect(doc.filename).toMatch(/^annexe-[0-9a-f]{16}\.pdf$/)
  })
})

describe('SECURITY 10 et 30 : dépôt depuis une adresse → 400 en français, jamais 500', () => {
  it('POST /api/annexes {"url": "http://127.0.0.1/..."} (JSON et multipart sans fichier)', async () => {
    const avant = { annexes: await nombreAnnexes(), fichiers: fichiersStockes() }
    for (const url of [
      'http://127.0.0.1:1/secret.pdf',
      'http://127.0.0.1/',
      'file:///etc/passwd',
      '/api/users/me',
    ]) {
      const r = await appel('POST', '/api/annexes', {
        jeton: ecole,
        corps: { demande: demande.id, url, filename: 'secret.pdf' },
      })
      expect(r.status, `${url} : ${JSON.stringify(r.corps)}`).toBe(400)
      expect(r.corps.errors[0].message).toMatch(/^Annexe : le fichier doit être joint depuis votre poste/)
      const f = new FormData()
      f.append('_payload', JSON.stringify({ demande: demande.id, url, filename: 'secret.pdf' }))
      const m = await appel('POST', '/api/annexes', { jeton: ecole, corps: f })
      expect(m.status, `${url} : ${JSON.stringify(m.corps)}`).toBe(400)
      expect(m.corps.errors[0].message).toMatch(/adresse \(URL\)/)
    }
    expect(await nombreAnnexes()).toBe(avant.annexes)
    expect(fichiersStockes()).toBe(avant.fichiers)
  })

  it('PATCH avec une adresse, GraphQL createAnnexe et /paste-url', async () => {
    const doc = await accepte(pdfSain(), 'base.pdf', 'application/pdf')
    const p = await appel('PATCH', `/api/annexes/${doc.id}?depth=0`, {
      jeton: ecole,
      corps: { url: 'http://127.0.0.1:1/x.pdf', filename: 'x.pdf' },
    })
    expect([200, 400]).toContain(p.status)
    expect((await appel('GET', `/api/annexes/${doc.id}?depth=0`, { jeton: ecole })).corps.filename).toBe(
      doc.filename,
    )
    const g = await graphql(
      `mutation { createAnnexe(data: { demande: ${JSON.stringify(demande.id)}, url: "http://127.0.0.1:1/x.pdf", filename: "x.pdf" }) { id } }`,
      {},
      { jeton: ecole },
    )
    expect(g.status).toBeLessThan(500)
    expect(JSON.stringify(g.corps)).not.toMatch(/"id"/)
    for (const chemin of [
      `/api/annexes/paste-url?src=${encodeURIComponent('http://127.0.0.1:1/secret')}`,
      `/api/annexes/paste-url/${doc.id}?src=${encodeURIComponent('http://127.0.0.1:1/secret')}`,
      `/api/documents/paste-url?src=${encodeURIComponent('http://127.0.0.1:1/x')}`,
    ]) {
      const r = await appel('GET', chemin, { jeton: ecole })
      expect(r.status, `${chemin} : ${JSON.stringify(r.corps)}`).toBe(400)
      expect(r.corps.errors[0].message).toMatch(/adresse \(URL\) n'est pas possible/)
    }
  })
})

describe('SECURITY 29 : les fichiers légitimes passent', () => {
  it('PDF à flux compressés, PDF à objets compressés, .docx, .xlsx (exceljs), .odt, JPEG, PNG', async () => {
    const classeur = new ExcelJS.Workbook()
    classeur.addWorksheet('Effectifs').addRows([
      ['Classe', 'Élèves'],
      ['2nde MRC', 24],
    ])
    const cas: [Uint8Array, string, string, string, string][] = [
      [pdfSain(), 'plan.pdf', 'application/pdf', 'pdf', 'application/pdf'],
      [pdfObjetsCompresses(), 'pv-word.pdf', 'application/pdf', 'pdf', 'application/pdf'],
      [docx(), 'lettre.docx', DOCX, 'docx', DOCX],
      [
        Buffer.from(await classeur.xlsx.writeBuffer()),
        'effectifs.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      [
        odt(),
        'soutien.odt',
        'application/vnd.oasis.opendocument.text',
        'odt',
        'application/vnd.oasis.opendocument.text',
      ],
      [
        await sharp({ create: { width: 80, height: 60, channels: 3, background: '#000091' } })
          .jpeg()
          .toBuffer(),
        'photo.jpeg',
        'image/jpeg',
        'jpg',
        'image/jpeg',
      ],
      [
        await sharp({ create: { width: 80, height: 60, channels: 4, background: '#e1000f' } })
          .png()
          .toBuffer(),
        'plan.png',
        'image/png',
        'png',
        'image/png',
      ],
    ]
    for (const [contenu, nom, type, extension, mime] of cas) {
      const doc = await accepte(contenu, nom, type)
      expect(doc.filename.split('.').pop()).toBe(extension)
      expect(doc.mimeType).toBe(mime)
    }
  })
})
