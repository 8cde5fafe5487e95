import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { analyser } from '../../src/fichiers/antivirus'
import { examinerFichier, nomAffiche, nomDeFichierSur } from '../../src/fichiers/controles'
import { zip } from '../../src/export/xlsx'
import { oublierConfiguration } from '../../src/env'
import { demarrerClamd, EICAR } from '../aides/clamav'
import { AVEC_DOUBLONS, construireMonde, type Monde } from '../aides/fabrique'
import { payloadDeTest } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde
let clamd: Awaited<ReturnType<typeof demarrerClamd>>
let demande: { id: number | string }

beforeAll(async () => {
  clamd = await demarrerClamd()
  process.env.CLAMAV_SOCKET = clamd.socket
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  demande = await payload.create({
    collection: 'demandes',
    data: { etablissementConcerne: monde.etablissements.a.id } as never,
    user: monde.users.etabA,
    overrideAccess: false,
  })
})
afterAll(async () => {
  await fermer()
  await clamd.arreter()
})

const pdf = (contenu = '') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${contenu}\nxref\n0 2\ntrailer<</Root 1 0 R/Size 2>>\nstartxref\n9\n%%EOF\n`,
  )
const deposer = (data: Buffer, name: string, mimetype = 'application/pdf') =>
  payload.create({
    collection: 'annexes',
    data: { demande: demande.id } as never,
    file: { data, name, mimetype, size: data.length },
    user: monde.users.etabA,
    overrideAccess: false,
  })
const nombreAnnexes = async () =>
  (await payload.count({ collection: 'annexes', overrideAccess: true })).totalDocs
const fichiersStockes = () => fs.readdirSync(process.env.UPLOAD_DIR!)
async function refus(promesse: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promesse
  } catch (err) {
    const e = err as { status?: number; message: string; data?: { errors?: { message: string }[] } }
    return { status: e.status ?? 500, message: e.data?.errors?.[0]?.message ?? e.message }
  }
  throw new Error('le dépôt aurait dû être refusé')
}

async function docxBombe(): Promise<Buffer> {
  async function* texte(s: string | Buffer) {
    yield typeof s === 'string' ? s : s.toString('latin1')
  }
  async function* zeros(mo: number) {
    const bloc = '\0'.repeat(1024 * 1024)
    for (let i = 0; i < mo; i++) yield bloc
  }
  const morceaux: Uint8Array[] = []
  const fichiers = async function* () {
    yield {
      nom: '[Content_Types].xml',
      contenu: texte(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    }
    yield {
      nom: 'word/document.xml',
      contenu: texte('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
    }
    yield { nom: 'word/media/image1.bin', contenu: zeros(150) }
  }
  for await (const m of zip(fichiers())) morceaux.push(m)
  return Buffer.concat(morceaux)
}

describe('Antivirus (ClamAV, base de signatures construite par le test)', () => {
  it('clamd reconnaît le fichier EICAR et laisse passer un fichier sain', async () => {
    expect(await analyser(Buffer.from(EICAR), { socket: clamd.socket })).toEqual({
      sain: false,
      signature: 'Eicar-Test-Signature.UNOFFICIAL',
    })
    expect(await analyser(pdf('rapport sain'), { socket: clamd.socket })).toEqual({ sain: true })
  })

  it('refuse un PDF qui contient EICAR, avec un message clair, et ne stocke rien', async () => {
    const avant = { n: await nombreAnnexes(), fichiers: fichiersStockes().length }
    const r = await refus(deposer(pdf(EICAR), 'pv-ca.pdf'))
    expect(r.status).toBe(400)
    expect(r.message).toBe(
      'Le fichier « pv-ca.pdf » contient un virus (Eicar-Test-Signature.UNOFFICIAL) : il a été refusé. Analysez votre poste de travail avant de déposer un autre fichier.',
    )
    expect(await nombreAnnexes()).toBe(avant.n)
    expect(fichiersStockes()).toHaveLength(avant.fichiers)
    const journal = await payload.find({
      collection: 'journal',
      where: { action: { equals: 'refus' } },
      overrideAccess: true,
      sort: '-createdAt',
      limit: 1,
    })
    expect(journal.docs[0]!.resume).toMatch(/refusé par l'antivirus \(Eicar-Test-Signature/)
  })

  it('accepte le même PDF sans EICAR', async () => {
    const a = await deposer(pdf('rapport sain'), 'pv-ca.pdf')
    expect(a.filename).toMatch(/^pv-ca-[0-9a-f]{16}\.pdf$/)
  })

  it('refuse le fichier (503) plutôt que de le stocker sans analyse quand clamd ne répond plus', async () => {
    const ailleurs = process.env.CLAMAV_SOCKET
    process.env.CLAMAV_SOCKET = path.join(path.dirname(clamd.socket), 'absent.sock')
    oublierConfiguration()
    const avant = await nombreAnnexes()
    const r = await refus(deposer(pdf('rapport'), 'plan.pdf'))
    process.env.CLAMAV_SOCKET = ailleurs
    oublierConfiguration()
    expect(r.status).toBe(503)
    expect(r.message).toMatch(/^L'analyse antivirus est momentanément indisponible/)
    expect(await nombreAnnexes()).toBe(avant)
  })
})

describe('Fichiers piégés', () => {
  it('refuse une « bombe » : un .docx de 150 Ko qui se décompresse en 150 Mo', async () => {
    const bombe = await docxBombe()
    expect(bombe.length).toBeLessThan(1024 * 1024)
    expect(
      await examinerFichier(bombe, [
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]),
    ).toEqual({ accepte: false, raison: 'taux de compression anormal' })
    const r = await refus(
      deposer(
        bombe,
        'rapport.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    )
    expect(r.status).toBe(400)
    expect(r.message).toBe('Le fichier « rapport.docx » est refusé : taux de compression anormal.')
  })

  it('donne au fichier un nom sûr : sans chemin, caractère nul, inversion de sens ni longueur excessive', async () => {
    expect(nomDeFichierSur('../../etc/passwd.pdf')).toBe('passwd.pdf')
    expect(nomDeFichierSur('..\\..\\windows\\win.ini.pdf')).toBe('win.ini.pdf')
    expect(nomDeFichierSur('pv\u0000ca.pdf')).toBe('pvca.pdf')
    expect(nomDeFichierSur('facture\u202Efdp.exe')).toBe('facturefdp.exe')
    expect(nomDeFichierSur('.htaccess')).toBe('htaccess')
    expect(nomDeFichierSur('   ')).toBe('annexe')
    const long = nomDeFichierSur(`${'é'.repeat(300)}.pdf`)
    expect(long).toHaveLength(120)
    expect(long.endsWith('.pdf')).toBe(true)

    for (const [nom, attendu] of [
      ['../../../etc/cron.d/tache.pdf', 'tache.pdf'],
      ['compte\u202Erendu\u0000.pdf', 'compterendu.pdf'],
      [`${'a'.repeat(300)}.pdf`, `${'a'.repeat(99)}.pdf`],
    ] as const) {
      const a = await deposer(pdf('sain'), nom)
      // Stored with a random suffix (at most 120 characters in all), shown without it.
      expect(a.filename).toMatch(/^[^/]+-[0-9a-f]{16}\.pdf$/)
      expect(a.filename!.length).toBeLessThanOrEqual(120)
      expect(nomAffiche(a.filename!)).toBe(attendu)
    }
    // Every stored file is inside the upload directory, nowhere else.
    for (const f of fichiersStockes())
      expect(fs.statSync(path.join(process.env.UPLOAD_DIR!, f)).isFile()).toBe(true)
    expect(fichiersStockes().every((f) => !f.includes('/') && !/[\u0000\u202E]/.test(f))).toBe(true)
  })
})

describe('Annexe sur une demande validée : le verrou dit son nom', () => {
  it('l’établissement, qui lit sa demande validée, apprend qu’elle est validée ; un autre établissement, qu’elle ne lui est pas accessible', async () => {
    const { traiterValidation } = await import('../../src/validation')
    const { demandeComplete } = await import('../aides/fabrique')
    const { requetePour } = await import('../aides/payload')
    const validee = await payload.create({
      collection: 'demandes',
      data: demandeComplete(monde) as never,
      user: monde.users.etabA,
      overrideAccess: false,
    })
    expect(
      (
        await traiterValidation(
          await requetePour(payload, monde.users.etabA),
          validee.id,
          true,
          AVEC_DOUBLONS,
        )
      ).status,
    ).toBe(200)
    const joindre = (user: typeof monde.users.etabA) =>
      payload.create({
        collection: 'annexes',
        data: { demande: validee.id } as never,
        file: { data: pdf(), name: 'pv.pdf', mimetype: 'application/pdf', size: pdf().length },
        user,
        overrideAccess: false,
      })
    expect((await refus(joindre(monde.users.etabA))).message).toBe(
      'Cette demande est validée : ses annexes ne sont plus modifiables.',
    )
    expect((await refus(joindre(monde.users.etabB))).message).toBe(
      "Cette demande n'existe pas ou ne vous est pas accessible.",
    )
  })
})
