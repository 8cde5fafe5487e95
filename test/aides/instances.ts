import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload } from 'payload'

import { portLibre } from '../../src/cli/serveur'
import { MOT_DE_PASSE } from './fabrique'
import { appel } from './http'

export type Base = { dossier: string; fichier: string; env: Record<string, string> }

/**
 * A fresh embedded database for extra server processes: migrated, with an open campaign, two établissements
 * and their accounts (password MOT_DE_PASSE). Prepared in this process, then closed, before any server opens it.
 */
export async function preparerBase(): Promise<Base> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-instances-'))
  const fichier = path.join(dossier, 'carte.db')
  const env = {
    DATABASE_URI: `file:${fichier}`,
    PAYLOAD_SECRET: 'secret-partage-par-toutes-les-instances-0123456789',
    UPLOAD_DIR: path.join(dossier, 'annexes'),
    MAIL_DIR: path.join(dossier, 'mail'),
    // The suites sign in from the loopback many times a minute; limits are tested from other addresses.
    ADRESSES_SANS_LIMITE: '127.0.0.1,::1',
  }
  Object.assign(process.env, env, { CARTE_SCHEMA_PUSH: 'false' })
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, key: `instances-${path.basename(dossier)}` })
  const { migrations } = await import('../../src/migrations')
  await payload.db.migrate({ migrations: migrations as never })
  const jour = 86_400_000
  await payload.updateGlobal({
    slug: 'campagne',
    overrideAccess: true,
    data: {
      rentree: 2027,
      ouverture: new Date(Date.now() - jour).toISOString(),
      cloture: new Date(Date.now() + 30 * jour).toISOString(),
    },
  })
  for (const [uai, nom] of [
    ['0340042L', 'Lycée Jean Mermoz'],
    ['0310024H', "Lycée Pierre d'Aragon"],
  ] as const) {
    const e = await payload.create({
      collection: 'etablissements',
      overrideAccess: true,
      data: {
        uai,
        nom,
        academie: uai.startsWith('034') ? 'montpellier' : 'toulouse',
        ministere: 'education-nationale',
      } as never,
    })
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { username: uai, password: MOT_DE_PASSE, role: 'etablissement', etablissement: e.id } as never,
    })
  }
  await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { username: 'admin', password: MOT_DE_PASSE, role: 'admin' } as never,
  })
  await payload.create({
    collection: 'diplomes',
    overrideAccess: true,
    data: {
      cfd: '50022146',
      libelle: 'Cuisine',
      typeDiplome: 'CAP',
      durees: [1, 2, 3],
      ouvert: true,
    } as never,
  })
  await payload.destroy()
  return { dossier, fichier, env }
}

export type Instance = {
  url: string
  processus: ChildProcess
  journal: () => string
  arreter: (signal?: NodeJS.Signals) => Promise<void>
}

/** `next start` (the built application) on the prepared database, in its own process group. */
export async function demarrerInstance(
  base: Base,
  nom: string,
  envEnPlus: Record<string, string> = {},
): Promise<Instance> {
  const port = await portLibre()
  const url = `http://localhost:${port}`
  const fichierJournal = path.join(base.dossier, `${nom}.log`)
  const sortie = fs.openSync(fichierJournal, 'a')
  const processus = spawn(
    process.execPath,
    [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
    {
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME!,
        ...base.env,
        ...envEnPlus,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        SERVER_URL: url,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', sortie, sortie],
      detached: true,
    },
  )
  const journal = () => fs.readFileSync(fichierJournal, 'utf8')
  const fin = Date.now() + 90_000
  for (;;) {
    if (processus.exitCode !== null)
      throw new Error(`L'instance ${nom} s'est arrêtée : ${journal().slice(-2000)}`)
    if (Date.now() > fin) throw new Error(`L'instance ${nom} ne répond pas : ${journal().slice(-2000)}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    processus,
    journal,
    arreter: async (signal = 'SIGTERM') => {
      if (processus.exitCode !== null || processus.signalCode !== null) return
      const fini = new Promise((r) => processus.once('exit', r))
      try {
        process.kill(-processus.pid!, signal)
      } catch {
        // already gone
      }
      await fini
    },
  }
}

export async function connexion(instance: Instance, username: string): Promise<string> {
  const r = await fetch(`${instance.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: MOT_DE_PASSE }),
  })
  if (!r.ok) throw new Error(`connexion ${username} : ${r.status} ${await r.text()}`)
  return ((await r.json()) as { token: string }).token
}

export function requete(
  instance: Instance,
  methode: string,
  chemin: string,
  jeton?: string,
  corps?: unknown,
) {
  return appel(methode, chemin, { base: instance.url, jeton, corps })
}
