import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { importerDiplomes, importerEtablissements, resumer } from './importer'
import { lireDiplomes, lireEtablissements } from './lire'

export const DOSSIER_REFERENCE = path.resolve(process.cwd(), 'data/reference')
export const FICHIER_ETABLISSEMENTS = path.join(DOSSIER_REFERENCE, 'etablissements_occitanie.csv')
export const FICHIER_DIPLOMES = path.join(DOSSIER_REFERENCE, 'formations_diplomes_pro.csv')

/** Imports both reference files and returns the report lines (printed by the CLI and the demo). */
export async function importerFichiersReference(
  payload: Payload,
  fichiers: { etablissements?: string; diplomes?: string } = {},
): Promise<{ rapport: string; rejets: number }> {
  const etab = await lireEtablissements(
    fs.readFileSync(fichiers.etablissements ?? FICHIER_ETABLISSEMENTS, 'utf8'),
  )
  const dipl = await lireDiplomes(fs.readFileSync(fichiers.diplomes ?? FICHIER_DIPLOMES, 'utf8'))
  const bilanEtab = await importerEtablissements(payload, etab.lignes, etab.rejets, { absents: etab.absents })
  const bilanDipl = await importerDiplomes(payload, dipl.lignes, dipl.rejets, { absents: dipl.absents })
  return {
    rapport: [resumer('Établissements', bilanEtab), resumer('Diplômes', bilanDipl)].join('\n'),
    rejets: etab.rejets.length + dipl.rejets.length,
  }
}
