/**
 * npm run backup [-- --dest DOSSIER] : a consistent copy of the embedded database and of the uploaded files,
 * safe while the server runs (SQLite `VACUUM INTO` reads one snapshot). MongoDB: use mongodump instead.
 * npm run restore -- --from DOSSIER : puts a backup back in place (server stopped); the current data is kept aside.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { ErreurConfiguration, lireConfiguration } from './env'

const empreinte = (fichier: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(fichier)).digest('hex')

function copierDossier(source: string, cible: string): number {
  if (!fs.existsSync(source)) return 0
  fs.cpSync(source, cible, { recursive: true })
  return fs.readdirSync(cible, { recursive: true }).length
}

export async function sauvegarder(
  destination?: string,
): Promise<{ dossier: string; manifeste: Record<string, unknown> }> {
  const conf = lireConfiguration()
  if (conf.base.type !== 'sqlite')
    throw new ErreurConfiguration(
      'DATABASE_URI : la sauvegarde intégrée concerne la base SQLite embarquée ; pour MongoDB, utilisez mongodump (voir docs/exploitation.md).',
    )
  if (!fs.existsSync(conf.base.fichier))
    throw new ErreurConfiguration(`DATABASE_URI : la base ${conf.base.fichier} n'existe pas.`)
  const horodatage = new Date().toISOString().replace(/[:.]/g, '-')
  const dossier = path.resolve(destination ?? path.join('data', 'backups', horodatage))
  fs.mkdirSync(dossier, { recursive: true })
  const copie = path.join(dossier, 'carte.db')
  if (fs.existsSync(copie)) throw new ErreurConfiguration(`--dest : ${dossier} contient déjà une sauvegarde.`)
  // The database first: an annexe uploaded afterwards is an unreferenced extra file, never a missing one.
  const client = createClient({ url: conf.base.url })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [copie] })
  } finally {
    client.close()
  }
  const annexes = copierDossier(path.resolve(conf.UPLOAD_DIR), path.join(dossier, 'annexes'))
  const documents = copierDossier(path.resolve(conf.DOCUMENTS_DIR), path.join(dossier, 'documents'))
  const verif = createClient({ url: `file:${copie}` })
  const integrite = String((await verif.execute('PRAGMA integrity_check')).rows[0]?.integrity_check)
  const compter = async (table: string) =>
    Number((await verif.execute(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]?.n)
  const manifeste = {
    date: new Date().toISOString(),
    source: conf.base.fichier,
    integrite,
    sha256: empreinte(copie),
    demandes: await compter('demandes'),
    annexes: await compter('annexes'),
    comptes: await compter('users'),
    fichiersAnnexes: annexes,
    fichiersDocuments: documents,
  }
  verif.close()
  fs.writeFileSync(path.join(dossier, 'manifeste.json'), JSON.stringify(manifeste, null, 2))
  if (integrite !== 'ok') throw new Error(`Sauvegarde incohérente (${integrite}) : ${dossier}`)
  return { dossier, manifeste }
}

export function restaurer(source: string): { miseDeCote: string } {
  const conf = lireConfiguration()
  if (conf.base.type !== 'sqlite')
    throw new ErreurConfiguration(
      'DATABASE_URI : la restauration intégrée concerne la base SQLite embarquée ; pour MongoDB, utilisez mongorestore.',
    )
  const dossier = path.resolve(source)
  const manifeste = JSON.parse(fs.readFileSync(path.join(dossier, 'manifeste.json'), 'utf8')) as {
    sha256: string
  }
  if (empreinte(path.join(dossier, 'carte.db')) !== manifeste.sha256)
    throw new ErreurConfiguration(
      `--from : la base de ${dossier} ne correspond pas à son manifeste (fichier altéré ?).`,
    )
  const miseDeCote = path.join(
    path.dirname(conf.base.fichier),
    `avant-restauration-${new Date().toISOString().replace(/[:.]/g, '-')}`,
  )
  fs.mkdirSync(miseDeCote, { recursive: true })
  for (const suffixe of ['', '-wal', '-shm']) {
    const f = `${conf.base.fichier}${suffixe}`
    if (fs.existsSync(f)) fs.renameSync(f, path.join(miseDeCote, path.basename(f)))
  }
  for (const [nom, cible] of [
    ['annexes', conf.UPLOAD_DIR],
    ['documents', conf.DOCUMENTS_DIR],
  ] as const) {
    const actuel = path.resolve(cible)
    if (fs.existsSync(actuel)) fs.renameSync(actuel, path.join(miseDeCote, nom))
    if (fs.existsSync(path.join(dossier, nom)))
      fs.cpSync(path.join(dossier, nom), actuel, { recursive: true })
  }
  fs.mkdirSync(path.dirname(conf.base.fichier), { recursive: true })
  fs.copyFileSync(path.join(dossier, 'carte.db'), conf.base.fichier)
  return { miseDeCote }
}
