import crypto from 'node:crypto'

import type { Payload } from 'payload'

/**
 * The two atomic primitives Payload's adapter-neutral API lacks (an increment, a compare-and-set) are written
 * once per adapter here: one SQL statement on SQLite, one findOneAndUpdate on MongoDB.
 */
export type ClientSqlite = {
  execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }>
}
export type ModeleMongo = {
  updateOne: (filtre: object, maj: object, options?: object) => Promise<{ upsertedCount?: number }>
  deleteOne: (filtre: object) => Promise<unknown>
  findOneAndUpdate: (filtre: object, maj: object, options?: object) => Promise<Record<string, unknown> | null>
  insertMany: (docs: object[], options?: object) => Promise<unknown>
}

// payload.db is typed as the adapters' common base: the SQLite client and the Mongoose models are each adapter's own.
export function clientSqlite(payload: Payload): ClientSqlite | null {
  const db = payload.db as unknown as { name: string; client?: ClientSqlite }
  return db.name === 'sqlite' && db.client ? db.client : null
}

export function modeleMongo(payload: Payload, collection: string): ModeleMongo {
  const db = payload.db as unknown as { name: string; collections?: Record<string, ModeleMongo> }
  const modele = db.collections?.[collection]
  if (!modele) throw new Error(`Adaptateur de base de données « ${db.name} » non pris en charge.`)
  return modele
}

/**
 * The `_id` of the `compteurs` row named `nom` on MongoDB, the same in every process: two processes inserting the
 * same name at once then collide on `_id`, whose uniqueness MongoDB always enforces, rather than on the unique
 * index of `nom`, which may be missing (not yet built, or failed to build) and which the test stand-in ignores.
 */
export function idMongoDuNom(nom: string): string {
  return crypto.createHash('sha256').update(`compteurs:${nom}`).digest('hex').slice(0, 24)
}

/** MongoDB's duplicate key error: another process inserted the same row first. */
export function estDoublon(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000
}

/** Moves a demande from `de` to `vers` only if it is still in `de`; true when this call made the change. */
export async function changerStatutSi(
  payload: Payload,
  id: number | string,
  de: string,
  vers: string,
): Promise<boolean> {
  const sqlite = clientSqlite(payload)
  if (sqlite) {
    const r = await sqlite.execute({
      sql: 'UPDATE demandes SET statut = ? WHERE id = ? AND statut = ? RETURNING id',
      args: [vers, id, de],
    })
    return r.rows.length === 1
  }
  const doc = await modeleMongo(payload, 'demandes').findOneAndUpdate(
    { _id: id, statut: de },
    { $set: { statut: vers } },
  )
  return doc !== null
}

/**
 * A lock shared by every server process on the database: a row `nom` in `compteurs`, inserted only if absent.
 * A lock older than `expirationMs` (its holder crashed) is taken over. True when this call took the lock.
 */
export async function prendreVerrou(payload: Payload, nom: string, expirationMs: number): Promise<boolean> {
  const maintenant = Date.now()
  const date = new Date(maintenant).toISOString()
  const sqlite = clientSqlite(payload)
  if (sqlite) {
    // One statement: inserted if free, taken over if expired, untouched (no row returned) if held.
    const r = await sqlite.execute({
      sql: 'INSERT INTO compteurs (nom, valeur, updated_at, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (nom) DO UPDATE SET valeur = excluded.valeur, updated_at = excluded.updated_at WHERE compteurs.valeur < ? RETURNING id',
      args: [nom, maintenant, date, date, maintenant - expirationMs],
    })
    return r.rows.length === 1
  }
  const modele = modeleMongo(payload, 'compteurs')
  await modele.deleteOne({ nom, valeur: { $lt: maintenant - expirationMs } })
  try {
    const r = await modele.updateOne(
      { nom },
      {
        $setOnInsert: {
          _id: idMongoDuNom(nom),
          nom,
          valeur: maintenant,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      },
      { upsert: true },
    )
    return r.upsertedCount === 1
  } catch (err) {
    // Both saw the lock free; the other inserted it first.
    if (estDoublon(err)) return false
    throw err
  }
}

export async function rendreVerrou(payload: Payload, nom: string): Promise<void> {
  const sqlite = clientSqlite(payload)
  if (sqlite) {
    await sqlite.execute({ sql: 'DELETE FROM compteurs WHERE nom = ?', args: [nom] })
    return
  }
  await modeleMongo(payload, 'compteurs').deleteOne({ nom })
}

/**
 * Refreshes SQLite's query-planner statistics for the demandes (MongoDB plans without them). Without statistics
 * SQLite cannot tell a selective index (one structure's demandes) from a poor one (every demande of the rentrée)
 * and takes the first that fits. The whole table is read (a fraction of a second at 100,000 demandes): a sample (`analysis_limit`)
 * gives every index the same estimate, which is no better than none. The SQLite of libsql (3.45) ignores
 * `PRAGMA optimize=0x10002` on a fresh connection, hence an explicit ANALYZE.
 */
export async function actualiserStatistiques(payload: Payload): Promise<void> {
  const sqlite = clientSqlite(payload)
  if (!sqlite) return
  // Before the first migration (a new database) there is nothing to analyse yet.
  const table = await sqlite.execute({
    sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'demandes'",
    args: [],
  })
  if (table.rows.length) await sqlite.execute({ sql: 'ANALYZE demandes', args: [] })
}
