import { spawn } from 'node:child_process'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { oublierConfiguration } from '../../src/env'
import { configurationTaches } from '../../src/taches'
import { lireEml, tachesEnAttente } from '../aides/courriels'
import { payloadDeTest } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
})
afterAll(async () => fermer())

describe('Travailleur séparé (npm run worker)', () => {
  it('avec JOBS_TRAVAILLEUR_SEPARE=true, le serveur web ne lance pas la file ; le travailleur, si', async () => {
    const separe = configurationTaches(true).shouldAutoRun!
    const integre = configurationTaches(false).shouldAutoRun!
    delete process.env.CARTE_TRAVAILLEUR
    oublierConfiguration()
    expect(await separe(payload)).toBe(false)
    expect(await integre(payload)).toBe(true)
    process.env.CARTE_TRAVAILLEUR = '1'
    oublierConfiguration()
    expect(await separe(payload)).toBe(true)
    delete process.env.CARTE_TRAVAILLEUR
    oublierConfiguration()
  })

  it('envoie les courriels mis en file par un autre processus, puis s’arrête proprement sur SIGTERM', async () => {
    await payload.sendEmail({
      to: 'ce.0340042l@ac-montpellier.example',
      subject: 'Message mis en file par le serveur web',
      text: 'Bonjour.',
    })
    expect(await tachesEnAttente(payload, 'envoyerCourriel')).toHaveLength(1)
    const travailleur = spawn(
      process.execPath,
      ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'src/cli/travailleur.ts'],
      {
        env: {
          PATH: process.env.PATH!,
          HOME: process.env.HOME!,
          NODE_ENV: 'production',
          PAYLOAD_SECRET: 'x'.repeat(40),
          DATABASE_URI: process.env.DATABASE_URI!,
          MAIL_DIR: process.env.MAIL_DIR!,
          UPLOAD_DIR: process.env.UPLOAD_DIR!,
          JOBS_TRAVAILLEUR_SEPARE: 'true',
        } as unknown as NodeJS.ProcessEnv,
      },
    )
    let sortie = ''
    travailleur.stdout.on('data', (d) => (sortie += d))
    travailleur.stderr.on('data', (d) => (sortie += d))
    const fin = Date.now() + 45_000
    let recus = await lireEml(process.env.MAIL_DIR!)
    while (recus.length === 0 && Date.now() < fin && travailleur.exitCode === null) {
      await new Promise((r) => setTimeout(r, 500))
      recus = await lireEml(process.env.MAIL_DIR!)
    }
    const code = new Promise<number | null>((ok) => travailleur.on('exit', ok))
    travailleur.kill('SIGTERM')
    expect(await code, sortie).toBe(0)
    expect(recus.map((m) => m.subject)).toEqual(['Message mis en file par le serveur web'])
    expect(sortie).toContain('Travailleur de la file de tâches démarré')
    expect(sortie).toContain('SIGTERM reçu')
    expect(await tachesEnAttente(payload, 'envoyerCourriel')).toHaveLength(0)
  }, 90_000)
})
