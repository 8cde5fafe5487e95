import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { type FichierSource, lireFichiersDiplomes } from './bcn'
import { type Bilan, importerDiplomes, importerEtablissements, type OptionsImport, resumer } from './importer'
import { type Lecture, lireEtablissements } from './lire'
import { texteDuFichier } from './zip'

export const DOSSIER_REFERENCE = path.resolve(process.cwd(), 'data/reference')
export const FICHIER_ETABLISSEMENTS = path.join(DOSSIER_REFERENCE, 'etablissements_occitanie.csv')
export const FICHIER_DIPLOMES = path.join(DOSSIER_REFERENCE, 'formations_diplomes_pro.csv')

/** The CSV files of a folder of BCN tables (N_FORMATION_DIPLOME, N_MEF, CFD → RNCP), each read as what it is. */
export function fichiersDuDossier(dossier: string): FichierSource[] {
  return fs
    .readdirSync(dossier)
    .filter((nom) => /\.csv$/i.test(nom))
    .sort()
    .map((nom) => ({ nom, texte: texteDuFichier(fs.readFileSync(path.join(dossier, nom))) }))
}

/** What a file's reading tells the import besides its rows. */
export function optionsDe<T>(lecture: Lecture<T>): OptionsImport {
  return {
    absents: lecture.absents,
    cles: lecture.cles,
    horsChamp: lecture.horsChamp,
    sansCreation: lecture.sansCreation,
  }
}

export type OptionsFichiers = {
  etablissements?: string
  diplomes?: string
  /** A folder of the BCN's own tables, instead of `diplomes`. */
  bcn?: string
  simulation?: boolean
  confirmer?: boolean
}

/** Imports both reference files and returns the report lines (printed by the CLI and the demo). */
export async function importerFichiersReference(
  payload: Payload,
  fichiers: OptionsFichiers = {},
): Promise<{
  rapport: string
  rejets: number
  bilans: { etablissements: Bilan; diplomes: Bilan }
  /** Reading and comparing (and writing) each referential, in ms. */
  durees: { etablissements: number; diplomes: number }
}> {
  const { simulation, confirmer } = fichiers
  const debut = Date.now()
  const etab = await lireEtablissements(
    fs.readFileSync(fichiers.etablissements ?? FICHIER_ETABLISSEMENTS, 'utf8'),
  )
  const bilanEtab = await importerEtablissements(payload, etab.lignes, etab.rejets, {
    ...optionsDe(etab),
    simulation,
    confirmer,
  })
  const milieu = Date.now()
  const sources = fichiers.bcn
    ? fichiersDuDossier(fichiers.bcn)
    : [{ nom: 'diplomes', texte: fs.readFileSync(fichiers.diplomes ?? FICHIER_DIPLOMES, 'utf8') }]
  const dipl = await lireFichiersDiplomes(sources)
  const bilanDipl = await importerDiplomes(payload, dipl.lignes, dipl.rejets, {
    ...optionsDe(dipl),
    simulation,
    confirmer,
  })
  return {
    rapport: [resumer('Établissements', bilanEtab), resumer('Diplômes', bilanDipl)].join('\n'),
    rejets: etab.rejets.length + dipl.rejets.length,
    bilans: { etablissements: bilanEtab, diplomes: bilanDipl },
    durees: { etablissements: milieu - debut, diplomes: Date.now() - milieu },
  }
}
