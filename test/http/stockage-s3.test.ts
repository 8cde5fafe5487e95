import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { portLibre } from '../../src/cli/serveur'
import { PDF_MINIMAL } from '../aides/http'
import {
  type Base,
  connexion,
  demarrerInstance,
  type Instance,
  preparerBase,
  requete,
} from '../aides/instances'

/**
 * Issue 6, item 5: with S3_BUCKET the files go to S3-compatible storage (here s3rver, an S3 emulator in this
 * process), not to the server's disk, and are still served through Payload with each demande's read access.
 */
let base: Base
let instance: Instance
let s3: S3rver
let dossierS3: string

function fichiersSous(dossier: string): string[] {
  if (!fs.existsSync(dossier)) return []
  return fs
    .readdirSync(dossier, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

beforeAll(async () => {
  dossierS3 = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-s3-'))
  const port = await portLibre()
  s3 = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory: dossierS3,
    configureBuckets: [{ name: 'carte-fichiers', configs: [] }],
  })
  await s3.run()
  base = await preparerBase()
  instance = await demarrerInstance(base, 's3', {
    S3_BUCKET: 'carte-fichiers',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  })
}, 180_000)
afterAll(async () => {
  await instance?.arreter()
  await s3?.close()
})

describe('Fichiers sur un stockage S3 (S3_BUCKET)', () => {
  it('une annexe est écrite dans le bucket, pas sur le disque du serveur, servie en pièce jointe à qui lit la demande seulement, et supprimée avec elle', async () => {
    const jeton = await connexion(instance, '0340042L')
    const etab = (
      await requete(instance, 'GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', jeton)
    ).corps.docs[0]
    const demande = (
      await requete(instance, 'POST', '/api/demandes?depth=0', jeton, { etablissementConcerne: etab.id })
    ).corps.doc
    const formulaire = new FormData()
    formulaire.append('file', new Blob([PDF_MINIMAL], { type: 'application/pdf' }), 'pv-ca.pdf')
    formulaire.append('_payload', JSON.stringify({ demande: demande.id }))
    const depot = await fetch(`${instance.url}/api/annexes`, {
      method: 'POST',
      headers: { Authorization: `JWT ${jeton}` },
      body: formulaire,
    })
    const annexe = ((await depot.json()) as { doc: { id: number; filename: string; url: string } }).doc
    expect(depot.status).toBe(201)

    expect(fichiersSous(base.env.UPLOAD_DIR!)).toEqual([])
    // Stored under the safe name plus a random suffix (SECURITY: a name tells nothing of other uploads).
    expect(annexe.filename).toMatch(/^pv-ca-[0-9a-f]{16}\.pdf$/)
    const objets = fichiersSous(dossierS3).filter((f) => f.endsWith(`${annexe.filename}._S3rver_object`))
    expect(objets.length).toBe(1)
    expect(objets[0]).toContain(`${path.sep}annexes${path.sep}`)

    // Served by Payload (access checked), not by the bucket: the URL is the platform's own.
    const lien = annexe.url.startsWith('http') ? annexe.url : `${instance.url}${annexe.url}`
    expect(lien.startsWith(`${instance.url}/api/annexes/file/`)).toBe(true)
    const telechargement = await fetch(lien, { headers: { Authorization: `JWT ${jeton}` } })
    expect(telechargement.status).toBe(200)
    expect(await telechargement.text()).toBe(PDF_MINIMAL)
    expect(telechargement.headers.get('content-disposition')).toMatch(/^attachment/)
    expect(telechargement.headers.get('x-content-type-options')).toBe('nosniff')

    const intrus = await connexion(instance, '0310024H')
    expect([403, 404]).toContain((await fetch(lien, { headers: { Authorization: `JWT ${intrus}` } })).status)
    expect([403, 404]).toContain((await fetch(lien)).status)

    expect((await requete(instance, 'DELETE', `/api/annexes/${annexe.id}`, jeton)).status).toBe(200)
    expect(fichiersSous(dossierS3).filter((f) => f.endsWith(`${annexe.filename}._S3rver_object`))).toEqual([])
  })
})
