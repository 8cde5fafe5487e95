import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { ErreurConfiguration } from '../env'
import { messageDemarrageAntivirus } from '../fichiers/antivirus'

const RACINE = process.cwd()
const BIN_NEXT = path.join(RACINE, 'node_modules', 'next', 'dist', 'bin', 'next')
const EMPREINTE = path.join(RACINE, '.next', 'carte-empreinte-sources')
const SOURCES = [
  'payload.config.ts',
  'next.config.mjs',
  'package-lock.json',
  'tsconfig.json',
  'src',
  'collections',
  'access',
  'hooks',
]

function fichiers(chemin: string): string[] {
  const complet = path.join(RACINE, chemin)
  if (!fs.existsSync(complet)) return []
  if (fs.statSync(complet).isFile()) return [chemin]
  return fs
    .readdirSync(complet, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => fichiers(path.join(chemin, e.name)))
}

/** Hash of everything the build depends on: rebuild only when it changed. */
export function empreinteSources(): string {
  const hash = crypto.createHash('sha256')
  for (const f of SOURCES.flatMap(fichiers).sort())
    hash.update(f).update(fs.readFileSync(path.join(RACINE, f)))
  return hash.digest('hex')
}

export function constructionAJour(): boolean {
  return (
    fs.existsSync(path.join(RACINE, '.next', 'BUILD_ID')) &&
    fs.existsSync(EMPREINTE) &&
    fs.readFileSync(EMPREINTE, 'utf8') === empreinteSources()
  )
}

function attendre(enfant: ChildProcess): Promise<number> {
  return new Promise((resolve) => enfant.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
}

export async function construire(env: NodeJS.ProcessEnv): Promise<void> {
  const empreinte = empreinteSources()
  const debut = Date.now()
  console.log('Construction de l’application (next build)…')
  const code = await attendre(
    spawn(process.execPath, [BIN_NEXT, 'build'], {
      stdio: 'inherit',
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    }),
  )
  if (code !== 0) throw new Error(`La construction a échoué (code ${code}).`)
  fs.writeFileSync(EMPREINTE, empreinte)
  console.log(`Construction terminée en ${((Date.now() - debut) / 1000).toFixed(0)} s.`)
}

/** A port the system says is free now (for extra servers in tests and the benchmark). */
export function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

function estLibre(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const essai = net.createServer()
    essai.once('error', () => resolve(false))
    essai.listen(port, () => essai.close(() => resolve(true)))
  })
}

/** Checked first thing: otherwise another server on that port would answer our health check in our place. */
export async function exigerPortLibre(port: number): Promise<void> {
  if (!(await estLibre(port))) {
    throw new ErreurConfiguration(
      `PORT : le port ${port} est déjà utilisé par un autre programme ; arrêtez-le ou choisissez un autre port (par exemple PORT=3001).`,
    )
  }
}

/** Starts `next start` and resolves once /api/health answers (which also boots Payload). */
export async function servir(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  await exigerPortLibre(port)
  console.log(messageDemarrageAntivirus(env as Record<string, string | undefined>))
  const enfant = spawn(process.execPath, [BIN_NEXT, 'start', '-p', String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => enfant.kill(signal))
  enfant.on('exit', (code) => process.exit(code ?? 0))
  const limite = Date.now() + 120_000
  while (Date.now() < limite) {
    try {
      const r = await fetch(`http://localhost:${port}/api/health`)
      if (r.ok) return enfant
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  enfant.kill('SIGTERM')
  throw new Error(`Le serveur ne répond pas sur le port ${port} après 2 minutes.`)
}
