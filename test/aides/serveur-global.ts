import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { portLibre } from '../../src/cli/serveur'

declare module 'vitest' {
  export interface ProvidedContext {
    urlServeur: string
    motDePasseDemo: string
    cleApiDemo: string
    dossierServeur: string
  }
}

export const MOT_DE_PASSE_DEMO = 'Demo-serveur-de-test-2027'

/**
 * Builds the app if the sources changed, then starts `npm run demo` on a fresh temporary database: the same
 * command a user runs, served by `next start` (production mode, migrations applied, demo data loaded).
 */
export default async function setup(project: TestProject) {
  // Development only: reuse a server already started with `npm run demo` (CARTE_TEST_URL, CARTE_TEST_DOSSIER).
  if (process.env.CARTE_TEST_URL && process.env.CARTE_TEST_DOSSIER) {
    project.provide('urlServeur', process.env.CARTE_TEST_URL)
    project.provide('motDePasseDemo', process.env.DEMO_PASSWORD ?? MOT_DE_PASSE_DEMO)
    project.provide(
      'cleApiDemo',
      fs.readFileSync(path.join(process.env.CARTE_TEST_DOSSIER, '.cle-api-demo'), 'utf8'),
    )
    project.provide('dossierServeur', process.env.CARTE_TEST_DOSSIER)
    return
  }
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-serveur-'))
  const port = await portLibre()
  const journal = fs.createWriteStream(path.join(dossier, 'serveur.log'))
  const serveur: ChildProcess = spawn(
    process.execPath,
    ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'src/cli/demo.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URI: `file:${path.join(dossier, 'carte.db')}`,
        DEMO_PASSWORD: MOT_DE_PASSE_DEMO,
        UPLOAD_DIR: path.join(dossier, 'annexes'),
        MAIL_DIR: path.join(dossier, 'mail'),
        SERVER_URL: `http://localhost:${port}`,
        // The suites sign in from the loopback many times a minute: it is exempt, as an operator exempts its
        // supervision; the limits are tested from other addresses, named by the trusted proxy below.
        ADRESSES_SANS_LIMITE: '127.0.0.1,::1',
        // The suites play a trusted reverse proxy: their X-Forwarded-For names the client (src/debit.ts).
        PROXIES_DE_CONFIANCE: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  serveur.stdout!.pipe(journal)
  serveur.stderr!.pipe(journal)
  const pret = await new Promise<boolean>((resolve) => {
    let sortie = ''
    serveur.stdout!.on('data', (morceau: Buffer) => {
      sortie += morceau.toString()
      if (sortie.includes('prête en')) resolve(true)
    })
    serveur.on('exit', () => resolve(false))
  })
  if (!pret)
    throw new Error(
      `Le serveur de test n'a pas démarré : voir ${path.join(dossier, 'serveur.log')}\n${fs.readFileSync(path.join(dossier, 'serveur.log'), 'utf8').slice(-3000)}`,
    )

  project.provide('urlServeur', `http://localhost:${port}`)
  project.provide('motDePasseDemo', MOT_DE_PASSE_DEMO)
  project.provide('cleApiDemo', fs.readFileSync(path.join(dossier, '.cle-api-demo'), 'utf8'))
  project.provide('dossierServeur', dossier)

  return async () => {
    try {
      process.kill(-serveur.pid!, 'SIGTERM')
    } catch {
      // already stopped
    }
  }
}
