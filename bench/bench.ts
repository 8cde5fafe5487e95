/**
 * npm run bench — the platform's production server against a bare-Payload baseline of the same shape, on fresh
 * embedded databases of 1,000 then 100,000 demandes, driven over HTTP by autocannon. Prints the table with ratios
 * and pass/fail against the targets, and writes it to bench/resultats/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import autocannon from 'autocannon'

import { construire, constructionAJour, portLibre } from '../src/cli/serveur'

const RACINE = process.cwd()
const BIN_NEXT = path.join(RACINE, 'node_modules', 'next', 'dist', 'bin', 'next')
const TSX = path.join(RACINE, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const TAILLES = [1_000, Number(process.env.BENCH_GRAND || 100_000)]
const DUREE = Number(process.env.BENCH_DUREE || 8)
const CONNEXIONS = 10
const MOT_DE_PASSE = 'Banc-d-essai-2027'
const debutBanc = Date.now()

const horodatage = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
const dossier = path.join(RACINE, 'bench', 'resultats', horodatage)
fs.mkdirSync(dossier, { recursive: true })
const journal = (texte: string) => {
  console.log(texte)
  fs.appendFileSync(path.join(dossier, 'journal.txt'), `${texte}\n`)
}

// ---------------------------------------------------------------- builds
// The bare-Payload baseline is the same application built with bench/payload.nu.config.ts as its configuration: a
// copy of the tracked files whose `payload.config.ts` re-exports it, built and served in its own directory, so that
// nothing in the platform's own build or configuration knows about the benchmark.
const PROJET_NU = path.join(RACINE, '.next-bench-nu', 'projet')
const EMPREINTE_NU = path.join(PROJET_NU, 'carte-empreinte')
const fichiersSuivis = () =>
  spawnSync('git', ['ls-files', '-z'], { cwd: RACINE, encoding: 'utf8' })
    .stdout.split('\0')
    .filter((f) => f && fs.existsSync(path.join(RACINE, f)))
function empreinteNu(fichiers: string[]): string {
  const h = crypto.createHash('sha256')
  for (const f of fichiers) h.update(f).update(fs.readFileSync(path.join(RACINE, f)))
  return h.digest('hex')
}
function copierProjetNu(fichiers: string[]) {
  fs.rmSync(PROJET_NU, { recursive: true, force: true })
  // Without its own lockfile the copy is traced from the repository's (one lockfile: no "multiple lockfiles").
  for (const f of fichiers.filter((f) => f !== 'package-lock.json')) {
    fs.mkdirSync(path.dirname(path.join(PROJET_NU, f)), { recursive: true })
    fs.copyFileSync(path.join(RACINE, f), path.join(PROJET_NU, f))
  }
  fs.symlinkSync(path.join(RACINE, 'node_modules'), path.join(PROJET_NU, 'node_modules'))
  fs.writeFileSync(
    path.join(PROJET_NU, 'payload.config.ts'),
    "// The benchmark's baseline (bench/bench.ts): the platform's collections without their code.\nexport { default } from './bench/payload.nu.config'\n",
  )
}
async function construireTout() {
  if (!constructionAJour()) await construire(process.env)
  else journal('Plateforme déjà construite.')
  const fichiers = fichiersSuivis()
  if (fichiers.length === 0) throw new Error('La référence se construit depuis un dépôt git (git ls-files).')
  const empreinte = empreinteNu(fichiers)
  if (fs.existsSync(EMPREINTE_NU) && fs.readFileSync(EMPREINTE_NU, 'utf8') === empreinte)
    return journal('Référence Payload nue déjà construite.')
  journal('Construction de la référence Payload nue (next build dans .next-bench-nu/projet)…')
  copierProjetNu(fichiers)
  const r = spawnSync(process.execPath, [BIN_NEXT, 'build'], {
    cwd: PROJET_NU,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (r.status !== 0) throw new Error('La construction de la référence a échoué.')
  fs.writeFileSync(EMPREINTE_NU, empreinte)
}

// ---------------------------------------------------------------- servers
type Cible = 'plateforme' | 'nu'
type Serveur = { cible: Cible; url: string; processus: ChildProcess; base: string }

function envDe(cible: Cible, base: string, port?: number, semis = false): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URI: `file:${base}`,
    PAYLOAD_SECRET: 'banc-d-essai-0123456789abcdef0123456789',
    UPLOAD_DIR: path.join(dossier, `${cible}-annexes`),
    MAIL_DIR: path.join(dossier, `${cible}-mail`),
    CARTE_LIMITES_DEBIT: 'aucune',
    // The baseline's schema is pushed once, by its seeding in development mode; its server never touches it.
    CARTE_SCHEMA_PUSH: cible === 'nu' && semis ? 'true' : 'false',
    NEXT_TELEMETRY_DISABLED: '1',
    ...(port ? { SERVER_URL: `http://localhost:${port}`, PORT: String(port) } : {}),
  }
}

async function semer(cible: Cible, base: string, phase: 'initial' | 'complement', nombre: number) {
  const debut = Date.now()
  // The baseline's schema is pushed by Payload in development mode; the platform's comes from its migrations.
  const r = spawnSync(
    process.execPath,
    ['--no-deprecation', TSX, 'bench/semer.ts', cible, phase, String(nombre)],
    {
      env: {
        ...envDe(cible, base, undefined, true),
        NODE_ENV: cible === 'nu' ? 'development' : 'production',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const ligne = r.stdout.trim().split('\n').pop() ?? ''
  if (r.status !== 0 || !ligne.startsWith('{'))
    throw new Error(`Semis ${cible} : ${r.stderr.slice(-3000)}\n${r.stdout.slice(-2000)}`)
  const resultat = JSON.parse(ligne) as {
    ecole: { id: number; uai: string }
    brouillonsEcole: number[]
    candidats: number[]
    total: number
  }
  journal(
    `  ${cible} : ${resultat.total} demandes en base (${nombre} ajoutées en ${((Date.now() - debut) / 1000).toFixed(1)} s)`,
  )
  return resultat
}

async function demarrer(cible: Cible, base: string): Promise<Serveur> {
  const port = await portLibre()
  const sortie = fs.openSync(path.join(dossier, `${cible}.log`), 'a')
  const args = [BIN_NEXT, 'start', '-p', String(port)]
  const processus = spawn(process.execPath, args, {
    cwd: cible === 'nu' ? PROJET_NU : RACINE,
    env: { ...envDe(cible, base, port), NODE_ENV: 'production' },
    stdio: ['ignore', sortie, sortie],
    detached: true,
  })
  serveurs.push({ cible, url: `http://localhost:${port}`, processus, base })
  const url = `http://localhost:${port}`
  const fin = Date.now() + 120_000
  for (;;) {
    if (processus.exitCode !== null)
      throw new Error(`Le serveur ${cible} s'est arrêté : voir ${dossier}/${cible}.log`)
    if (Date.now() > fin) throw new Error(`Le serveur ${cible} ne répond pas.`)
    try {
      const r = await fetch(`${url}/api/users/me`)
      if (r.status < 500) break
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  return { cible, url, processus, base }
}

function rssMo(processus: ChildProcess): number {
  const statut = fs.readFileSync(`/proc/${processus.pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(statut)![1]) / 1024
}

async function jeton(s: Serveur, username: string, essai = 1): Promise<string> {
  // A connection the server closed while idle (during seeding) fails once: try again.
  const r = await fetch(`${s.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: MOT_DE_PASSE }),
  }).catch((err) => {
    if (essai < 3) return null
    throw err
  })
  if (!r) return jeton(s, username, essai + 1)
  return lireJeton(s, username, r)
}

async function lireJeton(s: Serveur, username: string, r: Response): Promise<string> {
  if (!r.ok) throw new Error(`Connexion ${username} sur ${s.cible} : ${r.status}`)
  return ((await r.json()) as { token: string }).token
}

// ---------------------------------------------------------------- scenarios
type Mesure = { rps: number; p50: number; p99: number; erreurs: number; requetes: number }

/** Rounds of the same scenario: p50 and throughput averaged, p99 the worst, errors and requests added. */
function combiner(tours: Mesure[]): Mesure {
  const moyenne = (f: (m: Mesure) => number) => tours.reduce((t, m) => t + f(m), 0) / tours.length
  return {
    rps: moyenne((m) => m.rps),
    p50: Math.round(moyenne((m) => m.p50)),
    p99: Math.max(...tours.map((m) => m.p99)),
    erreurs: tours.reduce((t, m) => t + m.erreurs, 0),
    requetes: tours.reduce((t, m) => t + m.requetes, 0),
  }
}

type Requete = { method: string; chemin: (i: number) => string; corps?: (i: number) => unknown }

/** What every autocannon run of a scenario shares: numbered paths and bodies, and the first error response kept. */
function preparer(s: Serveur, jetonAuth: string, requete: Requete) {
  let i = 0
  let premiereErreur: string | null = null
  return {
    options: {
      url: s.url,
      headers: { Authorization: `JWT ${jetonAuth}`, 'Content-Type': 'application/json' },
      requests: [
        {
          method: requete.method as 'GET',
          setupRequest: (req: autocannon.Request) => {
            const n = i++
            return {
              ...req,
              path: requete.chemin(n),
              ...(requete.corps ? { body: JSON.stringify(requete.corps(n)) } : {}),
            }
          },
          onResponse: (status: number, corps: string) => {
            if (status >= 300 && !premiereErreur) premiereErreur = `${status} ${String(corps).slice(0, 300)}`
          },
        },
      ],
    },
    journaliserErreur: () => {
      if (premiereErreur) journal(`    première réponse en erreur (${s.cible}) : ${premiereErreur}`)
    },
  }
}

async function charger(
  s: Serveur,
  jetonAuth: string,
  requete: Requete & { nombre?: number; duree?: number },
): Promise<Mesure> {
  const { options, journaliserErreur } = preparer(s, jetonAuth, requete)
  const r = await autocannon({
    ...options,
    connections: CONNEXIONS,
    ...(requete.nombre ? { amount: requete.nombre } : { duration: requete.duree ?? DUREE }),
  })
  journaliserErreur()
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    erreurs: r.errors + r.timeouts + r.non2xx,
    requetes: r.requests.total,
  }
}

/**
 * A fixed arrival rate, evenly spaced: `debit` autocannon runs of one connection each, one request per second each,
 * started 1/debit s apart. autocannon's own overallRate fires all its connections at the same instant once a second
 * (bursts of 10, not 10 per second) and corrects its histogram for a 1 ms expected interval (a 200 ms response adds
 * 200 made-up samples): latencies are therefore taken from the raw responses.
 */
async function chargerAuDebit(
  s: Serveur,
  jetonAuth: string,
  requete: Requete & { nombre: number; debit: number },
): Promise<Mesure> {
  const { options, journaliserErreur } = preparer(s, jetonAuth, requete)
  const latences: number[] = []
  let enErreur = 0
  const debut = performance.now()
  const lancer = (resolve: (r: autocannon.Result) => void, reject: (e: unknown) => void) => {
    const instance = autocannon(
      { ...options, connections: 1, amount: Math.ceil(requete.nombre / requete.debit), overallRate: 1 },
      (err, resultat) => (err ? reject(err) : resolve(resultat)),
    )
    instance.on('response', (_client, statut, _octets, duree) => {
      if (statut >= 300) enErreur++
      else latences.push(duree)
    })
  }
  const resultats = await Promise.all(
    Array.from(
      { length: requete.debit },
      (_, k) =>
        new Promise<autocannon.Result>((resolve, reject) =>
          setTimeout(() => lancer(resolve, reject), (k * 1000) / requete.debit),
        ),
    ),
  )
  journaliserErreur()
  latences.sort((a, b) => a - b)
  const centile = (q: number) =>
    Math.round(latences[Math.min(latences.length - 1, Math.ceil(q * latences.length) - 1)] ?? 0)
  const requetes = latences.length + enErreur
  return {
    rps: requetes / ((performance.now() - debut) / 1000),
    p50: centile(0.5),
    p99: centile(0.99),
    erreurs: enErreur + resultats.reduce((t, r) => t + r.errors + r.timeouts, 0),
    requetes,
  }
}

type Ligne = {
  taille: number
  scenario: string
  plateforme: Mesure
  nu: Mesure | null
  type: 'liste' | 'ecriture' | 'lecture' | 'validation'
}

const LISTE = '&depth=1&limit=50&sort=-numero'
const DEBIT_VALIDATION = 10
const VALIDATIONS_AU_DEBIT = 100
const SCENARIO_VALIDATION_DEBIT = `validation à ${DEBIT_VALIDATION} par seconde`

async function scenarios(
  taille: number,
  p: Serveur,
  nu: Serveur,
  graines: { p: Awaited<ReturnType<typeof semer>>; nu: Awaited<ReturnType<typeof semer>> },
): Promise<Ligne[]> {
  const uai = graines.p.ecole.uai
  const structure = `etablissement:${graines.p.ecole.id}`
  const [jEcole, jRectorat, jAdmin, jNu] = await Promise.all([
    jeton(p, uai),
    jeton(p, 'rectorat-montpellier'),
    jeton(p, 'admin'),
    jeton(nu, 'banc'),
  ])
  const lignes: Ligne[] = []
  const mesurer = async (
    scenario: string,
    type: Ligne['type'],
    surP: Parameters<typeof charger>[2] & { jeton: string; debit?: number },
    surNu: (Parameters<typeof charger>[2] & { debit?: number }) | null,
  ) => {
    let mp: Mesure
    let mn: Mesure | null
    if (surP.nombre && surP.debit) {
      mp = await chargerAuDebit(p, surP.jeton, { ...surP, nombre: surP.nombre, debit: surP.debit })
      mn = surNu
        ? await chargerAuDebit(nu, jNu, { ...surNu, nombre: surNu.nombre!, debit: surNu.debit! })
        : null
    } else if (surP.nombre) {
      // A fixed number of requests (validations: each draft once), one run per server.
      mp = await charger(p, surP.jeton, surP)
      mn = surNu ? await charger(nu, jNu, surNu) : null
    } else {
      // Warmed up, then two alternated rounds per server (platform, baseline, platform, baseline): a machine that
      // slows down or speeds up during the run weighs on both sides of the ratio alike.
      await charger(p, surP.jeton, { ...surP, duree: 2 })
      if (surNu) await charger(nu, jNu, { ...surNu, duree: 2 })
      const tours: [Mesure, Mesure | null][] = []
      for (let t = 0; t < 2; t++)
        tours.push([
          await charger(p, surP.jeton, { ...surP, duree: DUREE / 2 }),
          surNu ? await charger(nu, jNu, { ...surNu, duree: DUREE / 2 }) : null,
        ])
      mp = combiner(tours.map((x) => x[0]))
      mn = surNu ? combiner(tours.map((x) => x[1]!)) : null
    }
    lignes.push({ taille, scenario, plateforme: mp, nu: mn, type })
    journal(
      `  ${scenario.padEnd(44)} plateforme p50 ${mp.p50} ms p99 ${mp.p99} ms ${mp.rps.toFixed(0)} req/s${mn ? ` | nue p50 ${mn.p50} ms p99 ${mn.p99} ms ${mn.rps.toFixed(0)} req/s` : ''}${mp.erreurs ? ` | ERREURS ${mp.erreurs}` : ''}`,
    )
  }
  await mesurer(
    'école : ses demandes en cours de saisie',
    'liste',
    { jeton: jEcole, method: 'GET', chemin: () => `/api/demandes?where[statut][equals]=brouillon${LISTE}` },
    {
      method: 'GET',
      chemin: () =>
        `/api/demandes?where[statut][equals]=brouillon&where[structureDeposante][equals]=${structure}${LISTE}`,
    },
  )
  await mesurer(
    'école : ses demandes validées',
    'liste',
    {
      jeton: jEcole,
      method: 'GET',
      chemin: () => `/api/demandes?where[statut][not_equals]=brouillon${LISTE}`,
    },
    {
      method: 'GET',
      chemin: () =>
        `/api/demandes?where[statut][not_equals]=brouillon&where[structureDeposante][equals]=${structure}${LISTE}`,
    },
  )
  await mesurer(
    'rectorat : une académie, une mesure, triée',
    'liste',
    {
      jeton: jRectorat,
      method: 'GET',
      chemin: () =>
        `/api/demandes?where[mesure][equals]=ouverture&where[statut][not_equals]=brouillon${LISTE}`,
    },
    {
      method: 'GET',
      chemin: () =>
        `/api/demandes?where[mesure][equals]=ouverture&where[statut][not_equals]=brouillon&where[academie][equals]=montpellier${LISTE}`,
    },
  )
  const brouillons = graines.p.brouillonsEcole
  await mesurer(
    'lecture d’une demande (depth 1)',
    'lecture',
    {
      jeton: jEcole,
      method: 'GET',
      chemin: (i) => `/api/demandes/${brouillons[i % brouillons.length]}?depth=1`,
    },
    { method: 'GET', chemin: (i) => `/api/demandes/${brouillons[i % brouillons.length]}?depth=1` },
  )
  await mesurer(
    'sauvegarde d’un brouillon',
    'ecriture',
    {
      jeton: jEcole,
      method: 'PATCH',
      chemin: (i) => `/api/demandes/${brouillons[i % brouillons.length]}?depth=0`,
      corps: (i) => ({ rapportOpportunite: `Rapport révisé ${i}` }),
    },
    {
      method: 'PATCH',
      chemin: (i) => `/api/demandes/${brouillons[i % brouillons.length]}?depth=0`,
      corps: (i) => ({ rapportOpportunite: `Rapport révisé ${i}` }),
    },
  )
  // Validation twice, on distinct drafts: at a fixed rate, for its latency (10 per second, two hundred times the
  // estimated peak: ≈ 1,500 validations on the last day of a campaign), then as fast as 10 connections can go.
  const [cpDebit, cp] = [
    graines.p.candidats.slice(0, VALIDATIONS_AU_DEBIT),
    graines.p.candidats.slice(VALIDATIONS_AU_DEBIT),
  ]
  const [cnDebit, cn] = [
    graines.nu.candidats.slice(0, VALIDATIONS_AU_DEBIT),
    graines.nu.candidats.slice(VALIDATIONS_AU_DEBIT),
  ]
  const valider = (ids: (number | string)[], debit?: number) => ({
    jeton: jAdmin,
    method: 'POST',
    chemin: (i: number) => `/api/demandes/${ids[i]}/valider`,
    // Generated drafts may repeat a validated one: confirmed, the duplicate check still runs (its cost is measured).
    corps: () => ({ confirmer: true, confirmerDoublon: true }),
    nombre: ids.length,
    debit,
  })
  const patcher = (ids: (number | string)[], debit?: number) => ({
    method: 'PATCH',
    chemin: (i: number) => `/api/demandes/${ids[i]}?depth=0`,
    corps: () => ({ statut: 'validee' }),
    nombre: ids.length,
    debit,
  })
  await mesurer(
    SCENARIO_VALIDATION_DEBIT,
    'validation',
    valider(cpDebit, DEBIT_VALIDATION),
    patcher(cnDebit, DEBIT_VALIDATION),
  )
  await mesurer('validation (confirmer : true)', 'validation', valider(cp), patcher(cn))
  return lignes
}

/** Waits until the platform's jobs queue is empty (the acknowledgements queued by the validations), at most 3 min. */
async function fileVidee(p: Serveur) {
  const base = createClient({ url: `file:${p.base}` })
  const debut = Date.now()
  try {
    for (;;) {
      const n = Number(
        (
          await base.execute({
            sql: 'SELECT count(*) AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error = 0 AND task_slug = ?',
            args: ['envoyerCourriel'],
          })
        ).rows[0]!.n,
      )
      if (n === 0 || Date.now() - debut > 180_000)
        return journal(
          `  file de tâches : ${n} courriel(s) en attente après ${((Date.now() - debut) / 1000).toFixed(0)} s`,
        )
      await new Promise((r) => setTimeout(r, 1000))
    }
  } finally {
    base.close()
  }
}

async function exporterTout(p: Serveur, taille: number) {
  // The Région exports once the acknowledgements of the validations are sent: the export is measured alone.
  await fileVidee(p)
  const jRegion = await jeton(p, 'region')
  const avant = rssMo(p.processus)
  let pic = avant
  const sonde = setInterval(() => (pic = Math.max(pic, rssMo(p.processus))), 100)
  const debut = Date.now()
  const r = await fetch(`${p.url}/api/demandes/export?format=csv`, {
    headers: { Authorization: `JWT ${jRegion}` },
  })
  let octets = 0
  let lignes = 0
  for await (const morceau of r.body as unknown as AsyncIterable<Uint8Array>) {
    octets += morceau.length
    for (const o of morceau) if (o === 10) lignes++
  }
  const duree = (Date.now() - debut) / 1000
  clearInterval(sonde)
  journal(
    `  export CSV de tout (${taille}) : ${lignes - 1} lignes, ${(octets / 1024 / 1024).toFixed(1)} Mo en ${duree.toFixed(1)} s, RSS ${avant.toFixed(0)} → pic ${pic.toFixed(0)} Mo (+${(pic - avant).toFixed(0)})`,
  )
  return { taille, duree, lignes: lignes - 1, croissance: pic - avant }
}

// ---------------------------------------------------------------- run
const serveurs: Serveur[] = []
const arreter = () => {
  for (const s of serveurs) {
    try {
      process.kill(-s.processus.pid!, 'SIGTERM')
    } catch {
      // gone
    }
  }
}
process.on('exit', arreter)

try {
  journal(
    `Banc d'essai — ${new Date().toISOString()} — ${os.cpus().length} cœurs (${os.cpus()[0]?.model}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} Go, Node ${process.version}`,
  )
  await construireTout()
  const bases = { p: path.join(dossier, 'plateforme.db'), nu: path.join(dossier, 'nu.db') }
  const lignes: Ligne[] = []
  const exports: Awaited<ReturnType<typeof exporterTout>>[] = []
  let dejaSemees = 0
  let p: Serveur | null = null
  let nu: Serveur | null = null
  for (const taille of TAILLES) {
    journal(`\n== ${taille} demandes ==`)
    const phase = dejaSemees === 0 ? 'initial' : 'complement'
    // Each phase also creates 400 complete drafts for the validation scenarios: they count in the total.
    const aAjouter = taille - dejaSemees - 400
    const graines = {
      p: await semer('plateforme', bases.p, phase, aAjouter),
      nu: await semer('nu', bases.nu, phase, aAjouter),
    }
    dejaSemees = taille
    // Servers (re)started on the seeded databases, as after the nightly maintenance in production: the platform
    // refreshes SQLite's planner statistics when it starts (PRAGMA optimize), bare Payload does nothing.
    for (const s of serveurs.splice(0)) {
      const fini = new Promise((r) => s.processus.once('exit', r))
      process.kill(-s.processus.pid!, 'SIGTERM')
      await fini
    }
    p = await demarrer('plateforme', bases.p)
    nu = await demarrer('nu', bases.nu)
    // Warm-up: the first requests compile routes and fill caches.
    await charger(p, await jeton(p, graines.p.ecole.uai), {
      method: 'GET',
      chemin: () => `/api/demandes?limit=5`,
      nombre: 50,
    })
    await charger(nu!, await jeton(nu!, 'banc'), {
      method: 'GET',
      chemin: () => `/api/demandes?limit=5`,
      nombre: 50,
    })
    lignes.push(...(await scenarios(taille, p, nu!, graines)))
    exports.push(await exporterTout(p, taille))
  }
  const rssFinal = rssMo(p!.processus)

  // ---------------------------------------------------------------- table and targets
  const [petit, grand] = TAILLES
  const trouver = (taille: number, scenario: string) =>
    lignes.find((l) => l.taille === taille && l.scenario === scenario)!
  const scen = [...new Set(lignes.map((l) => l.scenario))]
  const tableau: string[] = [
    `| scénario | demandes | plateforme req/s | p50 | p99 | erreurs | Payload nu req/s | p50 | p99 | rapport p50 |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ]
  for (const s of scen) {
    for (const t of TAILLES) {
      const l = trouver(t, s)
      const ratio = l.nu ? (l.plateforme.p50 / Math.max(l.nu.p50, 1)).toFixed(2) : '—'
      tableau.push(
        `| ${s} | ${t} | ${l.plateforme.rps.toFixed(0)} | ${l.plateforme.p50} ms | ${l.plateforme.p99} ms | ${l.plateforme.erreurs} | ${l.nu ? l.nu.rps.toFixed(0) : '—'} | ${l.nu ? `${l.nu.p50} ms` : '—'} | ${l.nu ? `${l.nu.p99} ms` : '—'} | ${ratio} |`,
      )
    }
  }
  for (const e of exports)
    tableau.push(
      `| export CSV de tout | ${e.taille} | ${e.lignes} lignes en ${e.duree.toFixed(1)} s | | | | | | | RSS +${e.croissance.toFixed(0)} Mo |`,
    )

  const objectifs: [string, boolean, string][] = []
  for (const s of scen) {
    const l = trouver(grand!, s)
    const l1 = trouver(petit!, s)
    // The issue's ratio target covers the lists and the save; the read's ratio is printed in the table only.
    if (l.type === 'liste' || l.type === 'ecriture') {
      for (const x of [l1, l]) {
        const r = x.plateforme.p50 / Math.max(x.nu!.p50, 1)
        objectifs.push([
          `${s} (${x.taille}) : p50 ≤ 1,3 × Payload nu`,
          r <= 1.3,
          `${x.plateforme.p50} ms / ${x.nu!.p50} ms = ${r.toFixed(2)}`,
        ])
      }
    }
    const croissance = l.plateforme.p50 / Math.max(l1.plateforme.p50, 1)
    objectifs.push([
      `${s} : p50 ${grand} / ${petit} ≤ 1,5`,
      croissance <= 1.5,
      `${l1.plateforme.p50} → ${l.plateforme.p50} ms = ${croissance.toFixed(2)}`,
    ])
    objectifs.push([`${s} (${grand}) : aucune erreur`, l.plateforme.erreurs === 0, `${l.plateforme.erreurs}`])
  }
  const v = trouver(grand!, SCENARIO_VALIDATION_DEBIT)
  objectifs.push([
    `validation p99 < 250 ms à ${grand} (${DEBIT_VALIDATION} par seconde)`,
    v.plateforme.p99 < 250,
    `${v.plateforme.p99} ms`,
  ])
  const eg = exports.find((e) => e.taille === grand)!
  objectifs.push([`export de ${grand} en < 20 s`, eg.duree < 20, `${eg.duree.toFixed(1)} s`])
  objectifs.push([
    `export : croissance du RSS < 150 Mo`,
    eg.croissance < 150,
    `+${eg.croissance.toFixed(0)} Mo`,
  ])
  objectifs.push([`RSS du serveur après le banc < 600 Mo`, rssFinal < 600, `${rssFinal.toFixed(0)} Mo`])

  tableau.push(
    '',
    '| objectif | résultat | mesure |',
    '|---|---|---|',
    ...objectifs.map(([o, ok, m]) => `| ${o} | ${ok ? 'ATTEINT' : 'MANQUÉ'} | ${m} |`),
  )
  const duree = ((Date.now() - debutBanc) / 60000).toFixed(1)
  tableau.push(
    '',
    `${objectifs.filter((o) => o[1]).length} objectifs atteints sur ${objectifs.length} ; banc complet en ${duree} min ; ${CONNEXIONS} connexions, ${DUREE} s par scénario.`,
  )
  const texte = tableau.join('\n')
  fs.writeFileSync(path.join(dossier, 'resultats.md'), `${texte}\n`)
  journal(`\n${texte}\n\nRésultats : ${path.relative(RACINE, dossier)}/resultats.md`)
  arreter()
  process.exit(objectifs.every((o) => o[1]) ? 0 : 2)
} catch (err) {
  console.error(
    err instanceof Error
      ? `${err.message}${err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : ''}\n${err.stack}`
      : err,
  )
  arreter()
  process.exit(1)
}
