import fs from 'node:fs'

import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { actualiserStatistiques } from '../../src/adaptateur'
import { genererDemandes, insererDemandes } from '../../src/outils/masse'
import { lireEtablissements } from '../../src/referentiel/lire'
import { construireMonde, type Monde, type Utilisateur } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

/**
 * The lists filed and consulted at the deadline must not scan or sort the demandes table, whatever its size: the
 * SQL that Payload runs for them (access rules included) is captured and its query plan read from SQLite.
 */
type Requete = { sql: string; args: unknown[] }
type Client = { execute: (q: string | Requete) => Promise<{ rows: Record<string, unknown>[] }> }

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde
let client: Client
let capture: Requete[] | null = null

const sqlite = !process.env.MONGODB_URI

beforeAll(async () => {
  if (!sqlite) return
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  // The statistics reflect the real spread: 300 établissements of the annuaire, about 65 demandes each.
  const deja = new Set(Object.values(monde.etablissements).map((e) => e.uai))
  const annuaire = (
    await lireEtablissements(fs.readFileSync('data/reference/etablissements_occitanie.csv', 'utf8'))
  ).lignes
    .filter((e) => !deja.has(e.uai))
    .slice(0, 300)
  const autres = []
  for (const e of annuaire)
    autres.push(
      await payload.db.create({ collection: 'etablissements', data: { ...e, libelle: e.uai } as never }),
    )
  const e = [...Object.values(monde.etablissements), ...autres]
  await insererDemandes(payload, genererDemandes(20_000, e, [monde.diplomes.capCuisine, monde.diplomes.bts]))
  client = (payload.db as unknown as { client: Client }).client
  const execute = client.execute.bind(client)
  client.execute = (q) => {
    if (capture) capture.push(typeof q === 'string' ? { sql: q, args: [] } : q)
    return execute(q)
  }
}, 120_000)
afterAll(async () => fermer?.())

/** The query plans of the statements on `demandes` that `operation` runs. */
async function plans(operation: () => Promise<unknown>): Promise<string[]> {
  capture = []
  await operation()
  const requetes = capture.filter((q) => /from "demandes"/.test(q.sql) && /^select/i.test(q.sql))
  capture = null
  const resultat: string[] = []
  for (const q of requetes) {
    const lignes = (await client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.args })).rows
    resultat.push(lignes.map((l) => String(l.detail)).join(' | '))
  }
  return resultat
}

const liste = (user: Utilisateur, where: Where) =>
  payload.find({
    collection: 'demandes',
    user,
    overrideAccess: false,
    where,
    depth: 0,
    limit: 50,
    sort: '-numero',
  })

describe.skipIf(!sqlite)(
  'Plans des requêtes des listes (SQLite, 20 000 demandes) — SQLite seulement : EXPLAIN QUERY PLAN de SQLite ; la doublure MongoDB n’a pas d’index à choisir',
  () => {
    it('les statistiques du planificateur sont recueillies', async () => {
      await actualiserStatistiques(payload)
      const stats = (await client.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'demandes'")).rows.map(
        (r) => r.idx,
      )
      expect(stats).toEqual(
        expect.arrayContaining([
          'etablissementConcerne_statutDepot_numero_idx',
          'structureDeposante_statut_numero_idx',
          'academie_mesure_numero_statut_idx',
        ]),
      )
    })

    it('tableau de bord d’un établissement : ses brouillons, ses validées, par l’index de l’établissement', async () => {
      const parEtablissement =
        /^SEARCH demandes USING (COVERING )?INDEX (etablissementConcerne_statutDepot_numero_idx|demandes_etablissement_concerne_idx) \(etablissement_concerne_id=\?/
      for (const where of [{ statut: { equals: 'brouillon' } }, { statut: { not_equals: 'brouillon' } }]) {
        const [comptage, lecture] = await plans(() => liste(monde.users.etabA, where))
        expect(comptage).toMatch(parEtablissement)
        expect(lecture).toMatch(parEtablissement)
      }
      // Its drafts come in numero order straight from the index: nothing to sort. Before publication its filter on
      // `statut` is answered on its stored view, `statutDepot` (SECURITY 26), which the index leads with.
      const [, brouillons] = await plans(() => liste(monde.users.etabA, { statut: { equals: 'brouillon' } }))
      expect(brouillons).toMatch(
        /^SEARCH demandes USING INDEX etablissementConcerne_statutDepot_numero_idx \(etablissement_concerne_id=\? AND statut_depot=\?\)/,
      )
      expect(brouillons.split(' | CORRELATED')[0]).not.toContain('TEMP B-TREE')
    })

    it('rectorat : une académie, une mesure, triée par numéro, parcourue dans l’ordre de l’index ; comptage sur l’index seul', async () => {
      const [comptage, lecture] = await plans(() =>
        liste(monde.users.rectoratM, {
          and: [{ mesure: { equals: 'ouverture' } }, { statut: { not_equals: 'brouillon' } }],
        }),
      )
      expect(lecture).toMatch(
        /^SEARCH demandes USING INDEX academie_mesure_numero_statut_idx \(academie=\? AND mesure=\?\)/,
      )
      expect(lecture.split(' | CORRELATED')[0]).not.toContain('TEMP B-TREE')
      expect(comptage).toContain('COVERING INDEX academie_mesure_numero_statut_idx')
    })

    it('validation : les priorités déjà prises par la structure, par l’index de la structure', async () => {
      const { traiterValidation } = await import('../../src/validation')
      const [brouillon] = (await liste(monde.users.etabA, { statut: { equals: 'brouillon' } })).docs
      const resultats = await plans(async () =>
        traiterValidation(await requetePour(payload, monde.users.etabA), brouillon!.id, false),
      )
      const priorites = resultats.find((p) => p.includes('structureDeposante_statut_numero_idx'))
      expect(priorites, resultats.join('\n')).toBeDefined()
      // No statement of the validation reads the whole table (SCAN), whatever index it would walk.
      expect(resultats.join('\n')).not.toMatch(/\bSCAN demandes\b/)
    })
  },
)
