import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

/** Raised when the environment is unusable; its message is the one line printed before exiting. */
export class ErreurConfiguration extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ErreurConfiguration'
  }
}

export type Base = { type: 'sqlite'; url: string; fichier: string } | { type: 'mongodb'; url: string }

export const CHEMIN_SQLITE_PAR_DEFAUT = 'data/carte.db'

/** Chooses the adapter from DATABASE_URI: mongodb(+srv):// → MongoDB, file: or nothing → embedded SQLite. */
export function choisirBase(uri: string | undefined, racine = process.cwd()): Base {
  const valeur = uri?.trim()
  if (!valeur) {
    const fichier = path.resolve(racine, CHEMIN_SQLITE_PAR_DEFAUT)
    return { type: 'sqlite', url: `file:${fichier}`, fichier }
  }
  if (/^mongodb(\+srv)?:\/\//.test(valeur)) return { type: 'mongodb', url: valeur }
  if (valeur.startsWith('file:')) {
    const brut = valeur.slice('file:'.length)
    if (!brut)
      throw new ErreurConfiguration('DATABASE_URI : chemin du fichier SQLite manquant après « file: ».')
    const fichier = path.resolve(racine, brut)
    return { type: 'sqlite', url: `file:${fichier}`, fichier }
  }
  throw new ErreurConfiguration(
    `DATABASE_URI : « ${valeur.split(':')[0]}: » n'est pas pris en charge (attendu : mongodb://, mongodb+srv:// ou file:).`,
  )
}

const vide = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URI: z.preprocess(vide, z.string().optional()),
  PAYLOAD_SECRET: z.preprocess(vide, z.string().min(32, 'doit contenir au moins 32 caractères').optional()),
  PORT: z.preprocess(vide, z.coerce.number().int().min(1).max(65535).default(3000)),
  SERVER_URL: z.preprocess(
    vide,
    z.url({ protocol: /^https?$/, error: 'doit être une URL http(s) complète' }).optional(),
  ),
  UPLOAD_DIR: z.preprocess(vide, z.string().default('data/annexes')),
  DOCUMENTS_DIR: z.preprocess(vide, z.string().default('data/documents')),
  MAIL_DIR: z.preprocess(vide, z.string().default('data/mail')),
  UPLOAD_MAX_MO: z.preprocess(vide, z.coerce.number().positive().max(100).default(10)),
  SMTP_HOST: z.preprocess(vide, z.string().optional()),
  SMTP_PORT: z.preprocess(vide, z.coerce.number().int().min(1).max(65535).default(587)),
  SMTP_USER: z.preprocess(vide, z.string().optional()),
  SMTP_PASS: z.preprocess(vide, z.string().optional()),
  SMTP_SECURE: z.preprocess(vide, z.enum(['true', 'false']).default('false')),
  MAIL_FROM: z.preprocess(
    vide,
    z
      .email({ error: 'doit être une adresse électronique' })
      .default('ne-pas-repondre@carte-formations.local'),
  ),
  MAIL_FROM_NAME: z.preprocess(vide, z.string().default('Carte des formations — Occitanie')),
  S3_BUCKET: z.preprocess(vide, z.string().optional()),
  S3_REGION: z.preprocess(vide, z.string().default('eu-west-3')),
  S3_ENDPOINT: z.preprocess(
    vide,
    z.url({ protocol: /^https?$/, error: 'doit être une URL http(s) complète' }).optional(),
  ),
  S3_ACCESS_KEY_ID: z.preprocess(vide, z.string().optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess(vide, z.string().optional()),
  S3_FORCE_PATH_STYLE: z.preprocess(
    vide,
    z.enum(['true', 'false'], { error: 'attendu : true ou false' }).default('false'),
  ),
  CLAMAV_SOCKET: z.preprocess(vide, z.string().optional()),
  CLAMAV_HOST: z.preprocess(vide, z.string().optional()),
  CLAMAV_PORT: z.preprocess(vide, z.coerce.number().int().min(1).max(65535).default(3310)),
  PROXIES_DE_CONFIANCE: z.preprocess(vide, z.coerce.number().int().min(0).max(10).default(0)),
  // Clients never rate-limited (supervision probes, an integration server of the Carif-Oref): their addresses.
  ADRESSES_SANS_LIMITE: z.preprocess(
    vide,
    z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .refine((adresses) => adresses.every((a) => isIP(a) !== 0), {
        error: 'liste d’adresses IP séparées par des virgules (ex. 127.0.0.1,::1)',
      }),
  ),
  JOURNAL_RETENTION_JOURS: z.preprocess(vide, z.coerce.number().int().min(1).max(3650).default(365)),
  JOBS_TRAVAILLEUR_SEPARE: z.preprocess(
    vide,
    z.enum(['true', 'false'], { error: 'attendu : true ou false' }).default('false'),
  ),
  RAPPEL_JOURS: z.preprocess(
    vide,
    z
      .string()
      .regex(/^\d{1,3}(,\d{1,3})*$/, 'liste de nombres de jours séparés par des virgules (ex. 7,1)')
      .default('7,1'),
  ),
  // `aucune`: the limits are enforced upstream (load balancer, web application firewall), or by the benchmark.
  CARTE_LIMITES_DEBIT: z.preprocess(vide, z.enum(['actives', 'aucune']).default('actives')),
  // Set by the commands themselves (worker, migrations).
  CARTE_TRAVAILLEUR: z.preprocess(vide, z.enum(['0', '1']).default('0')),
  CARTE_MIGRATIONS_DIR: z.preprocess(vide, z.string().optional()),
  CARTE_SCHEMA_PUSH: z.preprocess(vide, z.enum(['true', 'false']).optional()),
})

export type Configuration = Omit<z.infer<typeof schema>, 'SMTP_SECURE' | 'JOBS_TRAVAILLEUR_SEPARE'> & {
  SMTP_SECURE: boolean
  JOBS_TRAVAILLEUR_SEPARE: boolean
  base: Base
  secret: string
  serverURL: string
}

// Development and tests only: a fixed secret so sessions survive restarts; production must provide its own.
const SECRET_DEVELOPPEMENT = 'developpement-uniquement-ne-pas-utiliser-en-production'

let courante: Configuration | null = null

/**
 * The running process's configuration, parsed on first use (the start-up already refused a bad one). Tests
 * that change process.env afterwards call `oublierConfiguration()`.
 */
export function configuration(): Configuration {
  return (courante ??= lireConfiguration())
}

export function oublierConfiguration(): void {
  courante = null
}

/** Parses the environment; throws ErreurConfiguration naming the first bad variable. */
export function lireConfiguration(
  env: Record<string, string | undefined> = process.env,
  racine = process.cwd(),
): Configuration {
  const resultat = schema.safeParse(env)
  if (!resultat.success) {
    const probleme = resultat.error.issues[0]!
    const variable = String(probleme.path[0] ?? '?')
    const valeur = env[variable]
    const detail = valeur === undefined ? 'valeur manquante' : probleme.message
    throw new ErreurConfiguration(`${variable} : ${detail}.`)
  }
  const v = resultat.data
  // `next build` runs with NODE_ENV=production but serves nothing: the secret is only needed at run time.
  if (v.NODE_ENV === 'production' && !v.PAYLOAD_SECRET && env.NEXT_PHASE !== 'phase-production-build') {
    throw new ErreurConfiguration(
      'PAYLOAD_SECRET : obligatoire en production (au moins 32 caractères aléatoires, par exemple « openssl rand -hex 32 »).',
    )
  }
  if (v.S3_BUCKET && Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY)) {
    throw new ErreurConfiguration(
      'S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY : renseignez les deux ou aucun (rôle IAM de la machine).',
    )
  }
  if (v.SMTP_HOST && Boolean(v.SMTP_USER) !== Boolean(v.SMTP_PASS)) {
    throw new ErreurConfiguration('SMTP_USER et SMTP_PASS : renseignez les deux ou aucun.')
  }
  return {
    ...v,
    SMTP_SECURE: v.SMTP_SECURE === 'true',
    JOBS_TRAVAILLEUR_SEPARE: v.JOBS_TRAVAILLEUR_SEPARE === 'true',
    base: choisirBase(v.DATABASE_URI, racine),
    secret: v.PAYLOAD_SECRET ?? SECRET_DEVELOPPEMENT,
    serverURL: (v.SERVER_URL ?? `http://localhost:${v.PORT}`).replace(/\/$/, ''),
  }
}
