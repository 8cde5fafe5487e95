import type { Payload } from 'payload'

type ClientLibsql = { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }
type ModeleMongoose = {
  updateOne: (filtre: object, maj: object, options: object) => Promise<unknown>
  findOneAndUpdate: (filtre: object, maj: object, options: object) => Promise<{ valeur?: number } | null>
}

/**
 * Next value of a named counter, atomically: one SQL `UPDATE … RETURNING` on SQLite, one `$inc` on MongoDB.
 * A counter that does not exist yet starts after the highest `numero` already stored, so a restored or
 * imported database keeps counting from where it was.
 */
export async function prochainNumero(payload: Payload, nom = 'demandes'): Promise<number> {
  const db = payload.db as unknown as { name: string; client?: ClientLibsql; collections?: Record<string, ModeleMongoose> }
  const maintenant = new Date().toISOString()
  if (db.name === 'sqlite' && db.client) {
    await db.client.execute({
      sql: `INSERT OR IGNORE INTO compteurs (nom, valeur, updated_at, created_at)
            VALUES (?, (SELECT COALESCE(MAX(numero), 0) FROM demandes), ?, ?)`,
      args: [nom, maintenant, maintenant],
    })
    const resultat = await db.client.execute({
      sql: 'UPDATE compteurs SET valeur = valeur + 1, updated_at = ? WHERE nom = ? RETURNING valeur',
      args: [maintenant, nom],
    })
    return Number(resultat.rows[0]!.valeur)
  }
  const modele = db.collections?.compteurs
  if (!modele) throw new Error(`Numérotation impossible : adaptateur « ${db.name} » non pris en charge.`)
  const dernier = await payload.find({ collection: 'demandes', sort: '-numero', limit: 1, depth: 0, pagination: false, select: { numero: true } })
  const depart = Number(dernier.docs[0]?.numero ?? 0)
  await modele.updateOne({ nom }, { $setOnInsert: { nom, valeur: depart, createdAt: new Date() } }, { upsert: true })
  const compteur = await modele.findOneAndUpdate({ nom }, { $inc: { valeur: 1 }, $set: { updatedAt: new Date() } }, { new: true })
  return Number(compteur!.valeur)
}
