import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { construireMonde, demandeComplete, type Monde } from '../aides/fabrique'
import { payloadDeTest } from '../aides/payload'

const sqlite = !process.env.MONGODB_URI
let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

function commande(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; sortie: string }> {
  return new Promise((resolve) => {
    const enfant = spawn(
      process.execPath,
      ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'src/cli/sauvegarde.ts', ...args],
      {
        env: {
          PATH: process.env.PATH!,
          HOME: process.env.HOME!,
          NODE_ENV: 'development',
          ...env,
        } as unknown as NodeJS.ProcessEnv,
      },
    )
    let sortie = ''
    enfant.stdout.on('data', (m: Buffer) => (sortie += m))
    enfant.stderr.on('data', (m: Buffer) => (sortie += m))
    enfant.on('exit', (code) => resolve({ code, sortie: sortie.trim() }))
  })
}

beforeAll(async () => {
  if (!sqlite) return
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
})
afterAll(async () => {
  if (sqlite) await fermer()
})

describe.runIf(sqlite)(
  'Sauvegarde et restauration de la base embarquée (SECURITY.md 21) — SQLite seulement : elle copie le fichier de la base ; MongoDB se sauvegarde avec mongodump',
  () => {
    it('sauvegarde pendant des écritures, puis restaure ailleurs : demandes, annexes et fichiers identiques à l’instant de la sauvegarde', async () => {
      const { users, etablissements } = monde
      const d = await payload.create({
        collection: 'demandes',
        data: demandeComplete(monde) as never,
        user: users.etabA,
        overrideAccess: false,
      })
      const pdf = Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer<</Root 1 0 R/Size 2>>\nstartxref\n9\n%%EOF\n',
      )
      const annexe = await payload.create({
        collection: 'annexes',
        data: { demande: d.id, description: 'PV' },
        file: { data: pdf, mimetype: 'application/pdf', name: 'pv.pdf', size: pdf.length },
        user: users.etabA,
        overrideAccess: false,
      })
      const env = {
        DATABASE_URI: process.env.DATABASE_URI!,
        UPLOAD_DIR: process.env.UPLOAD_DIR!,
        DOCUMENTS_DIR: path.join(os.tmpdir(), 'carte-docs-vide'),
      }
      const destination = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'carte-sauvegarde-')), 'instantane')

      // Writes keep coming while the backup runs.
      let ecrire = true
      const ecritures = (async () => {
        let n = 0
        while (ecrire) {
          await payload.create({
            collection: 'demandes',
            data: { etablissementConcerne: etablissements.a.id } as never,
            user: users.etabA,
            overrideAccess: false,
          })
          n++
          // Local SQLite calls resolve as microtasks: let the event loop see the backup process's events.
          await new Promise((r) => setTimeout(r, 5))
        }
        return n
      })()
      const r = await commande(['--dest', destination], env)
      ecrire = false
      const ecritesPendant = await ecritures
      expect(r.code, r.sortie).toBe(0)
      expect(r.sortie).toMatch(/^Sauvegarde cohérente écrite dans .* demandes, 1 annexes \(1 fichiers\)/)
      expect(ecritesPendant).toBeGreaterThan(0)
      const manifeste = JSON.parse(fs.readFileSync(path.join(destination, 'manifeste.json'), 'utf8'))
      expect(manifeste.integrite).toBe('ok')

      // After the backup: a deletion (by the filer, of a draft with an annexe) that the restore must undo.
      await payload.delete({ collection: 'demandes', id: d.id, user: users.etabA, overrideAccess: false })
      expect(
        (
          await payload.count({
            collection: 'annexes',
            where: { demande: { equals: d.id } },
            overrideAccess: true,
          })
        ).totalDocs,
      ).toBe(0)
      expect(fs.existsSync(path.join(process.env.UPLOAD_DIR!, annexe.filename!))).toBe(false)

      const cible = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-restauree-'))
      const envCible = {
        DATABASE_URI: `file:${path.join(cible, 'carte.db')}`,
        UPLOAD_DIR: path.join(cible, 'annexes'),
        DOCUMENTS_DIR: path.join(cible, 'documents'),
      }
      const restauration = await commande(['--restaurer', '--from', destination], envCible)
      expect(restauration.code, restauration.sortie).toBe(0)
      expect(restauration.sortie).toContain('restaurée')

      // Read the restored files as they are on disk (this process's Payload stays on the live database).
      const base = createClient({ url: envCible.DATABASE_URI })
      const ligne = (
        await base.execute({ sql: 'SELECT rapport_opportunite FROM demandes WHERE id = ?', args: [d.id] })
      ).rows[0]
      expect(ligne?.rapport_opportunite).toBe(d.rapportOpportunite)
      expect(Number((await base.execute('SELECT COUNT(*) AS n FROM demandes')).rows[0]?.n)).toBe(
        manifeste.demandes,
      )
      const fichier = (
        await base.execute({ sql: 'SELECT filename FROM annexes WHERE id = ?', args: [annexe.id] })
      ).rows[0]?.filename
      expect(String((await base.execute('PRAGMA integrity_check')).rows[0]?.integrity_check)).toBe('ok')
      base.close()
      expect(fs.readFileSync(path.join(envCible.UPLOAD_DIR, String(fichier)))).toEqual(pdf)
    })

    it('refuse une sauvegarde altérée, en une ligne', async () => {
      const destination = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'carte-sauvegarde-')), 'b')
      const env = { DATABASE_URI: process.env.DATABASE_URI!, UPLOAD_DIR: process.env.UPLOAD_DIR! }
      expect((await commande(['--dest', destination], env)).code).toBe(0)
      fs.appendFileSync(path.join(destination, 'carte.db'), 'altération')
      const r = await commande(['--restaurer', '--from', destination], {
        DATABASE_URI: `file:${path.join(os.tmpdir(), 'nulle-part', 'carte.db')}`,
      })
      expect(r.code).toBe(1)
      expect(r.sortie).toMatch(
        /^Configuration invalide — --from : la base .* ne correspond pas à son manifeste/,
      )
    })
  },
)

describe('Sauvegarde intégrée d’une base MongoDB', () => {
  it('est refusée en une ligne, qui renvoie à mongodump', async () => {
    const mongo = await commande([], { DATABASE_URI: 'mongodb://127.0.0.1:9/x' })
    expect(mongo.sortie).toMatch(
      /^Configuration invalide — DATABASE_URI : la sauvegarde intégrée concerne la base SQLite embarquée ; pour MongoDB, utilisez mongodump/,
    )
  })
})
