/**
 * Benchmark baseline: the platform's own collections with their code taken out — the same fields, relations, indexes,
 * versions and auth settings (derived from collections/, so the shape cannot drift), without custom access, hooks,
 * validation, endpoints or admin components. Only `npm run bench` builds and serves it (into .next-bench-nu).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, type CollectionConfig, type Field } from 'payload'

import { Annexes } from '../collections/Annexes'
import { Demandes } from '../collections/Demandes'
import { Diplomes } from '../collections/Diplomes'
import { Etablissements } from '../collections/Etablissements'
import { Reseaux } from '../collections/Reseaux'
import { Users } from '../collections/Users'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const connecte = ({ req }: { req: { user?: unknown } }) => Boolean(req.user)
const acces = { read: connecte, create: connecte, update: connecte, delete: connecte, readVersions: connecte }

/** A field as Payload stores it: its code (access, hooks, validate, admin, filterOptions, computed defaults) removed. */
function champNu(champ: Field): Field | null {
  // Display-only fields store nothing; joins are not computed on the platform's REST reads unless asked for, so
  // the baseline does not compute them either.
  if (champ.type === 'ui' || champ.type === 'join') return null
  const {
    access: _a,
    hooks: _h,
    validate: _v,
    admin: _ad,
    custom: _c,
    ...reste
  } = champ as Field & Record<string, unknown>
  const nu = { ...reste } as Record<string, unknown>
  delete nu.filterOptions
  if (typeof nu.defaultValue === 'function') delete nu.defaultValue
  if (Array.isArray(nu.fields)) nu.fields = champsNus(nu.fields as Field[])
  if (Array.isArray(nu.tabs))
    nu.tabs = (nu.tabs as { fields: Field[] }[]).map((t) => ({ ...t, fields: champsNus(t.fields) }))
  return nu as Field
}
const champsNus = (champs: Field[]): Field[] => champs.map(champNu).filter((c): c is Field => c !== null)

function collectionNue(c: CollectionConfig, extra: Partial<CollectionConfig> = {}): CollectionConfig {
  return {
    slug: c.slug,
    access: acces,
    fields: champsNus(c.fields),
    ...(c.indexes ? { indexes: c.indexes } : {}),
    ...(c.versions ? { versions: c.versions } : {}),
    ...(c.lockDocuments !== undefined ? { lockDocuments: c.lockDocuments } : {}),
    ...(c.defaultSort ? { defaultSort: c.defaultSort } : {}),
    ...extra,
  }
}

const authPlateforme = typeof Users.auth === 'object' ? Users.auth : {}
const collections: CollectionConfig[] = [
  collectionNue(Demandes),
  collectionNue(Annexes, {
    upload: { staticDir: path.resolve(process.env.UPLOAD_DIR || 'data/bench-nu-annexes') },
  }),
  collectionNue(Etablissements),
  collectionNue(Reseaux),
  collectionNue(Diplomes),
  // Payload's auth settings as on the platform (no password-reset mail: it is code).
  collectionNue(Users, {
    auth: {
      depth: authPlateforme.depth,
      loginWithUsername: authPlateforme.loginWithUsername,
      maxLoginAttempts: authPlateforme.maxLoginAttempts,
      lockTime: authPlateforme.lockTime,
      tokenExpiration: authPlateforme.tokenExpiration,
      useAPIKey: authPlateforme.useAPIKey,
    },
  }),
]

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || 'banc-d-essai-uniquement-0123456789abcdef',
  serverURL: process.env.SERVER_URL,
  admin: {
    user: 'users',
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname, '..'), autoGenerate: false },
  },
  collections,
  db: sqliteAdapter({
    client: { url: process.env.DATABASE_URI || 'file:data/bench-nu.db' },
    wal: true,
    busyTimeout: 5_000,
    push: process.env.CARTE_SCHEMA_PUSH !== 'false',
  }),
  maxDepth: 3,
  defaultDepth: 1,
  telemetry: false,
  typescript: { autoGenerate: false },
})
