import type { Payload } from 'payload'

import { clientSqlite, estDoublon, idMongoDuNom, modeleMongo } from './adaptateur'

/**
 * Next value of a named counter, atomically (see src/adaptateur.ts). A counter that does not exist yet starts
 * after the highest `numero` already stored, so a restored or imported database keeps counting from there.
 */
export async function prochainNumero(payload: Payload, nom = 'demandes'): Promise<number> {
  const maintenant = new Date().toISOString()
  const sqlite = clientSqlite(payload)
  if (sqlite) {
    await sqlite.execute({
      sql: `INSERT OR IGNORE INTO compteurs (nom, valeur, updated_at, created_at)
            VALUES (?, (SELECT COALESCE(MAX(numero), 0) FROM demandes), ?, ?)`,
      args: [nom, maintenant, maintenant],
    })
    const resultat = await sqlite.execute({
      sql: 'UPDATE compteurs SET valeur = valeur + 1, updated_at = ? WHERE nom = ? RETURNING valeur',
      args: [maintenant, nom],
    })
    return Number(resultat.rows[0]!.valeur)
  }
  const modele = modeleMongo(payload, 'compteurs')
  const dernier = await payload.find({
    collection: 'demandes',
    sort: '-numero',
    limit: 1,
    depth: 0,
    pagination: false,
    select: { numero: true },
  })
  const depart = Number(dernier.docs[0]?.numero ?? 0)
  // A concurrent first use inserts the same `_id` (src/adaptateur.ts): one wins, the other finds its row.
  await modele
    .updateOne(
      { nom },
      { $setOnInsert: { _id: idMongoDuNom(nom), nom, valeur: depart, createdAt: new Date() } },
      { upsert: true },
    )
    .catch((err) => {
      if (!estDoublon(err)) throw err
    })
  const compteur = await modele.findOneAndUpdate(
    { nom },
    { $inc: { valeur: 1 }, $set: { updatedAt: new Date() } },
    { new: true },
  )
  return Number(compteur!.valeur)
}
