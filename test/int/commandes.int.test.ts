import { spawn, spawnSync } from 'node:child_process'
import net from 'node:net'

import { describe, expect, it } from 'vitest'

const TSX = ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs']

function lancer(script: string, env: Record<string, string>, delai = 30_000) {
  const r = spawnSync(process.execPath, [...TSX, script], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: delai,
  })
  return { code: r.status, sortie: `${r.stdout}${r.stderr}`.trim() }
}

describe('Commandes : configuration refusée en une ligne claire', () => {
  it('npm start en production sans PAYLOAD_SECRET refuse de démarrer, en une ligne qui nomme la variable', () => {
    const r = lancer('src/cli/start.ts', { NODE_ENV: 'production' })
    expect(r.code).toBe(1)
    expect(r.sortie.split('\n')).toHaveLength(1)
    expect(r.sortie).toMatch(/^Configuration invalide — PAYLOAD_SECRET : obligatoire en production/)
  })

  it('npm start refuse une base de données non prise en charge', () => {
    const r = lancer('src/cli/start.ts', {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'x'.repeat(40),
      DATABASE_URI: 'postgres://localhost/carte',
    })
    expect(r.code).toBe(1)
    expect(r.sortie).toBe(
      "Configuration invalide — DATABASE_URI : « postgres: » n'est pas pris en charge (attendu : mongodb://, mongodb+srv:// ou file:).",
    )
  })

  it('npm start refuse un port déjà occupé, au lieu de laisser un autre serveur répondre à sa place', async () => {
    const occupant = net.createServer()
    await new Promise<void>((r) => occupant.listen(0, r))
    const { port } = occupant.address() as net.AddressInfo
    try {
      const r = await new Promise<{ code: number | null; sortie: string }>((resolve) => {
        const enfant = spawn(process.execPath, [...TSX, 'src/cli/start.ts'], {
          env: {
            PATH: process.env.PATH!,
            HOME: process.env.HOME!,
            NODE_ENV: 'production',
            PAYLOAD_SECRET: 'x'.repeat(40),
            PORT: String(port),
          } as unknown as NodeJS.ProcessEnv,
        })
        let sortie = ''
        enfant.stdout.on('data', (m: Buffer) => (sortie += m))
        enfant.stderr.on('data', (m: Buffer) => (sortie += m))
        enfant.on('exit', (code) => resolve({ code, sortie: sortie.trim() }))
      })
      expect(r.code).toBe(1)
      expect(r.sortie).toBe(
        `Configuration invalide — PORT : le port ${port} est déjà utilisé par un autre programme ; arrêtez-le ou choisissez un autre port (par exemple PORT=3001).`,
      )
    } finally {
      occupant.close()
    }
  })

  // Not a timed test: the process is killed at 25 s, before the driver's own 30 s, so waiting that long fails here
  // (no exit code): no duration is asserted.
  it('un serveur MongoDB injoignable fait échouer le démarrage, sans attendre les 30 s du pilote, avec un message clair', () => {
    const r = lancer(
      'src/cli/start.ts',
      {
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'x'.repeat(40),
        DATABASE_URI: 'mongodb://127.0.0.1:9/carte?directConnection=true',
      },
      25_000,
    )
    expect(r.code).toBe(1)
    expect(r.sortie.split('\n')).toHaveLength(1)
    expect(r.sortie).toMatch(
      /^Base de données injoignable — MongoDB ne répond pas à mongodb:\/\/127\.0\.0\.1:9\/carte/,
    )
  })
})
