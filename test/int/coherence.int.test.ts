import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

function sources(dossier: string): string[] {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const chemin = path.join(dossier, e.name)
    return e.isDirectory() ? sources(chemin) : /\.tsx?$/.test(e.name) ? [chemin] : []
  })
}

describe('Cohérence des fichiers générés', () => {
  it('la carte des composants d’administration (importMap) contient chaque composant déclaré', () => {
    const carte = fs.readFileSync('src/app/(payload)/admin/importMap.js', 'utf8')
    const declares = ['payload.config.ts', ...sources('collections'), ...sources('src/globals')].flatMap(
      (f) => [...fs.readFileSync(f, 'utf8').matchAll(/'(\/src\/admin\/[^'#]+#\w+)'/g)].map((m) => m[1]!),
    )
    expect(declares.length).toBeGreaterThan(5)
    expect(declares.filter((c) => !carte.includes(`"${c}"`))).toEqual([])
  })

  it('les migrations committées décrivent tout le schéma (aucune nouvelle migration à créer)', () => {
    const copie = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-migrations-'))
    fs.cpSync('src/migrations', copie, { recursive: true })
    const avant = fs.readdirSync(copie).sort()
    const r = spawnSync(
      process.execPath,
      ['--no-deprecation', 'node_modules/payload/bin.js', 'migrate:create', 'verification', '--skip-empty'],
      {
        env: {
          ...process.env,
          CARTE_MIGRATIONS_DIR: copie,
          DATABASE_URI: `file:${path.join(copie, 'vide.db')}`,
          NODE_ENV: 'development',
        },
        encoding: 'utf8',
        timeout: 120_000,
      },
    )
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0)
    const apres = fs
      .readdirSync(copie)
      .filter((f) => !f.startsWith('vide.db'))
      .sort()
    expect(
      apres,
      `Le schéma a changé : lancez « npm run payload migrate:create <nom> » et committez la migration.\n${r.stdout}`,
    ).toEqual(avant)
  })
})
