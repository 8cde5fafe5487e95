/**
 * npm run import:reference [-- --etablissements FICHIER.csv] [-- --diplomes FICHIER.csv | --bcn DOSSIER]
 *   [-- --simulation] [-- --confirmer]
 * Loads the annuaire and the BCN diplômes (the project's files by default; --bcn: a folder of the BCN's own
 * tables, N_FORMATION_DIPLOME, N_MEF and the CFD → RNCP links). Idempotent. --simulation writes nothing;
 * a file that would empty a required or derived field on more than 1 % of the rows writes nothing either,
 * unless --confirmer.
 */
import { parseArgs } from 'node:util'

import { demarrerPayload, quitterSurErreur } from './commun'
import { importerFichiersReference } from '../referentiel/fichiers'

try {
  const { values } = parseArgs({
    options: {
      etablissements: { type: 'string' },
      diplomes: { type: 'string' },
      bcn: { type: 'string' },
      simulation: { type: 'boolean' },
      confirmer: { type: 'boolean' },
    },
  })
  if (values.bcn && values.diplomes) throw new Error('--diplomes et --bcn : choisissez l’un ou l’autre.')
  const payload = await demarrerPayload()
  const debut = Date.now()
  const { rapport, bilans, durees } = await importerFichiersReference(payload, values)
  console.log(rapport)
  const s = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`
  console.log(
    `${values.simulation ? 'Simulation' : 'Import'} terminé(e) en ${s(Date.now() - debut)} (établissements ${s(durees.etablissements)}, diplômes ${s(durees.diplomes)}).`,
  )
  const refuse = bilans.etablissements.confirmationRequise || bilans.diplomes.confirmationRequise
  process.exit(refuse && !values.simulation ? 1 : 0)
} catch (err) {
  quitterSurErreur(err)
}
