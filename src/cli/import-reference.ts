/**
 * npm run import:reference [-- --etablissements FICHIER.csv] [-- --diplomes FICHIER.csv]
 * Loads the annuaire and the BCN diplômes (the project's files by default). Idempotent.
 */
import { parseArgs } from 'node:util'

import { demarrerPayload, quitterSurErreur } from './commun'
import { importerFichiersReference } from '../referentiel/fichiers'

try {
  const { values } = parseArgs({
    options: { etablissements: { type: 'string' }, diplomes: { type: 'string' } },
  })
  const payload = await demarrerPayload()
  const debut = Date.now()
  const { rapport } = await importerFichiersReference(payload, values)
  console.log(rapport)
  console.log(`Import terminé en ${((Date.now() - debut) / 1000).toFixed(1)} s.`)
  process.exit(0)
} catch (err) {
  quitterSurErreur(err)
}
