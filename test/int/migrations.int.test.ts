import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'
import { afterAll, describe, expect, it } from 'vitest'

import { migrations } from '../../src/migrations'

const sqlite = !process.env.MONGODB_URI
let payload: Payload | undefined
afterAll(async () => payload?.destroy())

describe.runIf(sqlite)(
  'Migrations SQLite — SQLite seulement : MongoDB n’a pas de schéma à migrer (src/migrations est celui de SQLite)',
  () => {
    it('une base créée par une migration antérieure est mise à niveau sans perte (demandes, versions, numéros)', async () => {
      const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-migration-'))
      process.env.DATABASE_URI = `file:${path.join(dossier, 'carte.db')}`
      process.env.CARTE_SCHEMA_PUSH = 'false'
      const { default: config } = await import('../../payload.config')
      payload = await getPayload({ config, key: 'migrations' })
      const client = (
        payload.db as unknown as {
          client: { execute: (q: string) => Promise<{ rows: Record<string, unknown>[] }> }
        }
      ).client
      await payload.db.migrate({ migrations: migrations.slice(0, 1) as never })
      // Rows written as the first schema had them, straight into its tables.
      await client.execute(
        "INSERT INTO etablissements (id, uai, nom, ministere, academie, updated_at, created_at) VALUES (1, '0340042L', 'Lycée Jean Mermoz', 'education-nationale', 'montpellier', '2026-01-01', '2026-01-01')",
      )
      await client.execute(
        "INSERT INTO diplomes (id, cfd, libelle, type_diplome, updated_at, created_at) VALUES (1, '50022146', 'Cuisine', 'CAP', '2026-01-01', '2026-01-01')",
      )
      for (let n = 1; n <= 3; n++) {
        await client.execute(
          `INSERT INTO demandes (id, numero, rentree, statut, titre, etablissement_concerne_id, rapport_opportunite, structure_deposante, updated_at, created_at) VALUES (${n}, ${n}, 2027, '${n === 1 ? 'validee' : 'brouillon'}', 'N° ${n}', 1, 'Rapport ${n}', 'etablissement:1', '2026-01-01', '2026-01-01')`,
        )
        await client.execute(
          `INSERT INTO _demandes_v (parent_id, version_numero, version_statut, version_etablissement_concerne_id, version_rapport_opportunite, created_at, updated_at) VALUES (${n}, ${n}, 'brouillon', 1, 'Rapport ${n}', '2026-01-01', '2026-01-01')`,
        )
      }
      await client.execute(
        'UPDATE demandes SET diplome_id = 1, capacite_actuelle = 12, capacite_nouvelle = 24 WHERE id = 1',
      )
      await payload.db.migrate({ migrations: migrations as never })
      const demandes = await payload.find({
        collection: 'demandes',
        sort: 'numero',
        depth: 0,
        overrideAccess: true,
      })
      expect(
        demandes.docs.map((d) => [d.numero, d.statut, d.rapportOpportunite, d.etablissementConcerne]),
      ).toEqual([
        [1, 'validee', 'Rapport 1', 1],
        [2, 'brouillon', 'Rapport 2', 1],
        [3, 'brouillon', 'Rapport 3', 1],
      ])
      // Fields added later are filled in for existing demandes.
      expect(demandes.docs.map((d) => [d.typeDiplome ?? null, d.ecartCapacite ?? null])).toEqual([
        ['CAP', 12],
        [null, null],
        [null, null],
      ])
      expect((await payload.countVersions({ collection: 'demandes', overrideAccess: true })).totalDocs).toBe(
        3,
      )
      const appliquees = await client.execute('SELECT name FROM payload_migrations ORDER BY id')
      expect(appliquees.rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name))
    })
  },
)
